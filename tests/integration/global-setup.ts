import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { provisionDatabase } from "../../scripts/lib/database.ts";
import { describeFailure, StartupError } from "../../scripts/lib/failures.ts";
import { applyMigrations } from "../../scripts/lib/schema-engine.ts";
import { prepareNotificationQueue } from "../../src/server/notifications/queue.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

/**
 * One fresh database for the whole integration run: a new database on DATABASE_URL's server
 * when it is set, otherwise an embedded PostgreSQL on a free port in a temporary folder.
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
  project.provide("databaseUrl", database.url);
  project.provide("dataDir", dataDir);
  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
