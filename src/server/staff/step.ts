import "server-only";
import type { AuthorizationRequest } from "@/generated/prisma/client";
import { decide, type LifecycleEvent, type TransitionContext } from "@/domain/lifecycle";
import { can, type StaffAction } from "@/domain/staff-access";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { releaseRequiresPayment } from "../settings";
import type { StaffIdentity } from "./auth";

export type StaffResult = { ok: true } | { ok: false; message: string };

export const STALE = "This request was changed by someone else since you opened it. Reload the page to see the changes, then try again.";
export const NOT_FOUND = "This request does not exist or you may not open it.";

/** Thrown inside a step's `write` to refuse it with a message for staff; the transaction rolls back. */
export class StepRefused extends Error {}

export type StepOptions = {
  /** Audit action, e.g. "request.released". */
  action: string;
  /** The lifecycle event, or null for a step that changes no status (it then needs `permission`). */
  event: LifecycleEvent | null;
  /** Checked when `event` is null (the state machine checks the event's own permission). */
  permission?: StaffAction;
  /** More for the state machine to decide on (checklist, reason, fee). */
  context?: Pick<TransitionContext, "checklist" | "reason" | "feeCents" | "signing">;
  /** What the requester's timeline says for the status change (never PHI). */
  note?: string | null;
  /** Fields to set on the request with the status (e.g. closedAt). */
  data?: (request: AuthorizationRequest, now: Date) => Record<string, unknown>;
  /** Rows the step adds (disclosure, notification, documents…); returns details for the audit event. */
  write?: (tx: Tx, request: AuthorizationRequest, now: Date) => Promise<Record<string, unknown> | void>;
};

/**
 * One staff step on a request, the same way for every step: the role, the version the staff
 * member saw (optimistic locking) and the state machine are checked; a refusal is audited as
 * DENIED; an allowed step bumps the version, records the status change and the audit event, and
 * runs `write`, all in one transaction.
 */
export async function step(staff: StaffIdentity, requestId: string, expectedVersion: number, options: StepOptions): Promise<StaffResult> {
  const actor = { type: "STAFF" as const, id: staff.id, role: staff.role };
  if (!can(staff.role, "request.view") || (options.permission && !can(staff.role, options.permission))) return { ok: false, message: NOT_FOUND };
  const request = await db().authorizationRequest.findUnique({ where: { id: requestId } });
  if (!request) return { ok: false, message: NOT_FOUND };
  if (request.version !== expectedVersion) return { ok: false, message: STALE };
  let to = request.status;
  if (options.event) {
    const decision = decide(request.status, options.event, staff, {
      ...options.context,
      requesterKind: request.requesterKind,
      deliveryMethod: request.deliveryMethod,
      recipientKind: request.recipientKind,
      releaseRequiresPayment: await releaseRequiresPayment(),
    });
    if (!decision.ok) {
      await recordAudit(db(), { actor, action: options.action, objectType: "AuthorizationRequest", objectId: requestId, requestId, outcome: "DENIED" });
      return { ok: false, message: decision.reason };
    }
    to = decision.to;
  }
  try {
    return await db().$transaction(async (tx) => {
      const now = new Date();
      const bumped = await tx.authorizationRequest.updateMany({
        where: { id: requestId, version: expectedVersion, status: request.status },
        // The first release is when the records went out: the dashboard's turnaround ends there.
        data: { version: { increment: 1 }, status: to, ...(to === "RELEASED" && !request.releasedAt ? { releasedAt: now } : {}), ...options.data?.(request, now) },
      });
      if (bumped.count !== 1) return { ok: false as const, message: STALE };
      const details = (await options.write?.(tx, request, now)) ?? {};
      if (to !== request.status) {
        await tx.statusChange.create({ data: { requestId, fromStatus: request.status, toStatus: to, actorId: staff.id, at: now, note: options.note ?? null } });
      }
      await recordAudit(tx, { actor, action: options.action, objectType: "AuthorizationRequest", objectId: requestId, requestId, details: { from: request.status, to, ...details } });
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof StepRefused) return { ok: false, message: error.message };
    throw error;
  }
}

/** Where the requester hears from us: the secure e-mail address, else the requester's own e-mail. */
export function notifyAddress(r: Pick<AuthorizationRequest, "deliveryEmail" | "requesterKind" | "representativeEmail" | "patientEmail">): string | null {
  return r.deliveryEmail ?? (r.requesterKind === "REPRESENTATIVE" ? r.representativeEmail : r.patientEmail) ?? null;
}
