/**
 * `npm run bench`: the product's speed and memory against the stack's own limits, side by side.
 * Every figure is an absolute number and its ratio to a baseline measured in the same run (the
 * machines are shared and noisy), with its target. Prints a table and writes
 * bench/results/latest.json. Not a test: it never fails on a missed target (it exits non-zero
 * only when it could not measure), and `npm test` never runs it. See docs/performance.md.
 *
 * It starts its own runtime (scripts/lib/runtime.ts, as `npm start` does): the embedded
 * PostgreSQL (or a fresh database on DATABASE_URL's server), the local SMTP server, and the
 * benchmark build (BENCH_ROUTES=1: the application plus two baseline routes, in .next-bench) on
 * 127.0.0.1:3400. All load goes to 127.0.0.1, from this process, bounded in count and time.
 *
 * `--quick` shortens every load and loads 100,000 requests instead of 1,000,000, and
 * `--only=queue,form,submit,pdf,outbox` runs some of the phases: both are for working on the
 * benchmark itself; their figures are not the record.
 */
import { closeSync, openSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { distDir } from "../next.config.ts";
import { projectRoot } from "../scripts/lib/paths.ts";
import { stopGroup } from "../scripts/lib/processes.ts";
import { startRuntime, type Runtime } from "../scripts/lib/runtime.ts";
import { loadLocalSecrets } from "../scripts/lib/secrets.ts";
import { runChild } from "./lib/child.ts";
import { lighthouseScores } from "./lib/lighthouse.ts";
import { closedLoop, type LoadResult } from "./lib/load.ts";
import { sampleGroupMemory } from "./lib/memory.ts";
import { firstLoadJavaScript } from "./lib/page-weight.ts";
import { bulkLoadRequests, deepCursor, staffSessionCookie, timeQueueView, timeStaffPage, type Timing } from "./lib/queue.ts";
import { figure, type Figure, renderTable } from "./lib/report.ts";
import { submissionAccepted, submissionBody, submissionHeaders, submissionRequest, submitActionId } from "./lib/submission.ts";
import { closedLoopSubmitters, driver, openLoopSubmitters, type Submission, submitAsABrowser, summarize, type Summary } from "./lib/submitters.ts";

const quick = process.argv.includes("--quick");
const ALL_PHASES = ["queue", "form", "submit", "pdf", "outbox"];
/** `--only=pdf,outbox` runs some phases (the PDF and outbox ones need a submitted request: submit runs first when they do). */
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const phases = new Set(only ? [...only, ...(only.some((p) => p === "pdf" || p === "outbox") ? ["submit"] : [])] : ALL_PHASES);
const port = Number(process.env.BENCH_PORT ?? 3400);
const dataDir = path.join(projectRoot, ".data", "bench");
const resultsFile = path.join(projectRoot, "bench", "results", "latest.json");
const chromePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const MB = 1024 * 1024;
const plan = {
  connections: 50,
  /** Seconds per closed-loop run; each pair (baseline, product) runs twice, interleaved. */
  loadSeconds: quick ? 5 : 8,
  /** Seconds of offered overload (2× and 5× the measured capacity), and how long each person keeps retrying. */
  overloadSeconds: quick ? 5 : 12,
  patienceSeconds: 180,
  lighthouseRuns: quick ? 1 : 3,
  queueSamples: quick ? 20 : 100,
  smallQueue: 1_000,
  largeQueue: quick ? 100_000 : 1_000_000,
};

const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}`);
const figures: Figure[] = [];
const details: Record<string, unknown> = {};

// The benchmark build and its server: baseline routes on, the public submission limit out of the way
// (one run makes a few thousand submissions), the local mailbox.
process.env.BENCH_ROUTES = "1";
process.env.RATE_LIMIT_SUBMISSIONS_PER_HOUR = "10000";
delete process.env.SMTP_URL;

let runtime: Runtime | null = null;
let stopping: Promise<void> | null = null;
const stop = () => (stopping ??= (async () => (runtime ? runtime.stop() : undefined))());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping…`);
    void stop().then(() => process.exit(130));
  });
}

