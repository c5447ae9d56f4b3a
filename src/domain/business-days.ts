/**
 * Business days in America/Chicago: Monday to Friday, except the US federal holidays as the
 * federal government observes them (5 U.S.C. 6103: a holiday on a Saturday is observed the Friday
 * before, on a Sunday the Monday after). The holidays are data — rules by which each year's dates
 * follow — so a new year needs no code. Pure; calendar days only (src/domain/chicago.ts).
 */
import { addCalendarDays } from "./chicago";

type HolidayRule =
  | { name: string; kind: "fixed"; month: number; day: number }
  | { name: string; kind: "nth-weekday"; month: number; weekday: number; nth: number }
  | { name: string; kind: "last-weekday"; month: number; weekday: number };

/** 5 U.S.C. 6103(a). Weekdays: 0 Sunday … 6 Saturday. Juneteenth since 2021. */
export const FEDERAL_HOLIDAY_RULES: readonly (HolidayRule & { since?: number })[] = [
  { name: "New Year's Day", kind: "fixed", month: 1, day: 1 },
  { name: "Birthday of Martin Luther King, Jr.", kind: "nth-weekday", month: 1, weekday: 1, nth: 3 },
  { name: "Washington's Birthday", kind: "nth-weekday", month: 2, weekday: 1, nth: 3 },
  { name: "Memorial Day", kind: "last-weekday", month: 5, weekday: 1 },
  { name: "Juneteenth National Independence Day", kind: "fixed", month: 6, day: 19, since: 2021 },
  { name: "Independence Day", kind: "fixed", month: 7, day: 4 },
  { name: "Labor Day", kind: "nth-weekday", month: 9, weekday: 1, nth: 1 },
  { name: "Columbus Day", kind: "nth-weekday", month: 10, weekday: 1, nth: 2 },
  { name: "Veterans Day", kind: "fixed", month: 11, day: 11 },
  { name: "Thanksgiving Day", kind: "nth-weekday", month: 11, weekday: 4, nth: 4 },
  { name: "Christmas Day", kind: "fixed", month: 12, day: 25 },
];

const pad = (n: number) => String(n).padStart(2, "0");
const dayOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Day of the week of a calendar day (0 Sunday … 6 Saturday); no time zone involved. */
export function weekday(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function actualDate(rule: HolidayRule, year: number): string {
  switch (rule.kind) {
    case "fixed":
      return dayOf(year, rule.month, rule.day);
    case "nth-weekday": {
      const first = weekday(dayOf(year, rule.month, 1));
      return dayOf(year, rule.month, 1 + ((rule.weekday - first + 7) % 7) + 7 * (rule.nth - 1));
    }
    case "last-weekday": {
      const lastDay = daysInMonth(year, rule.month);
      const last = weekday(dayOf(year, rule.month, lastDay));
      return dayOf(year, rule.month, lastDay - ((last - rule.weekday + 7) % 7));
    }
  }
}

/** The observed date: Saturday → the Friday before, Sunday → the Monday after. */
function observed(day: string): string {
  const w = weekday(day);
  return w === 6 ? addCalendarDays(day, -1) : w === 0 ? addCalendarDays(day, 1) : day;
}

const cache = new Map<number, ReadonlyMap<string, string>>();

/**
 * The federal holidays observed in `year` (day → name). New Year's Day of the next year observed
 * on 31 December counts in this year.
 */
export function federalHolidays(year: number): ReadonlyMap<string, string> {
  const known = cache.get(year);
  if (known) return known;
  const holidays = new Map<string, string>();
  for (const y of [year, year + 1]) {
    for (const rule of FEDERAL_HOLIDAY_RULES) {
      if (rule.since && y < rule.since) continue;
      const day = observed(actualDate(rule, y));
      if (day.startsWith(`${year}-`)) holidays.set(day, rule.name);
    }
  }
  cache.set(year, holidays);
  return holidays;
}

export function isBusinessDay(day: string): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6 && !federalHolidays(Number(day.slice(0, 4))).has(day);
}

/** The `n`th business day after `day` (`day` itself never counts, whatever it is). */
export function addBusinessDays(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a number of business days: ${n}`);
  let current = day;
  for (let counted = 0; counted < n; ) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current)) counted++;
  }
  return current;
}
