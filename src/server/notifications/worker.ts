import "server-only";
import PgBoss from "pg-boss";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { mailTransport } from "../mail/transport";
import { deliverNotification, requeueOrphanedNotifications } from "./delivery";
import { NOTIFICATION_QUEUE, type NotificationJob, prepareNotificationQueue, QUEUE_SCHEMA } from "./queue";

export type NotificationWorker = {
  /** Stops fetching, lets the deliveries in progress finish (up to `graceMs`), and closes connections. */
  stop: (graceMs?: number) => Promise<void>;
};

const REQUEUE_EVERY_MS = 60_000;

/**
 * The notification worker: pg-boss fetches due jobs (several workers against one database share
 * them: each job goes to one of them, `FOR UPDATE SKIP LOCKED`), `NOTIFY_CONCURRENCY` at a time in
 * this process, and each is one delivery attempt (./delivery.ts). Once a minute it requeues
 * pending notifications that have lost their job.
 */
export async function startNotificationWorker(): Promise<NotificationWorker> {
  const settings = env();
  await prepareNotificationQueue(settings.DATABASE_URL);
  const boss = new PgBoss({
    connectionString: settings.DATABASE_URL,
    schema: QUEUE_SCHEMA,
    max: settings.NOTIFY_CONCURRENCY + 2,
    application_name: "record-connect-worker",
    migrate: false,
    schedule: false,
    supervise: true, // expires jobs whose worker died, archives finished ones
  });
  // Only the kind of error: driver messages can echo values.
  boss.on("error", (error: unknown) => logger.error({ event: "notifications.queue_error", errorCode: (error as { code?: unknown })?.code ?? null }, "job queue error"));
  await boss.start();

  for (let i = 0; i < settings.NOTIFY_CONCURRENCY; i++) {
    const slot: { workerId?: string } = {};
    slot.workerId = await boss.work<NotificationJob>(NOTIFICATION_QUEUE, { batchSize: 1, pollingIntervalSeconds: settings.NOTIFY_POLL_SECONDS }, async ([job]) => {
      if (!job) return;
      try {
        await deliverNotification(job.data);
      } catch (error) {
        // pg-boss keeps a failed job's error in its table: give it the kind only, never a message.
        logger.error({ event: "notification.delivery", notificationId: job.data.notificationId, outcome: "error", err: error }, "delivery failed; the job will be retried");
        throw new Error(`delivery failed (${error instanceof Error ? error.name : "unknown"})`);
      } finally {
        // A job was there, so more may be: fetch again at once instead of after the polling interval.
        if (slot.workerId) boss.notifyWorker(slot.workerId);
      }
    });
  }

  const requeue = async () => {
    try {
      const count = await requeueOrphanedNotifications();
      if (count > 0) logger.warn({ event: "notifications.requeued", count }, "pending notifications without a job were queued again");
    } catch (error) {
      logger.error({ event: "notifications.requeue_failed", err: error }, "could not requeue pending notifications");
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
        logger.info({ event: "notifications.worker_stopped" }, "notification worker stopped");
      })()),
  };
}

/** Closes what the worker's deliveries opened in this process (the Prisma pool, the SMTP transport). */
export async function closeWorkerResources(): Promise<void> {
  mailTransport().close();
  await db().$disconnect();
}
