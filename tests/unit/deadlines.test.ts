import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, calendarDaysBetween, chicagoDay, chicagoWallTime, dateOnlyToDay, dayToDateOnly, endOfDayInChicago, startOfDayInChicago } from "@/domain/chicago";
import { daysRemaining, dueDateFor, dueDayFor, extendedDueDate, paperReceivedAt } from "@/domain/deadlines";
import { formatDateOnly } from "@/domain/format";

// ── An independent computation: Intl's own tz database and UTC arithmetic, no date-fns. ──
const wall = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
function wallOf(t: number): string {
  const p = Object.fromEntries(wall.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
/** The instant a Chicago wall-clock time names (Chicago is UTC-5 or UTC-6): try both offsets. */
function instantOf(day: string, hh: number, mm: number): number | null {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  for (const offset of [5, 6]) {
    const t = Date.UTC(y, m - 1, d, hh, mm) + offset * 3_600_000;
    if (wallOf(t) === `${day}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}`) return t;
  }
  return null; // a wall time skipped by the spring change
}
function plusDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * 86_400_000).toISOString().slice(0, 10);
}
function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) out.push(d);
  return out;
}
const DAYS = everyDay("2024-01-01", "2028-12-31");
const TIMES: [number, number][] = [[0, 0], [0, 30], [1, 59], [3, 0], [12, 0], [18, 59], [22, 30], [23, 59]];

describe("the 30-day deadline, in calendar days in Chicago", () => {
  it("is due on the 30th calendar day after the day of receipt, for every receipt day and hour of five years (both DST changes each year)", () => {
    let checked = 0;
    for (const day of DAYS) {
      const expected = plusDays(day, 30);
      for (const [hh, mm] of TIMES) {
        const t = instantOf(day, hh, mm);
        if (t === null) continue;
        const due = dueDateFor(new Date(t));
        // The deadline instant falls on the expected Chicago day and is its last moment.
        expect(wallOf(due.getTime()).slice(0, 10), `received ${day} ${hh}:${mm}`).toBe(expected);
        expect(wallOf(due.getTime() + 1), `received ${day} ${hh}:${mm}`).toBe(`${plusDays(expected, 1)}T00:00`);
        expect(dueDayFor(new Date(t))).toBe(expected);
        checked++;
      }
      // A paper form counts from the start of its day.
      expect(wallOf(paperReceivedAt(day).getTime())).toBe(`${day}T00:00`);
      expect(wallOf(dueDateFor(paperReceivedAt(day)).getTime()).slice(0, 10)).toBe(expected);
    }
    expect(checked).toBeGreaterThan(DAYS.length * 7);
  }, 60_000);

  it("names the right day for forms received 3–31 October, across the end of daylight saving (the day-early bug)", () => {
    for (const day of everyDay("2026-10-03", "2026-10-31")) {
      expect(chicagoDay(dueDateFor(paperReceivedAt(day)))).toBe(plusDays(day, 30));
    }
    expect(chicagoDay(dueDateFor(paperReceivedAt("2026-10-03")))).toBe("2026-11-02");
  });

  it("counts days left in calendar days: 30 on the day of receipt, 0 on the due day, negative after", () => {
    for (const day of DAYS.filter((_, i) => i % 7 === 0)) {
      const received = instantOf(day, 23, 59)!;
      const due = dueDateFor(new Date(received));
      expect(daysRemaining(due, new Date(received))).toBe(30);
      expect(daysRemaining(due, new Date(instantOf(plusDays(day, 30), 0, 0)!))).toBe(0);
      expect(daysRemaining(due, new Date(instantOf(plusDays(day, 30), 23, 59)!))).toBe(0);
      expect(daysRemaining(due, new Date(instantOf(plusDays(day, 32), 12, 0)!))).toBe(-2);
    }
  });

  it("moves by an extension in calendar days", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DAYS), fc.integer({ min: 1, max: 30 }), (day, days) => {
        const due = dueDateFor(paperReceivedAt(day));
        const extended = extendedDueDate(due, days);
        expect(wallOf(extended.getTime()).slice(0, 10)).toBe(plusDays(day, 30 + days));
        expect(wallOf(extended.getTime() + 1)).toBe(`${plusDays(day, 31 + days)}T00:00`);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the Chicago calendar helper", () => {
  it("adds and counts calendar days like UTC arithmetic does", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DAYS), fc.integer({ min: -400, max: 400 }), (day, n) => {
        expect(addCalendarDays(day, n)).toBe(plusDays(day, n));
        expect(calendarDaysBetween(day, plusDays(day, n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });
  it("knows the start and end of each day, on the days daylight saving starts and ends too", () => {
    expect(startOfDayInChicago("2026-07-04").toISOString()).toBe("2026-07-04T05:00:00.000Z");
    expect(startOfDayInChicago("2026-03-08").toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect(startOfDayInChicago("2026-11-01").toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(endOfDayInChicago("2026-11-01").toISOString()).toBe("2026-11-02T05:59:59.999Z");
    expect(endOfDayInChicago("2026-03-08").toISOString()).toBe("2026-03-09T04:59:59.999Z");
  });
  it("reads a Chicago wall-clock time as the instant it names, in winter and summer", () => {
    for (const day of DAYS.filter((_, i) => i % 5 === 0)) {
      const t = instantOf(day, 10, 0)!;
      expect(chicagoWallTime(`${day}T10:00`).getTime()).toBe(t);
    }
  });
  it("keeps a date-only value (birth, expiry, payment) on its own day, whatever the zone", () => {
    for (const day of DAYS.filter((_, i) => i % 3 === 0)) {
      expect(dateOnlyToDay(dayToDateOnly(day))).toBe(day);
      const [y, m, d] = day.split("-").map(Number) as [number, number, number];
      expect(formatDateOnly(dayToDateOnly(day))).toBe(new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "long" }).format(new Date(Date.UTC(y, m - 1, d))));
    }
    // A payment received on November 29 is shown as November 29 (stored as midnight UTC, once shown as the 28th).
    expect(formatDateOnly(dayToDateOnly("2026-11-29"))).toBe("November 29, 2026");
  });
});
