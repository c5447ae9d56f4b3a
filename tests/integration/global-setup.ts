import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { provisionDatabase } from "../../scripts/lib/database.ts";
import { prepareAppRole } from "../../scripts/lib/database-roles.ts";
import { describeFailure, StartupError } from "../../scripts/lib/failures.ts";
import { applyMigrations } from "../../scripts/lib/schema-engine.ts";
import { prepareNotificationQueue } from "../../src/server/notifications/queue.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The least-privileged app role's URL: what the code under test uses, as in production. */
    databaseUrl: string;
    /** The owner's URL: migrations, and arranging what only the owner may (tampering tests). */
    ownerDatabaseUrl: string;
    dataDir: string;
  }
}

/**
 * One fresh database for the whole integration run: a new database on DATABASE_URL's server
 * when it is set, otherwise an embedded PostgreSQL on a free port in a temporary folder. The
 * tests run as this run's own app role (`<database>_app`, dropped at the end), so concurrent
 * runs on one server never share a role.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "rc-integration-"));
  const database = await provisionDatabase({
    dataDir,
    password: "integration",
    databaseUrl: process.env.DATABASE_URL || undefined,
    fresh: true,
    persistent: false,
  }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    // One paragraph (npm test repeats it under its summary), not a stack trace.
    const message = `Could not start. The integration tests need a PostgreSQL: ${describeFailure(error)}`;
    console.error(`[integration] ${message}`);
    const failure = new StartupError(message);
    failure.stack = `${failure.name}: ${message}`; // vitest prints the stack: there is none worth showing
    throw failure;
  });
  await applyMigrations(database.url);
  await prepareNotificationQueue(database.url);
  const roles = await prepareAppRole({ ownerUrl: database.url, password: randomBytes(18).toString("base64url"), perRun: true });
  project.provide("databaseUrl", roles.appUrl);
  project.provide("ownerDatabaseUrl", database.url);
  project.provide("dataDir", dataDir);
  return async () => {
    await roles.drop().catch(() => {});
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
