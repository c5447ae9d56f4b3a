import "server-only";
import { can } from "@/domain/staff-access";
import type { LifecycleEvent, TransitionContext } from "@/domain/lifecycle";
import { chicagoDay, todayInChicago } from "@/domain/chicago";
import { decideExtension } from "@/domain/extension";
import { requesterName } from "@/domain/names";
import type { AuthorizationRequest } from "@/generated/prisma/client";
import { validityMessage } from "@/domain/validity";
import type { SigningRequirements } from "@/domain/lifecycle";
import { decideStoredRequest, type StoredSigningRecord, WITNESS_METHODS } from "@/domain/signing-rules";
import { recordAudit } from "../audit";
import { db } from "../db";
import { enqueueNotification } from "../notifications/outbox";
import { type MailingAddress, renderExtensionLetter } from "../pdf/mailing-pdfs";
import { fileStore } from "../storage";
import type { StaffIdentity } from "./auth";
import { NOT_FOUND, notifyAddress, type StaffResult, step, StepRefused } from "./step";
import { validityInTransaction } from "./validity";

export { NOT_FOUND, STALE, type StaffResult } from "./step";

/**
 * Claims an unassigned request for this associate. Atomic: the row is updated only while it has
 * no assignee, so of any number of simultaneous claims exactly one wins.
 */
export async function claimRequest(staff: StaffIdentity, requestId: string): Promise<StaffResult> {
  if (!can(staff.role, "request.process")) return { ok: false, message: NOT_FOUND };
  return db().$transaction(async (tx) => {
    const claimed = await tx.authorizationRequest.updateMany({
      where: { id: requestId, assigneeId: null },
      data: { assigneeId: staff.id, version: { increment: 1 } },
    });
    if (claimed.count !== 1) return { ok: false as const, message: "Someone else has already claimed this request." };
    await recordAudit(tx, { actor: { type: "STAFF", id: staff.id, role: staff.role }, action: "request.claimed", objectType: "AuthorizationRequest", objectId: requestId, requestId });
    return { ok: true as const };
  });
}

export const REVIEW_EVENTS = ["START_REVIEW", "MARK_DEFICIENT", "RESUME_REVIEW", "VERIFY", "REJECT"] as const satisfies readonly LifecycleEvent[];
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

/**
 * Takes one review step (start review, deficiency, resume, verify, reject) through the shared
 * step mechanism: state machine, optimistic version, status change, audit, and the requester's
 * notification, in one transaction.
 */
export async function transitionRequest(
  staff: StaffIdentity,
  requestId: string,
  expectedVersion: number,
  event: ReviewEvent,
  input: Pick<TransitionContext, "checklist" | "reason"> = {},
): Promise<StaffResult> {
  // Release-side steps carry files, fees and disclosures: they have their own use cases.
  if (!REVIEW_EVENTS.includes(event)) return { ok: false, message: "This step is not taken here." };
  const reason = input.reason?.trim() || null;
  const checklist = input.checklist;
  if (event === "VERIFY" && checklist?.witnessMethod && !(checklist.witnessMethod in WITNESS_METHODS)) return { ok: false, message: "Choose how the signer's identity was attested." };
  const signing = event === "VERIFY" ? await signingRequirements(requestId) : undefined;
  return step(staff, requestId, expectedVersion, {
    action: `request.${event.toLowerCase()}`,
    event,
    context: { ...input, ...(signing ? { signing } : {}) },
    note: requesterNote(event),
    data: (_r, now) =>
      event === "REJECT"
        ? { closedAt: now, closeReason: reason }
        : event === "VERIFY" && signing
          ? {
              ...(signing.witness ? { witnessName: checklist!.witnessName!.trim().slice(0, 120), witnessMethod: checklist!.witnessMethod!, witnessRecordedAt: now, witnessRecordedById: staff.id } : {}),
              ...(signing.minorInformedNoObjection ? { minorInformedRecordedAt: now, minorInformedRecordedById: staff.id } : {}),
            }
          : {},
    write: async (tx, r, now) => {
      if (event === "VERIFY") {
        const validity = await validityInTransaction(tx, requestId, now);
        if (!validity.valid) throw new StepRefused(validityMessage(validity));
      }
      if (event === "MARK_DEFICIENT") await tx.deficiency.create({ data: { requestId, reasons: [reason!], createdById: staff.id, createdAt: now } });
      if (event === "RESUME_REVIEW") await tx.deficiency.updateMany({ where: { requestId, resolvedAt: null }, data: { resolvedAt: now } });
      const template = event === "MARK_DEFICIENT" ? "DEFICIENCY" : event === "REJECT" ? "REJECTED" : null;
      const to = notifyAddress(r);
      if (template && to) await enqueueNotification(tx, { requestId, template, idempotencyKey: `${template.toLowerCase()}:${requestId}:${r.version}`, toAddress: to });
      return input.checklist ? { checklist: input.checklist } : {};
    },
  });
}

