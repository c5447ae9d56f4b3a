/**
 * `npm run db:migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes a database migrated to the current committed state to schema.prisma —
 * what `prisma migrate dev --create-only` does, with Prisma's WebAssembly schema engine. It uses a
 * scratch database: on DATABASE_URL's server when set, else an embedded one. Review the SQL, add
 * anything Prisma cannot express (CHECKs, triggers), then commit it.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { provisionDatabase } from "./lib/database.ts";
import { applyMigrations, diffDatabaseToSchema, migrationsDir } from "./lib/schema-engine.ts";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration:new -- <name>");
  process.exit(2);
}

const scratch = await mkdtemp(path.join(os.tmpdir(), "rc-migration-"));
const database = await provisionDatabase({
  dataDir: scratch,
  password: "scratch",
  databaseUrl: process.env.DATABASE_URL || undefined,
  fresh: true,
  persistent: false,
});
try {
  await applyMigrations(database.url);
  const sql = await diffDatabaseToSchema(database.url);
  if (!sql || sql === "-- This is an empty migration.") {
    console.log("schema.prisma matches the committed migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it before committing.`);
  }
} finally {
  await database.stop();
  await rm(scratch, { recursive: true, force: true });
}
