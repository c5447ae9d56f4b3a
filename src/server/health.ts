import "server-only";
import { db } from "./db";
import { mailTransport } from "./mail/transport";

type Check = { ok: boolean; latencyMs: number; error?: string };

export type Health = {
  /** unavailable: the database is down (HTTP 503); degraded: only SMTP is. */
  status: "ok" | "degraded" | "unavailable";
  checks: { database: Check; smtp: Check };
  jobs: { pending: number; dead: number; oldestPendingSeconds: number | null } | null;
};

async function timed(fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    // Only the kind of failure: driver messages can carry connection strings.
    const error = e instanceof Error && e.message === "timeout" ? "timeout" : "unavailable";
    return { ok: false, latencyMs: Math.round(performance.now() - started), error };
  }
}

/** Liveness of what the app depends on. Counts only: no PHI, no addresses, no messages. */
export async function checkHealth(): Promise<Health> {
  const database = await timed(() => db().$queryRaw`SELECT 1`, 3_000);
  const smtp = await timed(() => mailTransport().verify(), 5_000);
  let jobs: Health["jobs"] = null;
  if (database.ok) {
    const [row] = await db().$queryRaw<{ pending: bigint; dead: bigint; oldest: number | null }[]>`
      SELECT count(*) FILTER (WHERE "status" = 'PENDING') AS pending,
             count(*) FILTER (WHERE "status" = 'DEAD') AS dead,
             extract(epoch FROM now() - min("createdAt") FILTER (WHERE "status" = 'PENDING'))::float8 AS oldest
      FROM "Notification"`;
    jobs = {
      pending: Number(row?.pending ?? 0),
      dead: Number(row?.dead ?? 0),
      oldestPendingSeconds: row?.oldest == null ? null : Math.round(row.oldest),
    };
  }
  return { status: !database.ok ? "unavailable" : smtp.ok ? "ok" : "degraded", checks: { database, smtp }, jobs };
}
