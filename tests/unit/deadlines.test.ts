import { describe, expect, it } from "vitest";
import { daysRemaining, dueDateFor } from "@/domain/deadlines";

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
