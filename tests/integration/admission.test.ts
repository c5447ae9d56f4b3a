/**
 * Admission control of submissions (docs/decisions/0021): the online submission as its server
 * action answers it (src/server/requests/submit-online.ts), with a real gate, the real use case
 * and the form's own retry helper. No timing is asserted: who is admitted is decided when the
 * submissions arrive, before any of them awaits anything.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { submitWithRetry } from "@/components/authorization-form/submitWithRetry";
import { NextRequest } from "next/server";
import { BUSY_MESSAGE, busySignal, type SubmitResult } from "@/domain/submission";
import { proxy } from "@/proxy";
import { AdmissionGate, submissionLimits } from "@/server/admission";
import { env } from "@/server/env";
import { readReceipt } from "@/server/receipt";
import { submitOnline } from "@/server/requests/submit-online";
import { REPLAY_REFUSED } from "@/server/requests/submit-authorization";
import { fileOf, photoPng } from "../support/files";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

/** What the browser posts: the answers, the form session's key and the photo ID. */
function post(idempotencyKey = randomUUID(), lastName = "Admitted"): FormData {
  const form = validPatientForm();
  form.patient.lastName = lastName;
  form.signature.typedName = `Jordan ${lastName}`;
  const data = new FormData();
  data.set("payload", JSON.stringify(form));
  data.set("idempotencyKey", idempotencyKey);
  data.set("photoId", fileOf(photoPng(), "id.png", "image/png"));
  return data;
}

/** One browser: its address and its rc-client token (on the day the test forms are signed). */
function browser() {
  return { clientKey: `admission-${randomUUID()}`, clientToken: randomUUID(), now: new Date("2026-11-25T16:00:00Z") };
}

describe("admission control of submissions", () => {
  it("takes as many submissions at once as the gate allows and answers the rest busy at once, storing nothing for them", async () => {
    const gate = new AdmissionGate(2, 0, 1000);
    const keys = Array.from({ length: 6 }, () => randomUUID());
    const results = await Promise.all(keys.map((key) => submitOnline(post(key), browser(), gate)));
    const stored = results.filter((r) => r.ok);
    const busy = results.filter((r): r is Extract<SubmitResult, { kind: "busy" }> => !r.ok && r.kind === "busy");
    expect(stored).toHaveLength(2);
    expect(busy).toHaveLength(4);
    for (const answer of busy) expect(answer).toEqual({ ok: false, kind: "busy", message: BUSY_MESSAGE, retryAfterMs: expect.any(Number) });
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey: { in: keys } } })).toBe(2);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it("lets a submission wait its turn in the short queue, and turns away what the queue cannot hold", async () => {
    const gate = new AdmissionGate(1, 2, 60_000);
    const keys = Array.from({ length: 5 }, () => randomUUID());
    const results = await Promise.all(keys.map((key) => submitOnline(post(key), browser(), gate)));
    // One runs, two wait and then run, two are turned away.
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.kind === "busy")).toHaveLength(2);
  });

  it("stores exactly one request when the form retries a busy answer with the same key, and answers with a valid receipt", async () => {
    const gate = new AdmissionGate(1, 0, 0);
    const client = browser();
    const key = randomUUID();
    const data = post(key, "Retried");
    // Another browser holds the only slot while this one sends its answers.
    const holder = submitOnline(post(), browser(), gate);
    let busyAnswers = 0;
    const result = await submitWithRetry((form) => submitOnline(form, client, gate), data, {
      onBusy: () => (busyAnswers += 1),
      // The form waits between tries; here the retry waits for the holder instead.
      sleep: () => holder.then(() => undefined),
      // The browser would hand the receipt to /request/confirmation/receipt (an e2e journey does).
      keepReceipt: async (stored) => stored,
    });
    expect(busyAnswers).toBeGreaterThanOrEqual(1);
    expect(result).toMatchObject({ ok: true, confirmationNumber: expect.stringMatching(/^RC-/) });
    // A second retry of the same answers (a lost answer, a double click) is the same request.
    const again = await submitOnline(data, client, gate);
    expect(again).toMatchObject({ ok: true, confirmationNumber: result.ok ? result.confirmationNumber : "" });
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey: key } })).toBe(1);
    const stored = await prisma.authorizationRequest.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(again.ok && again.receipt ? readReceipt(again.receipt) : null).toBe(stored.id);
  });

  it("refuses a retry with the key of another browser's submission, and stores nothing more", async () => {
    const gate = new AdmissionGate(4, 4, 1000);
    const key = randomUUID();
    const first = await submitOnline(post(key, "Original"), browser(), gate);
    expect(first.ok).toBe(true);
    const stranger = await submitOnline(post(key, "Original"), browser(), gate);
    expect(stranger).toEqual({ ok: false, kind: "refused", message: REPLAY_REFUSED });
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("derives its limits from the cores and the database pool unless configured", () => {
    const settings = { ...env(), DATABASE_POOL_SIZE: 10, SUBMIT_CONCURRENCY: undefined, SUBMIT_QUEUE_LENGTH: undefined, SUBMIT_QUEUE_WAIT_MS: 1000 };
    expect(submissionLimits(settings, 2)).toEqual({ limit: 2, queueLength: 2, maxWaitMs: 1000 });
    // Never more than half the pool, however many cores.
    expect(submissionLimits(settings, 64)).toEqual({ limit: 5, queueLength: 5, maxWaitMs: 1000 });
    expect(submissionLimits({ ...settings, DATABASE_POOL_SIZE: 2 }, 8)).toEqual({ limit: 1, queueLength: 1, maxWaitMs: 1000 });
    expect(submissionLimits({ ...settings, SUBMIT_CONCURRENCY: 3, SUBMIT_QUEUE_LENGTH: 0 }, 2)).toEqual({ limit: 3, queueLength: 0, maxWaitMs: 1000 });
  });
});

describe("turned away at the door", () => {
  const gateKey = "rcSubmissionGate";
  const holder = globalThis as unknown as Record<string, AdmissionGate | undefined>;

  function submissionPost(path: string, contentType = "multipart/form-data; boundary=x"): NextRequest {
    return new NextRequest(`http://127.0.0.1:3000${path}`, { method: "POST", headers: { "next-action": "0".repeat(40), "content-type": contentType }, body: "--x--\r\n" });
  }

  it("answers a submission busy before reading it while the gate is full, and lets everything else through to its checks", async () => {
    const before = holder[gateKey];
    const gate = new AdmissionGate(1, 0, 1000);
    holder[gateKey] = gate;
    let release!: () => void;
    const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      expect(gate.full).toBe(true);
      for (const path of ["/request", "/request/own"]) {
        const answer = await proxy(submissionPost(path));
        expect(answer.status).toBe(503);
        expect(answer.headers.get("content-type")).toBe("text/plain");
        expect(answer.headers.get("retry-after")).toBe("1");
        expect(busySignal(await answer.text())).toEqual({ retryAfterMs: expect.any(Number) });
      }
      // Not a submission: a page, another page's action, a non-multipart post.
      for (const request of [new NextRequest("http://127.0.0.1:3000/request"), submissionPost("/portal"), submissionPost("/request", "text/plain;charset=UTF-8")]) {
        const answer = await proxy(request);
        expect(busySignal(await answer.clone().text().catch(() => ""))).toBeNull();
      }
      release();
      await held;
      expect(gate.full).toBe(false);
      expect(busySignal(await (await proxy(submissionPost("/request"))).clone().text().catch(() => ""))).toBeNull();
    } finally {
      release?.();
      holder[gateKey] = before;
    }
  });
});
