import { isCalendarDay } from "./chicago";
import { normalizeConfirmationNumber } from "./ids";

/**
 * What a staff member typed into the queue's search box, recognised by its shape: a confirmation
 * number, an invoice number, a date of birth (YYYY-MM-DD or MM/DD/YYYY), an e-mail address, or
 * otherwise words of a name (the patient's or the requester's). Each kind has its own indexed
 * query (src/server/staff/queue.ts).
 */
export type QueueSearch =
  | { kind: "confirmation"; value: string }
  | { kind: "invoice"; value: string }
  | { kind: "dateOfBirth"; value: string }
  | { kind: "email"; value: string }
  | { kind: "name"; words: string[] };

export const INVOICE_NUMBER_SEARCH = /^INV[-\s]?(\d{4})[-\s]?([0-9A-Z]{6})$/i;

export function classifyQueueSearch(input: string): QueueSearch | null {
  const q = input.trim();
  if (!q) return null;
  const invoice = INVOICE_NUMBER_SEARCH.exec(q);
  if (invoice) return { kind: "invoice", value: `INV-${invoice[1]}-${invoice[2]!.toUpperCase()}` };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  if (iso || us) {
    const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : [us![3]!, us![1]!.padStart(2, "0"), us![2]!.padStart(2, "0")];
    if (isCalendarDay(`${y}-${m}-${d}`)) return { kind: "dateOfBirth", value: `${y}-${m}-${d}` };
  }
  // After dates: "1984-03-14" has the eight symbols of a confirmation number too.
  const confirmation = normalizeConfirmationNumber(q);
  if (confirmation) return { kind: "confirmation", value: confirmation };
  if (/^[^\s@]+@[^\s@]+$/.test(q)) return { kind: "email", value: q.toLowerCase() };
  const words = q
    .split(/[\s,]+/)
    .map((w) => w.replace(/[%_\\]/g, ""))
    .filter(Boolean)
    .slice(0, 3);
  return words.length ? { kind: "name", words } : null;
}
