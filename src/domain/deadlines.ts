/** HIPAA 164.524 and 735 ILCS 5/8-2001: respond within 30 days of receipt; one extension of up to 30 more. */
export const RESPONSE_DAYS = 30;
export const MAX_EXTENSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function dueDateFor(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + RESPONSE_DAYS * DAY_MS);
}

/** Whole days until the due date (negative when overdue), counted in elapsed 24-hour days. */
export function daysRemaining(dueAt: Date, now: Date): number {
  return Math.ceil((dueAt.getTime() - now.getTime()) / DAY_MS);
}

/**
 * When a paper form counts as received: the start of the day it arrived, in America/Chicago. Its
 * hour is not known, and the earliest reading never makes the deadline later than the law's.
 */
export function paperReceivedAt(receivedOn: string): Date {
  return startOfDayInChicago(receivedOn);
}

/** Midnight at the start of a calendar day (YYYY-MM-DD) in America/Chicago, daylight saving included. */
export function startOfDayInChicago(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Chicago is 5 or 6 hours behind UTC; its wall clock 6 hours after UTC midnight tells which.
  const probe = new Date(utcMidnight + 6 * 3_600_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(probe)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(utcMidnight - (wall - probe.getTime()));
}

/** Chicago's offset from UTC at an instant, in milliseconds (−5 or −6 hours). */
function chicagoOffsetMs(at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return wall - Math.floor(at / 60_000) * 60_000;
}

/**
 * A wall-clock time in America/Chicago as `<input type="datetime-local">` posts it
 * ("2026-12-04T10:00", seconds optional) → the UTC instant; null for anything that is not a real
 * calendar date and time between the years 2000 and 2199. A time skipped by the spring-forward
 * change is read as the same wall time in the offset before it (an hour later than written).
 */
export function chicagoDateTimeToUtc(local: unknown): Date | null {
  if (typeof local !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (y < 2000 || y > 2199 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(asUtc).getUTCDate() !== d) return null; // 31 April, 30 February
  // The offset at the instant the wall time would be with the earlier (standard) offset, then corrected once.
  let instant = asUtc - chicagoOffsetMs(asUtc + 6 * 3_600_000);
  instant = asUtc - chicagoOffsetMs(instant);
  return new Date(instant);
}
