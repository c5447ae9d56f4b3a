/**
 * HIPAA 164.524 and 735 ILCS 5/8-2001: respond within 30 days of receipt; one extension of up to
 * 30 more, decided before the first 30 days run out. Counted in calendar days in America/Chicago
 * (src/domain/chicago.ts), so a daylight-saving change in between moves nothing.
 */
import { addCalendarDays, calendarDaysBetween, chicagoDay, endOfDayInChicago, startOfDayInChicago, todayInChicago } from "./chicago";

export const RESPONSE_DAYS = 30;
export const MAX_EXTENSION_DAYS = 30;

/** The calendar day the response is due: 30 days after the Chicago day of receipt. */
export function dueDayFor(receivedAt: Date): string {
  return addCalendarDays(chicagoDay(receivedAt), RESPONSE_DAYS);
}

/** The deadline as an instant: the end of the due day in Chicago (what `dueAt` stores). */
export function dueDateFor(receivedAt: Date): Date {
  return endOfDayInChicago(dueDayFor(receivedAt));
}

/** The deadline moved by an extension of `days` calendar days (end of the new due day in Chicago). */
export function extendedDueDate(dueAt: Date, days: number): Date {
  return endOfDayInChicago(addCalendarDays(chicagoDay(dueAt), days));
}

/** Whether the deadline has passed (the due day is over in Chicago). */
export function isPastDeadline(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}

/** Calendar days until the due day (0 on the day itself, negative when overdue). */
export function daysRemaining(dueAt: Date, now: Date): number {
  return calendarDaysBetween(todayInChicago(now), chicagoDay(dueAt));
}

/**
 * When a paper form counts as received: the start of the day it arrived, in America/Chicago. Its
 * hour is not known, and the earliest reading never makes the deadline later than the law's.
 */
export function paperReceivedAt(receivedOn: string): Date {
  return startOfDayInChicago(receivedOn);
}

export { startOfDayInChicago };
