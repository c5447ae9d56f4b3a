/**
 * Whether the database answers, for the proxy (SECURITY.md §18): during an outage every page,
 * route handler and action gets a 503 with a retry hint instead of failing with a 500, and the
 * first request after the database is back goes through — no restart.
 *
 * One cheap probe (a fresh connection and `SELECT 1`, 1.5 s at most) at a time, its answer kept
 * for 2 s when up and 1 s when down. A probe that only ran out of time says little on its own:
 * on a machine saturated by load (issue 14) the database is up but slow, and calling that an
 * outage turns the overload into 503s. So a timeout keeps the last answer, and only
 * `TIMEOUTS_FOR_DOWN` timeouts in a row (about 5 s of no answer at all) count as down; a refused
 * or broken connection counts at once. A request that fails on a lost connection marks the database
 * down at once (src/instrumentation.ts), so the requests after it get the 503 without waiting.
 * State lives on globalThis: the proxy and the app are bundled apart but run in one process.
 *
 * No "server-only" here: the proxy imports it.
 */
import pg from "pg";

const UP_FOR_MS = 2_000;
const DOWN_FOR_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_500;

const TIMEOUTS_FOR_DOWN = 3;

type State = { available: boolean; checkedAt: number; probe: Promise<boolean> | null; timeoutsInARow: number };
const KEY = Symbol.for("record-connect.database-availability");
const state = (): State => ((globalThis as Record<symbol, State | undefined>)[KEY] ??= { available: true, checkedAt: 0, probe: null, timeoutsInARow: 0 });

type ProbeAnswer = "up" | "down" | "timeout";

async function probe(connectionString: string): Promise<ProbeAnswer> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS, statement_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "up";
  } catch (error) {
    return isProbeTimeout(error) ? "timeout" : "down";
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** pg's own words when connectionTimeoutMillis or query_timeout ran out (not a refusal). */
export function isProbeTimeout(error: unknown): boolean {
  const message = error instanceof Error ? error.message : "";
  return /timeout expired|Query read timeout|canceling statement due to statement timeout/i.test(message) && !isConnectionError(error);
}

/** The availability after a probe's answer, given the state before it. */
export function afterProbe(before: { available: boolean; timeoutsInARow: number }, answer: ProbeAnswer): { available: boolean; timeoutsInARow: number } {
  if (answer === "up") return { available: true, timeoutsInARow: 0 };
  if (answer === "down") return { available: false, timeoutsInARow: 0 };
  const timeoutsInARow = before.timeoutsInARow + 1;
  return { available: timeoutsInARow >= TIMEOUTS_FOR_DOWN ? false : before.available, timeoutsInARow };
}

export async function databaseAvailable(now = Date.now()): Promise<boolean> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) return true; // nothing to probe (a build, a unit test)
  const s = state();
  if (now - s.checkedAt < (s.available ? UP_FOR_MS : DOWN_FOR_MS)) return s.available;
  s.probe ??= probe(connectionString).then((answer) => {
    Object.assign(s, afterProbe(s, answer), { checkedAt: Date.now(), probe: null });
    return s.available;
  });
  return s.probe;
}

/** After a request failed on a lost or refused connection: answer 503 until a probe succeeds. */
export function markDatabaseUnavailable(now = Date.now()): void {
  Object.assign(state(), { available: false, checkedAt: now });
}

/** Errors that mean the database could not be reached (not a query's own fault). */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "P1001", "P1002", "P1017"].includes(code)) return true;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.kind === "string" && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/i.test(e.kind)) return true;
  if (typeof e.message === "string" && /Can't reach database|Connection terminated|connect ECONNREFUSED|the database system is (shutting down|starting up)|terminating connection due to administrator command|DatabaseNotReachable/i.test(e.message)) return true;
  return isConnectionError(e.cause, depth + 1);
}
