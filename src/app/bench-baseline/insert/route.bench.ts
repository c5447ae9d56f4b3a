import { randomUUID } from "node:crypto";
import { db } from "@/server/db";

/**
 * Benchmark baseline (only in the BENCH_ROUTES=1 build, see next.config.ts): one row inserted with
 * Prisma through the application's own client and pool — the least a write request can cost on
 * this stack. The submission's throughput is compared with it (docs/performance.md). It answers
 * 404 unless the server itself runs with BENCH_ROUTES=1, so even a bench build started by hand
 * writes nothing.
 */
export const dynamic = "force-dynamic";

export async function POST() {
  if (process.env.BENCH_ROUTES !== "1") return new Response("Not found", { status: 404 });
  await db().rateLimitBucket.create({ data: { key: `bench-baseline:${randomUUID()}`, windowStart: new Date(), count: 1 } });
  return new Response(null, { status: 204 });
}
