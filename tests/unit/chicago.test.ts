import { describe, expect, it } from "vitest";
import { addDaysInChicago } from "@/domain/chicago";

describe("addDaysInChicago", () => {
  it("keeps the Chicago wall-clock time across daylight saving (30 days over the November change)", () => {
    const start = new Date("2026-10-20T15:00:00Z"); // 10:00 CDT
    const later = addDaysInChicago(start, 30);
    expect(later.toISOString()).toBe("2026-11-19T16:00:00.000Z"); // 10:00 CST
  });
  it("is plain whole days when no change falls between", () => {
    expect(addDaysInChicago(new Date("2026-01-05T12:00:00Z"), 14).toISOString()).toBe("2026-01-19T12:00:00.000Z");
  });
});
