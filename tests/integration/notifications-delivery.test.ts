/**
 * The notification worker end to end: a real PostgreSQL (a database of this file's own, so no
 * other test file's notifications are sent or raced), pg-boss, nodemailer, and the local SMTP
 * server `npm start` uses (scripts/lib/local-smtp.ts) — told to answer 451 or 550, or stopped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { provisionDatabase, type ProvisionedDatabase } from "../../scripts/lib/database.ts";
import { type DatabaseUrls, prepareAppRole } from "../../scripts/lib/database-roles.ts";
import { startLocalSmtp, type LocalSmtp } from "../../scripts/lib/local-smtp.ts";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { applyMigrations } from "../../scripts/lib/schema-engine.ts";
import { recordTypeLabels } from "@/domain/labels";
import type { NotificationTemplate } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { requeueOrphanedNotifications } from "@/server/notifications/delivery";
import { enqueueNotification } from "@/server/notifications/outbox";
import { prepareNotificationQueue, sendNotificationJob, transactionExecutor } from "@/server/notifications/queue";
import { closeWorkerResources, type NotificationWorker, startNotificationWorker } from "@/server/notifications/worker";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { notificationsForStaff, resendNotification } from "@/server/staff/notifications";
import { fileOf, photoPng } from "../support/files";
import { validPatientForm } from "../support/forms";

let mailbox: string;
let smtp: LocalSmtp;
let database: ProvisionedDatabase;
let appRole: DatabaseUrls | undefined;
let worker: NotificationWorker | null = null;
const children: ChildProcess[] = [];

beforeAll(async () => {
  mailbox = await mkdtemp(path.join(os.tmpdir(), "rc-notify-mail-"));
  smtp = await startLocalSmtp({ mailboxDir: mailbox });
  database = await provisionDatabase({ dataDir: mailbox, password: "", databaseUrl: inject("ownerDatabaseUrl"), fresh: true });
  await applyMigrations(database.url);
  await prepareNotificationQueue(database.url);
  // The worker runs as the least-privileged app role, as in production (pg-boss included).
  appRole = await prepareAppRole({ ownerUrl: database.url, password: randomUUID(), perRun: true });
  // Read once by src/server/env.ts, at the first use below.
  Object.assign(process.env, {
    DATABASE_URL: appRole.appUrl,
    SMTP_URL: smtp.url,
    APP_URL: "https://requests.example.org",
    MAIL_FROM: "Record Connect <no-reply@recordconnect.example>",
    NOTIFY_RETRY_DELAY_SECONDS: "0.2",
    NOTIFY_RETRY_MAX_DELAY_SECONDS: "1",
    NOTIFY_MAX_ATTEMPTS: "30",
    NOTIFY_POLL_SECONDS: "0.5",
    NOTIFY_CONCURRENCY: "2",
  });
  worker = await startNotificationWorker();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await worker?.stop(5_000);
  await closeWorkerResources();
  await smtp?.stop();
  await appRole?.drop().catch(() => {});
  await database?.stop();
  await rm(mailbox, { recursive: true, force: true });
});

// ───────────── helpers ─────────────

async function newRequest(): Promise<{ requestId: string; confirmationNumber: string }> {
  const result = await submitAuthorization({ payload: validPatientForm(), idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID() });
  if (!result.ok) throw new Error("could not submit");
  return { requestId: result.requestId, confirmationNumber: result.confirmationNumber };
}

async function notificationOf(requestId: string, template: NotificationTemplate = "REQUEST_RECEIVED") {
  return db().notification.findFirstOrThrow({ where: { requestId, template } });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

const statuses = async (ids: string[]) => (await db().notification.findMany({ where: { id: { in: ids } } })).map((n) => n.status);
const allSent = (ids: string[]) => async () => (await statuses(ids)).every((s) => s === "SENT");

/** Every message the SMTP server kept, parsed. */
async function mailboxMessages(): Promise<ParsedMail[]> {
  const files = (await readdir(mailbox)).filter((f) => f.endsWith(".eml"));
  return Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(mailbox, f)))));
}

