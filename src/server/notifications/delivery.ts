import "server-only";
import { chicagoDay } from "@/domain/chicago";
import type { NotificationTemplate } from "@/generated/prisma/client";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { mailTransport } from "../mail/transport";
import { issueDownloadGrant } from "../portal/downloads";
import { issueSigningLink } from "../third-party/invitations";
import { issueCorrectionLink } from "../third-party/paper-uploads";
import { describeSmtpFailure, retryDelayMs } from "./failures";
import { NOTIFICATION_QUEUE, QUEUE_SCHEMA, sendNotificationJob, transactionExecutor, type NotificationJob } from "./queue";
import { type Locale, isLocale } from "@/i18n/locales";
import { portalUrlFor, type RenderedMessage, renderNotification } from "./templates";

export type DeliveryOutcome = "sent" | "retry" | "dead" | "skipped";

/** Longer than nodemailer's connection, greeting and socket timeouts together (src/server/mail/transport.ts). */
const DELIVERY_TRANSACTION_MS = 60_000;

type Row = {
  id: string;
  requestId: string | null;
  status: "PENDING" | "SENT" | "DEAD";
  template: NotificationTemplate;
  toAddress: string;
  attempts: number;
  due: boolean;
  confirmationNumber: string | null;
  mailTrackingNumber: string | null;
  extensionReason: string | null;
  dueAt: Date | null;
  extendedAt: Date | null;
  locale: string | null;
};

/**
 * One attempt at one notification, if it is still pending and due. The row is locked
 * (`FOR UPDATE`) from before the message is handed to SMTP until its outcome is written, so two
 * jobs for the same row — a duplicate, an expired job retried while the first still runs, a
 * resend — take turns, and the second finds it sent. Outcomes:
 * - accepted by SMTP → SENT with the time and Message-ID;
 * - refused for good (5xx) or out of attempts → DEAD with the redacted reason (the dead letter
 *   staff see at /staff/notifications);
 * - failed for now (4xx, no connection, timeout) → attempts + 1, the reason, and the next attempt
 *   as a new job starting at `nextAttemptAt` (exponential backoff with jitter), in the same
 *   transaction as the row's update.
 * A crash after SMTP accepted the message but before the commit leaves the row pending, so the
 * message is sent again: at-least-once in that window (docs/decisions/0006). Every copy carries
 * the same Message-ID, derived from the row.
 */