await rm(dataDir, { recursive: true, force: true });
await mkdir(dataDir, { recursive: true });
const serverLog = openSync(path.join(dataDir, "server.log"), "a");
let exitCode = 0;
try {
  log(`Starting the runtime on 127.0.0.1:${port} (the benchmark build is made first when stale: a few minutes)…`);
  runtime = await startRuntime({
    dataDir,
    port,
    mode: "production",
    freshDatabase: true,
    seed: true,
    log: (line) => log(line),
    serverStdio: ["ignore", serverLog, serverLog],
  });
  const origin = `http://127.0.0.1:${port}`;
  const secrets = await loadLocalSecrets(dataDir);
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: runtime.ownerDatabaseUrl,
    SMTP_URL: runtime.smtp?.url ?? process.env.SMTP_URL,
    APP_URL: origin,
    FILE_STORE_DIR: path.join(dataDir, "files"),
    FILE_ENCRYPTION_KEY: process.env.FILE_ENCRYPTION_KEY ?? secrets.fileEncryptionKey,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.authSecret,
    AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY ?? secrets.auditHmacKey,
  };
  const child = <T>(script: string, timeoutMs: number, input?: string) =>
    runChild<T>(path.join(projectRoot, "bench", script), { env: serverEnv, cwd: projectRoot, timeoutMs, input, logFile: serverLog });

  const memory = sampleGroupMemory(runtime.server.pid!);
  const idle = await memory.sample();
  log(`Web server up; resident memory at rest ${(idle.groupBytes / MB).toFixed(0)} MB.`);

  const rt = runtime;
  const memoryByPhase: Record<string, number> = {};
  const phase = async (name: string, run: () => Promise<void>) => {
    if (!phases.has(name)) return;
    memory.mark();
    await run();
    memoryByPhase[name] = memory.peakSinceMark() / MB;
  };
  await phase("queue", () => queuePhase(origin, rt.ownerDatabaseUrl, child));
  await phase("form", () => formPagePhase(origin));
  await phase("submit", () => submitPhase(origin, rt.ownerDatabaseUrl));
  await phase("pdf", () => pdfPhase(child));
  await phase("outbox", () => outboxPhase(rt, child));

  memory.stop();
  const peak = memory.peak();
  figures.push(
    figure({
      section: "Memory",
      name: "peak RSS of the web server during the loads",
      unit: "MB",
      value: peak.groupBytes / MB,
      baselineName: "at rest after start",
      baseline: idle.groupBytes / MB,
      target: { on: "value", atMost: 400 },
      details: { largestProcess: peak.largestName, largestProcessMB: peak.largestBytes / MB, peakMBByPhase: memoryByPhase, sampledEveryMs: 200 },
    }),
  );
} catch (error) {
  exitCode = 1;
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  log("Stopping the runtime…");
  await stop();
  closeSync(serverLog);
  // The 1,000,000-row cluster and the uploaded files are not worth keeping; the server log is.
  await rm(path.join(dataDir, "postgres"), { recursive: true, force: true });
  await rm(path.join(dataDir, "files"), { recursive: true, force: true });
}

