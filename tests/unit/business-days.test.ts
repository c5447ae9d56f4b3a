import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessDays, federalHolidays, isBusinessDay, weekday } from "@/domain/business-days";
import { chicagoDay } from "@/domain/chicago";
import { dueDayFor } from "@/domain/deadlines";
import {
  commitmentBusinessDays,
  commitmentDueDate,
  commitmentDueDay,
  DEFAULT_COMMITMENT_BUSINESS_DAYS,
  MAX_COMMITMENT_BUSINESS_DAYS,
  MIN_COMMITMENT_BUSINESS_DAYS,
  responseCommitmentText,
} from "@/domain/response-commitment";

/** OPM's published lists of federal holidays (observed dates), 2024–2027. */
const OPM: Record<number, string[]> = {
  2024: ["2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-10-14", "2024-11-11", "2024-11-28", "2024-12-25"],
  2025: ["2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25"],
  // 2026: Independence Day falls on a Saturday, observed Friday 3 July.
  2026: ["2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"],
  // 2027: Juneteenth on a Saturday (Friday 18 June), Independence Day on a Sunday (Monday 5 July),
  // Christmas on a Saturday (Friday 24 December), and New Year's Day 2028 on a Saturday: observed
  // Friday 31 December 2027.
  2027: ["2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31"],
};

const plusDays = (day: string, n: number) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * 86_400_000).toISOString().slice(0, 10);
};

describe("federal holidays, from the rules as data", () => {
  for (const [year, days] of Object.entries(OPM)) {
    it(`match OPM's observed dates for ${year}`, () => expect([...federalHolidays(Number(year)).keys()].sort()).toEqual(days));
  }
  it("have no Juneteenth before 2021", () => expect([...federalHolidays(2020).values()]).not.toContain("Juneteenth National Independence Day"));
  it("always fall on weekdays, eleven or so a year, every year 1990–2100", () => {
    for (let y = 1990; y <= 2100; y++) {
      const days = [...federalHolidays(y).keys()];
      for (const d of days) expect([1, 2, 3, 4, 5]).toContain(weekday(d));
      expect(days.length).toBeGreaterThanOrEqual(9);
      expect(days.length).toBeLessThanOrEqual(12);
    }
  });
});

describe("business days", () => {
  it("skip weekends and holidays", () => {
    expect(isBusinessDay("2026-11-27")).toBe(true); // the Friday after Thanksgiving is not a federal holiday
    expect(isBusinessDay("2026-11-26")).toBe(false); // Thanksgiving
    expect(isBusinessDay("2026-11-28")).toBe(false); // Saturday
    expect(isBusinessDay("2026-11-29")).toBe(false); // Sunday
  });
  it("count from the day after, whatever the day itself is", () => {
    expect(addBusinessDays("2026-11-27", 1)).toBe("2026-11-30"); // Friday → Monday
    expect(addBusinessDays("2026-11-28", 1)).toBe("2026-11-30"); // Saturday → Monday
    expect(addBusinessDays("2026-11-25", 1)).toBe("2026-11-27"); // over Thanksgiving
    expect(addBusinessDays("2026-11-25", 0)).toBe("2026-11-25");
  });
  it("agree with counting by hand (an independent walk) for every day of 2024–2027 and 1, 5 and 15 days", () => {
    const holidays = new Set(Object.values(OPM).flat());
    const byHand = (day: string, n: number) => {
      let d = day;
      for (let c = 0; c < n; ) {
        d = plusDays(d, 1);
        const w = new Date(`${d}T00:00:00Z`).getUTCDay();
        if (w !== 0 && w !== 6 && !holidays.has(d)) c++;
      }
      return d;
    };
    for (let day = "2024-01-01"; day <= "2027-11-30"; day = plusDays(day, 1)) {
      for (const n of [1, 5, 15]) expect(addBusinessDays(day, n), `${day} + ${n}`).toBe(byHand(day, n));
    }
  }, 60_000);
  it("refuse a negative or fractional count", () => {
    expect(() => addBusinessDays("2026-01-01", -1)).toThrow(RangeError);
    expect(() => addBusinessDays("2026-01-01", 1.5)).toThrow(RangeError);
  });
});

