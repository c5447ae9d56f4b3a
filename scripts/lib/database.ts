import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

export type ProvisionedDatabase = {
  url: string;
  embedded: boolean;
  /** Postmaster pid of the embedded server (null when using DATABASE_URL). */
  pid: () => Promise<number | null>;
  stop: () => Promise<void>;
};

/**
 * DATABASE_URL when it is set; otherwise an embedded PostgreSQL whose cluster lives in
 * `<dataDir>/postgres`. With `fresh`, a new, uniquely named database is created for this run
 * (and dropped at stop), so test runs never see each other's rows.
 */
export async function provisionDatabase(options: {
  dataDir: string;
  password: string;
  databaseUrl?: string;
  fresh?: boolean;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<ProvisionedDatabase> {
  if (options.databaseUrl) {
    if (!options.fresh) return { url: options.databaseUrl, embedded: false, pid: async () => null, stop: async () => {} };
    const fresh = await createFreshDatabase(options.databaseUrl);
    return { url: fresh.url, embedded: false, pid: async () => null, stop: fresh.drop };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, "postgres"),
    password: options.password,
    database: options.fresh ? freshName() : "record_connect",
    persistent: options.persistent ?? true,
    log: options.log,
  });
  return { url: server.url, embedded: true, pid: server.pid, stop: server.stop };
}

function freshName() {
  return `rc_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

async function createFreshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = freshName();
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client(serverUrl);
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
