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