/**
 * The one extension HIPAA allows (src/domain/extension.ts): before the deadline, once, at most 30
 * days, with a written notice giving the reason and the new date — the EXTENSION e-mail, or
 * without an e-mail address a printable letter queued for mailing (like the mail release).
 */
export async function extendDeadline(staff: StaffIdentity, requestId: string, expectedVersion: number, input: { days: number; reason: string }, now = new Date()): Promise<StaffResult> {
  if (!can(staff.role, "request.extend")) return { ok: false, message: NOT_FOUND };
  const current = await db().authorizationRequest.findUnique({ where: { id: requestId }, select: { dueAt: true, extendedAt: true, closedAt: true } });
  if (!current) return { ok: false, message: NOT_FOUND };
  const first = decideExtension(current, input.days, input.reason, now);
  if (!first.ok) return { ok: false, message: first.message };
  let letter: Awaited<ReturnType<ReturnType<typeof fileStore>["put"]>> | null = null;
  const result = await step(staff, requestId, expectedVersion, {
    action: "request.extended",
    event: null,
    permission: "request.extend",
    note: "More time needed: see the new date and the reason",
    data: (r) => {
      const decision = decideExtension(r, input.days, input.reason, now);
      if (!decision.ok) throw new StepRefused(decision.message);
      return { dueAt: decision.dueAt, extendedAt: now, extensionReason: decision.reasonText };
    },
    write: async (tx, r) => {
      const to = notifyAddress(r);
      if (to) await enqueueNotification(tx, { requestId, template: "EXTENSION", idempotencyKey: `extension:${requestId}`, toAddress: to });
      else {
        // No e-mail: the written notice is a letter, printed and mailed by staff.
        const address = letterAddress(r);
        letter = await fileStore().put(Buffer.from(await renderExtensionLetter({ to: address, confirmationNumber: r.confirmationNumber, reason: first.reasonText, newDueDay: chicagoDay(first.dueAt), date: now })));
        await tx.document.create({ data: { requestId, kind: "EXTENSION_LETTER", storageKey: letter.storageKey, contentType: "application/pdf", sizeBytes: letter.sizeBytes, sha256: letter.sha256, uploadedById: staff.id } });
      }
      return { days: input.days, reason: input.reason, notice: to ? "email" : "letter" };
    },
  });
  if (!result.ok && letter) await fileStore().remove((letter as { storageKey: string }).storageKey).catch(() => undefined);
  return result;
}

/** The extension letter went out in the mail. */
export async function markExtensionLetterMailed(staff: StaffIdentity, requestId: string, expectedVersion: number): Promise<StaffResult> {
  return step(staff, requestId, expectedVersion, {
    action: "request.extension_letter_mailed",
    event: null,
    permission: "request.process",
    data: (r, now) => {
      if (!r.extendedAt || r.extensionLetterMailedAt) throw new StepRefused("There is no extension letter waiting to be mailed.");
      return { extensionLetterMailedAt: now };
    },
  });
}

