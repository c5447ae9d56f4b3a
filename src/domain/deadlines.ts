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