const table = renderTable(figures);
const result = {
  when: new Date(started).toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  quick,
  phases: [...phases],
  complete: exitCode === 0,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGB: Math.round(os.totalmem() / 1024 ** 3), loadAverage: os.loadavg(), node: process.version },
  commit: gitCommit(),
  plan,
  figures,
  details,
  table,
};
await mkdir(path.dirname(resultsFile), { recursive: true });
await writeFile(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\n${table}\n`);
const missed = figures.filter((f) => f.met === false).length;
console.log(
  `${figures.filter((f) => f.met === true).length} targets met, ${missed} not met, ${figures.filter((f) => f.target && f.met === null).length} not measured` +
    ` — ${result.durationSeconds} s, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores. Written to ${path.relative(projectRoot, resultsFile)}.`,
);
process.exit(exitCode);

// ─────────────────────────────────────────────────────────────────────────────────────────────

type Child = <T>(script: string, timeoutMs: number, input?: string) => Promise<T>;

/** Baseline and product, twice each, interleaved (B P B P), so drifting background load hits both alike. */
async function interleaved(baseline: () => Promise<LoadResult>, product: () => Promise<LoadResult>): Promise<{ baseline: LoadResult; product: LoadResult; runs: LoadResult[][] }> {
  const b1 = await baseline();
  const p1 = await product();
  const b2 = await baseline();
  const p2 = await product();
  const mean = (a: LoadResult, b: LoadResult): LoadResult => ({
    requestsPerSecond: (a.requestsPerSecond + b.requestsPerSecond) / 2,
    p50Ms: avg(a.p50Ms, b.p50Ms),
    p95Ms: avg(a.p95Ms, b.p95Ms),
    p99Ms: avg(a.p99Ms, b.p99Ms),
    completed: a.completed + b.completed,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    durationSeconds: a.durationSeconds + b.durationSeconds,
    accepted: a.accepted + b.accepted,
  });
  return { baseline: mean(b1, b2), product: mean(p1, p2), runs: [[b1, b2], [p1, p2]] };
}

function avg(a: number | null, b: number | null): number | null {
  return a === null || b === null ? (a ?? b) : (a + b) / 2;
}

/** The load ran: some answers came back, and the harness saw none it could not read. */
function checkAnswers(what: string, r: LoadResult) {
  if (r.completed === 0) throw new Error(`${what}: no answer at all (${r.errors} errors, ${r.timeouts} timeouts)`);
}

/** What went wrong under load, for the table: answers that were not the right one (the product refused), and requests never answered. */
function failures(r: LoadResult): string | undefined {
  const wrong = r.completed - r.accepted;
  const parts = [wrong > 0 ? `${wrong} of ${r.completed} answers were errors` : "", r.errors > 0 ? `${r.errors} requests unanswered within 10 s` : ""].filter(Boolean);
  return parts.length ? parts.join("; ") : undefined;
}

/** Waits until the server has worked off what an overload left queued (no new requests stored for 2 s; at most 90 s). */
async function settle(databaseUrl: string) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    let last = -1;
    for (let waited = 0; waited < 90; waited += 2) {
      const n = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuthorizationRequest"`)).rows[0]!.n);
      if (n === last) return;
      last = n;
      await new Promise((r) => setTimeout(r, 2_000));
    }
  } finally {
    await client.end();
  }
}

async function formPagePhase(origin: string) {
  log("Form page: warming up…");
  const formOk = (status: number, body: string) => status === 200 && body.includes("Request your medical records");
  for (let i = 0; i < 20; i++) {
    await fetch(`${origin}/request`).then((r) => r.text());
    await fetch(`${origin}/bench-baseline/static`).then((r) => r.text());
  }
  log(`Form page: GET /request vs the static baseline page, ${plan.connections} connections, ${plan.loadSeconds} s × 2 each…`);
  const loads = await interleaved(
    () => closedLoop({ url: `${origin}/bench-baseline/static`, connections: plan.connections, seconds: plan.loadSeconds, accept: (s, b) => s === 200 && b.includes("Baseline") }),
    () => closedLoop({ url: `${origin}/request`, connections: plan.connections, seconds: plan.loadSeconds, accept: formOk }),
  );
  checkAnswers("GET /request", loads.product);
  checkAnswers("GET /bench-baseline/static", loads.baseline);
  details.formPageLoad = loads;
  figures.push(
    figure({ section: "Form page", name: `GET /request, requests/s at ${plan.connections} connections`, unit: "req/s", value: loads.product.requestsPerSecond, baselineName: "static page", baseline: loads.baseline.requestsPerSecond, target: { on: "ratio", atLeast: 0.7 }, note: failures(loads.product) }),
    figure({ section: "Form page", name: `GET /request, p95 latency at ${plan.connections} connections`, unit: "ms", value: loads.product.p95Ms, baselineName: "static page", baseline: loads.baseline.p95Ms }),
  );

  log("Form page: first-load JavaScript…");
  const form = await firstLoadJavaScript(origin, "/request");
  const home = await firstLoadJavaScript(origin, "/");
  details.firstLoadJavaScript = { form, home };
  figures.push(
    figure({ section: "Form page", name: "first-load JavaScript of /request (gzip)", unit: "kB", value: form.gzipBytes / 1000, baselineName: "home page: framework + layout", baseline: home.gzipBytes / 1000, target: { on: "value", atMost: 120 } }),
  );

  log(`Form page: Lighthouse (mobile) in Chromium, ${plan.lighthouseRuns} run(s) of /request and 1 of the static page…`);
  const product = await lighthouseScores(`${origin}/request`, plan.lighthouseRuns, chromePath);
  const baseline = await lighthouseScores(`${origin}/bench-baseline/static`, 1, chromePath);
  details.lighthouse = { product, baseline };
  figures.push(
    figure({ section: "Form page", name: "Lighthouse performance (mobile)", unit: "", value: product.performance, baselineName: "static page", baseline: baseline.performance, target: { on: "value", atLeast: 98 } }),
    figure({ section: "Form page", name: "Lighthouse accessibility (mobile)", unit: "", value: product.accessibility, baselineName: "static page", baseline: baseline.accessibility, target: { on: "value", atLeast: 100 } }),
  );
}