/** Where a letter to the requester goes: the Section 4 mailing address, else the patient's address. */
function letterAddress(r: AuthorizationRequest): MailingAddress {
  const name = requesterName(r);
  if (r.deliveryMethod === "MAIL" && r.mailAddressLine1 && r.mailCity && r.mailState && r.mailPostalCode)
    return { name, line1: r.mailAddressLine1, line2: r.mailAddressLine2, city: r.mailCity, state: r.mailState, postalCode: r.mailPostalCode };
  return { name, line1: r.patientAddressLine1, line2: r.patientAddressLine2, city: r.patientCity, state: r.patientState, postalCode: r.patientPostalCode };
}

/** Everything submitted, for the detail page. The view is audited. */
export async function requestForStaff(staff: StaffIdentity, requestId: string) {
  if (!can(staff.role, "request.view")) return null;
  const request = await db().authorizationRequest.findUnique({
    where: { id: requestId },
    include: {
      assignee: { select: { id: true, name: true } },
      thirdPartyRequester: true,
      specialConsents: true,
      documents: { select: { id: true, kind: true, contentType: true, sizeBytes: true, originalName: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      statusChanges: { orderBy: { at: "asc" } },
      deficiencies: { orderBy: { createdAt: "asc" } },
      pickupCalls: { orderBy: { at: "asc" } },
      disclosures: { orderBy: { disclosedAt: "asc" } },
      revocations: { orderBy: { signedAt: "asc" } },
      accountingRequests: { orderBy: { requestedAt: "asc" } },
      downloadGrants: { where: { revokedAt: null }, select: { id: true, expiresAt: true, downloadCount: true, maxDownloads: true } },
      invoices: { orderBy: { issuedAt: "asc" }, include: { lines: { orderBy: { position: "asc" } }, payments: { orderBy: { createdAt: "asc" } } } },
    },
  });
  if (!request) return null;
  await recordAudit(db(), { actor: { type: "STAFF", id: staff.id, role: staff.role }, action: "request.viewed", objectType: "AuthorizationRequest", objectId: requestId, requestId });
  return request;
}

/** A document's bytes for staff (checked against its SHA-256), with the open audited. */
export async function openDocument(staff: StaffIdentity, requestId: string, documentId: string, shown: "download" | "inline" = "download") {
  if (!can(staff.role, "document.view")) return null;
  const document = await db().document.findFirst({ where: { id: documentId, requestId } });
  if (!document) return null;
  const bytes = await fileStore().get(document.storageKey, document.sha256);
  await recordAudit(db(), {
    actor: { type: "STAFF", id: staff.id, role: staff.role },
    action: "document.viewed",
    objectType: "Document",
    objectId: document.id,
    requestId,
    details: { kind: document.kind, shown },
  });
  return { bytes, contentType: document.contentType, kind: document.kind };
}

/**
 * What the signing rules (src/domain/signing-rules.ts) ask verification to record for a stored
 * request, judged on the day it was signed (Chicago).
 */
export async function signingRequirements(requestId: string): Promise<SigningRequirements | undefined> {
  const r = await db().authorizationRequest.findUnique({ where: { id: requestId }, include: { specialConsents: { select: { category: true } } } });
  if (!r) return undefined;
  return requirementsOf(r, todayInChicago(r.signedAt));
}

/** The decision for a stored request, as verification's requirements. */
export function requirementsOf(r: StoredSigningRecord, day: string): SigningRequirements {
  const d = decideStoredRequest(r, day);
  const refusal = d.signerRefusal ?? d.refusedCategories[0]?.reason ?? d.splitOff?.reason;
  return {
    minorSignature: !!d.minorSignature,
    minorInformedNoObjection: !!d.minorInformedNoObjection,
    witness: !!d.witness,
    authority: d.proofs.some((p) => p !== "PHOTO_ID"),
    ...(refusal ? { refusal } : {}),
  };
}

/** What the requester's timeline says for a step (never PHI). */
function requesterNote(event: LifecycleEvent): string | null {
  switch (event) {
    case "START_REVIEW":
      return "Review started";
    case "MARK_DEFICIENT":
      return "Something is missing: see what we need";
    case "VERIFY":
      return "Authorization verified";
    case "REJECT":
      return "The request could not be completed";
    default:
      return null;
  }
}
