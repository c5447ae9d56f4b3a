import "server-only";
import { computeFees, type FeeComputation, FeeInputError, type FeeInput, feeRecipientOf, scheduleChoice } from "@/domain/fees";
import { addCalendarDays, chicagoDay, dayToDateOnly, endOfDayInChicago, todayInChicago } from "@/domain/chicago";
import { formatCents, formatIsoDate } from "@/domain/format";
import { newInvoiceNumber } from "@/domain/ids";
import { type FeeEntry, feeEntrySchema, paymentSchema } from "@/domain/payments";
import { can } from "@/domain/staff-access";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { enqueueNotification } from "../notifications/outbox";
import { renderInvoicePdf } from "../pdf/invoice-pdf";
import { feePolicy } from "../settings";
import type { StaffIdentity } from "./auth";
import { NOT_FOUND, notifyAddress, type StaffResult, step, StepRefused } from "./step";

const INVOICE_DUE_DAYS = 30;

export type FieldErrors = Record<string, string[]>;
export type FeeResult =
  | { ok: true; computation: FeeComputation; input: FeeInput; receivedYear: number; scheduleNotice: string | null }
  | { ok: false; message: string; fieldErrors?: FieldErrors };

function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) (out[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
  return out;
}

/**
 * The fee computation for a request's attached records and what staff entered: the same pure
 * calculator the invoice is issued from, so what staff see is what is issued.
 */
export async function computeRequestFees(staff: StaffIdentity, requestId: string, entry: unknown, client: Tx | ReturnType<typeof db> = db()): Promise<FeeResult> {
  if (!can(staff.role, "invoice.issue")) return { ok: false, message: NOT_FOUND };
  const parsed = feeEntrySchema.safeParse(entry);
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  const request = await client.authorizationRequest.findUnique({ where: { id: requestId }, select: { requestKind: true, recipientKind: true, pageCount: true, receivedAt: true, providerAddressVerifiedAt: true } });
  if (!request) return { ok: false, message: NOT_FOUND };
  if (request.pageCount === null) return { ok: false, message: "Attach the records and count the pages first." };
  const input = feeInput(feeRecipientOf({ requestKind: request.requestKind, recipientKind: request.recipientKind, providerAddressVerified: request.providerAddressVerifiedAt !== null }), request.pageCount, parsed.data);
  const schedules = await client.feeSchedule.findMany();
  const choice = scheduleChoice(request.receivedAt, schedules);
  try {
    const computation = computeFees(input, choice.schedule, await feePolicy(client));
    const scheduleNotice =
      computation.scheduleYear !== null && choice.fallback
        ? `No Illinois schedule for ${choice.wanted} has been entered, so these fees use ${computation.scheduleYear}'s, the latest earlier one. Ask an administrator to enter the ${choice.wanted} figures from the Comptroller's publication.`
        : null;
    return { ok: true, computation, input, receivedYear: choice.wanted, scheduleNotice };
  } catch (error) {
    if (error instanceof FeeInputError && !choice.schedule) {
      const oldest = schedules.map((s) => s.year).sort((a, b) => a - b)[0];
      return {
        ok: false,
        message: `No Illinois fee schedule covers a request received on ${formatIsoDate(chicagoDay(request.receivedAt))}: the ${choice.wanted} figures apply to it${oldest ? `, and the oldest schedule entered is ${oldest}'s (in force from 20 January ${oldest})` : ""}. An administrator must enter the ${choice.wanted} schedule from the Comptroller's publication before this request can be invoiced.`,
      };
    }
    if (error instanceof FeeInputError) return { ok: false, message: error.message };
    throw error;
  }
}

function feeInput(recipient: FeeInput["recipient"], pages: number, entry: FeeEntry): FeeInput {
  return {
    recipient,
    medium: entry.medium,
    pages,
    microformPages: entry.microformPages,
    atCostItems: entry.atCostItems.map((i) => ({ description: i.description, cents: i.amount })),
    postageCents: entry.postage,
  };
}

/**
 * Issues the invoice staff reviewed: the fees are computed again from the same inputs and must
 * come to the total staff saw. Issuing while an invoice is open is a reissue: the open one is
 * voided in the same transaction (refused if it already has payments). A total of $0 issues no
 * invoice: the request goes straight on to release.
 */
export async function issueInvoice(staff: StaffIdentity, requestId: string, expectedVersion: number, entry: unknown, expectedTotalCents: number): Promise<StaffResult & { fieldErrors?: FieldErrors }> {
  const fees = await computeRequestFees(staff, requestId, entry);
  if (!fees.ok) return fees;
  if (fees.computation.totalCents !== expectedTotalCents)
    return { ok: false, message: "The amount changed since you computed it. Review the computation again before issuing." };
  if (fees.computation.totalCents === 0) {
    return step(staff, requestId, expectedVersion, {
      action: "request.records_ready",
      event: "RECORDS_READY",
      context: { feeCents: 0 },
      note: "Records ready: no charge",
      write: async () => ({ feeCents: 0, lines: fees.computation.lines.map((l) => l.rule) }),
    });
  }
  return step(staff, requestId, expectedVersion, {
    action: "invoice.issued",
    event: "INVOICE_ISSUED",
    note: "Invoice issued",
    write: async (tx, r, now) => {
      const open = await tx.invoice.findMany({ where: { requestId, status: "ISSUED" }, include: { _count: { select: { payments: true } } } });
      if (open.some((i) => i._count.payments > 0)) throw new StepRefused("The open invoice already has payments recorded: it cannot be replaced.");
      for (const old of open) {
        await tx.invoice.update({ where: { id: old.id }, data: { status: "VOID", voidedAt: now, voidReason: "Replaced by a reissued invoice", version: { increment: 1 } } });
        await recordAudit(tx, { actor: actorOf(staff), action: "invoice.voided", objectType: "Invoice", objectId: old.id, requestId, details: { number: old.number, reason: "reissued" } });
      }
      const invoice = await tx.invoice.create({
        data: {
          number: newInvoiceNumber(Number(todayInChicago(now).slice(0, 4))),
          requestId,
          totalCents: fees.computation.totalCents,
          feeYear: fees.computation.scheduleYear,
          inputs: { ...fees.input, atCostItems: [...fees.input.atCostItems] },
          issuedAt: now,
          dueAt: endOfDayInChicago(addCalendarDays(todayInChicago(now), INVOICE_DUE_DAYS)),
          issuedById: staff.id,
          lines: { create: fees.computation.lines.map((l, position) => ({ position, ...l })) },
        },
      });
      const to = notifyAddress(r);
      if (to) await enqueueNotification(tx, { requestId, template: "INVOICE_ISSUED", idempotencyKey: `invoice-issued:${invoice.id}`, toAddress: to });
      return { invoice: invoice.number, totalCents: invoice.totalCents, feeYear: invoice.feeYear, replaced: open.map((o) => o.number) };
    },
  });
}

/** Voids the open invoice (nothing paid on it yet); the request goes back to "verified" for a new computation. */
export async function voidInvoice(staff: StaffIdentity, requestId: string, expectedVersion: number, invoiceId: string, reason: string): Promise<StaffResult> {
  if (!reason.trim()) return { ok: false, message: "Give the reason for voiding the invoice." };
  return step(staff, requestId, expectedVersion, {
    action: "invoice.voided",
    event: "INVOICE_VOIDED",
    write: async (tx, _r, now) => {
      const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, requestId }, include: { _count: { select: { payments: true } } } });
      if (!invoice || invoice.status !== "ISSUED") throw new StepRefused("Only an open invoice can be voided.");
      if (invoice._count.payments > 0) throw new StepRefused("This invoice already has payments recorded: it cannot be voided.");
      await tx.invoice.update({ where: { id: invoiceId }, data: { status: "VOID", voidedAt: now, voidReason: reason.trim().slice(0, 500), version: { increment: 1 } } });
      return { invoice: invoice.number };
    },
  });
}

/**
 * Records a check or a card payment taken by phone (never cash, never a full card number).
 * Payments add up; one that would pay more than the balance is refused. Paid in full, the
 * invoice is marked paid and a request awaiting payment becomes ready to release. The invoice row
 * is locked while the balance is checked, and the database refuses overpayment too.
 */
export async function recordPayment(staff: StaffIdentity, requestId: string, expectedVersion: number, invoiceId: string, entry: unknown, now = new Date()): Promise<StaffResult & { fieldErrors?: FieldErrors }> {
  if (!can(staff.role, "payment.record")) return { ok: false, message: NOT_FOUND };
  const parsed = paymentSchema(todayInChicago(now)).safeParse(entry);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { ok: false, message: fieldErrors.method?.[0] ?? "Check the highlighted fields.", fieldErrors };
  }
  const payment = parsed.data;
  const invoice = await db().invoice.findFirst({ where: { id: invoiceId, requestId }, include: { payments: { select: { amountCents: true } }, request: { select: { status: true } } } });
  if (!invoice) return { ok: false, message: NOT_FOUND };
  if (invoice.status !== "ISSUED") return { ok: false, message: `Invoice ${invoice.number} is ${invoice.status === "PAID" ? "already paid" : "void"}: it takes no payment.` };
  const balance = invoice.totalCents - invoice.payments.reduce((s, p) => s + p.amountCents, 0);
  if (payment.amountCents > balance) return { ok: false, message: `That is more than the balance due (${formatCents(balance)}). Record at most the balance.`, fieldErrors: { amount: [`At most ${formatCents(balance)}`] } };
  const paysInFull = payment.amountCents === balance;
  return step(staff, requestId, expectedVersion, {
    action: "payment.recorded",
    event: paysInFull && invoice.request.status === "AWAITING_PAYMENT" ? "PAYMENT_COMPLETED" : null,
    permission: "payment.record",
    note: paysInFull ? "Payment received: invoice paid" : "Payment received",
    write: async (tx, r, at) => {
      await tx.$queryRaw`SELECT 1 FROM "Invoice" WHERE "id" = ${invoiceId}::uuid FOR UPDATE`;
      const current = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { payments: { select: { amountCents: true } } } });
      const due = current.totalCents - current.payments.reduce((s, p) => s + p.amountCents, 0);
      if (current.status !== "ISSUED" || payment.amountCents > due) throw new StepRefused("The invoice changed while you were entering the payment. Reload the page and check the balance.");
      const created = await tx.payment.create({
        data: { invoiceId, method: payment.method, amountCents: payment.amountCents, receivedOn: dayToDateOnly(payment.receivedOn), checkNumber: payment.checkNumber, cardLast4: payment.cardLast4, cardAuthCode: payment.cardAuthCode, recordedById: staff.id },
      });
      if (payment.amountCents === due) await tx.invoice.update({ where: { id: invoiceId }, data: { status: "PAID", paidAt: at, version: { increment: 1 } } });
      const to = notifyAddress(r);
      if (to) await enqueueNotification(tx, { requestId, template: "PAYMENT_RECEIVED", idempotencyKey: `payment-received:${created.id}`, toAddress: to });
      return { invoice: current.number, method: payment.method, amountCents: payment.amountCents, paidInFull: payment.amountCents === due };
    },
  }).catch((error: unknown) => {
    // The database's own guard (Payment_within_invoice) answers a race the lock did not see.
    if (error instanceof Prisma.PrismaClientKnownRequestError || (error instanceof Error && /exceed the invoice total|invoice is/.test(error.message)))
      return { ok: false as const, message: "The invoice changed while you were entering the payment. Reload the page and check the balance." };
    throw error;
  });
}

/** The invoice as a PDF, for staff; the open is audited like any document. */
export async function invoicePdfForStaff(staff: StaffIdentity, requestId: string, invoiceId: string): Promise<{ bytes: Uint8Array; number: string } | null> {
  if (!can(staff.role, "document.view")) return null;
  const pdf = await invoicePdf(requestId, invoiceId);
  if (!pdf) return null;
  await recordAudit(db(), { actor: actorOf(staff), action: "invoice.viewed", objectType: "Invoice", objectId: invoiceId, requestId });
  return pdf;
}

/** Renders an invoice of a request (callers authorize and audit). */
export async function invoicePdf(requestId: string, invoiceId: string): Promise<{ bytes: Uint8Array; number: string } | null> {
  const invoice = await db().invoice.findFirst({
    where: { id: invoiceId, requestId },
    include: { lines: { orderBy: { position: "asc" } }, payments: { orderBy: { createdAt: "asc" } }, request: true },
  });
  if (!invoice) return null;
  return { bytes: await renderInvoicePdf(invoice), number: invoice.number };
}

function actorOf(staff: StaffIdentity) {
  return { type: "STAFF" as const, id: staff.id, role: staff.role };
}
