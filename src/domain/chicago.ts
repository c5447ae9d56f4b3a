/**
 * The one place that turns instants into America/Chicago calendar days and back (RULES.md §5):
 * deadlines are calendar days in Chicago, daylight saving included; a date a person writes
 * (birth, expiry, payment) is a calendar date, never an instant. Built on date-fns with
 * @date-fns/tz (docs/decisions/0008-calendar-dates.md). Pure; runs in the browser too.
 *
 * Two kinds of value:
 *  - a **day**: "YYYY-MM-DD", a calendar date with no time zone;
 *  - a **date-only column** (Prisma `@db.Date`): Postgres `date`, which Prisma hands over as a
 *    `Date` at midnight UTC. `dateOnlyToDay` / `dayToDateOnly` convert without any zone shift.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format } from "date-fns";

export const CHICAGO = "America/Chicago";

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The Chicago calendar day an instant falls on. */
export function chicagoDay(instant: Date): string {
  return format(new TZDate(instant.getTime(), CHICAGO), "yyyy-MM-dd");
}

/** Today in Chicago, as YYYY-MM-DD. */
export function todayInChicago(now: Date = new Date()): string {
  return chicagoDay(now);
}

/** The year (Chicago) an instant falls in. */
export function chicagoYear(instant: Date): number {
  return Number(chicagoDay(instant).slice(0, 4));
}

/** Midnight at the start of a calendar day in Chicago, as an instant. */
export function startOfDayInChicago(day: string): Date {
  const [y, m, d] = parts(day);
  return new Date(new TZDate(y, m - 1, d, CHICAGO).getTime());
}

/** The last millisecond of a calendar day in Chicago (a deadline "on" that day runs to its end). */
export function endOfDayInChicago(day: string): Date {
  return new Date(startOfDayInChicago(addCalendarDays(day, 1)).getTime() - 1);
}

/** A calendar day plus (or minus) whole days; no time zone is involved. */
export function addCalendarDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return format(addDays(new TZDate(y, m - 1, d, "UTC"), days), "yyyy-MM-dd");
}

/** The same Chicago wall-clock time `days` calendar days after an instant (a link open "for 30 days"), across daylight saving. */
export function addDaysInChicago(instant: Date, days: number): Date {
  return new Date(addDays(new TZDate(instant.getTime(), CHICAGO), days).getTime());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return differenceInCalendarDays(new TZDate(ty, tm - 1, td, "UTC"), new TZDate(fy, fm - 1, fd, "UTC"));
}

/**
 * A wall-clock time in America/Chicago as `<input type="datetime-local">` posts it
 * ("2026-12-04T10:00", seconds optional) → the instant; null for anything that is not a real
 * calendar date and time between the years 2000 and 2199 (never throws, whatever is posted).
 */
export function chicagoDateTimeToUtc(local: unknown): Date | null {
  if (typeof local !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (y < 2000 || y > 2199 || h > 23 || mi > 59 || s > 59 || !isCalendarDay(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  return new Date(new TZDate(y, mo - 1, d, h, mi, s, CHICAGO).getTime());
}

/** A wall-clock time typed in Chicago → the instant (an invalid Date when it is no such time). */
export function chicagoWallTime(local: string): Date {
  return chicagoDateTimeToUtc(local) ?? new Date(Number.NaN);
}

/** A `@db.Date` value (midnight UTC) → its calendar day, with no zone shift. */
export function dateOnlyToDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A calendar day → the value Prisma stores in a `@db.Date` column. */
export function dayToDateOnly(day: string): Date {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Whether a string is a real calendar day (2026-02-30 is not). */
export function isCalendarDay(day: string): boolean {
  const m = DAY_PATTERN.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}
