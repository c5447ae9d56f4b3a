import http from "node:http";
import autocannon from "autocannon";
import { percentile } from "./report.ts";

export type LoadResult = {
  /** Completed requests per second over the run. */
  requestsPerSecond: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  completed: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  /** Responses that the check (if any) accepted. */
  accepted: number;
};

export type Request = autocannon.Request;

/**
 * A closed-loop load with autocannon: `connections` clients each send their next request when the
 * previous one is answered, for `seconds` (bounded: each request times out after 10 s, and the
 * run after its duration). Latency percentiles are computed from every response time
 * (autocannon's own summary has no p95).
 */
export async function closedLoop(options: {
  url: string;
  connections: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: Buffer | string;
  requests?: Request[];
  /** Called with each response body; counts the responses it accepts. Bodies are read only when given. */
  accept?: (status: number, body: string) => boolean;
}): Promise<LoadResult> {
  const times: number[] = [];
  let accepted = 0;
  const accept = options.accept;
  const requests = options.requests ?? [{}];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        method: options.method ?? "GET",
        headers: options.headers,
        body: options.body,
        requests: accept ? requests.map((r) => ({ ...r, onResponse: (status: number, body: string) => void (accept(status, body) && accepted++) })) : requests,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  const completed = times.length;
  return {
    requestsPerSecond: completed / result.duration,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    completed,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
    accepted: accept ? accepted : completed - result.non2xx,
  };
}

/**
 * An open-loop load: requests are *started* at a steady rate whatever the server does (a new
 * submission every 1000/rate ms), and each latency is measured from the moment its request was
 * due, so a server that falls behind shows it (no coordinated omission). autocannon's rate option
 * does not do this: it sends each connection's quota in a burst at the start of every second, and
 * its latency correction assumes an interval of ceil(1/rate) = 1 ms. Bounded: `count` requests,
 * each aborted after `timeoutMs`.
 */
export async function openLoop(options: {
  url: string;
  perSecond: number;
  count: number;
  timeoutMs?: number;
  build: (i: number) => { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: Buffer };
  accept?: (status: number, body: string) => boolean;
}): Promise<LoadResult & { offeredPerSecond: number; maxInFlight: number }> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / options.perSecond;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let accepted = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const start = performance.now();

  const one = (i: number, dueAt: number) =>
    new Promise<void>((resolve) => {
      const spec = options.build(i);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const req = http.request(
        { host: target.hostname, port: target.port, method: spec.method, path: spec.path, headers: spec.headers, agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            times.push(performance.now() - dueAt);
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) non2xx++;
            if (!options.accept || options.accept(status, Buffer.concat(chunks).toString("utf8"))) accepted++;
            inFlight--;
            resolve();
          });
        },
      );
      req.on("timeout", () => {
        timeouts++;
        req.destroy(new Error("timeout"));
      });
      req.on("error", () => {
        errors++;
        inFlight--;
        resolve();
      });
      req.end(spec.body);
    });

  const pending: Promise<void>[] = [];
  for (let i = 0; i < options.count; i++) {
    const dueAt = start + i * interval;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(i, dueAt));
  }
  await Promise.all(pending);
  const durationSeconds = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    offeredPerSecond: options.perSecond,
    requestsPerSecond: times.length / durationSeconds,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    completed: times.length,
    non2xx,
    errors,
    timeouts,
    durationSeconds,
    accepted,
    maxInFlight,
  };
}
