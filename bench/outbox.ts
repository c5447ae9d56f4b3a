/**
 * Child process of `npm run bench` (run with --conditions=react-server, as server code loads in
 * Next.js): how many e-mails per second one notification worker drains from the outbox to the
 * SMTP server, against nodemailer alone sending the same number of messages with the same
 * transport settings and concurrency (the stack's floor). Answers in JSON (lib/child.ts).
 *
 * The worker is the outbox branch's; this script expects, and checks for, its interface:
 * - src/server/notifications/queue.ts   prepareNotificationQueue(databaseUrl): Promise<void>
 * - src/server/notifications/outbox.ts  enqueueNotification(tx, { requestId, template, idempotencyKey, toAddress })
 *                                        (the Notification row and its pg-boss job, in the caller's transaction)
 * - src/server/notifications/worker.ts  startNotificationWorker(): Promise<{ stop(graceMs?: number): Promise<void> }>
 *                                        and closeWorkerResources(): Promise<void>
 * Without them it reports the worker as not present (and still measures the baseline).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Socket } from "node:net";
import nodemailer from "nodemailer";
import { writeResult } from "./lib/child.ts";

type Tx = unknown;
type Notifications = {
  prepareNotificationQueue: (databaseUrl: string) => Promise<void>;
  enqueueNotification: (tx: Tx, input: { requestId: string | null; template: string; idempotencyKey: string; toAddress: string }) => Promise<unknown>;
  startNotificationWorker: () => Promise<{ stop: (graceMs?: number) => Promise<void> }>;
  closeWorkerResources?: () => Promise<void>;
};

const SMTP_CONNECTIONS = Number(process.env.SMTP_MAX_CONNECTIONS ?? 5);
const COUNT = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 1000);
const TIMEOUT_MS = Number(process.env.BENCH_OUTBOX_TIMEOUT_MS ?? 120_000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const moduleFile = (name: string) => path.join(root, "src", "server", "notifications", `${name}.ts`);

/**
 * nodemailer alone, pooled as the application's transport is (the same number of connections and
 * messages per connection, Nagle off), `concurrency` messages handed to it at a time.
 */
async function baseline(concurrency: number): Promise<{ perSecond: number; messages: number; seconds: number }> {
  const transport = nodemailer.createTransport({
    url: process.env.SMTP_URL!,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: 500,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 15_000,
    getSocket: (_options: unknown, callback: (error: Error | null, socketOptions?: { socket: Socket }) => void) => {
      const socket = new Socket();
      socket.setNoDelay(true);
      callback(null, { socket });
    },
  } as nodemailer.TransportOptions);
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < COUNT) {
      const i = next++;
      await transport.sendMail({
        from: "Record Connect <no-reply@recordconnect.example>",
        to: `bench-baseline-${i}@example.com`,
        subject: "Record Connect: your request was received",
        text: "Your request RC-BNCH-0001 was received. Sign in to see its status: http://localhost/portal",
        html: "<p>Your request RC-BNCH-0001 was received. <a href=\"http://localhost/portal\">See its status</a>.</p>",
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { perSecond: COUNT / seconds, messages: COUNT, seconds };
}

const concurrency = Number(process.env.NOTIFY_CONCURRENCY ?? 2);
// The worker keeps NOTIFY_CONCURRENCY × NOTIFY_BATCH_SIZE deliveries in flight; the baseline as many.
const inFlight = concurrency * Number(process.env.NOTIFY_BATCH_SIZE ?? 50);
const present = ["queue", "outbox", "worker"].every((name) => existsSync(moduleFile(name)));
const floor = await baseline(inFlight);
if (!present) {
  await writeResult({ available: false, reason: "worker not present", baseline: floor });
  process.exit(0);
}

const load = async (name: string) => (await import(pathToFileURL(moduleFile(name)).href)) as Partial<Notifications>;
const notifications = { ...(await load("queue")), ...(await load("outbox")), ...(await load("worker")) } as Partial<Notifications>;
if (!notifications.prepareNotificationQueue || !notifications.enqueueNotification || !notifications.startNotificationWorker) {
  await writeResult({ available: false, reason: "worker present without the expected interface", baseline: floor });
  process.exit(0);
}
const { db } = await import("../src/server/db.ts");
const databaseUrl = process.env.DATABASE_URL!;
await notifications.prepareNotificationQueue(databaseUrl);

const request = await db().authorizationRequest.findFirstOrThrow({ select: { id: true }, orderBy: { receivedAt: "desc" } });
const run = Date.now().toString(36);
for (let start = 0; start < COUNT; start += 250) {
  await db().$transaction(async (tx) => {
    for (let i = start; i < Math.min(COUNT, start + 250); i++) {
      await notifications.enqueueNotification!(tx, { requestId: request.id, template: "REQUEST_RECEIVED", idempotencyKey: `bench-outbox:${run}:${i}`, toAddress: `bench-${i}@example.com` });
    }
  });
}

const ours = { idempotencyKey: { startsWith: `bench-outbox:${run}:` } };
const started = new Date();
const t0 = performance.now();
const worker = await notifications.startNotificationWorker();
let sentOurs = 0;
while (performance.now() - t0 < TIMEOUT_MS) {
  sentOurs = await db().notification.count({ where: { ...ours, status: "SENT" } });
  if (sentOurs >= COUNT) break;
  await new Promise((r) => setTimeout(r, 100));
}
const seconds = (performance.now() - t0) / 1000;
// Everything the worker sent in the window (ours, and any notification still pending from the submissions).
const sentAll = await db().notification.count({ where: { status: "SENT", sentAt: { gte: started } } });
await worker.stop(10_000);
await notifications.closeWorkerResources?.();
await db().$disconnect();
await writeResult({ available: true, perSecond: sentAll / seconds, messages: sentAll, ours: sentOurs, complete: sentOurs >= COUNT, seconds, concurrency, baseline: floor });
