import path from "node:path";
import type { ChildProcess, SpawnOptions } from "node:child_process";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client.ts";
import { seedDemoData, type SeedResult } from "../../prisma/seed.ts";
import { prepareNotificationQueue } from "../../src/server/notifications/queue.ts";
import { buildIfStale } from "./build.ts";
import { provisionDatabase, type ProvisionedDatabase } from "./database.ts";
import { prepareAppRole, userOf } from "./database-roles.ts";
import { startLocalSmtp, type LocalSmtp } from "./local-smtp.ts";
import { projectRoot } from "./paths.ts";
import { explainFileError, StartupError } from "./failures.ts";
import { portInUse, spawnGroup, supervise, waitForHttp } from "./processes.ts";
import { writeRuntimeFile } from "./runtime-env.ts";
import { applyMigrations } from "./schema-engine.ts";
import { loadLocalSecrets } from "./secrets.ts";

export type RuntimeOptions = {
  dataDir: string;
  port: number;
  mode: "production" | "development";
  /** A new, empty database for this run (tests, benchmark; an embedded cluster is removed at stop); otherwise the persistent local one. */
  freshDatabase?: boolean;
  seed?: boolean;
  log?: (line: string) => void;
  /** Where the web server's own output goes (default: this terminal; e.g. a log file's descriptors). */
  serverStdio?: SpawnOptions["stdio"];
  /** Restart the web server or the worker when it dies unexpectedly (`npm start`), with a back-off. */
  restart?: boolean;
  /**
   * Something the run cannot go on without stopped (PostgreSQL; without `restart`, also the web
   * server or the worker): the caller should stop the runtime.
   */
  onFatal?: (message: string) => void;
};

export type Runtime = {
  url: string;
  /** The app role's URL (what the server and worker use). */
  databaseUrl: string;
  /** The owner's URL (migrations, seed). */
  ownerDatabaseUrl: string;
  database: ProvisionedDatabase;
  smtp: LocalSmtp | null;
  /** Whether /dev/mailbox is on (MAILBOX_ENABLED, or `npm run dev`); even then only for administrators and direct loopback clients. */
  mailboxEnabled: boolean;
  seed: SeedResult | null;
  staffPassword: string | null;
  /** The web server running now (a new process after a restart). */
  readonly server: ChildProcess;
  /** The notification worker (scripts/worker.ts) running now, in its own process group. */
  readonly worker: ChildProcess;
  stop: () => Promise<void>;
};

/** How long each part may take to stop, in order; together under 15 s. */
const GRACE = { server: 4_000, worker: 5_000, smtp: 1_000 };

/** What `ready` rejects with when stop() was called while it was still starting. */
export class RuntimeStopped extends Error {
  override name = "RuntimeStopped";
}

/**
 * Everything `npm start` runs: the database (embedded unless DATABASE_URL), SMTP (local unless
 * SMTP_URL), migrations and the notification queue, demo data, the notification worker, a
 * production build when stale, and the web server. stop() — callable at any moment, also while
 * it is still starting — takes down what has started, in reverse order: the web server
 * (requests in flight finish), the worker (deliveries in flight finish), SMTP, PostgreSQL.
 */
