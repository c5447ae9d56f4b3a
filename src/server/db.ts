import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;
/** The client handed to a callback of db().$transaction(…). */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { rcPrisma?: PrismaClient };

/** One Prisma client per process (kept across hot reloads in development). */
export function db(): PrismaClient {
  if (!globalForDb.rcPrisma) {
    const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
    globalForDb.rcPrisma = new PrismaClient({ adapter });
  }
  return globalForDb.rcPrisma;
}
