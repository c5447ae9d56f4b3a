import "server-only";
import { disclosurePurpose } from "@/domain/right-of-access";
import { PDFDocument } from "pdf-lib";
import type { AuthorizationRequest } from "@/generated/prisma/client";
import { recordTypeLabels } from "@/domain/labels";
import { addresseeName } from "@/domain/names";
import { PICKUP_ID_TYPES, pickupCollectors, pickupIdTypeLabels, type PickupEntry } from "@/domain/pickup";
import { validityMessage } from "@/domain/validity";
import { db, type Tx } from "../db";
import { enqueueNotification } from "../notifications/outbox";
import { renderCoverLetter, renderMailingLabel, type MailingAddress } from "../pdf/mailing-pdfs";
import { releaseRequiresPayment } from "../settings";
import { makeSignedAuthorizationPdf } from "../requests/signed-pdf";
import { fileStore } from "../storage";
import { checkUpload } from "../uploads";
import type { StaffIdentity } from "./auth";
import { notifyAddress, type StaffResult, step, StepRefused } from "./step";
import { validityInTransaction } from "./validity";
import { plural } from "@/domain/plural";

const MAX_RECORD_PAGES = 5_000;
const MAX_RECORD_BYTES = 40 * 1024 * 1024;

type Loaded = AuthorizationRequest;

export type PageCountAdjustment = { pageCount: number; reason: string };

/**
 * Attaches the records to release (a PDF). The pages billed are the PDF's own page count, read by
 * the parser; staff can bill a different count only with a reason (audited, and a CHECK
 * constraint keeps the two together). Records to a medical provider whose delivery address staff
 * verified are free, so that request is then ready to release; any other request stays verified
 * until its invoice is issued (src/server/staff/invoices.ts). Attaching again replaces the records.
 */
export async function attachRecords(staff: StaffIdentity, requestId: string, expectedVersion: number, file: File | null, adjustment: PageCountAdjustment | null = null): Promise<StaffResult> {
  if (!file) return { ok: false, message: "Choose the PDF of the records to release." };
  if (adjustment && (!Number.isInteger(adjustment.pageCount) || adjustment.pageCount < 1 || adjustment.pageCount > MAX_RECORD_PAGES))
    return { ok: false, message: "Enter the number of pages to bill (1 or more)." };
  if (adjustment && adjustment.reason.trim().length < 5) return { ok: false, message: "Say why the pages billed differ from the PDF's pages (for example: duplicate pages, blank separator sheets)." };
  const checked = await checkUpload(file, { maxPdfPages: MAX_RECORD_PAGES, maxBytes: MAX_RECORD_BYTES });
  if (!checked.ok) return { ok: false, message: checked.message };
  if (checked.contentType !== "application/pdf") return { ok: false, message: "Records are released as one PDF." };
  const pdfPageCount = (await PDFDocument.load(checked.bytes, { updateMetadata: false })).getPageCount();
  const pageCount = adjustment?.pageCount ?? pdfPageCount;
  const adjusted = pageCount !== pdfPageCount;
  const target = await db().authorizationRequest.findUnique({ where: { id: requestId }, select: { recipientKind: true, providerAddressVerifiedAt: true } });
  const freeToProvider = target?.recipientKind === "MEDICAL_PROVIDER" && target.providerAddressVerifiedAt !== null;
  const stored = await fileStore().put(checked.bytes);
  const result = await step(staff, requestId, expectedVersion, {
    action: "request.records_attached",
    ...(freeToProvider ? { event: "RECORDS_READY" as const, context: { feeCents: 0 } } : { event: null, permission: "request.process" as const }),
    write: async (tx, r) => {
      if (r.status !== "VERIFIED") throw new StepRefused("Records are attached once the request is verified, before release.");
      await tx.document.create({
        data: { requestId, kind: "RELEASED_RECORDS", storageKey: stored.storageKey, contentType: "application/pdf", sizeBytes: stored.sizeBytes, sha256: stored.sha256, originalName: checked.originalName, uploadedById: staff.id },
      });
      await tx.authorizationRequest.update({ where: { id: requestId }, data: { pageCount, pdfPageCount, pageCountAdjustmentReason: adjusted ? adjustment!.reason.trim().slice(0, 500) : null } });
      return { pageCount, pdfPageCount, ...(adjusted ? { pageCountAdjusted: true } : {}) };
    },
  });
  if (!result.ok) await fileStore().remove(stored.storageKey).catch(() => undefined);
  return result;
}