async function submitPhase(origin: string, databaseUrl: string) {
  const actionId = await submitActionId(projectRoot, distDir());
  const request = await submissionRequest(actionId);
  const people = driver(origin, request);
  const insertRequests = [{ method: "POST" as const, path: "/bench-baseline/insert" }];

  log("Submit: one submission and a few baseline inserts to check both answer…");
  const probe = await fetch(`${origin}/request`, { method: "POST", headers: { ...submissionHeaders(request, origin, "2001:db8::ffff"), cookie: `rc-client=${"p".repeat(43)}` }, body: new Uint8Array(submissionBody(request)) });
  const probeBody = await probe.text();
  if (!submissionAccepted(probe.status, probeBody)) throw new Error(`The submission was not accepted (${probe.status}): ${probeBody.slice(0, 500)}`);
  for (let i = 0; i < 20; i++) {
    const r = await fetch(`${origin}/bench-baseline/insert`, { method: "POST" });
    if (r.status !== 204) throw new Error(`The baseline insert route answered ${r.status}`);
  }

  log("Submit: unloaded, one person at a time…");
  const unloadedList: Submission[] = [];
  for (let i = 0; i < (quick ? 10 : 30); i++) unloadedList.push(await submitAsABrowser(people, performance.now(), performance.now() + 60_000));
  const unloaded = summarize(unloadedList);

  // Closed loop: people as the form behaves (busy → the same submission again, with back-off) vs
  // the one-row insert under autocannon; B P B P.
  log(`Submit: ${plan.connections} people submitting (as the form does) vs the one-row insert at ${plan.connections} connections, ${plan.loadSeconds} s × 2 each…`);
  const insertRun = () => closedLoop({ url: origin, connections: plan.connections, seconds: plan.loadSeconds, requests: insertRequests, accept: (st) => st === 204 });
  const b1 = await insertRun();
  const p1 = await closedLoopSubmitters(people, plan.connections, plan.loadSeconds);
  const b2 = await insertRun();
  const p2 = await closedLoopSubmitters(people, plan.connections, plan.loadSeconds);
  for (const [i, run] of [p1, p2].entries()) {
    const sm = summarize(run.list);
    log(`Submit: closed loop ${i + 1}: ${run.storedPerSecond.toFixed(1)} stored/s; ${sm.stored} stored, ${sm.busyAnswers} busy, ${sm.refused} refused, ${sm.unanswered} unanswered; p95 ${sm.acceptedP95Ms?.toFixed(0)} ms${sm.refusalSample ? `; e.g. ${sm.refusalSample}` : ""}`);
  }
  log(`Submit: unloaded p50 ${unloaded.acceptedP50Ms?.toFixed(0)} ms, p95 ${unloaded.acceptedP95Ms?.toFixed(0)} ms (${unloaded.stored} of ${unloaded.submissions} stored, ${unloaded.refused} refused)`);
  checkAnswers("baseline inserts", b1);
  const insertPerSecond = (b1.accepted / b1.durationSeconds + b2.accepted / b2.durationSeconds) / 2;
  const capacity = (p1.storedPerSecond + p2.storedPerSecond) / 2;
  if (capacity <= 0) throw new Error("submissions: none stored in the closed loop");
  const closed = summarize([...p1.list, ...p2.list]);
  details.submitLoad = { insert: [b1, b2], submit: [{ ...summarize(p1.list), storedPerSecond: p1.storedPerSecond }, { ...summarize(p2.list), storedPerSecond: p2.storedPerSecond }] };
  figures.push(
    figure({ section: "Submit", name: `submission, stored requests/s with ${plan.connections} people submitting`, unit: "req/s", value: capacity, baselineName: "one-row insert", baseline: insertPerSecond, target: { on: "ratio", atLeast: 0.5 }, note: closed.busyAnswers ? `${closed.busyAnswers} busy answers retried` : undefined }),
    figure({ section: "Submit", name: "submission, p95 round trip, one at a time (unloaded)", unit: "ms", value: unloaded.acceptedP95Ms, baselineName: "one-row insert, p95 at 50 connections", baseline: avg(b1.p95Ms, b2.p95Ms) }),
  );

  // Overload: a new person every 1/(k × capacity) s, each retrying "busy" as the form does.
  // Lost, unanswered and duplicates are counted over the people who had their full patience: one
  // at a time and under overload (the closed loop's last people stop when its window closes).
  const everyKey: string[] = unloadedList.map((x) => x.key);
  const storedKeys = new Set(unloadedList.filter((x) => x.storedAt !== undefined).map((x) => x.key));
  for (const k of [2, 5]) {
    await settle(databaseUrl);
    const rate = capacity * k;
    log(`Submit: ${k}× capacity offered — ${rate.toFixed(1)} new people a second for ${plan.overloadSeconds} s, each retrying busy answers (patience ${plan.patienceSeconds} s)…`);
    const run = await openLoopSubmitters(people, rate, plan.overloadSeconds, plan.patienceSeconds);
    const sum = summarize(run.list);
    log(`Submit: ${k}×: goodput ${run.goodput.toFixed(1)}/s; ${sum.stored} of ${sum.submissions} stored, ${sum.busyAnswers} busy, ${sum.refused} refused, ${sum.unanswered} unanswered; accepted p95 ${sum.acceptedP95Ms?.toFixed(0)} ms; drained in ${run.drainSeconds.toFixed(0)} s`);
    for (const x of run.list) {
      everyKey.push(x.key);
      if (x.storedAt !== undefined) storedKeys.add(x.key);
    }
    details[`overload${k}x`] = { ...sum, goodput: run.goodput, drainSeconds: run.drainSeconds, offeredPerSecond: rate, seconds: run.seconds };
    const note = `${sum.stored} of ${sum.submissions} stored (${sum.lost} lost), ${sum.busyAnswers} busy answers, ${sum.unanswered} unanswered, ${sum.refused} refused; all stored ${run.drainSeconds.toFixed(0)} s after the start`;
    figures.push(
      figure({ section: "Submit", name: `goodput at ${k}× capacity offered (stored/s while offered)`, unit: "req/s", value: run.goodput, baselineName: "capacity (closed loop above)", baseline: capacity, target: { on: "ratio", atLeast: 0.9 }, note }),
      figure({ section: "Submit", name: `p95 round trip of accepted submissions at ${k}× capacity`, unit: "ms", value: sum.acceptedP95Ms, baselineName: "unloaded p95", baseline: unloaded.acceptedP95Ms, target: { on: "ratio", atMost: 3 } }),
    );
  }

  // Nothing stored twice, nothing stored without its answer, nothing lost.
  await settle(databaseUrl);
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const rows = await client.query<{ key: string; n: number }>(`SELECT "idempotencyKey" AS key, count(*)::int AS n FROM "AuthorizationRequest" WHERE "idempotencyKey" = ANY($1) GROUP BY 1`, [everyKey]);
    const twice = rows.rows.filter((r) => r.n > 1).length;
    const storedUnanswered = rows.rows.filter((r) => !storedKeys.has(r.key)).length;
    const lost = everyKey.length - storedKeys.size;
    const unanswered = ["overload2x", "overload5x"].reduce((n, k) => n + ((details[k] as Summary | undefined)?.unanswered ?? 0), 0);
    details.submitIntegrity = { submissions: everyKey.length, storedAnswered: storedKeys.size, rows: rows.rowCount, keysStoredTwice: twice, storedWithoutAnswer: storedUnanswered, lost, unansweredAttempts: unanswered };
    figures.push(
      figure({
        section: "Submit",
        name: "under overload: lost + unanswered + stored twice",
        unit: "",
        value: lost + unanswered + twice + storedUnanswered,
        baselineName: "submissions made",
        baseline: everyKey.length,
        target: { on: "value", atMost: 0 },
        note: `${lost} lost, ${unanswered} attempts unanswered, ${twice} keys stored twice, ${storedUnanswered} stored without the person being told`,
      }),
    );
  } finally {
    await client.end();
  }
}

