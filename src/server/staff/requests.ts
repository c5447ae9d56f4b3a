import "server-only";
import { can } from "@/domain/staff-access";
import { decide, type LifecycleEvent, type TransitionContext } from "@/domain/lifecycle";
import { MAX_EXTENSION_DAYS } from "@/domain/deadlines";
import { recordAudit } from "../audit";
import { db } from "../db";
import { fileStore } from "../storage";
import type { StaffIdentity } from "./auth";

export type StaffResult = { ok: true } | { ok: false; message: string };

export const STALE = "This request was changed by someone else since you opened it. Reload the page to see the changes, then try again.";
export const NOT_FOUND = "This request does not exist or you may not open it.";

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

/**
 * Takes one lifecycle step. The state machine decides; the update is refused if the request
 * changed since the version the staff member saw (optimistic locking); the status change, the
 * deficiency or reason, and the audit event are written in one transaction.
 */
export async function transitionRequest(
  staff: StaffIdentity,
  requestId: string,
  expectedVersion: number,
  event: LifecycleEvent,
  input: Pick<TransitionContext, "checklist" | "reason"> = {},
): Promise<StaffResult> {
  const request = await db().authorizationRequest.findUnique({
    where: { id: requestId },
    select: { status: true, version: true, requesterKind: true, deliveryMethod: true },
  });
  if (!request || !can(staff.role, "request.view")) return { ok: false, message: NOT_FOUND };
  if (request.version !== expectedVersion) return { ok: false, message: STALE };
  const decision = decide(request.status, event, staff, { ...input, requesterKind: request.requesterKind, deliveryMethod: request.deliveryMethod });
  if (!decision.ok) {
    await recordAudit(db(), {
      actor: { type: "STAFF", id: staff.id, role: staff.role },
      action: `request.${event.toLowerCase()}`,
      objectType: "AuthorizationRequest",
      objectId: requestId,
      requestId,
      outcome: "DENIED",
    });
    return { ok: false, message: decision.reason };
  }

  return db().$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.authorizationRequest.updateMany({
      where: { id: requestId, version: expectedVersion, status: request.status },
      data: {
        status: decision.to,
        version: { increment: 1 },
        ...(decision.to === "REJECTED" || decision.to === "COMPLETED" ? { closedAt: now, closeReason: input.reason?.trim() || null } : {}),
      },
    });
    if (updated.count !== 1) return { ok: false as const, message: STALE };
    await tx.statusChange.create({
      data: { requestId, fromStatus: request.status, toStatus: decision.to, actorId: staff.id, at: now, note: requesterNote(event) },
    });
    if (event === "MARK_DEFICIENT") {
      await tx.deficiency.create({ data: { requestId, reasons: [input.reason!.trim()], createdById: staff.id, createdAt: now } });
    }
    if (event === "RESUME_REVIEW") {
      await tx.deficiency.updateMany({ where: { requestId, resolvedAt: null }, data: { resolvedAt: now } });
    }
    await recordAudit(tx, {
      actor: { type: "STAFF", id: staff.id, role: staff.role },
      action: `request.${event.toLowerCase()}`,
      objectType: "AuthorizationRequest",
      objectId: requestId,
      requestId,
      details: { from: request.status, to: decision.to, ...(input.checklist ? { checklist: input.checklist } : {}) },
    });
    return { ok: true as const };
  });
}

/** The one extension HIPAA allows: at most 30 more days, with a reason the requester is told. */
export async function extendDeadline(staff: StaffIdentity, requestId: string, expectedVersion: number, days: number, reason: string): Promise<StaffResult> {
  if (!can(staff.role, "request.extend")) return { ok: false, message: NOT_FOUND };
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) return { ok: false, message: `An extension is 1 to ${MAX_EXTENSION_DAYS} days.` };
  if (!reason.trim()) return { ok: false, message: "Give the reason: the requester is told." };
  const request = await db().authorizationRequest.findUnique({ where: { id: requestId }, select: { dueAt: true, version: true, extendedAt: true, closedAt: true } });
  if (!request) return { ok: false, message: NOT_FOUND };
  if (request.version !== expectedVersion) return { ok: false, message: STALE };
  if (request.extendedAt) return { ok: false, message: "This request has already been extended once; the law allows one extension." };
  if (request.closedAt) return { ok: false, message: "This request is closed." };
  return db().$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.authorizationRequest.updateMany({
      where: { id: requestId, version: expectedVersion, extendedAt: null },
      data: { dueAt: new Date(request.dueAt.getTime() + days * 86_400_000), extendedAt: now, extensionReason: reason.trim(), version: { increment: 1 } },
    });
    if (updated.count !== 1) return { ok: false as const, message: STALE };
    await recordAudit(tx, { actor: { type: "STAFF", id: staff.id, role: staff.role }, action: "request.extended", objectType: "AuthorizationRequest", objectId: requestId, requestId, details: { days } });
    return { ok: true as const };
  });
}

/** Everything submitted, for the detail page. The view is audited. */
export async function requestForStaff(staff: StaffIdentity, requestId: string) {
  if (!can(staff.role, "request.view")) return null;
  const request = await db().authorizationRequest.findUnique({
    where: { id: requestId },
    include: {
      assignee: { select: { id: true, name: true } },
      specialConsents: true,
      documents: { select: { id: true, kind: true, contentType: true, sizeBytes: true, originalName: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      statusChanges: { orderBy: { at: "asc" } },
      deficiencies: { orderBy: { createdAt: "asc" } },
      pickupCalls: { orderBy: { at: "asc" } },
      disclosures: { orderBy: { disclosedAt: "asc" } },
    },
  });
  if (!request) return null;
  await recordAudit(db(), { actor: { type: "STAFF", id: staff.id, role: staff.role }, action: "request.viewed", objectType: "AuthorizationRequest", objectId: requestId, requestId });
  return request;
}

/** A document's bytes for staff (checked against its SHA-256), with the open audited. */
export async function openDocument(staff: StaffIdentity, requestId: string, documentId: string) {
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
    details: { kind: document.kind },
  });
  return { bytes, contentType: document.contentType, kind: document.kind };
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
