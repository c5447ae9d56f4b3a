/**
 * The one extension HIPAA allows (45 CFR 164.524(b)(2)(ii)): up to 30 more days, decided before
 * the first 30 days run out, with a written notice giving the reason and the new date. The
 * reasons are a fixed list so that the notice — an e-mail, or a mailed letter when there is no
 * e-mail — carries no PHI. Pure.
 */
import { chicagoDay } from "./chicago";
import { formatIsoDate } from "./format";
import { extendedDueDate, MAX_EXTENSION_DAYS } from "./deadlines";

export const EXTENSION_REASONS = {
  RECORDS_OFFSITE: "Some of the records are kept in off-site storage or an archive, and it takes more time to retrieve them.",
  SEVERAL_LOCATIONS: "The records must be gathered from more than one of our locations.",
  LARGE_VOLUME: "The request covers a large volume of records that takes more time to copy.",
  FORMAT_CONVERSION: "Some of the records must be converted to the form you asked for (for example from film or microfiche).",
} as const;
export type ExtensionReason = keyof typeof EXTENSION_REASONS;

export function isExtensionReasonText(text: string | null | undefined): boolean {
  return Object.values(EXTENSION_REASONS).includes(text as never);
}

export type ExtensionDecision = { ok: true; dueAt: Date; reasonText: string } | { ok: false; message: string };

export function decideExtension(r: { dueAt: Date; extendedAt: Date | null; closedAt: Date | null }, days: number, reason: string, now: Date): ExtensionDecision {
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) return { ok: false, message: `An extension is 1 to ${MAX_EXTENSION_DAYS} days.` };
  if (!(reason in EXTENSION_REASONS)) return { ok: false, message: "Choose the reason: the requester is told it in writing." };
  if (r.closedAt) return { ok: false, message: "This request is closed." };
  if (r.extendedAt) return { ok: false, message: "This request has already been extended once; the law allows one extension." };
  if (now.getTime() > r.dueAt.getTime())
    return { ok: false, message: `The deadline passed on ${formatIsoDate(chicagoDay(r.dueAt))}: an extension must be decided before the first 30 days run out. Respond to the request now.` };
  return { ok: true, dueAt: extendedDueDate(r.dueAt, days), reasonText: EXTENSION_REASONS[reason as ExtensionReason] };
}