/** How many copies of each notification arrived (the Message-ID is derived from the notification's id). */
async function copiesOf(ids: string[]): Promise<Record<string, number>> {
  const counts = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const mail of await mailboxMessages()) {
    const id = /^<([0-9a-f-]{36})@recordconnect\.example>$/.exec(mail.messageId ?? "")?.[1];
    if (id && id in counts) counts[id]! += 1;
  }
  return counts;
}

const once = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));
const settle = () => new Promise((r) => setTimeout(r, 1_500)); // time for a stray duplicate to show up

/** `npm run worker`, as a separate process against this file's database. */
function spawnWorker(extraEnv: Record<string, string>): { child: ChildProcess; ready: Promise<void>; sent: () => string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts", "worker.ts")], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: "info", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (c: Buffer) => {
      err += c.toString();
      if (err.includes("[worker] ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const sent = () =>
    out
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg?: string; notificationId?: string })
      .filter((l) => l.msg === "notification sent")
      .map((l) => l.notificationId!);
  return { child, ready, sent, exited };
}

/** What a sample request holds that no e-mail may carry (the To: header aside). */
function phiCanaries(): RegExp[] {
  const form = validPatientForm();
  return [
    form.patient.firstName,
    form.patient.lastName,
    "1984",
    form.patient.phone,
    form.patient.address.line1,
    form.patient.address.city,
    form.patient.address.postalCode,
    form.patient.email!,
    ...form.information.recordTypes!.map((t) => recordTypeLabels[t]),
  ].map((v) => new RegExp(v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"));
}

// ───────────── tests ─────────────

describe("the notification worker", () => {
  it("sends a new request's notification: one multipart e-mail, text and HTML, with the confirmation number, the portal link and no PHI", async () => {
    const { requestId, confirmationNumber } = await newRequest();
    const notification = await notificationOf(requestId);
    await waitFor("it is sent", allSent([notification.id]));
    expect(await db().notification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
      messageId: `<${notification.id}@recordconnect.example>`,
      sentAt: expect.any(Date),
    });
    const [mail] = (await mailboxMessages()).filter((m) => m.messageId === `<${notification.id}@recordconnect.example>`);
    expect(mail).toBeDefined();
    expect(mail!.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(mail!.to).toMatchObject({ text: "jordan.sample@example.com" });
    expect(mail!.from!.value).toEqual([{ name: "Record Connect", address: "no-reply@recordconnect.example" }]);
    expect(mail!.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail!.subject).toBe(`We received your records request ${confirmationNumber}`);
    expect(mail!.text).toContain(confirmationNumber);
    expect(mail!.text).toContain("https://requests.example.org/portal");
    expect(mail!.html).toContain('href="https://requests.example.org/portal"');
    expect(mail!.html).toContain(confirmationNumber);
    for (const canary of phiCanaries()) {
      expect(mail!.subject).not.toMatch(canary);
      expect(mail!.text).not.toMatch(canary);
      expect(mail!.html || "").not.toMatch(canary);
    }
  });

  it("sends 'records ready' with a fresh secure download link (hash kept, token only in the mail), and withdraws the link of a failed attempt", async () => {
    const { requestId, confirmationNumber } = await newRequest();
    await waitFor("'request received' is sent first", allSent([(await notificationOf(requestId)).id]));
    smtp.failNext(1, 451);
    const id = await db().$transaction(async (tx) => (await enqueueNotification(tx, { requestId, template: "RECORDS_READY", idempotencyKey: `records-ready-test:${requestId}`, toAddress: "jordan.sample@example.com" }))!.id);
    await waitFor("it is sent", allSent([id]));
    const [mail] = (await mailboxMessages()).filter((m) => m.messageId === `<${id}@recordconnect.example>`);
    const token = /https:\/\/requests\.example\.org\/portal\/download\?t=([A-Za-z0-9_-]{43})/.exec(mail!.text ?? "")![1]!;
    expect(mail!.html).toContain(`portal/download?t=${token}`);
    expect(mail!.text).toContain(confirmationNumber);
    // One grant: the 451 attempt's was withdrawn; the database holds the token's hash, not the token.
    const grants = await db().downloadGrant.findMany({ where: { requestId } });
    expect(grants).toHaveLength(1);
    expect(grants[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
  });

  it("retries an SMTP 451 with backoff, then delivers it once", async () => {
    smtp.failNext(1, 451);
    const { requestId } = await newRequest();
    const notification = await notificationOf(requestId);
    await waitFor("it is sent", allSent([notification.id]));
    expect(await db().notification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    await settle();
    expect(await copiesOf([notification.id])).toEqual(once([notification.id]));
  });

  it("delivers every notification exactly once after SMTP was down while requests were submitted", async () => {
    const port = smtp.port;
    await smtp.stop();
    const requests: Array<{ requestId: string; confirmationNumber: string }> = [];
    for (let i = 0; i < 4; i++) requests.push(await newRequest());
    const ids = await Promise.all(requests.map(async (r) => (await notificationOf(r.requestId)).id));
    // They fail and are retried while the server is down…
    await waitFor("each has failed twice", async () => (await db().notification.findMany({ where: { id: { in: ids } } })).every((n) => n.status === "PENDING" && n.attempts >= 2));
    const failing = await db().notification.findFirstOrThrow({ where: { id: ids[0] } });
    expect(failing.lastError).toMatch(/^Could not reach the SMTP server \(.*ECONNREFUSED.*\)$/);
    expect(failing.nextAttemptAt.getTime()).toBeGreaterThan(failing.createdAt.getTime());

    // …and all go out once it is back.
    smtp = await startLocalSmtp({ mailboxDir: mailbox, port });
    await waitFor("all are sent", allSent(ids));
    await settle();
    expect(await copiesOf(ids)).toEqual(once(ids));
  });

  it("moves an SMTP 550 to the dead letter (reason kept, address not), which staff see and can resend", async () => {
    const admin = await staffMember("ADMIN");
    smtp.failNext(1, 550);
    const { requestId, confirmationNumber } = await newRequest();
    const notification = await notificationOf(requestId);
    await waitFor("it is dead", async () => (await statuses([notification.id]))[0] === "DEAD");
    const dead = await db().notification.findUniqueOrThrow({ where: { id: notification.id } });
    expect(dead).toMatchObject({ status: "DEAD", attempts: 1, sentAt: null });
    expect(dead.lastError).toBe("SMTP 550: 5.1.1 <[address]>: Recipient address rejected: mailbox unavailable");
    expect(await copiesOf([notification.id])).toEqual({ [notification.id]: 0 });

    const page = await notificationsForStaff(admin);
    expect(page!.dead).toContainEqual(
      expect.objectContaining({ id: notification.id, confirmationNumber, template: "REQUEST_RECEIVED", attempts: 1, lastError: dead.lastError, createdAt: expect.any(Date) }),
    );
    expect(JSON.stringify(page)).not.toContain("@example.com");
    expect(await notificationsForStaff(await staffMember("ASSOCIATE"))).toBeNull();
    expect(await resendNotification(await staffMember("ASSOCIATE"), notification.id)).toEqual({ ok: false, reason: "not-found" });

    expect(await resendNotification(admin, notification.id)).toEqual({ ok: true });
    await waitFor("the resend is sent", allSent([notification.id]));
    expect(await db().notification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    const audit = await db().auditEvent.findMany({ where: { objectId: notification.id, action: "notification.resent" } });
    expect(audit).toMatchObject([{ actorId: admin.id, actorRole: "ADMIN", requestId, details: { template: "REQUEST_RECEIVED", previousStatus: "DEAD", previousAttempts: 1 } }]);

    // Sent is sent: a second resend is refused, and nothing more arrives.
    expect(await resendNotification(admin, notification.id)).toEqual({ ok: false, reason: "already-sent" });
    await settle();
    expect(await copiesOf([notification.id])).toEqual(once([notification.id]));
    expect((await notificationsForStaff(admin))!.dead.map((n) => n.id)).not.toContain(notification.id);
  });

  it("queues again a pending notification that lost its job", async () => {
    const { requestId } = await newRequest();
    // As if pg-boss had given up on its job (or the row predates the queue): no job left for it.
    const key = `orphan:${randomUUID()}`;
    const [row] = await db().$queryRaw<{ id: string }[]>`
      INSERT INTO "Notification" ("requestId", "template", "idempotencyKey", "toAddress")
      VALUES (${requestId}::uuid, 'COMPLETED', ${key}, 'jordan.sample@example.com') RETURNING "id"`;
    expect(await requeueOrphanedNotifications()).toBeGreaterThanOrEqual(1);
    await waitFor("it is sent", allSent([row!.id]));
    expect(await requeueOrphanedNotifications()).toBe(0);
  });
});

describe("several workers against one database (npm run worker)", () => {
  it("send each of N notifications once, even when each has two jobs", async () => {
    // Only separate processes from here on.
    await worker!.stop(10_000);
    worker = null;
    const requests: Array<{ requestId: string; confirmationNumber: string }> = [];
    for (let i = 0; i < 3; i++) requests.push(await newRequest());
    const ids = await Promise.all(requests.map(async (r) => (await notificationOf(r.requestId)).id));
    await db().$transaction(async (tx) => {
      for (const { requestId } of requests) {
        for (const template of ["DEFICIENCY", "EXTENSION", "INVOICE_ISSUED", "PAYMENT_RECEIVED", "COMPLETED"] as const) {
          const created = await enqueueNotification(tx, { requestId, template, idempotencyKey: `test:${template}:${requestId}`, toAddress: "jordan.sample@example.com" });
          ids.push(created!.id);
        }
      }
      // A job that runs twice: every notification gets a second one.
      for (const id of ids) await sendNotificationJob(transactionExecutor(tx), { notificationId: id });
    });
    expect(ids).toHaveLength(18);

    const workers = [spawnWorker({}), spawnWorker({})];
    await Promise.all(workers.map((w) => w.ready));
    await waitFor("all are sent", allSent(ids), 60_000);
    await settle();
    expect(await copiesOf(ids)).toEqual(once(ids));
    const sentBy = workers.map((w) => w.sent().filter((id) => ids.includes(id)));
    expect(sentBy.flat().sort()).toEqual([...ids].sort());
    console.log(`notifications sent per worker process: ${sentBy.map((s) => s.length).join(" + ")}`);

    for (const w of workers) w.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
  }, 120_000);

  it("give up on a failure that lasts, after NOTIFY_MAX_ATTEMPTS, into the dead letter", async () => {
    const w = spawnWorker({ NOTIFY_MAX_ATTEMPTS: "3" });
    await w.ready;
    smtp.failNext(1_000, 451);
    try {
      const { requestId } = await newRequest();
      const notification = await notificationOf(requestId);
      await waitFor("it is dead", async () => (await statuses([notification.id]))[0] === "DEAD");
      expect(await db().notification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({
        attempts: 3,
        lastError: "SMTP 451: 4.3.0 Try again later (gave up after 3 attempts)",
      });
    } finally {
      smtp.failNext(0, 451);
      w.child.kill("SIGTERM");
    }
    expect(await w.exited).toBe(0);
  }, 60_000);
});

async function staffMember(role: StaffIdentity["role"]): Promise<StaffIdentity> {
  const user = await db().staffUser.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@recordconnect.example`, name: role, role, passwordHash: "x" } });
  return { id: user.id, email: user.email, name: user.name, role, sessionId: randomUUID() };
}
