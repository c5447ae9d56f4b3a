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
import { portInUse, spawnGroup, stopGroup, waitForHttp } from "./processes.ts";
import { writeRuntimeFile } from "./runtime-env.ts";
import { applyMigrations } from "./schema-engine.ts";
import { loadLocalSecrets } from "./secrets.ts";

export type RuntimeOptions = {
  dataDir: string;
  port: number;
  mode: "production" | "development";
  /** A new, empty database for this run (tests); otherwise the persistent local one. */
  freshDatabase?: boolean;
  seed?: boolean;
  log?: (line: string) => void;
  /** Where the web server's own output goes (default: this terminal; e.g. a log file's descriptors). */
  serverStdio?: SpawnOptions["stdio"];
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
  server: ChildProcess;
  /** The notification worker (scripts/worker.ts), in its own process group. */
  worker: ChildProcess;
  stop: () => Promise<void>;
};

/**
 * Everything `npm start` runs: the database (embedded unless DATABASE_URL), SMTP (local unless
 * SMTP_URL), migrations and the notification queue, demo data, the notification worker, a
 * production build when stale, and the web server. stop() takes it all down in reverse order.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? ((line: string) => console.log(line));
  const stack: Array<() => Promise<void>> = [];
  const stop = async () => {
    while (stack.length) await stack.pop()!().catch((e) => log(`shutdown: ${String(e)}`));
  };

  try {
    if (await portInUse(options.port)) {
      throw new Error(`Port ${options.port} is already in use. Stop what is using it, or set PORT to another port.`);
    }
    const secrets = await loadLocalSecrets(options.dataDir);

    const database = await provisionDatabase({
      dataDir: options.dataDir,
      password: secrets.databasePassword,
      // The owner's URL: DATABASE_MIGRATION_URL in a deployment with two roles, else DATABASE_URL.
      databaseUrl: process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL || undefined,
      fresh: options.freshDatabase,
    });
    stack.push(database.stop);
    log(database.embedded ? "Database: embedded PostgreSQL started." : "Database: DATABASE_URL.");

    let smtp: LocalSmtp | null = null;
    if (!process.env.SMTP_URL) {
      smtp = await startLocalSmtp({ mailboxDir: path.join(options.dataDir, "mailbox") });
      stack.push(smtp.stop);
      log(`Mail: local SMTP server on ${smtp.url}; messages at /dev/mailbox.`);
    } else {
      log("Mail: SMTP_URL.");
    }

    const applied = await applyMigrations(database.url);
    log(applied.length ? `Migrations applied: ${applied.join(", ")}.` : "Migrations: up to date.");
    await prepareNotificationQueue(database.url);

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

    // The notification worker, in its own process group like the web server (`npm run worker` runs
    // more). server-only modules load under the react-server condition, as inside Next.js.
    const worker = spawnGroup(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts", "worker.ts")], {
      cwd: projectRoot,
      env: serverEnv,
      stdio: options.serverStdio ?? "inherit",
    });
    stack.push(() => stopGroup(worker, 35_000));
    log("Notifications: worker started.");

    if (options.mode === "production") await buildIfStale(log);
    // Next.js's handler behind a minimal node:http server that tells the app the socket peer
    // (scripts/web-server.mjs, docs/decisions/0008-client-address.md).
    const server = spawnGroup(
      process.execPath,
      [path.join(projectRoot, "scripts", "web-server.mjs"), ...(options.mode === "production" ? [] : ["--dev"]), "--port", String(options.port), "--hostname", "127.0.0.1"],
      { cwd: projectRoot, env: serverEnv, stdio: options.serverStdio ?? "inherit" },
    );
    stack.push(() => stopGroup(server));
    await waitForHttp(`${url}/api/health`, 120_000, server);

    return {
      url,
      databaseUrl: roles.appUrl,
      ownerDatabaseUrl: database.url,
      database,
      smtp,
      mailboxEnabled: !!smtp && ["true", "1"].includes(serverEnv.MAILBOX_ENABLED ?? ""),
      seed,
      staffPassword: wantSeed ? secrets.demoStaffPassword : null,
      server,
      worker,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
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
