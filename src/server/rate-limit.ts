import "server-only";
import { createHash } from "node:crypto";
import type { Db, Tx } from "./db";

/**
 * Fixed-window counter in Postgres, so a limit holds across server instances (SECURITY.md §5).
 * Keys are hashed: no raw IP address is stored. Returns whether this attempt is within the limit.
 */
const bucketKey = (scope: string, subject: string) => `${scope}:${createHash("sha256").update(subject).digest("hex").slice(0, 32)}`;

export async function consumeRateLimit(client: Db | Tx, scope: string, subject: string, limit: number, windowSeconds: number): Promise<boolean> {
  const key = bucketKey(scope, subject);
  const [row] = await client.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - (${windowSeconds}::int * interval '1 second') THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - (${windowSeconds}::int * interval '1 second') THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count"`;
  return (row?.count ?? 0) <= limit;
}

/** Starts a subject's count over (e.g. after it proved itself). */
export async function resetRateLimit(client: Db | Tx, scope: string, subject: string): Promise<void> {
  await client.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${bucketKey(scope, subject)}`;
}
