import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";

/** A Prisma client on this run's database as the app role (what the code under test uses), for arranging and asserting. */
export function testPrisma(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) });
}

/** The same database as its owner: only for what the app role may not do (tampering, schema checks). */
export function ownerPrisma(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("ownerDatabaseUrl") }) });
}