/**
 * "No fee to a provider" needs the delivery address to be the provider's own: staff check it (for
 * example by calling the provider's number on file) and record that they did. Until then the
 * request is priced as any third party's. With the records attached, it is then ready to release.
 */
export async function verifyProviderAddress(staff: StaffIdentity, requestId: string, expectedVersion: number, confirmed: boolean): Promise<StaffResult> {
  if (!confirmed) return { ok: false, message: "Confirm that you checked the delivery address belongs to the provider." };
  const current = await db().authorizationRequest.findUnique({ where: { id: requestId }, select: { pageCount: true, status: true } });
  const ready = current?.pageCount !== null && current?.status === "VERIFIED";
  return step(staff, requestId, expectedVersion, {
    action: "request.provider_address_verified",
    ...(ready ? { event: "RECORDS_READY" as const, context: { feeCents: 0 }, note: "Records ready: no charge" } : { event: null, permission: "request.process" as const }),
    data: (r, now) => {
      if (r.recipientKind !== "MEDICAL_PROVIDER") throw new StepRefused("Only records to a medical provider are free.");
      if (r.providerAddressVerifiedAt) throw new StepRefused("The provider's address is already verified.");
      if (!["VERIFIED", "IN_REVIEW"].includes(r.status)) throw new StepRefused("Verify the provider's address before the records are invoiced or released.");
      return { providerAddressVerifiedAt: now, providerAddressVerifiedById: staff.id };
    },
    write: async (tx) => {
      const open = await tx.invoice.count({ where: { requestId, status: "ISSUED" } });
      if (open > 0) throw new StepRefused("An invoice is open: void it first.");
    },
  });
}

/** Secure e-mail: the records become downloadable in the requester portal, and the requester is told. */
export async function releaseBySecureEmail(staff: StaffIdentity, requestId: string, expectedVersion: number): Promise<StaffResult> {
  await signedPdfBeforeRelease(requestId);
  return step(staff, requestId, expectedVersion, { action: "request.released", event: "RELEASE", write: async (tx, r, now) => {
    if (r.deliveryMethod !== "SECURE_EMAIL" || !r.deliveryEmail) throw new StepRefused("This request is not for secure e-mail delivery.");
    const records = await releasedRecords(tx, r, now);
    await writeDisclosure(tx, r, staff, now, records);
    await enqueueNotification(tx, { requestId, template: "RECORDS_READY", idempotencyKey: `records-ready:${requestId}:${records.id}`, toAddress: r.deliveryEmail });
    return { method: "SECURE_EMAIL" };
  } });
}

/** Mail, step 1: the cover letter and the mailing label, as PDFs to print. No status change. */
export async function prepareMailing(staff: StaffIdentity, requestId: string, expectedVersion: number): Promise<StaffResult> {
  const r = await db().authorizationRequest.findUnique({ where: { id: requestId } });
  if (!r || r.deliveryMethod !== "MAIL" || !r.mailAddressLine1 || !r.mailCity || !r.mailState || !r.mailPostalCode) return { ok: false, message: "This request is not for mail delivery." };
  const to: MailingAddress = { name: addresseeName(r), line1: r.mailAddressLine1, line2: r.mailAddressLine2, city: r.mailCity, state: r.mailState, postalCode: r.mailPostalCode };
  const letter = await fileStore().put(Buffer.from(await renderCoverLetter({ to, confirmationNumber: r.confirmationNumber, pageCount: r.pageCount ?? 0, date: new Date() })));
  const label = await fileStore().put(Buffer.from(await renderMailingLabel(to)));
  const result = await step(staff, requestId, expectedVersion, { action: "request.mailing_prepared", event: null, permission: "request.process", write: async (tx) => {
    if (r.status !== "READY_TO_RELEASE" && r.status !== "AWAITING_PAYMENT") throw new StepRefused("Attach the records first: the request must be ready to release.");
    for (const [kind, file] of [["COVER_LETTER", letter], ["MAILING_LABEL", label]] as const) {
      await tx.document.create({ data: { requestId, kind, storageKey: file.storageKey, contentType: "application/pdf", sizeBytes: file.sizeBytes, sha256: file.sha256, uploadedById: staff.id } });
    }
  } });
  if (!result.ok) await Promise.all([letter, label].map((f) => fileStore().remove(f.storageKey).catch(() => undefined)));
  return result;
}

