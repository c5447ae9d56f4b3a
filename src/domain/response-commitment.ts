/**
 * Our response commitment (issue 17; docs/decisions/0020): a stated promise shorter than the
 * law's 30 days (HIPAA 164.524, 735 ILCS 5/8-2001; src/domain/deadlines.ts), in business days in
 * America/Chicago, counted from the day after the Chicago day of receipt. It is a setting
 * (`responseCommitment.businessDays`), fixed on each request when it arrives, and tracked in the
 * staff queue beside the legal due date. It never replaces the legal deadline: at most
 * MAX_COMMITMENT_BUSINESS_DAYS, which always ends before the 30th calendar day (tested).
 */
import { addBusinessDays } from "./business-days";
import { chicagoDay, endOfDayInChicago } from "./chicago";
import { RESPONSE_DAYS } from "./deadlines";

export const DEFAULT_COMMITMENT_BUSINESS_DAYS = 5;
export const MIN_COMMITMENT_BUSINESS_DAYS = 1;
/** 15 business days are three weeks plus at most three holidays: always inside the 30 days. */
export const MAX_COMMITMENT_BUSINESS_DAYS = 15;

/** A stored setting as a number of business days; anything else is the default. */
export function commitmentBusinessDays(value: unknown): number {
  return Number.isInteger(value) && (value as number) >= MIN_COMMITMENT_BUSINESS_DAYS && (value as number) <= MAX_COMMITMENT_BUSINESS_DAYS
    ? (value as number)
    : DEFAULT_COMMITMENT_BUSINESS_DAYS;
}

/** The calendar day the commitment falls on: the `businessDays`th business day after the day of receipt. */
export function commitmentDueDay(receivedAt: Date, businessDays: number): string {
  return addBusinessDays(chicagoDay(receivedAt), businessDays);
}

/** The commitment as an instant: the end of its day in Chicago (as `dueAt` stores the legal one). */
export function commitmentDueDate(receivedAt: Date, businessDays: number): Date {
  return endOfDayInChicago(commitmentDueDay(receivedAt, businessDays));
}

/**
 * The sentence for requesters, on the site and on the paper form (the paper form's owner uses
 * this function, so both say the same): "We aim to send your records within 5 business days;
 * the law allows us up to 30 days."
 */
export function responseCommitmentText(businessDays: number): string {
  const days = commitmentBusinessDays(businessDays);
  return `We aim to send your records within ${days} business ${days === 1 ? "day" : "days"}; the law allows us up to ${RESPONSE_DAYS} days.`;
}