export async function deliverNotification(job: NotificationJob): Promise<DeliveryOutcome> {
  const settings = env();
  return db().$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Row[]>`
        SELECT n."id", n."requestId", n."status"::text AS "status", n."template"::text AS "template", n."toAddress", n."attempts",
               n."nextAttemptAt" <= now() AS "due", r."confirmationNumber", r."mailTrackingNumber", r."extensionReason", r."dueAt", r."extendedAt", r."locale"::text AS "locale"
        FROM "Notification" n LEFT JOIN "AuthorizationRequest" r ON r."id" = n."requestId"
        WHERE n."id" = ${job.notificationId}::uuid
        FOR UPDATE OF n`;
      // Sent, dead, or a later attempt is already scheduled (this job is a duplicate): nothing to do.
      if (!row || row.status !== "PENDING" || !row.due) return "skipped";
      const attempts = row.attempts + 1;
      const log = { notificationId: row.id, template: row.template, attempts, event: "notification.delivery" };

      // "Records ready" carries a fresh download link: its token exists only in this message (the
      // database keeps its hash), and the grant is withdrawn again if this attempt does not send.
      const grant = row.template === "RECORDS_READY" && row.requestId ? await issueDownloadGrant(tx, row.requestId) : null;
      // An invitation to sign (third party) carries a fresh single-use link the same way.
      const signing = row.template === "SIGNING_INVITATION" ? await issueSigningLink(tx, row.id) : null;
      // So does a notice that an uploaded paper authorization was sent back (its correction page).
      const correction = row.template === "PAPER_AUTHORIZATION_DEFICIENT" ? await issueCorrectionLink(tx, row.id) : null;
      const withdraw = async () => {
        if (grant) await tx.downloadGrant.delete({ where: { id: grant.id } });
        if (signing) await signing.withdraw();
        if (correction) await correction.withdraw();
      };

      // The requester's language (issue 15); an invitation to sign has no request yet: English.
      const locale: Locale = isLocale(row.locale) ? row.locale : "en";
      let message: RenderedMessage;
      try {
        message = renderNotification(row.template, {
          confirmationNumber: row.confirmationNumber ?? signing?.confirmationNumber ?? correction?.confirmationNumber ?? "",
          portalUrl: portalUrlFor(settings.APP_URL, locale),
          trackingNumber: row.mailTrackingNumber,
          downloadUrl: grant?.url,
          signUrl: signing?.url,
          correctUrl: correction?.url,
          code: job.params?.code,
          extension: row.template === "EXTENSION" && row.extendedAt && row.dueAt ? { reason: row.extensionReason, newDueDay: chicagoDay(row.dueAt) } : null,
        }, locale);
      } catch (error) {
        // Our own message (no PHI): a template without what it needs will not have it next time either.
        const reason = `Not sent: ${error instanceof Error ? error.message : "the message could not be composed"}`;
        await withdraw();
        await tx.notification.update({ where: { id: row.id }, data: { status: "DEAD", attempts, lastError: reason } });
        logger.error({ ...log, outcome: "dead", failure: reason }, "notification could not be composed");
        return "dead";
      }

      try {
        const info = await mailTransport().sendMail({
          to: row.toAddress,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: messageIdFor(row.id),
          headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
        });
        await tx.notification.update({
          where: { id: row.id },
          data: { status: "SENT", attempts, sentAt: new Date(), messageId: info.messageId, lastError: null },
        });
        logger.info({ ...log, outcome: "sent" }, "notification sent");
        return "sent";
      } catch (error) {
        const failure = describeSmtpFailure(error);
        await withdraw();
        if (failure.permanent || attempts >= settings.NOTIFY_MAX_ATTEMPTS) {
          const reason = failure.permanent ? failure.summary : `${failure.summary} (gave up after ${attempts} attempts)`;
          await tx.notification.update({ where: { id: row.id }, data: { status: "DEAD", attempts, lastError: reason } });
          logger.warn({ ...log, outcome: "dead", failure: reason }, "notification moved to the dead letter");
          return "dead";
        }
        const next = new Date(Date.now() + retryDelayMs(attempts, settings.NOTIFY_RETRY_DELAY_SECONDS, settings.NOTIFY_RETRY_MAX_DELAY_SECONDS));
        await tx.notification.update({ where: { id: row.id }, data: { attempts, lastError: failure.summary, nextAttemptAt: next } });
        await sendNotificationJob(transactionExecutor(tx), job, next);
        logger.info({ ...log, outcome: "retry", failure: failure.summary, nextAttemptAt: next.toISOString() }, "notification will be retried");
        return "retry";
      }
    },
    { timeout: DELIVERY_TRANSACTION_MS, maxWait: 10_000 },
  );
}

/**
 * Pending notifications that have no job waiting or running — rows written before the queue
 * existed, or whose job pg-boss gave up on after repeated handler errors (the database was down)
 * — get a new job, at their next attempt time. One worker at a time does this (advisory lock).
 */
export async function requeueOrphanedNotifications(limit = 500): Promise<number> {
  return db().$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('record-connect:notification-requeue')) AS "locked"`;
    if (!lock?.locked) return 0;
    const orphans = await tx.$queryRawUnsafe<{ id: string; nextAttemptAt: Date }[]>(
      `SELECT n."id", n."nextAttemptAt" FROM "Notification" n
       WHERE n."status" = 'PENDING'
         AND NOT EXISTS (
           SELECT 1 FROM ${QUEUE_SCHEMA}.job j
           WHERE j.name = $1 AND j.state IN ('created', 'retry', 'active') AND j.data->>'notificationId' = n."id"::text)
       ORDER BY n."createdAt"
       LIMIT ${Math.max(1, Math.floor(limit))}`,
      NOTIFICATION_QUEUE,
    );
    const now = Date.now();
    for (const orphan of orphans) {
      await sendNotificationJob(transactionExecutor(tx), { notificationId: orphan.id }, orphan.nextAttemptAt.getTime() > now ? orphan.nextAttemptAt : undefined);
    }
    return orphans.length;
  });
}

/** The same Message-ID for every copy of one notification, so a duplicate can be recognized. */
export function messageIdFor(notificationId: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env().MAIL_FROM)?.[1] ?? "recordconnect.invalid";
  return `<${notificationId}@${domain}>`;
}
