import "server-only";
import PgBoss from "pg-boss";
import { auditKey, exportAuditHead, readAuditHeads, sealAuditEvents } from "../audit-chain";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { mailTransport } from "../mail/transport";
import { deliverNotifications, requeueOrphanedNotifications } from "./delivery";
import { makeOverdueSignedPdfs, makeSignedAuthorizationPdf } from "../requests/signed-pdf";
import { NOTIFICATION_QUEUE, type NotificationJob, QUEUE_SCHEMA, SIGNED_PDF_QUEUE, type SignedPdfJob } from "./queue";

export type NotificationWorker = {
  /** Stops fetching, lets the deliveries in progress finish (up to `graceMs`), and closes connections. */
  stop: (graceMs?: number) => Promise<void>;
};

const REQUEUE_EVERY_MS = 60_000;
/** Longest a signed PDF's job waits for e-mail deliveries under way to finish before it is drawn anyway. */
const PDF_YIELD_MS = 5_000;
/** How long e-mail must have been quiet before a signed PDF is drawn (ahead of the PDF_YIELD_MS bound). */
const EMAIL_QUIET_MS = 250;

/**
 * The notification worker: pg-boss fetches due jobs (several workers against one database share
 * them: each job goes to one of them, `FOR UPDATE SKIP LOCKED`), `NOTIFY_CONCURRENCY` batches of up
 * to `NOTIFY_BATCH_SIZE` at a time in this process, and each job is one delivery attempt
 * (./delivery.ts, `deliverNotifications`). Once a minute it requeues
 * pending notifications that have lost their job. It also seals the audit log every
 * AUDIT_SEAL_SECONDS (../audit-chain.ts) and appends the chain's head to AUDIT_HEAD_FILE.
 *
 * It runs as the app's database role: the queue's schema is prepared with the migrations, by the
 * owner (`npm run db:migrate`, `npm start`); pg-boss only checks it here.
 */