async function queuePhase(origin: string, databaseUrl: string, child: Child) {
  const now = new Date();
  const cookie = await staffSessionCookie(databaseUrl, "supervisor@recordconnect.example");
  const views = async () => {
    const all = await deepCursor(databaseUrl, 0.75);
    const mail = await deepCursor(databaseUrl, 0.75, "MAIL");
    return [
      { name: "first page, all open", query: "", search: {} as Record<string, string>, openRows: all.openRows },
      { name: "deep page, all open", query: `?after=${all.cursor}`, search: { after: all.cursor }, openRows: all.openRows, position: all.position },
      { name: "first page, by mail", query: "?delivery=MAIL", search: { delivery: "MAIL" }, openRows: mail.openRows },
      { name: "deep page, by mail", query: `?delivery=MAIL&after=${mail.cursor}`, search: { delivery: "MAIL", after: mail.cursor }, openRows: mail.openRows, position: mail.position },
    ];
  };
  const measure = async (label: string) => {
    const list = await views();
    const timings: Array<{ name: string; timing: Timing; openRows: number; position?: number }> = [];
    for (const view of list) timings.push({ name: view.name, timing: await timeQueueView(origin, view.query, cookie, plan.queueSamples), openRows: view.openRows, position: view.position });
    log(`Queue (${label}): ${timings.map((t) => `${t.name} ${t.timing.medianMs.toFixed(1)} ms`).join("; ")}`);
    const plans = await child<Array<{ name: string; nodes: string[]; seqScanOnRequests: boolean; executionTimeMs: number; sql: string }>>(
      "queue-plans.ts",
      120_000,
      JSON.stringify(list.map((v) => ({ name: v.name, query: v.search }))),
    );
    // The staff dashboard (issue 13) reads the same table: its page time, and each of its statements' plans.
    const dashboard = await timeStaffPage(origin, "/staff/dashboard", "Turnaround over the last", cookie, plan.queueSamples);
    const dashboardPlans = await child<Array<{ name: string; nodes: string[]; seqScanOnRequests: boolean; executionTimeMs: number; sql: string }>>("dashboard-plans.ts", 120_000);
    log(`Dashboard (${label}): ${dashboard.medianMs.toFixed(1)} ms; SQL ${dashboardPlans.map((p) => `${p.name} ${p.executionTimeMs.toFixed(2)} ms`).join(", ")}`);
    return { timings, plans, dashboard, dashboardPlans };
  };

  log(`Queue: bulk-loading ${plan.smallQueue.toLocaleString("en-US")} requests…`);
  const smallLoad = await bulkLoadRequests(databaseUrl, 1, plan.smallQueue, now, log);
  const small = await measure(`${plan.smallQueue.toLocaleString("en-US")} requests`);
  log(`Queue: bulk-loading up to ${plan.largeQueue.toLocaleString("en-US")} requests (older history)…`);
  const largeLoad = await bulkLoadRequests(databaseUrl, plan.smallQueue + 1, plan.largeQueue, now, log);
  log(`Queue: loaded in ${largeLoad.toFixed(0)} s.`);
  const large = await measure(`${plan.largeQueue.toLocaleString("en-US")} requests`);
  details.queue = { small, large, loadSeconds: { small: smallLoad, large: largeLoad } };

  // Each view's time relative to a control page fetched just after it (the same layout and
  // session check, no queue data): the machine's load moves both, the queue's size only the view.
  for (const [i, t] of large.timings.entries()) {
    const base = small.timings[i]!;
    figures.push(
      figure({
        section: "Queue",
        name: `${t.name}, median time ÷ control page at ${plan.largeQueue.toLocaleString("en-US")}`,
        unit: "×",
        value: t.timing.medianRatioToControl,
        baselineName: `at ${plan.smallQueue.toLocaleString("en-US")}`,
        baseline: base.timing.medianRatioToControl,
        target: { on: "ratio", atMost: 1.3 },
        note: `${t.timing.medianMs.toFixed(1)} ms vs ${base.timing.medianMs.toFixed(1)} ms absolute`,
        details: { large: t, small: base },
      }),
    );
  }
  figures.push(
    figure({
      section: "Dashboard",
      name: `staff dashboard, median server time at ${plan.largeQueue.toLocaleString("en-US")}`,
      unit: "ms",
      value: large.dashboard.medianMs,
      baselineName: `at ${plan.smallQueue.toLocaleString("en-US")}`,
      baseline: small.dashboard.medianMs,
      target: { on: "ratio", atMost: 1.3 },
      details: { large: large.dashboard, small: small.dashboard },
    }),
  );
  const dashboardSeqScans = large.dashboardPlans.filter((p) => p.seqScanOnRequests).map((p) => p.name);
  figures.push(
    figure({
      section: "Dashboard",
      name: `query plans at ${plan.largeQueue.toLocaleString("en-US")}: sequential scans of the requests table`,
      unit: "",
      value: dashboardSeqScans.length,
      baselineName: "statements measured",
      baseline: large.dashboardPlans.length,
      target: { on: "value", atMost: 0 },
      note: dashboardSeqScans.length ? `in ${dashboardSeqScans.join(", ")}` : undefined,
      details: { plans: Object.fromEntries(large.dashboardPlans.map((p) => [p.name, { nodes: p.nodes, executionTimeMs: p.executionTimeMs }])) },
    }),
  );
  const seqScans = large.plans.filter((p) => p.seqScanOnRequests).map((p) => p.name);
  figures.push(
    figure({
      section: "Queue",
      name: `query plans at ${plan.largeQueue.toLocaleString("en-US")}: sequential scans of the requests table`,
      unit: "",
      value: seqScans.length,
      baselineName: "views measured",
      baseline: large.plans.length,
      target: { on: "value", atMost: 0 },
      note: seqScans.length ? `in ${seqScans.join(", ")}` : undefined,
      details: { plans: Object.fromEntries(large.plans.map((p) => [p.name, p.nodes])) },
    }),
  );
}