/** Mail, step 2: the envelope went out, with its tracking number. */
export async function markMailed(staff: StaffIdentity, requestId: string, expectedVersion: number, trackingNumber: string): Promise<StaffResult> {
  await signedPdfBeforeRelease(requestId);
  const tracking = trackingNumber.trim();
  if (!/^[A-Za-z0-9 -]{6,40}$/.test(tracking)) return { ok: false, message: "Enter the tracking number from the mailing receipt." };
  return step(staff, requestId, expectedVersion, { action: "request.released", event: "RELEASE", write: async (tx, r, now) => {
    if (r.deliveryMethod !== "MAIL") throw new StepRefused("This request is not for mail delivery.");
    const documents = await tx.document.count({ where: { requestId, kind: "COVER_LETTER" } });
    if (documents === 0) throw new StepRefused("Print the cover letter and label first.");
    const records = await releasedRecords(tx, r, now);
    await tx.authorizationRequest.update({ where: { id: requestId }, data: { mailedAt: now, mailTrackingNumber: tracking } });
    await writeDisclosure(tx, r, staff, now, records);
    const to = notifyAddress(r);
    if (to) await enqueueNotification(tx, { requestId, template: "MAILED", idempotencyKey: `mailed:${requestId}`, toAddress: to });
    return { method: "MAIL" };
  } });
}

export const PICKUP_OUTCOMES = ["REACHED_SCHEDULED", "REACHED_NOT_SCHEDULED", "LEFT_VOICEMAIL", "NO_ANSWER", "WRONG_NUMBER"] as const;

/** Pickup: each call attempt and its outcome. */
export async function logPickupCall(staff: StaffIdentity, requestId: string, expectedVersion: number, outcome: (typeof PICKUP_OUTCOMES)[number], note: string): Promise<StaffResult> {
  return step(staff, requestId, expectedVersion, { action: "request.pickup_call_logged", event: null, permission: "request.process", write: async (tx, r, now) => {
    if (r.deliveryMethod !== "PICKUP") throw new StepRefused("This request is not for pickup.");
    const call = await tx.pickupCall.create({ data: { requestId, outcome, note: note.trim().slice(0, 500) || null, staffId: staff.id, at: now } });
    // A call that did not reach anyone is followed by an e-mail asking them to call us.
    const to = notifyAddress(r);
    if (to && !outcome.startsWith("REACHED")) await enqueueNotification(tx, { requestId, template: "PICKUP_CALL", idempotencyKey: `pickup-call:${call.id}`, toAddress: to });
    return { outcome };
  } });
}

/** Pickup: the agreed date and time. */
export async function schedulePickup(staff: StaffIdentity, requestId: string, expectedVersion: number, at: Date): Promise<StaffResult> {
  if (Number.isNaN(at.getTime()) || at.getTime() < Date.now() - 60 * 60 * 1000) return { ok: false, message: "Enter the pickup date and time (not in the past)." };
  return step(staff, requestId, expectedVersion, { action: "request.pickup_scheduled", event: "SCHEDULE_PICKUP", write: async (tx, r, now) => {
    const validity = await validityInTransaction(tx, requestId, now);
    if (!validity.valid) throw new StepRefused(validityMessage(validity));
    await tx.authorizationRequest.update({ where: { id: requestId }, data: { pickupScheduledFor: at } });
    const to = notifyAddress(r);
    if (to) await enqueueNotification(tx, { requestId, template: "PICKUP_SCHEDULED", idempotencyKey: `pickup-scheduled:${requestId}:${at.getTime()}`, toAddress: to });
  } });
}

/**
 * Pickup: who collected the records — only the requester or the recipient the authorization
 * names, never a name typed freely — and the photo ID seen (its kind and the last characters of
 * its number). The disclosure names who collected.
 */
