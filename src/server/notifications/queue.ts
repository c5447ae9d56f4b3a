/**
 * The notification job queue: pg-boss 10 in its own `pgboss` schema of the application's
 * database (docs/decisions/0006). A job only says "try notification X now"; the Notification row
 * is the record of the message (status, attempts, last error) and decides whether anything is
 * sent. No "server-only" marker: the runtime scripts prepare the queue too.
 */
import PgBoss from "pg-boss";

export const NOTIFICATION_QUEUE = "notification-send";
export const QUEUE_SCHEMA = "pgboss";

export type NotificationJob = {
  notificationId: string;
  /** Values that are not stored on the Notification row (the sign-in code of ACCESS_CODE). */
  params?: { code?: string };
};

/** Runs SQL with $1… parameters and returns its rows: a pg pool, or a Prisma transaction. */
export type SqlExecutor = PgBoss.Db;

/**
 * Queue settings. pg-boss's own retries are only for a handler that throws (the database was
 * unreachable, the worker died mid-job): SMTP failures are retried by the delivery itself, which
 * schedules the next attempt as a new job (src/server/notifications/delivery.ts).
 */
const queueOptions = {
  name: NOTIFICATION_QUEUE,
  policy: "standard",
  retryLimit: 10,
  retryDelay: 5,
  retryBackoff: true,
  // Longer than one delivery can take (the row lock wait plus the 60 s delivery transaction), so
  // a job is only expired, and retried, when its worker is gone.
  expireInSeconds: 180,
} as const satisfies PgBoss.Queue;

/**
 * A transaction client as an executor, so a job is inserted by the same transaction as the
 * change that causes it: both commit, or neither does.
 */
export function transactionExecutor(tx: { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> }): SqlExecutor {
  return {
    executeSql: async (text, values = []) => ({
      // pg turns undefined into NULL; Prisma wants it said.
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((v: unknown) => (v === undefined ? null : v))),
    }),
  };
}

/**
 * The signed authorization PDF's job (docs/decisions/0021): "draw request X's signed PDF", queued
 * in the submission's transaction and run by the same worker. The request row says whether
 * anything is left to do, so a duplicate or a retry is harmless.
 */
export const SIGNED_PDF_QUEUE = "authorization-pdf";
export type SignedPdfJob = { requestId: string };
const signedPdfQueueOptions = {
  name: SIGNED_PDF_QUEUE,
  policy: "standard",
  retryLimit: 20,
  retryDelay: 2,
  retryBackoff: true,
  expireInSeconds: 120,
} as const satisfies PgBoss.Queue;

let sender: PgBoss | undefined;

/**
 * pg-boss builds the job's INSERT (its defaults, the queue's retry settings); the executor runs
 * it. This instance is never started and has no connection of its own.
 */
function jobSender(): PgBoss {
  sender ??= new PgBoss({
    schema: QUEUE_SCHEMA,
    db: {
      executeSql: () => Promise.reject(new Error("the notification job sender runs SQL only through the executor it is given")),
    },
  });
  return sender;
}

/** Inserts one job through `executor`. Throws when the queue does not exist (the database was not prepared). */
export async function sendNotificationJob(executor: SqlExecutor, job: NotificationJob, startAfter?: Date): Promise<string> {
  const id = await jobSender().send(NOTIFICATION_QUEUE, job, { db: executor, ...(startAfter ? { startAfter } : {}) });
  if (!id) throw new Error(`The job queue "${NOTIFICATION_QUEUE}" does not exist: prepare the database (npm run db:migrate)`);
  return id;
}

/** Queues the drawing of a request's signed authorization PDF through `executor` (the submission's transaction). */
export async function sendSignedPdfJob(executor: SqlExecutor, job: SignedPdfJob): Promise<string> {
  const id = await jobSender().send(SIGNED_PDF_QUEUE, job, { db: executor });
  if (!id) throw new Error(`The job queue "${SIGNED_PDF_QUEUE}" does not exist: prepare the database (npm run db:migrate)`);
  return id;
}

/**
 * Creates (or upgrades) pg-boss's schema and the notification queue; idempotent and safe to run
 * from several processes at once (pg-boss takes an advisory lock). Run with the migrations:
 * `npm start`, `npm run db:migrate` and the test set-ups, as the database owner (the worker, as the
 * app role, cannot run DDL: docs/decisions/0011).
 */
export async function prepareNotificationQueue(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: QUEUE_SCHEMA, max: 1, supervise: false, schedule: false, migrate: true, application_name: "record-connect-setup" });
  boss.on("error", () => {}); // a failure here rejects start() or createQueue(), below
  await boss.start();
  try {
    await boss.createQueue(NOTIFICATION_QUEUE, queueOptions);
    await boss.updateQueue(NOTIFICATION_QUEUE, queueOptions);
    await boss.createQueue(SIGNED_PDF_QUEUE, signedPdfQueueOptions);
    await boss.updateQueue(SIGNED_PDF_QUEUE, signedPdfQueueOptions);
  } finally {
    await boss.stop({ graceful: false });
  }
}

export { queueOptions as notificationQueueOptions };