export function launchRuntime(options: RuntimeOptions): { ready: Promise<Runtime>; stop: () => Promise<void> } {
  const log = options.log ?? ((line: string) => console.log(line));
  const stack: Array<() => Promise<void>> = [];
  /** A step of the shutdown that says when it is done (the order is visible in the output). */
  const step = (what: string, fn: () => Promise<void>) => async () => {
    const began = Date.now();
    await fn();
    log(`${what} stopped (${((Date.now() - began) / 1000).toFixed(1)} s).`);
  };
  const aborter = new AbortController();
  let draining = Promise.resolve();
  const drain = () =>
    (draining = draining.then(async () => {
      while (stack.length) await stack.pop()!().catch((e: unknown) => log(`While stopping: ${e instanceof Error ? e.message : String(e)}`));
    }));
  let started: Promise<unknown> = Promise.resolve();
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      aborter.abort(new RuntimeStopped("stopped while starting"));
      await started.catch(() => {});
      await drain();
    })());
  const checkpoint = () => {
    if (aborter.signal.aborted) throw new RuntimeStopped("stopped while starting");
  };

  const start = async (): Promise<Runtime> => {
    try {
      checkpoint();
      if (await portInUse(options.port)) {
        throw new StartupError(
          `Port ${options.port} is already in use: another program (perhaps another npm start) listens on 127.0.0.1:${options.port}. Stop it, or start on another port, e.g. PORT=${options.port + 1} npm start.`,
        );
      }
      const secrets = await loadLocalSecrets(options.dataDir).catch((e: unknown) => {
        throw explainFileError(e, options.dataDir, "write the local data folder");
      });

      const database = await provisionDatabase({
        dataDir: options.dataDir,
        password: secrets.databasePassword,
        // The owner's URL: DATABASE_MIGRATION_URL in a deployment with two roles, else DATABASE_URL.
        databaseUrl: process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL || undefined,
        fresh: options.freshDatabase,
        // A fresh database is for this run only: so is an embedded cluster made for it.
        persistent: !options.freshDatabase,
      });
      stack.push(database.embedded ? step("PostgreSQL", database.stop) : database.stop);
      checkpoint();
      log(database.embedded ? "Database: embedded PostgreSQL started." : "Database: DATABASE_URL.");
      database.onUnexpectedExit((reason) => {
        const message = `PostgreSQL stopped unexpectedly (${reason}). The web server and the worker cannot work without it, so everything stops now; run npm start again (if it keeps happening, see Troubleshooting in the README).`;
        log(message);
        options.onFatal?.(message);
      });

      let smtp: LocalSmtp | null = null;
      if (!process.env.SMTP_URL) {
        const mailboxDir = path.join(options.dataDir, "mailbox");
        smtp = await startLocalSmtp({ mailboxDir }).catch((e: unknown) => {
          throw explainFileError(e, mailboxDir, "create the local mailbox");
        });
        const { stop: stopSmtp } = smtp;
        stack.push(step("SMTP server", () => stopSmtp()));
        log(`Mail: local SMTP server on ${smtp.url}; messages at /dev/mailbox.`);
      } else {
        log("Mail: SMTP_URL.");
      }
      checkpoint();

      const applied = await applyMigrations(database.url);
      log(applied.length ? `Migrations applied: ${applied.join(", ")}.` : "Migrations: up to date.");
      await prepareNotificationQueue(database.url);
      checkpoint();

      let seed: SeedResult | null = null;
      const wantSeed = options.seed ?? process.env.SEED_DEMO_DATA !== "false";
      if (wantSeed) {
        const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
        try {
          seed = await seedDemoData(prisma, secrets.demoStaffPassword);
        } finally {
          await prisma.$disconnect();
        }
        log(`Demo data: ${seed.requestsCreated} requests and ${seed.staffCreated.length} staff accounts created (existing ones kept).`);
      }
      checkpoint();

      // The web server and the worker connect as the least-privileged app role (docs/decisions/0011).
      const roles = await prepareAppRole({
        ownerUrl: database.url,
        appUrl: process.env.DATABASE_MIGRATION_URL ? process.env.DATABASE_URL || undefined : undefined,
        password: secrets.appDatabasePassword,
        perRun: options.freshDatabase,
      });
      stack.push(roles.drop);
      if (roles.appRole === userOf(database.url)) {
        log(`WARNING: DATABASE_URL and DATABASE_MIGRATION_URL name the same role (${roles.appRole}): the app runs as the database's owner.`);
      } else {
        log(`Database role of the app: ${roles.appRole} (no DDL, audit log append-only).`);
      }
      checkpoint();

      const url = `http://localhost:${options.port}`;
      const serverEnv: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: options.mode,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(options.port),
        DATABASE_URL: roles.appUrl,
        // The owner's URL stays with this process: the server and worker get the app role's only.
        DATABASE_MIGRATION_URL: undefined,
        AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY ?? secrets.auditHmacKey,
        AUDIT_HEAD_FILE: process.env.AUDIT_HEAD_FILE ?? path.join(options.dataDir, "audit-head.log"),
        SMTP_URL: smtp?.url ?? process.env.SMTP_URL,
        APP_URL: process.env.APP_URL ?? url,
        FILE_STORE_DIR: process.env.FILE_STORE_DIR ?? path.join(options.dataDir, "files"),
        FILE_ENCRYPTION_KEY: process.env.FILE_ENCRYPTION_KEY ?? secrets.fileEncryptionKey,
        AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.authSecret,
        // The mailbox page shows every sign-in code and download link: on only when MAILBOX_ENABLED
        // says so (then only for an administrator or a direct loopback client), or in `npm run dev`.
        ...(smtp ? { MAILBOX_DIR: smtp.mailboxDir, MAILBOX_ENABLED: process.env.MAILBOX_ENABLED ?? (options.mode === "development" ? "true" : "false") } : {}),
        ...(options.mode === "production" ? productionMemoryEnv() : {}),
      };

      stack.push(await writeRuntimeFile(options.dataDir, { DATABASE_URL: roles.appUrl, SMTP_URL: serverEnv.SMTP_URL!, APP_URL: serverEnv.APP_URL! }));

      const onUnexpectedExit = (message: string) => {
        log(message);
        options.onFatal?.(message);
      };

      // The notification worker, in its own process group like the web server (`npm run worker` runs
      // more). server-only modules load under the react-server condition, as inside Next.js.
      const worker = supervise(
        "notification worker",
        () =>
          spawnGroup(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts", "worker.ts")], {
            cwd: projectRoot,
            env: { ...serverEnv, WORKER_STOP_GRACE_MS: String(GRACE.worker - 1_000) },
            stdio: options.serverStdio ?? "inherit",
          }),
        { restart: !!options.restart, log, onUnexpectedExit },
      );
      stack.push(step("Notification worker", () => worker.stop(GRACE.worker)));
      log("Notifications: worker started.");

      if (options.mode === "production") await buildIfStale(log, aborter.signal);
      checkpoint();
      const server = supervise(
        "web server",
        () =>
          // Next.js's handler behind a minimal node:http server that tells the app the socket peer
          // (scripts/web-server.mjs, docs/decisions/0008-client-address-and-web-server.md).
          spawnGroup(process.execPath, [path.join(projectRoot, "scripts", "web-server.mjs"), ...(options.mode === "production" ? [] : ["--dev"]), "--port", String(options.port), "--hostname", "127.0.0.1"], {
            cwd: projectRoot,
            env: serverEnv,
            stdio: options.serverStdio ?? "inherit",
          }),
        { restart: !!options.restart, log, onUnexpectedExit, ready: (child) => waitForHttp(`${url}/api/health`, 120_000, child, aborter.signal) },
      );
      stack.push(step("Web server", () => server.stop(GRACE.server)));
      await waitForHttp(`${url}/api/health`, 120_000, server.child, aborter.signal).catch((error: unknown) => {
        if (aborter.signal.aborted) throw new RuntimeStopped("stopped while starting");
        throw new StartupError(
          `The web server did not start: ${error instanceof Error ? error.message : String(error)}. Its own messages are printed above.${options.mode === "production" ? " If the build is damaged, delete the .next folder and start again." : ""}`,
        );
      });

      return {
        url,
        databaseUrl: roles.appUrl,
        ownerDatabaseUrl: database.url,
        database,
        smtp,
        mailboxEnabled: !!smtp && ["true", "1"].includes(serverEnv.MAILBOX_ENABLED ?? ""),
        seed,
        staffPassword: wantSeed ? secrets.demoStaffPassword : null,
        get server() {
          return server.child;
        },
        get worker() {
          return worker.child;
        },
        stop,
      };
    } catch (error) {
      await drain();
      if (aborter.signal.aborted) throw new RuntimeStopped("stopped while starting");
      throw error;
    }
  };

  const ready = start();
  started = ready;
  return { ready, stop };
}

/** launchRuntime(options).ready, for callers that stop only after it has started (the benchmark). */
export function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  return launchRuntime(options).ready;
}

/**
 * The production server's memory budget (docs/performance.md): V8's old space capped at 256 MB,
 * so it collects instead of growing toward its default limit (a sixth of the machine's memory),
 * and two glibc malloc arenas instead of one per thread. Under load the server then stays near
 * 330 MB instead of passing 1 GB, at no measurable cost in throughput. Uploads and other Buffers
 * live outside that heap. Settings already in the environment win.
 */
function productionMemoryEnv(): Record<string, string> {
  const nodeOptions = process.env.NODE_OPTIONS ?? "";
  return {
    NODE_OPTIONS: /--max-old-space-size/.test(nodeOptions) ? nodeOptions : `${nodeOptions} --max-old-space-size=256`.trim(),
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
  };
}
