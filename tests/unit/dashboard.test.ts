import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chicagoDay } from "@/domain/chicago";
import { dashboardWindow, formatDays, niceScale, OPEN_STATUSES, statusMethodTable } from "@/domain/dashboard";

describe("the dashboard's windows, in Chicago calendar days", () => {
  const table: Array<[string, string, string, string]> = [
    // now (UTC), today in Chicago, last day of "this week", first day of the 90 days
    ["2026-11-29T21:00:00Z", "2026-11-29", "2026-12-05", "2026-09-01"],
    ["2026-11-30T05:30:00Z", "2026-11-29", "2026-12-05", "2026-09-01"], // 23:30 in Chicago: still Sunday
    ["2026-03-06T18:00:00Z", "2026-03-06", "2026-03-12", "2025-12-07"], // the week spans spring-forward
    ["2026-10-30T18:00:00Z", "2026-10-30", "2026-11-05", "2026-08-02"], // the week spans fall-back
    ["2026-12-29T18:00:00Z", "2026-12-29", "2027-01-04", "2026-10-01"], // across the year end
  ];
  for (const [now, today, weekEnd, since] of table) {
    it(`at ${now}: today ${today}, this week to ${weekEnd}, 90 days from ${since}`, () => {
      const w = dashboardWindow(new Date(now));
      expect([w.today, w.weekEndDay, w.sinceDay]).toEqual([today, weekEnd, since]);
      // The week ends at the last millisecond of its last day; the window starts at the first of its first.
      expect(chicagoDay(w.weekEnd)).toBe(weekEnd);
      expect(chicagoDay(new Date(w.weekEnd.getTime() + 1))).not.toBe(weekEnd);
      expect(chicagoDay(w.since)).toBe(since);
      expect(chicagoDay(new Date(w.since.getTime() - 1))).not.toBe(since);
    });
  }
});

describe("open requests as a status × method table", () => {
  it("puts every open status in lifecycle order, with totals by row and column, and ignores closed ones", () => {
    const t = statusMethodTable([
      { status: "IN_REVIEW", method: "MAIL", count: 3 },
      { status: "IN_REVIEW", method: "PICKUP", count: 2 },
      { status: "SUBMITTED", method: "SECURE_EMAIL", count: 7 },
      { status: "COMPLETED", method: "MAIL", count: 100 },
    ]);
    expect(t.rows.map((r) => r.status)).toEqual([...OPEN_STATUSES]);
    expect(t.rows.find((r) => r.status === "IN_REVIEW")).toEqual({ status: "IN_REVIEW", byMethod: { SECURE_EMAIL: 0, MAIL: 3, PICKUP: 2 }, total: 5 });
    expect(t.totals).toEqual({ SECURE_EMAIL: 7, MAIL: 3, PICKUP: 2 });
    expect(t.total).toBe(12);
  });
  it("adds up whatever it is given (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: fc.constantFrom(...OPEN_STATUSES), method: fc.constantFrom("SECURE_EMAIL" as const, "MAIL" as const, "PICKUP" as const), count: fc.nat(10_000) })),
        (counts) => {
          const t = statusMethodTable(counts);
          const sum = counts.reduce((s, c) => s + c.count, 0);
          expect(t.total).toBe(sum);
          expect(t.rows.reduce((s, r) => s + r.total, 0)).toBe(sum);
          expect(t.totals.SECURE_EMAIL + t.totals.MAIL + t.totals.PICKUP).toBe(sum);
        },
      ),
    );
  });
});

describe("the chart scale", () => {
  it("rounds up to 1, 2 or 5 × 10ⁿ steps", () => {
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(niceScale(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(10)).toEqual({ top: 10, ticks: [0, 2, 4, 6, 8, 10] });
    expect(niceScale(9_735).top).toBe(10_000);
    expect(niceScale(2.3)).toEqual({ top: 2.5, ticks: [0, 0.5, 1, 1.5, 2, 2.5] });
  });
  it("steps by whole numbers for counts", () => {
    expect(niceScale(2, 5, true)).toEqual({ top: 2, ticks: [0, 1, 2] });
    expect(niceScale(1, 5, true)).toEqual({ top: 1, ticks: [0, 1] });
    expect(niceScale(37, 5, true)).toEqual({ top: 40, ticks: [0, 10, 20, 30, 40] });
  });
  it("always reaches the largest value with at most a few ticks (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e9, noNaN: true }), (max) => {
        const { top, ticks } = niceScale(max);
        // Within floating-point rounding (12 significant digits): a bar never visibly passes the axis.
        expect(top).toBeGreaterThanOrEqual(max * (1 - 1e-11));
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBe(top);
        expect(ticks.length).toBeLessThanOrEqual(7);
      }),
    );
  });
});

describe("days as staff read them", () => {
  it("shows one decimal under ten days and whole days above", () => {
    expect(formatDays(null)).toBe("—");
    expect(formatDays(1)).toBe("1 day");
    expect(formatDays(2.34)).toBe("2.3 days");
    expect(formatDays(12.6)).toBe("13 days");
  });
});