/** An instant at a Chicago wall time (tested: UTC−6 in winter, UTC−5 in summer). */
const at = (iso: string) => new Date(iso);

describe("the response commitment", () => {
  // Receipt instant (UTC) → Chicago day → due day for 5 business days.
  const table: Array<[string, string, string, string]> = [
    ["a Friday evening in Chicago is still Friday (UTC says Saturday)", "2026-11-28T03:30:00Z", "2026-11-27", "2026-12-04"],
    ["over Thanksgiving", "2026-11-25T15:00:00Z", "2026-11-25", "2026-12-03"],
    ["over the spring-forward night (8 March 2026)", "2026-03-07T20:00:00Z", "2026-03-07", "2026-03-13"],
    ["over the fall-back night (1 November 2026)", "2026-10-31T23:00:00Z", "2026-10-31", "2026-11-06"],
    ["over Christmas", "2026-12-23T17:00:00Z", "2026-12-23", "2026-12-31"],
    ["across the year end, over New Year's Day", "2026-12-28T17:00:00Z", "2026-12-28", "2027-01-05"],
    ["across the year end with New Year's Day 2028 observed on 31 December 2027", "2027-12-27T17:00:00Z", "2027-12-27", "2028-01-04"],
    ["just before midnight on 31 December in Chicago (already 1 January in UTC)", "2027-01-01T05:30:00Z", "2026-12-31", "2027-01-08"],
  ];
  for (const [name, instant, receivedDay, dueDay] of table) {
    it(`is 5 business days after the Chicago day of receipt: ${name}`, () => {
      expect(chicagoDay(at(instant))).toBe(receivedDay);
      expect(commitmentDueDay(at(instant), 5)).toBe(dueDay);
      // Stored as the end of that day in Chicago.
      const stored = commitmentDueDate(at(instant), 5);
      expect(chicagoDay(stored)).toBe(dueDay);
      expect(chicagoDay(new Date(stored.getTime() + 1))).toBe(plusDays(dueDay, 1));
    });
  }

  it("never falls after the legal due date, for any receipt instant 2020–2040 and any allowed setting (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2040-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.integer({ min: MIN_COMMITMENT_BUSINESS_DAYS, max: MAX_COMMITMENT_BUSINESS_DAYS }),
        (receivedAt, days) => {
          const commitment = commitmentDueDay(receivedAt, days);
          return commitment > chicagoDay(receivedAt) && commitment <= dueDayFor(receivedAt);
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);
  it("never falls after the legal due date at the largest setting, for every receipt day 2024–2032", () => {
    for (let day = "2024-01-01"; day <= "2032-12-31"; day = plusDays(day, 1)) {
      const noon = new Date(`${day}T18:00:00Z`);
      expect(commitmentDueDay(noon, MAX_COMMITMENT_BUSINESS_DAYS) <= dueDayFor(noon), day).toBe(true);
    }
  }, 60_000);
  it("reads the setting: whole days 1–15, anything else the default", () => {
    expect(commitmentBusinessDays(7)).toBe(7);
    for (const bad of [0, 16, 5.5, "5", null, undefined, -3]) expect(commitmentBusinessDays(bad)).toBe(DEFAULT_COMMITMENT_BUSINESS_DAYS);
  });
  it("says it in one sentence, beside the law's 30 days", () => {
    expect(responseCommitmentText(5)).toBe("We aim to send your records within 5 business days; the law allows us up to 30 days.");
    expect(responseCommitmentText(1)).toBe("We aim to send your records within 1 business day; the law allows us up to 30 days.");
  });
});