export async function recordPickup(staff: StaffIdentity, requestId: string, expectedVersion: number, entry: PickupEntry): Promise<StaffResult> {
  await signedPdfBeforeRelease(requestId);
  const idType = PICKUP_ID_TYPES.find((t) => t === entry.idType);
  const idLast4 = entry.idLast4.trim().toUpperCase();
  if (!idType) return { ok: false, message: "Choose the kind of photo ID you checked." };
  if (!/^[A-Z0-9]{4}$/.test(idLast4)) return { ok: false, message: "Enter the last 4 letters or digits of the ID's number." };
  return step(staff, requestId, expectedVersion, { action: "request.released", event: "RELEASE", write: async (tx, r, now) => {
    if (r.deliveryMethod !== "PICKUP") throw new StepRefused("This request is not for pickup.");
    const collector = pickupCollectors(r).find((c) => c.value === entry.collector);
    if (!collector) throw new StepRefused("Records are collected only by the requester or by the recipient the authorization names. Anyone else needs a new authorization naming them.");
    const records = await releasedRecords(tx, r, now);
    const idChecked = `${pickupIdTypeLabels[idType]} ending ${idLast4}`;
    await tx.authorizationRequest.update({ where: { id: requestId }, data: { pickedUpAt: now, pickedUpBy: collector.name, pickupIdChecked: idChecked } });
    await writeDisclosure(tx, r, staff, now, records, `${collector.name} (${collector.role}), collected in person; ${idChecked} checked`);
    return { method: "PICKUP", collector: entry.collector, idType };
  } });
}

export async function completeRequest(staff: StaffIdentity, requestId: string, expectedVersion: number): Promise<StaffResult> {
  return step(staff, requestId, expectedVersion, { action: "request.completed", event: "COMPLETE", data: (_r, now) => ({ closedAt: now }), write: async (tx, r) => {
    const to = notifyAddress(r);
    if (to) await enqueueNotification(tx, { requestId, template: "COMPLETED", idempotencyKey: `completed:${requestId}`, toAddress: to });
  } });
}

// ───────────── helpers ─────────────

/**
 * A release goes with the signed authorization on file: its PDF, drawn after submission by the
 * worker (decision 0021), is drawn now if the worker has not yet. A failure here is not the
 * release's: the step then refuses, below, and says to try again.
 */
async function signedPdfBeforeRelease(requestId: string): Promise<void> {
  await makeSignedAuthorizationPdf(requestId).catch(() => undefined);
}

/** The records a release sends: the latest attached, and only once any invoice the policy waits for is paid. */
async function releasedRecords(tx: Tx, r: Loaded, now: Date) {
  if (r.pdfSourceKey) throw new StepRefused("The signed authorization's PDF is still being prepared. Try again in a minute.");
  // Checked again at the moment of release, inside its transaction (45 CFR 164.508(b)(2), (b)(5)).
  const validity = await validityInTransaction(tx, r.id, now);
  if (!validity.valid) throw new StepRefused(validityMessage(validity));
  const records = await tx.document.findFirst({ where: { requestId: r.id, kind: "RELEASED_RECORDS" }, orderBy: { createdAt: "desc" } });
  if (!records) throw new StepRefused("Attach the records to release first.");
  if (await releaseRequiresPayment(tx)) {
    const unpaid = await tx.invoice.count({ where: { requestId: r.id, status: "ISSUED" } });
    if (unpaid > 0) throw new StepRefused("The invoice is not paid yet: records are released once it is paid.");
  }
  return records;
}

/** The accounting of disclosures (45 CFR 164.528), written with the release itself. */
async function writeDisclosure(tx: Tx, r: Loaded, staff: StaffIdentity, now: Date, records: { id: string; sha256: string }, recipient = addresseeName(r)) {
  await tx.disclosure.create({
    data: {
      requestId: r.id,
      disclosedAt: now,
      recipient,
      description: `${r.completeRecord ? "Complete medical record" : r.recordTypes.map((t) => recordTypeLabels[t]).join("; ") || "Psychotherapy notes"}${r.pageCount ? `, ${plural(r.pageCount, "page")}` : ""}`,
      purpose: disclosurePurpose(r),
      method: r.deliveryMethod,
      staffId: staff.id,
      documentId: records.id,
      fileSha256: records.sha256,
    },
  });
}
