import "server-only";
import type { NotificationStatus, NotificationTemplate } from "@/generated/prisma/client";
import { can } from "@/domain/staff-access";
import { recordAudit } from "../audit";
import { db } from "../db";
import { sendNotificationJob, transactionExecutor } from "../notifications/queue";
import type { StaffIdentity } from "./auth";

/** What the notifications page shows of one message: no address, no content (there is none to show). */
export type StaffNotificationRow = {
  id: string;
  requestId: string | null;
  confirmationNumber: string | null;
  template: NotificationTemplate;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
};

const LIST_LIMIT = 100;

/**
 * The dead letter (notifications that will not be sent unless someone resends them), newest
 * first, and the notifications still waiting — those that have failed at least once first.
 */
export async function notificationsForStaff(staff: StaffIdentity): Promise<{ dead: StaffNotificationRow[]; waiting: StaffNotificationRow[] } | null> {
  if (!can(staff.role, "notification.resend")) return null;
  const select = {
    id: true,
    requestId: true,
    template: true,
    status: true,
    attempts: true,
    lastError: true,
    createdAt: true,
    nextAttemptAt: true,
    request: { select: { confirmationNumber: true } },
  } as const;
  const [dead, waiting] = await Promise.all([
    db().notification.findMany({ where: { status: "DEAD" }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: LIST_LIMIT, select }),
    db().notification.findMany({ where: { status: "PENDING" }, orderBy: [{ attempts: "desc" }, { createdAt: "asc" }, { id: "asc" }], take: LIST_LIMIT, select }),
  ]);
  const view = ({ request, ...n }: (typeof dead)[number]): StaffNotificationRow => ({ ...n, confirmationNumber: request?.confirmationNumber ?? null });
  return { dead: dead.map(view), waiting: waiting.map(view) };
}

export const RESEND_REFUSALS = {
  "not-found": "This notification does not exist or you may not resend it.",
  "already-sent": "This notification has been sent already; it is not sent twice.",
  "sign-in-code": "A sign-in code is not resent: the requester can ask for a new one.",
} as const;
export type ResendRefusal = keyof typeof RESEND_REFUSALS;
export type ResendResult = { ok: true } | { ok: false; reason: ResendRefusal };

/**
 * Queues a dead (or still waiting) notification again: back to pending with its attempts reset,
 * and a new job, in one transaction with the audit event. A notification already sent is never
 * sent again. A sign-in code cannot be resent (the code itself is not kept): the requester asks
 * for a new one.
 */
export async function resendNotification(staff: StaffIdentity, notificationId: string): Promise<ResendResult> {
  if (!can(staff.role, "notification.resend")) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const current = await tx.notification.findUnique({ where: { id: notificationId }, select: { status: true, attempts: true, template: true, requestId: true } });
    if (!current) return { ok: false as const, reason: "not-found" as const };
    if (current.template === "ACCESS_CODE") return { ok: false as const, reason: "sign-in-code" as const };
    // The same time for the row and its job: the delivery compares both with the database's clock.
    const at = new Date();
    // If a worker is sending it right now, this waits for that delivery, then sees it sent.
    const updated = await tx.notification.updateMany({
      where: { id: notificationId, status: { in: ["DEAD", "PENDING"] } },
      data: { status: "PENDING", attempts: 0, lastError: null, nextAttemptAt: at },
    });
    if (updated.count !== 1) return { ok: false as const, reason: "already-sent" as const };
    await sendNotificationJob(transactionExecutor(tx), { notificationId }, at);
    await recordAudit(tx, {
      actor: { type: "STAFF", id: staff.id, role: staff.role },
      action: "notification.resent",
      objectType: "Notification",
      objectId: notificationId,
      requestId: current.requestId,
      details: { template: current.template, previousStatus: current.status, previousAttempts: current.attempts },
    });
    return { ok: true as const };
  });
}
