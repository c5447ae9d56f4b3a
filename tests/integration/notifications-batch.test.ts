/**
 * The outbox's batched delivery (docs/decisions/0022): one transaction per batch of jobs, the
 * messages sent side by side over the pooled SMTP transport, the outcomes written in one
 * statement. Real PostgreSQL (a database of its own, the least-privileged app role) and the real
 * local SMTP server, as the other notification tests.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { provisionDatabase, type ProvisionedDatabase } from "../../scripts/lib/database.ts";
import { type DatabaseUrls, prepareAppRole } from "../../scripts/lib/database-roles.ts";
import { startLocalSmtp, type LocalSmtp } from "../../scripts/lib/local-smtp.ts";
import { applyMigrations } from "../../scripts/lib/schema-engine.ts";
import type { NotificationTemplate } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { deliverNotifications } from "@/server/notifications/delivery";
import { enqueueNotification } from "@/server/notifications/outbox";
import { NOTIFICATION_QUEUE, prepareNotificationQueue, QUEUE_SCHEMA } from "@/server/notifications/queue";
import { closeWorkerResources, type NotificationWorker, startNotificationWorker } from "@/server/notifications/worker";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { fileOf, photoPng } from "../support/files";
import { validPatientForm } from "../support/forms";

let mailbox: string;
let smtp: LocalSmtp;
let database: ProvisionedDatabase;
let appRole: DatabaseUrls | undefined;
let worker: NotificationWorker | null = null;

beforeAll(async () => {
  mailbox = await mkdtemp(path.join(os.tmpdir(), "rc-batch-mail-"));
  smtp = await startLocalSmtp({ mailboxDir: mailbox });
  database = await provisionDatabase({ dataDir: mailbox, password: "", databaseUrl: inject("ownerDatabaseUrl"), fresh: true });
  await applyMigrations(database.url);
  await prepareNotificationQueue(database.url);
  appRole = await prepareAppRole({ ownerUrl: database.url, password: randomUUID(), perRun: true });
  Object.assign(process.env, {
    DATABASE_URL: appRole.appUrl,
    SMTP_URL: smtp.url,
    APP_URL: "https://requests.example.org",
    MAIL_FROM: "Record Connect <no-reply@recordconnect.example>",
    NOTIFY_RETRY_DELAY_SECONDS: "30",
    NOTIFY_RETRY_MAX_DELAY_SECONDS: "60",
    NOTIFY_MAX_ATTEMPTS: "10",
    NOTIFY_POLL_SECONDS: "0.5",
    NOTIFY_CONCURRENCY: "2",
    NOTIFY_BATCH_SIZE: "50",
  });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await closeWorkerResources();
  await smtp?.stop();
  await appRole?.drop().catch(() => {});
  await database?.stop();
  await rm(mailbox, { recursive: true, force: true });
});

// ───────────── helpers ─────────────

async function newRequest(): Promise<string> {
  const result = await submitAuthorization({ payload: validPatientForm(), idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID() });
  if (!result.ok) throw new Error("could not submit");
  return result.requestId;
}

/** `count` notifications in one transaction (their jobs too, which no worker takes until one starts). */
async function enqueue(requestId: string, count: number, template: NotificationTemplate = "COMPLETED"): Promise<string[]> {
  return db().$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const row = await enqueueNotification(tx, { requestId, template, idempotencyKey: `batch:${randomUUID()}`, toAddress: `batch-${i}@example.com` });
      ids.push(row!.id);
    }
    return ids;
  });
}

const rowsOf = async (ids: string[]) => db().notification.findMany({ where: { id: { in: ids } } });

async function mailboxMessages(): Promise<ParsedMail[]> {
  const files = (await readdir(mailbox)).filter((f) => f.endsWith(".eml"));
  return Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(mailbox, f)))));
}

async function copiesOf(ids: string[]): Promise<Record<string, number>> {
  const counts = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const mail of await mailboxMessages()) {
    const id = /^<([0-9a-f-]{36})@recordconnect\.example>$/.exec(mail.messageId ?? "")?.[1];
    if (id && id in counts) counts[id]! += 1;
  }
  return counts;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