async function pdfPhase(child: Child) {
  log("PDFs: timing the authorization and invoice PDFs in-process…");
  type T = { medianMs: number; p95Ms: number; iterations: number };
  const pdfs = await child<{ baseline: T; authorization: T; invoice: T }>("pdfs.ts", 180_000);
  details.pdfs = pdfs;
  figures.push(
    figure({ section: "PDFs", name: "authorization PDF, median generation time", unit: "ms", value: pdfs.authorization.medianMs, baselineName: "pdf-lib one-line page", baseline: pdfs.baseline.medianMs, target: { on: "value", atMost: 30 } }),
    figure({ section: "PDFs", name: "invoice PDF, median generation time", unit: "ms", value: pdfs.invoice.medianMs, baselineName: "pdf-lib one-line page", baseline: pdfs.baseline.medianMs, target: { on: "value", atMost: 15 } }),
  );
}

async function outboxPhase(rt: Runtime, child: Child) {
  // When the runtime runs a notification worker beside the web server, stop it: one worker is measured.
  const companion = (rt as Runtime & { worker?: import("node:child_process").ChildProcess }).worker;
  if (companion) await stopGroup(companion, 35_000);
  log("Outbox: one notification worker draining e-mails to the local SMTP server…");
  type Result = { available: boolean; reason?: string; perSecond?: number; messages?: number; complete?: boolean; baseline: { perSecond: number } };
  const outbox = await child<Result>("outbox.ts", 300_000);
  details.outbox = outbox;
  figures.push(
    figure({
      section: "Outbox",
      name: "e-mails per second drained by one worker",
      unit: "/s",
      value: outbox.available ? (outbox.perSecond ?? null) : null,
      baselineName: "nodemailer alone",
      baseline: outbox.baseline.perSecond,
      target: { on: "value", atLeast: 200 },
      note: outbox.available ? (outbox.complete ? undefined : "did not drain within the time limit") : `not available (${outbox.reason})`,
    }),
  );
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}
