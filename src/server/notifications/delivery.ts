import "server-only";
import { chicagoDay } from "@/domain/chicago";
import type { NotificationTemplate } from "@/generated/prisma/client";
import { db, type Tx } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { mailTransport } from "../mail/transport";
import { issueDownloadGrant } from "../portal/downloads";
import { issueSigningLink } from "../third-party/invitations";
import { issueCorrectionLink } from "../third-party/paper-uploads";
import { describeSmtpFailure, retryDelayMs } from "./failures";
import { NOTIFICATION_QUEUE, QUEUE_SCHEMA, sendNotificationJob, transactionExecutor, type NotificationJob } from "./queue";
import { type RenderedMessage, renderNotification } from "./templates";

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
};

/**
 * One attempt at one notification (a batch of one; see `deliverNotifications`).
 */
export async function deliverNotification(job: NotificationJob): Promise<DeliveryOutcome> {
  const [outcome] = await deliverNotifications([job]);
  return outcome!;
}

/** What one row of a batch came to, before it is written. */
type Outcome = {
  id: string;
  kind: "sent" | "retry" | "dead";
  attempts: number;
  sentAt: Date | null;
  messageId: string | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
};

/**
 * One attempt at each of a batch of notifications that is still pending and due (decision 0022),
 * in one transaction:
 * 1. the batch's rows are locked in one statement (`FOR UPDATE`, in id order, so two batches that
 *    share a row — a duplicate job, an expired job retried while the first still runs, a resend —
 *    take turns without deadlock, and the second finds it sent). The lock is held from before any
 *    message is handed to SMTP until the outcomes are written, as for one message before;
 * 2. each message is composed (the fresh links of "records ready", a signing invitation and a
 *    correction notice are issued in this transaction);
 * 3. all of them are handed to the pooled SMTP transport at once, which sends them over its
 *    connections side by side;
 * 4. the outcomes are written in one statement:
 *    - accepted by SMTP → SENT with the time and Message-ID;
 *    - refused for good (5xx) or out of attempts → DEAD with the redacted reason (the dead letter
 *      staff see at /staff/notifications);
 *    - failed for now (4xx, no connection, timeout) → attempts + 1, the reason, and the next
 *      attempt as a new job starting at `nextAttemptAt` (exponential backoff with jitter), in
 *      the same transaction; a link issued for a message that was not sent is withdrawn.
 * The answer is each job's outcome, in the jobs' order. A failure of the database throws and rolls
 * the whole batch back (nothing recorded, every job retried by pg-boss). A crash or database
 * failure after SMTP accepted messages but before the commit leaves their rows pending, so they
 * are sent again: at-least-once in that window (docs/decisions/0006). Every copy carries the same
 * Message-ID, derived from the row.
 */