export async function startNotificationWorker(): Promise<NotificationWorker> {
  const settings = env();
  const sealer = startAuditSealer(settings.AUDIT_SEAL_SECONDS * 1000, settings.AUDIT_HMAC_KEY, settings.AUDIT_HEAD_FILE);
  const boss = new PgBoss({
    connectionString: settings.DATABASE_URL,
    schema: QUEUE_SCHEMA,
    max: settings.NOTIFY_CONCURRENCY + 3,
    application_name: "record-connect-worker",
    migrate: false,
    schedule: false,
    supervise: true, // expires jobs whose worker died, archives finished ones
  });
  // Only the kind of error: driver messages can echo values.
  boss.on("error", (error: unknown) => logger.error({ event: "notifications.queue_error", errorCode: (error as { code?: unknown })?.code ?? null }, "job queue error"));
  await boss.start();

  // Each slot claims up to NOTIFY_BATCH_SIZE due jobs in one fetch and delivers them as one batch
  // (decision 0022): one transaction locks the batch's rows, the messages go out side by side over
  // the pooled SMTP connections, and the outcomes are written in one statement. If the batch
  // fails (the database), none of it is recorded and its jobs are failed back to pg-boss, which
  // retries them after its back-off; a job that pg-boss retries is delivered on its own, so one
  // row that keeps failing cannot hold back the others it was fetched with.
  let deliveries = 0;
  let lastDelivery = 0;
  for (let i = 0; i < settings.NOTIFY_CONCURRENCY; i++) {
    const slot: { workerId?: string } = {};
    slot.workerId = await boss.work<NotificationJob>(
      NOTIFICATION_QUEUE,
      { batchSize: settings.NOTIFY_BATCH_SIZE, pollingIntervalSeconds: settings.NOTIFY_POLL_SECONDS, includeMetadata: true },
      async (jobs) => {
        try {
          const fresh = jobs.filter((job) => job.retryCount === 0);
          const retried = jobs.filter((job) => job.retryCount > 0);
          const batches = [...(fresh.length > 0 ? [fresh] : []), ...retried.map((job) => [job])];
          const failed: string[] = [];
          deliveries++;
          for (const batch of batches) {
            try {
              await deliverNotifications(batch.map((job) => job.data));
            } catch (error) {
              logger.error({ event: "notification.delivery", notificationIds: batch.map((job) => job.data.notificationId), outcome: "error", err: error }, "delivery failed; the jobs will be retried");
              failed.push(...batch.map((job) => job.id));
            }
          }
          deliveries--;
          lastDelivery = Date.now();
          // pg-boss keeps a failed job's error in its table: give it the kind only, never a message.
          await Promise.all(failed.map((id) => boss.fail(NOTIFICATION_QUEUE, id, { message: "delivery failed" })));
        } finally {
          // Jobs were there, so more may be: fetch again at once instead of after the polling interval.
          if (jobs.length > 0 && slot.workerId) boss.notifyWorker(slot.workerId);
        }
      },
    );
  }

  // The signed authorization PDFs (decision 0021): one at a time, beside the deliveries. E-mail
  // goes first (decision 0022): drawing a PDF holds this process's event loop for tens of
  // milliseconds (hundreds on a busy machine), while a person may be waiting for a sign-in code,
  // so a PDF waits until the e-mail has been quiet for a moment (no batch being delivered, none
  // finished in the last EMAIL_QUIET_MS: between two batches of a stream there is only a fetch) —
  // at most PDF_YIELD_MS, so that a steady stream of e-mail cannot hold the PDFs back for long.
  const pdfSlot: { workerId?: string } = {};
  pdfSlot.workerId = await boss.work<SignedPdfJob>(SIGNED_PDF_QUEUE, { batchSize: 1, pollingIntervalSeconds: settings.NOTIFY_POLL_SECONDS }, async ([job]) => {
    if (!job) return;
    const until = Date.now() + PDF_YIELD_MS;
    while ((deliveries > 0 || Date.now() - lastDelivery < EMAIL_QUIET_MS) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    try {
      await makeSignedAuthorizationPdf(job.data.requestId);
    } catch (error) {
      logger.error({ event: "request.signed_pdf_failed", requestId: job.data.requestId, err: error }, "could not make the signed PDF; the job will be retried");
      throw new Error(`signed PDF failed (${error instanceof Error ? error.name : "unknown"})`);
    } finally {
      if (pdfSlot.workerId) boss.notifyWorker(pdfSlot.workerId);
    }
  });

  const requeue = async () => {
    try {
      const count = await requeueOrphanedNotifications();
      if (count > 0) logger.warn({ event: "notifications.requeued", count }, "pending notifications without a job were queued again");
    } catch (error) {
      logger.error({ event: "notifications.requeue_failed", err: error }, "could not requeue pending notifications");
    }
    try {
      const made = await makeOverdueSignedPdfs();
      if (made > 0) logger.warn({ event: "request.signed_pdf_swept", count: made }, "signed PDFs whose job was lost were made");
    } catch (error) {
      logger.error({ event: "request.signed_pdf_sweep_failed", err: error }, "could not make overdue signed PDFs");
    }
  };
  await requeue();
  const timer = setInterval(() => void requeue(), REQUEUE_EVERY_MS);
  logger.info({ event: "notifications.worker_started", concurrency: settings.NOTIFY_CONCURRENCY }, "notification worker started");

  let stopping: Promise<void> | undefined;
  return {
    stop: (graceMs = 30_000) =>
      (stopping ??= (async () => {
        clearInterval(timer);
        await boss.stop({ graceful: true, timeout: graceMs, wait: true });
        await sealer.stop();
        logger.info({ event: "notifications.worker_stopped" }, "notification worker stopped");
      })()),
  };
}

/** Closes what the worker's deliveries opened in this process (the Prisma pool, the SMTP transport). */
export async function closeWorkerResources(): Promise<void> {
  mailTransport().close();
  await db().$disconnect();
}

/**
 * Seals the audit events written since the last round, every `everyMs`, and appends the head to
 * `headFile` when it moved. A round that fails is logged and retried at the next tick.
 */
export function startAuditSealer(everyMs: number, keyBase64: string | undefined, headFile: string | undefined) {
  const key = auditKey(keyBase64);
  if (!headFile) logger.warn({ event: "audit.head_export_off" }, "AUDIT_HEAD_FILE is not set: the audit chain's head is not exported (deleting the newest audit events would go unnoticed)");
  let lastExported: string | null | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = () =>
    (running = running.then(async () => {
      try {
        // The head already in the file (a restart) is not written again.
        if (lastExported === undefined) lastExported = headFile ? ((await readAuditHeads(headFile).catch(() => [])).at(-1)?.seq ?? null) : null;
        const { sealed, head } = await sealAuditEvents(db(), key);
        if (head && headFile && head.seq !== lastExported) {
          await exportAuditHead(headFile, head);
          lastExported = head.seq;
        }
        if (sealed > 0) logger.debug({ event: "audit.sealed", count: sealed }, "audit events sealed");
      } catch (error) {
        logger.error({ event: "audit.seal_failed", err: error }, "could not seal the audit log; retrying at the next round");
      }
    }));
  void round();
  const timer = setInterval(() => void round(), everyMs);
  return {
    /** One last round, so what was written before the stop is sealed. */
    stop: async () => {
      clearInterval(timer);
      await round();
    },
  };
}
