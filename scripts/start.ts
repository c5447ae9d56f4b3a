/**
 * `npm start` (production build) and `npm run dev` (next dev): the whole application on this
 * machine with no setup. Ctrl-C (or SIGTERM) stops the web server, the notification worker, the
 * SMTP server and the embedded PostgreSQL, in that order.
 */
import { demoStaff } from "../prisma/seed.ts";
import { defaultDataDir } from "./lib/paths.ts";
import { startRuntime } from "./lib/runtime.ts";

const development = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.RC_DATA_DIR ?? defaultDataDir;
const log = (line: string) => console.log(`[record-connect] ${line}`);

let stopping: Promise<void> | null = null;
let runtime: Awaited<ReturnType<typeof startRuntime>> | null = null;

function shutdown(signal: string, code = 0) {
  if (stopping) return;
  log(`${signal}: stopping…`);
  stopping = (runtime?.stop() ?? Promise.resolve()).then(() => {
    log("Stopped.");
    process.exit(code);
  });
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));

try {
  runtime = await startRuntime({ dataDir, port, mode: development ? "development" : "production", log });
} catch (error) {
  console.error(`[record-connect] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (stopping) await stopping;

for (const [name, child] of [["web server", runtime.server], ["notification worker", runtime.worker]] as const) {
  child.on("exit", (code, signal) => {
    if (!stopping) {
      log(`The ${name} exited (${code ?? signal}).`);
      shutdown(`${name} exit`, 1);
    }
  });
}

const lines = [
  "",
  `Record Connect Requests is running at ${runtime.url}`,
  `  Health:          ${runtime.url}/api/health`,
  ...(runtime.smtp
    ? runtime.mailboxEnabled
      ? [`  Mailbox (dev):   ${runtime.url}/dev/mailbox — only for a signed-in administrator, or a browser on this machine with no proxy in between`]
      : ["  Mailbox (dev):   off (it shows every sign-in code and download link); set MAILBOX_ENABLED=true to read local mail at /dev/mailbox"]
    : []),
  ...(runtime.staffPassword
    ? [
        "  Demo staff sign-ins (password for each below; set up the second factor at first sign-in):",
        ...demoStaff.map((s) => `    ${s.role.padEnd(10)} ${s.email}`),
        `    password:  ${runtime.staffPassword}`,
      ]
    : []),
  "Press Ctrl-C to stop.",
  "",
];
console.log(lines.join("\n"));
