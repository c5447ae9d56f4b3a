import { describe, expect, it } from "vitest";
import { daysRemaining, dueDateFor, paperReceivedAt, startOfDayInChicago } from "@/domain/deadlines";

describe("the 30-day deadline", () => {
  it("falls 30 days after receipt", () => {
    expect(dueDateFor(new Date("2026-11-25T15:00:00Z")).toISOString()).toBe("2026-12-25T15:00:00.000Z");
  });
  it("counts down, and goes negative when overdue", () => {
    const due = new Date("2026-12-25T15:00:00Z");
    expect(daysRemaining(due, new Date("2026-12-20T15:00:00Z"))).toBe(5);
    expect(daysRemaining(due, new Date("2026-12-27T15:00:00Z"))).toBe(-2);
  });
});

describe("a paper form's receipt", () => {
  it("counts from the start of the day it arrived, in Chicago", () => {
    expect(paperReceivedAt("2026-11-20").toISOString()).toBe("2026-11-20T06:00:00.000Z");
    expect(dueDateFor(paperReceivedAt("2026-11-20")).toISOString()).toBe("2026-12-20T06:00:00.000Z");
  });
  it("knows daylight saving time, on the days it starts and ends too", () => {
    expect(startOfDayInChicago("2026-07-04").toISOString()).toBe("2026-07-04T05:00:00.000Z");
    expect(startOfDayInChicago("2026-03-08").toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect(startOfDayInChicago("2026-11-01").toISOString()).toBe("2026-11-01T05:00:00.000Z");
  });
});
