/**
 * What staff enter for fees and payments, checked field by field (RULES.md §1, §6): payment by
 * check or by card over the phone only — cash is never accepted — and never a full card number.
 */
import { z } from "zod";
import { organization } from "./organization";

export const CASH_REFUSED = `Cash is never accepted. Take a check, or a card payment by phone at ${organization.paymentPhone}.`;
export const FULL_CARD_NUMBER = "Never enter a full card number: only its last four digits and the authorization code.";

/** Thirteen or more digits in a row (spaces or dashes between them allowed) look like a card number. */
const looksLikeCardNumber = (value: string) => /(?:\d[ -]?){13,}/.test(value);

/** "12.5", "$1,234.56" → cents; null when it is not an amount of money. */
export function parseDollars(text: string): number | null {
  const clean = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, fraction = ""] = clean.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

const dollars = (message: string) =>
  z
    .string({ error: message })
    .transform((value, ctx) => {
      const cents = parseDollars(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return cents;
    });

export const PAYMENT_METHODS = ["CHECK", "CARD_BY_PHONE"] as const;

export function paymentSchema(today: string) {
  return z
    .object({
      method: z.string({ error: "Choose how it was paid" }).superRefine((method, ctx) => {
        if (method === "CASH") ctx.addIssue({ code: "custom", message: CASH_REFUSED });
        else if (!(PAYMENT_METHODS as readonly string[]).includes(method)) ctx.addIssue({ code: "custom", message: "Choose how it was paid: check or card by phone" });
      }),
      amount: dollars("Enter the amount paid, e.g. 36.02").refine((c) => c > 0, "Enter an amount greater than $0.00"),
      receivedOn: z
        .string({ error: "Enter the date the payment was received" })
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date the payment was received")
        .refine((d) => d <= today, "The date received cannot be in the future"),
      checkNumber: z.string().trim().optional(),
      cardLast4: z.string().trim().optional(),
      cardAuthCode: z.string().trim().optional(),
    })
    .superRefine((p, ctx) => {
      const flagged = new Set<string>();
      for (const field of ["checkNumber", "cardLast4", "cardAuthCode"] as const) {
        if (p[field] && looksLikeCardNumber(p[field])) {
          flagged.add(field);
          ctx.addIssue({ code: "custom", path: [field], message: FULL_CARD_NUMBER });
        }
      }
      const problem = (field: string, message: string) => {
        if (!flagged.has(field)) ctx.addIssue({ code: "custom", path: [field], message });
      };
      if (p.method === "CHECK" && !/^[A-Za-z0-9-]{1,20}$/.test(p.checkNumber ?? "")) problem("checkNumber", "Enter the check number (as printed on the check)");
      if (p.method === "CARD_BY_PHONE") {
        if (!/^\d{4}$/.test(p.cardLast4 ?? "")) problem("cardLast4", "Enter the card's last four digits");
        if (!/^[A-Za-z0-9]{4,12}$/.test(p.cardAuthCode ?? "")) problem("cardAuthCode", "Enter the authorization code (4 to 12 letters or digits)");
      }
    })
    .transform((p) =>
      p.method === "CHECK"
        ? { method: "CHECK" as const, amountCents: p.amount, receivedOn: p.receivedOn, checkNumber: p.checkNumber!, cardLast4: null, cardAuthCode: null }
        : { method: "CARD_BY_PHONE" as const, amountCents: p.amount, receivedOn: p.receivedOn, checkNumber: null, cardLast4: p.cardLast4!, cardAuthCode: p.cardAuthCode!.toUpperCase() },
    );
}

export type PaymentEntry = z.output<ReturnType<typeof paymentSchema>>;

export const MAX_AT_COST_ITEMS = 5;

/** What staff enter to compute fees (the page count comes from the attached records). */
export const feeEntrySchema = z.object({
  medium: z.enum(["ELECTRONIC", "PAPER"], { error: "Choose paper or electronic copies" }),
  microformPages: z.coerce
    .number({ error: "Enter the number of microfiche or microfilm pages (0 if none)" })
    .int("Enter a whole number of pages")
    .min(0, "Enter 0 or more pages")
    .max(100_000, "Enter at most 100,000 pages"),
  postage: dollars("Enter the actual postage, e.g. 7.32 (0 if none)"),
  atCostItems: z
    .array(
      z.object({
        description: z.string().trim().min(1, "Describe the item").max(120, "Keep the description under 120 characters"),
        amount: dollars("Enter the item's cost, e.g. 15.00").refine((c) => c > 0, "Enter an amount greater than $0.00"),
      }),
    )
    .max(MAX_AT_COST_ITEMS, `At most ${MAX_AT_COST_ITEMS} items`),
});

export type FeeEntry = z.output<typeof feeEntrySchema>;
