/**
 * `npm run worker`: one notification worker (src/server/notifications/worker.ts) on its own.
 * `npm start` runs one beside the web server; more can run against the same database, each
 * notification is still sent once. It takes the web server's configuration (DATABASE_URL,
 * SMTP_URL, APP_URL, MAIL_FROM, NOTIFY_*); with no DATABASE_URL it joins the `npm start` running
 * from this checkout. SIGINT/SIGTERM: stop fetching, finish the deliveries in progress, exit.
 *
 * Runs with `--conditions=react-server` (see package.json), which is how `server-only` modules
 * load outside Next.js.
 */
import { setPriority } from "node:os";
import { defaultDataDir } from "./lib/paths.ts";
import { localRuntimeEnv } from "./lib/runtime-env.ts";

if (!process.env.DATABASE_URL) {
  const local = await localRuntimeEnv(process.env.RC_DATA_DIR ?? defaultDataDir);
  if (!local) {
    console.error("[worker] Set DATABASE_URL and SMTP_URL (as for the web server), or run `npm start` first: the worker then joins it.");
    process.exit(2);
  }
  Object.assign(process.env, local);
}

// Deferred work yields to the requests people are waiting for (decision 0022): on a machine the
// worker shares with the web server, the scheduler serves the web server first when both want the
// CPU (drawing signed PDFs is most of the worker's CPU). WORKER_NICE 0 turns this off.
const nice = Math.min(19, Math.max(0, Math.round(Number(process.env.WORKER_NICE ?? 10) || 0)));
if (nice > 0) {
  try {
    setPriority(nice);
  } catch {
    console.error("[worker] could not lower its scheduling priority; running at the normal one");
  }
}

const { closeWorkerResources, startNotificationWorker } = await import("../src/server/notifications/worker.ts");

let worker: Awaited<ReturnType<typeof startNotificationWorker>> | null = null;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.error(`[worker] ${signal}: finishing the deliveries in progress…`);
  try {
    // `npm start` gives its worker a few seconds (its whole stop stays under 15 s); alone, 30 s.
    await worker?.stop(Number(process.env.WORKER_STOP_GRACE_MS) || undefined);
    await closeWorkerResources();
    process.exit(0);
  } catch (error) {
    console.error(`[worker] stopped with an error: ${error instanceof Error ? error.name : "unknown"}`);
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  worker = await startNotificationWorker();
} catch (error) {
  console.error(`[worker] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.error("[worker] ready");
