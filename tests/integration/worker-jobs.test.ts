/**
 * The worker's work after a submission commits (docs/decisions/0021), end to end on a database of
 * this file's own, as the app role: the signed PDF drawn by its job, and the outbox drained in
 * batches over pooled SMTP connections to the real local SMTP server `npm start` uses.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { provisionDatabase, type ProvisionedDatabase } from "../../scripts/lib/database.ts";
import { type DatabaseUrls, prepareAppRole } from "../../scripts/lib/database-roles.ts";
import { startLocalSmtp, type LocalSmtp } from "../../scripts/lib/local-smtp.ts";
import { applyMigrations } from "../../scripts/lib/schema-engine.ts";
import { formSchemaFor } from "@/domain/authorization-form";
import { db } from "@/server/db";
import { enqueueNotification } from "@/server/notifications/outbox";
import { prepareNotificationQueue, QUEUE_SCHEMA, SIGNED_PDF_QUEUE } from "@/server/notifications/queue";
import { closeWorkerResources, type NotificationWorker, startNotificationWorker } from "@/server/notifications/worker";
import { renderAuthorizationPdf } from "@/server/pdf/authorization-pdf";
import { portalView } from "@/server/portal/portal";
import { confirmationView, signedAuthorizationPdf } from "@/server/requests/confirmation";
import { makeOverdueSignedPdfs } from "@/server/requests/signed-pdf";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { fileOf, photoPng } from "../support/files";
import { TODAY, validPatientForm } from "../support/forms";
import { pdfText } from "../support/pdf-text";

let mailbox: string;
let smtp: LocalSmtp;
let database: ProvisionedDatabase;
let appRole: DatabaseUrls | undefined;
let worker: NotificationWorker | null = null;
const now = new Date("2026-11-25T16:00:00Z");

beforeAll(async () => {
  mailbox = await mkdtemp(path.join(os.tmpdir(), "rc-worker-jobs-"));
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
    NOTIFY_POLL_SECONDS: "0.5",
    NOTIFY_CONCURRENCY: "2",
    NOTIFY_BATCH_SIZE: "10",
    SMTP_MAX_CONNECTIONS: "3",
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

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

async function submit(firstName: string) {
  const payload = validPatientForm();
  payload.patient.firstName = firstName;
  payload.signature.typedName = `${firstName} Sample`;
  const result = await submitAuthorization({ payload, idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID(), now });
  if (!result.ok) throw new Error(`could not submit: ${JSON.stringify(result)}`);
  return { ...result, payload };
}

/** How many copies of each notification the SMTP server kept (the Message-ID is derived from the notification's id). */
async function copiesOf(ids: string[]): Promise<Record<string, number>> {
  const counts = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const file of (await readdir(mailbox)).filter((f) => f.endsWith(".eml"))) {
    const mail = await simpleParser(await readFile(path.join(mailbox, file)));
    const id = /^<([0-9a-f-]{36})@recordconnect\.example>$/.exec(mail.messageId ?? "")?.[1];
    if (id && id in counts) counts[id]! += 1;
  }
  return counts;
}

describe("the signed authorization PDF, drawn after commit", () => {
  it("is 'being prepared' right after submission, then made by the worker's job: the same document a direct render gives", async () => {
    const submitted = await submit("Postcommit");
    // Committed without the PDF: the confirmation page and the portal say it is being prepared.
    expect((await confirmationView(submitted.requestId))?.signedPdfReady).toBe(false);
    expect((await portalView(submitted.requestId))?._count.documents).toBe(0);

    worker = await startNotificationWorker();
    await waitFor("the worker made the signed PDF", async () => (await confirmationView(submitted.requestId))?.signedPdfReady === true);
    expect((await portalView(submitted.requestId))?._count.documents).toBe(1);
    const request = await db().authorizationRequest.findUniqueOrThrow({ where: { id: submitted.requestId } });
    expect(request.pdfSourceKey).toBeNull();

    // The renderer called directly with what the person submitted draws the same document (pdf-lib
    // stamps each file with its creation time, so the text is compared, page by page).
    const direct = await renderAuthorizationPdf({
      form: formSchemaFor("online", TODAY).parse(submitted.payload),
      confirmationNumber: submitted.confirmationNumber,
      submittedAt: now,
      today: TODAY,
    });
    const made = await signedAuthorizationPdf(submitted.requestId);
    expect(made).not.toBeNull();
    const text = await pdfText(made!.bytes);
    expect(text).toBe(await pdfText(Buffer.from(direct)));
    expect(text).toContain("Postcommit");
    expect(text).toContain(submitted.confirmationNumber);
  });
});

describe("the outbox over pooled SMTP connections", () => {
  it("delivers every message exactly once, in batches, across a stop and a restart of the worker", async () => {
    worker ??= await startNotificationWorker();
    const { requestId } = await submit("Pooled");
    const enqueue = async (count: number, tag: string) =>
      db().$transaction(async (tx) => {
        const ids: string[] = [];
        for (let i = 0; i < count; i++) {
          const row = await enqueueNotification(tx, { requestId, template: "REQUEST_RECEIVED", idempotencyKey: `pool:${tag}:${i}`, toAddress: `pool-${tag}-${i}@example.com` });
          ids.push(row!.id);
        }
        return ids;
      });
    const first = await enqueue(60, "a");
    // Stop the worker while it is draining (a graceful stop: the deliveries under way finish).
    await waitFor("some of the first batch were sent", async () => (await db().notification.count({ where: { id: { in: first }, status: "SENT" } })) > 0);
    await worker.stop(10_000);
    worker = null;
    const second = await enqueue(60, "b");
    worker = await startNotificationWorker();
    const all = [...first, ...second];
    await waitFor("every message was sent", async () => (await db().notification.count({ where: { id: { in: all }, status: "SENT" } })) === all.length);
    await new Promise((r) => setTimeout(r, 1_000)); // time for a stray duplicate to arrive
    const copies = await copiesOf(all);
    expect(Object.values(copies).filter((n) => n !== 1)).toEqual([]);
    expect(Object.keys(copies)).toHaveLength(120);
  });
});

describe("the sweep of overdue signed PDFs (decision 0022)", () => {
  it("draws only the PDFs whose job was lost, and leaves those still queued to their job", async () => {
    // No worker now: the jobs stay queued.
    await worker?.stop(5_000);
    worker = null;
    // Submitted with a clock in the past, so both are overdue by far.
    const queued = await submit("Queued");
    const lost = await submit("Lostjob");
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    try {
      // As if pg-boss had given up on one of the jobs (or it was never written).
      const { rowCount } = await owner.query(`DELETE FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'requestId' = $2`, [SIGNED_PDF_QUEUE, lost.requestId]);
      expect(rowCount).toBe(1);
    } finally {
      await owner.end();
    }
    expect(await makeOverdueSignedPdfs()).toBe(1);
    expect((await confirmationView(lost.requestId))?.signedPdfReady).toBe(true);
    expect((await confirmationView(queued.requestId))?.signedPdfReady).toBe(false);
    // Its job, when a worker runs, makes it.
    worker = await startNotificationWorker();
    await waitFor("the queued job made its PDF", async () => (await confirmationView(queued.requestId))?.signedPdfReady === true);
  });
});
