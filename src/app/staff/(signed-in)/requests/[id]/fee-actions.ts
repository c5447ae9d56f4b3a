"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_AT_COST_ITEMS } from "@/domain/payments";
import { computeRequestFees, issueInvoice, recordPayment, voidInvoice } from "@/server/staff/invoices";
import { staffFor } from "@/server/staff/session";
import type { FeeFormState, PaymentFormState } from "./fee-state";
import { type ActionState, answer } from "./respond";

const REFUSED = { message: "You are not signed in, or your role does not allow this." };
const ids = z.object({ requestId: z.uuid(), version: z.coerce.number().int().min(1) });
const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The fee inputs as the calculator form posts them (items at cost as parallel rows). */
function feeEntry(formData: FormData) {
  const atCostItems = [];
  for (let i = 0; i < MAX_AT_COST_ITEMS; i++) {
    const description = text(formData, `item${i}Description`);
    const amount = text(formData, `item${i}Amount`);
    if (description.trim() || amount.trim()) atCostItems.push({ description, amount });
  }
  return { medium: text(formData, "medium"), microformPages: text(formData, "microformPages") || "0", postage: text(formData, "postage") || "0", atCostItems };
}

/** Shows staff the computation (nothing is stored). */
export async function computeFeesAction(_: FeeFormState, formData: FormData): Promise<FeeFormState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("invoice.issue");
  const parsed = ids.safeParse({ requestId: formData.get("requestId"), version: formData.get("version") });
  if (!staff || !parsed.success) return REFUSED;
  const result = await computeRequestFees(staff, parsed.data.requestId, feeEntry(formData));
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  return { computation: result.computation, receivedYear: result.receivedYear, scheduleNotice: result.scheduleNotice };
}

/** Issues the invoice staff reviewed (the total they saw must still be the total). */
export async function issueInvoiceAction(_: FeeFormState, formData: FormData): Promise<FeeFormState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("invoice.issue");
  const parsed = ids.extend({ expectedTotalCents: z.coerce.number().int().min(0) }).safeParse({
    requestId: formData.get("requestId"),
    version: formData.get("version"),
    expectedTotalCents: formData.get("expectedTotalCents"),
  });
  if (!staff || !parsed.success) return REFUSED;
  const result = await issueInvoice(staff, parsed.data.requestId, parsed.data.version, feeEntry(formData), parsed.data.expectedTotalCents);
  revalidatePath(`/staff/requests/${parsed.data.requestId}`);
  return result.ok ? { done: true } : { message: result.message, fieldErrors: "fieldErrors" in result ? result.fieldErrors : undefined };
}

export async function voidInvoiceAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("invoice.issue");
  const parsed = ids.extend({ invoiceId: z.uuid() }).safeParse({ requestId: formData.get("requestId"), version: formData.get("version"), invoiceId: formData.get("invoiceId") });
  if (!staff || !parsed.success) return REFUSED;
  return answer(parsed.data.requestId, await voidInvoice(staff, parsed.data.requestId, parsed.data.version, parsed.data.invoiceId, text(formData, "reason")));
}

export async function recordPaymentAction(_: PaymentFormState, formData: FormData): Promise<PaymentFormState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("payment.record");
  const parsed = ids.extend({ invoiceId: z.uuid() }).safeParse({ requestId: formData.get("requestId"), version: formData.get("version"), invoiceId: formData.get("invoiceId") });
  if (!staff || !parsed.success) return REFUSED;
  const entry = {
    method: text(formData, "method"),
    amount: text(formData, "amount"),
    receivedOn: text(formData, "receivedOn"),
    checkNumber: text(formData, "checkNumber"),
    cardLast4: text(formData, "cardLast4"),
    cardAuthCode: text(formData, "cardAuthCode"),
  };
  const result = await recordPayment(staff, parsed.data.requestId, parsed.data.version, parsed.data.invoiceId, entry);
  revalidatePath(`/staff/requests/${parsed.data.requestId}`);
  return result.ok ? { done: true } : { message: result.message, fieldErrors: "fieldErrors" in result ? result.fieldErrors : undefined };
}
