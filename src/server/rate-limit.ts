import "server-only";
import { createHash } from "node:crypto";
import type { Db, Tx } from "./db";

/**
 * Fixed-window counter in Postgres, so a limit holds across server instances (SECURITY.md §5).
 * Keys are hashed: no raw IP address is stored. Returns whether this attempt is within the limit.
 */
export async function consumeRateLimit(client: Db | Tx, scope: string, subject: string, limit: number, windowSeconds: number): Promise<boolean> {
  const key = `${scope}:${createHash("sha256").update(subject).digest("hex").slice(0, 32)}`;
  const [row] = await client.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - (${windowSeconds}::int * interval '1 second') THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - (${windowSeconds}::int * interval '1 second') THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count"`;
  return (row?.count ?? 0) <= limit;
}
