import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { StartupError } from "./failures.ts";

export type ProvisionedDatabase = {
  url: string;
  embedded: boolean;
  /** Postmaster pid of the embedded server (null when using DATABASE_URL). */
  pid: () => Promise<number | null>;
  /** The embedded server stopping on its own (never called for DATABASE_URL). */
  onUnexpectedExit: (listener: (reason: string) => void) => void;
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
    await checkDatabaseUrl(options.databaseUrl);
    const external = { embedded: false, pid: async () => null, onUnexpectedExit: () => {} };
    if (!options.fresh) return { ...external, url: options.databaseUrl, stop: async () => {} };
    const fresh = await createFreshDatabase(options.databaseUrl);
    return { ...external, url: fresh.url, stop: fresh.drop };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, "postgres"),
    password: options.password,
    database: options.fresh ? freshName() : "record_connect",
    persistent: options.persistent ?? true,
    log: options.log,
  });
  return { url: server.url, embedded: true, pid: server.pid, onUnexpectedExit: server.onUnexpectedExit, stop: server.stop };
}

/**
 * Connects once to DATABASE_URL, so that a server that is down, a wrong password or a missing
 * database is reported as such (naming host, port and database, never the password) before
 * anything else runs.
 */
export async function checkDatabaseUrl(databaseUrl: string): Promise<void> {
  let where = "DATABASE_URL";
  try {
    const u = new URL(databaseUrl);
    where = `DATABASE_URL (${u.hostname || "localhost"}:${u.port || "5432"}, database ${decodeURIComponent(u.pathname.slice(1)) || "(default)"})`;
  } catch {
    throw new StartupError(`DATABASE_URL is not a valid URL. Write it as postgresql://user:password@host:5432/database, or unset it to use the embedded PostgreSQL.`);
  }
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    const reason =
      {
        ECONNREFUSED: "the connection was refused: no PostgreSQL is listening there",
        ENOTFOUND: "that host name does not resolve",
        EAI_AGAIN: "that host name does not resolve",
        ETIMEDOUT: "the connection timed out",
        EHOSTUNREACH: "that host cannot be reached",
        "28P01": "the password was refused",
        "28000": "that user may not connect",
        "3D000": "that database does not exist",
      }[code] ?? (error instanceof Error ? error.message || code : String(error));
    throw new StartupError(
      `Could not connect to the database at ${where}: ${reason}. Start that PostgreSQL server or correct DATABASE_URL; or unset DATABASE_URL to use the embedded PostgreSQL.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
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
