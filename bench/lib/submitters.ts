import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { busyRetryDelayMs } from "../../src/components/authorization-form/submitWithRetry.ts";
import { busySignal } from "../../src/domain/submission.ts";
import { percentile } from "./report.ts";
import { type ActionRequest, submissionAccepted, submissionBody, submissionHeaders } from "./submission.ts";

/**
 * Submitters that behave as the form does in a browser (src/components/authorization-form/
 * submitWithRetry.ts): each has its own address and rc-client cookie (set when the form page
 * loaded), and while the server answers "busy" sends exactly the same submission again — same
 * idempotency key — after the form's back-off with jitter. Unlike the form, which gives up after
 * 8 tries, a benchmark submitter keeps trying until its deadline: a person would press Send again.
 */
export type Submission = {
  key: string;
  /** When it was due (open loop) or started (closed loop), performance.now(). */
  dueAt: number;
  storedAt?: number;
  /** Round trip of the attempt that was taken and stored. */
  acceptedMs?: number;
  attempts: number;
  busy: number;
  /** Attempts with no HTTP answer (connection error or timeout): the submitter tried again. */
  unanswered: number;
  /** Answers that were neither stored nor busy (refused, invalid, an error page). */
  refused: number;
  /** The first such answer (status and start), to tell what went wrong. */
  refusal?: string;
};

export type Driver = { origin: string; request: ActionRequest; agent: http.Agent; timeoutMs: number };

export function driver(origin: string, request: ActionRequest): Driver {
  return { origin, request, agent: new http.Agent({ keepAlive: true, maxSockets: 1024 }), timeoutMs: 30_000 };
}

let clientNumber = 0;

/** One person's submission, from the first try until it is stored or `deadlineAt` passes. */
export async function submitAsABrowser(d: Driver, dueAt: number, deadlineAt: number): Promise<Submission> {
  const client = `2001:db8:2::${(++clientNumber).toString(16)}`;
  const cookie = `rc-client=${randomBytes(32).toString("base64url")}`;
  const key = randomUUID();
  const body = submissionBody(d.request, key);
  const target = new URL(d.origin);
  const s: Submission = { key, dueAt, attempts: 0, busy: 0, unanswered: 0, refused: 0 };
  while (performance.now() < deadlineAt) {
    s.attempts++;
    const started = performance.now();
    const answer = await new Promise<{ status: number; text: string } | null>((resolve) => {
      const req = http.request(
        { host: target.hostname, port: target.port, method: "POST", path: "/request", headers: { ...submissionHeaders(d.request, d.origin, client), cookie }, agent: d.agent, timeout: d.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", () => resolve(null));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => resolve(null));
      req.end(body);
    });
    if (answer && submissionAccepted(answer.status, answer.text)) {
      s.storedAt = performance.now();
      s.acceptedMs = s.storedAt - started;
      return s;
    }
    let retryAfterMs = 1000;
    const atTheDoor = answer && answer.status === 503 ? busySignal(answer.text) : null;
    if (!answer) s.unanswered++;
    else if (atTheDoor) {
      // Turned away by the proxy before the body was read (decision 0021, amendment): the form
      // retries it exactly like the action's own busy answer.
      s.busy++;
      retryAfterMs = atTheDoor.retryAfterMs;
    } else if (/"kind":"busy"/.test(answer.text)) {
      s.busy++;
      retryAfterMs = Number(/"retryAfterMs":(\d+)/.exec(answer.text)?.[1] ?? 1000);
    } else {
      s.refused++;
      s.refusal ??= `${answer.status}: ${answer.text.slice(0, 300)}`;
    }
    await new Promise((r) => setTimeout(r, busyRetryDelayMs(retryAfterMs, s.attempts, 15_000)));
  }
  return s;
}

export type Summary = {
  submissions: number;
  stored: number;
  lost: number;
  busyAnswers: number;
  unanswered: number;
  refused: number;
  attempts: number;
  /** Round trip of the stored attempts. */
  acceptedP50Ms: number | null;
  acceptedP95Ms: number | null;
  /** From when each was due to when it was stored. */
  completionP50Ms: number | null;
  completionP95Ms: number | null;
  refusalSample?: string;
};

export function summarize(list: Submission[]): Summary {
  const stored = list.filter((s) => s.storedAt !== undefined);
  const accepted = stored.map((s) => s.acceptedMs!);
  const completion = stored.map((s) => s.storedAt! - s.dueAt);
  const sum = (f: (s: Submission) => number) => list.reduce((n, s) => n + f(s), 0);
  return {
    submissions: list.length,
    stored: stored.length,
    lost: list.length - stored.length,
    busyAnswers: sum((s) => s.busy),
    unanswered: sum((s) => s.unanswered),
    refused: sum((s) => s.refused),
    attempts: sum((s) => s.attempts),
    acceptedP50Ms: percentile(accepted, 50),
    acceptedP95Ms: percentile(accepted, 95),
    completionP50Ms: percentile(completion, 50),
    completionP95Ms: percentile(completion, 95),
    ...(list.find((s) => s.refusal) ? { refusalSample: list.find((s) => s.refusal)!.refusal } : {}),
  };
}

/**
 * Closed loop: `clients` people, each submitting again as soon as the last one was stored, for
 * `seconds`; a person still retrying at the end stops there (not "lost": the window closed).
 */
export async function closedLoopSubmitters(d: Driver, clients: number, seconds: number): Promise<{ list: Submission[]; storedPerSecond: number; seconds: number }> {
  const start = performance.now();
  const end = start + seconds * 1000;
  const list: Submission[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) list.push(await submitAsABrowser(d, performance.now(), end));
    }),
  );
  // Counted after a warm-up (the first quarter, at most 2 s), while every slot is busy.
  const warm = Math.min(2_000, (seconds * 1000) / 4);
  const storedInWindow = list.filter((s) => s.storedAt !== undefined && s.storedAt >= start + warm && s.storedAt <= end).length;
  return { list, storedPerSecond: storedInWindow / (seconds - warm / 1000), seconds };
}

/**
 * Open loop: a new person every 1000/perSecond ms for `seconds`, whatever the server does; each
 * retries until stored or `patienceSeconds` after it was due. Goodput is what was stored while
 * the load was offered, per second of it.
 */
export async function openLoopSubmitters(d: Driver, perSecond: number, seconds: number, patienceSeconds: number) {
  const start = performance.now();
  const end = start + seconds * 1000;
  const count = Math.round(perSecond * seconds);
  const pending: Promise<Submission>[] = [];
  for (let i = 0; i < count; i++) {
    const dueAt = start + (i * 1000) / perSecond;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(submitAsABrowser(d, dueAt, dueAt + patienceSeconds * 1000));
  }
  const list = await Promise.all(pending);
  const drainedAt = Math.max(...list.map((s) => s.storedAt ?? 0));
  const storedWhileOffered = list.filter((s) => s.storedAt !== undefined && s.storedAt <= end).length;
  return { list, goodput: storedWhileOffered / seconds, drainSeconds: (drainedAt - start) / 1000, offeredPerSecond: perSecond, seconds };
}