export async function deliverNotifications(jobs: NotificationJob[]): Promise<DeliveryOutcome[]> {
  if (jobs.length === 0) return [];
  const settings = env();
  const ids = [...new Set(jobs.map((job) => job.notificationId))];
  const byId = await db().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT n."id", n."requestId", n."status"::text AS "status", n."template"::text AS "template", n."toAddress", n."attempts",
               n."nextAttemptAt" <= now() AS "due", r."confirmationNumber", r."mailTrackingNumber", r."extensionReason", r."dueAt", r."extendedAt"
        FROM "Notification" n LEFT JOIN "AuthorizationRequest" r ON r."id" = n."requestId"
        WHERE n."id" = ANY(${ids}::uuid[])
        ORDER BY n."id"
        FOR UPDATE OF n`;
      const outcomes = new Map<string, DeliveryOutcome>(ids.map((id) => [id, "skipped"]));
      const written: Outcome[] = [];
      const logs: Array<{ level: "info" | "warn" | "error"; fields: Record<string, unknown>; msg: string }> = [];

      // Compose. The first job of a row gives its parameters (a duplicate job carries the same).
      const sending: Array<{ row: Row; attempts: number; message: RenderedMessage; withdraw: () => Promise<void> }> = [];
      for (const row of rows) {
        // Sent, dead, or a later attempt is already scheduled (this job is a duplicate): nothing to do.
        if (row.status !== "PENDING" || !row.due) continue;
        const job = jobs.find((j) => j.notificationId === row.id)!;
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
        try {
          const message = renderNotification(row.template, {
            confirmationNumber: row.confirmationNumber ?? signing?.confirmationNumber ?? correction?.confirmationNumber ?? "",
            portalUrl: portalUrl(),
            trackingNumber: row.mailTrackingNumber,
            downloadUrl: grant?.url,
            signUrl: signing?.url,
            correctUrl: correction?.url,
            code: job.params?.code,
            extension: row.template === "EXTENSION" && row.extendedAt && row.dueAt ? { reason: row.extensionReason, newDueDay: chicagoDay(row.dueAt) } : null,
          });
          sending.push({ row, attempts, message, withdraw });
        } catch (error) {
          // Our own message (no PHI): a template without what it needs will not have it next time either.
          const reason = `Not sent: ${error instanceof Error ? error.message : "the message could not be composed"}`;
          await withdraw();
          written.push({ id: row.id, kind: "dead", attempts, sentAt: null, messageId: null, lastError: reason, nextAttemptAt: null });
          logs.push({ level: "error", fields: { ...log, outcome: "dead", failure: reason }, msg: "notification could not be composed" });
        }
      }

      // Send, side by side over the pooled connections.
      const transport = mailTransport();
      const results = await Promise.allSettled(
        sending.map(({ row, message }) =>
          transport.sendMail({
            to: row.toAddress,
            subject: message.subject,
            text: message.text,
            html: message.html,
            messageId: messageIdFor(row.id),
            headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
          }),
        ),
      );
      const sentAt = new Date();
      for (const [i, result] of results.entries()) {
        const { row, attempts, withdraw } = sending[i]!;
        const log = { notificationId: row.id, template: row.template, attempts, event: "notification.delivery" };
        if (result.status === "fulfilled") {
          written.push({ id: row.id, kind: "sent", attempts, sentAt, messageId: String(result.value.messageId), lastError: null, nextAttemptAt: null });
          logs.push({ level: "info", fields: { ...log, outcome: "sent" }, msg: "notification sent" });
          continue;
        }
        const failure = describeSmtpFailure(result.reason);
        await withdraw();
        if (failure.permanent || attempts >= settings.NOTIFY_MAX_ATTEMPTS) {
          const reason = failure.permanent ? failure.summary : `${failure.summary} (gave up after ${attempts} attempts)`;
          written.push({ id: row.id, kind: "dead", attempts, sentAt: null, messageId: null, lastError: reason, nextAttemptAt: null });
          logs.push({ level: "warn", fields: { ...log, outcome: "dead", failure: reason }, msg: "notification moved to the dead letter" });
          continue;
        }
        const next = new Date(Date.now() + retryDelayMs(attempts, settings.NOTIFY_RETRY_DELAY_SECONDS, settings.NOTIFY_RETRY_MAX_DELAY_SECONDS));
        written.push({ id: row.id, kind: "retry", attempts, sentAt: null, messageId: null, lastError: failure.summary, nextAttemptAt: next });
        const job = jobs.find((j) => j.notificationId === row.id)!;
        await sendNotificationJob(transactionExecutor(tx), job, next);
        logs.push({ level: "info", fields: { ...log, outcome: "retry", failure: failure.summary, nextAttemptAt: next.toISOString() }, msg: "notification will be retried" });
      }

      await writeOutcomes(tx, written);
      for (const outcome of written) outcomes.set(outcome.id, outcome.kind);
      return { outcomes, logs };
    },
    { timeout: DELIVERY_TRANSACTION_MS, maxWait: 10_000 },
  );
  // Logged once committed: a line says what the database now says.
  for (const { level, fields, msg } of byId.logs) logger[level](fields, msg);
  // A job whose row was already handled by an earlier job of the same batch is a duplicate: skipped.
  const seen = new Set<string>();
  return jobs.map((job) => {
    if (seen.has(job.notificationId)) return "skipped";
    seen.add(job.notificationId);
    return byId.outcomes.get(job.notificationId) ?? "skipped";
  });
}

/** Every outcome of a batch in one UPDATE (a row of arrays, unnested). */
async function writeOutcomes(tx: Tx, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const status = outcomes.map((o) => (o.kind === "sent" ? "SENT" : o.kind === "dead" ? "DEAD" : "PENDING"));
  const updated = await tx.$executeRaw`
    UPDATE "Notification" AS n
    SET "status" = v."status"::"NotificationStatus",
        "attempts" = v."attempts",
        "sentAt" = COALESCE(v."sentAt", n."sentAt"),
        "messageId" = COALESCE(v."messageId", n."messageId"),
        "lastError" = v."lastError",
        "nextAttemptAt" = COALESCE(v."nextAttemptAt", n."nextAttemptAt")
    FROM unnest(${outcomes.map((o) => o.id)}::uuid[], ${status}::text[], ${outcomes.map((o) => o.attempts)}::int[],
                ${outcomes.map((o) => o.sentAt)}::timestamptz[], ${outcomes.map((o) => o.messageId)}::text[],
                ${outcomes.map((o) => o.lastError)}::text[], ${outcomes.map((o) => o.nextAttemptAt)}::timestamptz[])
         AS v("id", "status", "attempts", "sentAt", "messageId", "lastError", "nextAttemptAt")
    WHERE n."id" = v."id"`;
  if (updated !== outcomes.length) throw new Error(`recorded ${updated} of ${outcomes.length} delivery outcomes`);
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

function portalUrl(): string {
  return new URL("/portal", env().APP_URL).toString();
}