const jobs = (ids: string[]) => ids.map((notificationId) => ({ notificationId }));
const shuffled = <T>(items: T[]) => items.map((v) => ({ v, k: Math.random() })).sort((a, b) => a.k - b.k).map(({ v }) => v);

// ───────────── tests ─────────────

describe("a batch of notifications, delivered in one transaction", () => {
  it("sends every message once and records each row's outcome: SENT with its Message-ID and time", async () => {
    const requestId = await newRequest();
    const ids = await enqueue(requestId, 40);
    const before = Date.now();
    expect(await deliverNotifications(jobs(ids))).toEqual(ids.map(() => "sent"));
    const rows = await rowsOf(ids);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null, messageId: `<${row.id}@recordconnect.example>` });
      expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    }
    expect(await copiesOf(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    // A second delivery of the same jobs (duplicates) finds them sent and sends nothing.
    expect(await deliverNotifications(jobs(ids))).toEqual(ids.map(() => "skipped"));
    expect(Object.values(await copiesOf(ids)).every((n) => n === 1)).toBe(true);
  });

  it("keeps each row's own outcome when some of the batch fail: a 451 is retried as a new job with back-off, a 550 goes to the dead letter", async () => {
    const requestId = await newRequest();
    const ids = await enqueue(requestId, 12);
    smtp.failNext(3, 451);
    const outcomes = await deliverNotifications(jobs(ids));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(9);
    expect(outcomes.filter((o) => o === "retry")).toHaveLength(3);
    const retried = ids.filter((_, i) => outcomes[i] === "retry");
    for (const row of await rowsOf(retried)) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "SMTP 451: 4.3.0 Try again later", sentAt: null, messageId: null });
      // NOTIFY_RETRY_DELAY_SECONDS 30: the next attempt 15–30 s later.
      expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(10_000);
    }
    // Each retried row has its next job, starting at its next attempt; the sent ones have none more.
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ id: string; jobs: number; later: number }>(
        `SELECT j.data->>'notificationId' AS id, count(*)::int AS jobs, count(*) FILTER (WHERE j.start_after > now() + interval '10 seconds')::int AS later
         FROM ${QUEUE_SCHEMA}.job j WHERE j.name = $1 AND j.data->>'notificationId' = ANY($2) GROUP BY 1`,
        [NOTIFICATION_QUEUE, ids],
      );
      const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
      for (const id of ids) expect(byId[id]).toMatchObject(retried.includes(id) ? { jobs: 2, later: 1 } : { jobs: 1, later: 0 });
    } finally {
      await owner.end();
    }
    // Not due yet: delivering them again now does nothing.
    expect(await deliverNotifications(jobs(retried))).toEqual(retried.map(() => "skipped"));

    const more = await enqueue(requestId, 6);
    smtp.failNext(2, 550);
    const second = await deliverNotifications(jobs(more));
    expect(second.filter((o) => o === "dead")).toHaveLength(2);
    expect(second.filter((o) => o === "sent")).toHaveLength(4);
    for (const row of await rowsOf(more.filter((_, i) => second[i] === "dead"))) {
      expect(row).toMatchObject({ status: "DEAD", attempts: 1, sentAt: null, messageId: null });
      expect(row.lastError).toBe("SMTP 550: 5.1.1 <[address]>: Recipient address rejected: mailbox unavailable");
    }
  });

  it("issues each 'records ready' link in the batch's transaction and withdraws the link of the message that was not sent", async () => {
    const requests = [await newRequest(), await newRequest(), await newRequest()];
    const ids = await db().$transaction(async (tx) =>
      Promise.all(requests.map(async (requestId) => (await enqueueNotification(tx, { requestId, template: "RECORDS_READY", idempotencyKey: `ready:${requestId}`, toAddress: "jordan.sample@example.com" }))!.id)),
    );
    smtp.failNext(1, 451);
    const outcomes = await deliverNotifications(jobs(ids));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(2);
    const grants = await db().downloadGrant.findMany({ where: { requestId: { in: requests } } });
    expect(grants).toHaveLength(2);
    const failedRequest = requests[outcomes.indexOf("retry")]!;
    expect(grants.map((g) => g.requestId)).not.toContain(failedRequest);
    // Each sent mail's token is one of the kept hashes (the token itself only in the mail).
    const mails = (await mailboxMessages()).filter((m) => ids.some((id) => m.messageId === `<${id}@recordconnect.example>`));
    expect(mails).toHaveLength(2);
    const hashes = mails.map((m) => createHash("sha256").update(/portal\/download\?t=([A-Za-z0-9_-]{43})/.exec(m.text ?? "")![1]!).digest("hex"));
    expect(hashes.sort()).toEqual(grants.map((g) => g.tokenHash).sort());
  });

  it("sends a row once when the same job is twice in one batch, or when two batches that share rows run at once", async () => {
    const requestId = await newRequest();
    const ids = await enqueue(requestId, 20);
    const a = ids.slice(0, 14);
    const b = ids.slice(6);
    const [first, second] = await Promise.all([deliverNotifications(jobs(shuffled([...a, a[0]!]))), deliverNotifications(jobs(shuffled(b)))]);
    // No deadlock (rows are locked in id order), each shared row sent by one batch and skipped by the other.
    expect([...first, ...second].filter((o) => o === "sent")).toHaveLength(20);
    expect(first.filter((o) => o === "skipped").length + second.filter((o) => o === "skipped").length).toBe(9);
    expect(await copiesOf(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    expect((await rowsOf(ids)).every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });
});

describe("the worker's batches when the database refuses an outcome", () => {
  it("records nothing of the failed batch, and retries its jobs one by one, so one bad row does not hold back the others", async () => {
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    try {
      // The owner makes the database refuse to record one row's outcome (as a constraint or a
      // broken trigger would), whoever writes it.
      await owner.query(`CREATE TABLE "TestRefusedOutcome" ("id" uuid PRIMARY KEY)`);
      await owner.query(`CREATE FUNCTION test_refuse_outcome() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
          IF NEW."status" <> OLD."status" AND EXISTS (SELECT 1 FROM "TestRefusedOutcome" WHERE "id" = NEW."id") THEN
            RAISE EXCEPTION 'outcome refused (test)';
          END IF;
          RETURN NEW;
        END $$`);
      await owner.query(`CREATE TRIGGER test_refuse_outcome BEFORE UPDATE ON "Notification" FOR EACH ROW EXECUTE FUNCTION test_refuse_outcome()`);
      const requestId = await newRequest();
      const ids = await enqueue(requestId, 6);
      const [bad, ...good] = ids as [string, ...string[]];
      await owner.query(`INSERT INTO "TestRefusedOutcome" VALUES ($1)`, [bad]);

      // Directly: the batch throws and nothing of it is recorded (every row still pending, no attempt counted).
      await expect(deliverNotifications(jobs(ids))).rejects.toThrow();
      expect((await rowsOf(ids)).every((r) => r.status === "PENDING" && r.attempts === 0)).toBe(true);

      // The worker: its first batch fails the same way; pg-boss retries the jobs, each alone, and
      // the good rows are recorded as sent while the bad one stays pending.
      worker = await startNotificationWorker();
      await waitFor("the good rows are sent", async () => (await rowsOf(good)).every((r) => r.status === "SENT"), 60_000);
      const badRow = (await rowsOf([bad]))[0]!;
      expect(badRow).toMatchObject({ status: "PENDING", attempts: 0 });
      // At-least-once: a message whose batch failed after SMTP accepted it arrives again, with the same Message-ID.
      const copies = await copiesOf(good);
      expect(Object.values(copies).every((n) => n >= 1)).toBe(true);
      const { rows } = await owner.query<{ state: string; retries: number }>(
        `SELECT state, retry_count AS retries FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'notificationId' = $2`,
        [NOTIFICATION_QUEUE, bad],
      );
      expect(rows.some((r) => r.retries > 0)).toBe(true);
    } finally {
      await worker?.stop(5_000);
      worker = null;
      await owner.query(`DROP TRIGGER IF EXISTS test_refuse_outcome ON "Notification"`);
      await owner.end();
    }
  }, 90_000);
});
