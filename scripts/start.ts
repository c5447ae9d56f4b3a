/**
 * `npm start` (production build) and `npm run dev` (next dev): the whole application on this
 * machine with no setup. Ctrl-C, SIGTERM (a container's stop) or SIGHUP stops the web server,
 * the notification worker, the SMTP server and the embedded PostgreSQL, in that order, within
 * 15 s; a second Ctrl-C kills whatever is left at once. The web server or the worker dying is
 * answered with a restart (with a back-off); PostgreSQL dying ends the run. Every failure is
 * printed as one paragraph saying what to do (README, "Troubleshooting"), never a stack trace.
 */
import { demoStaff } from "../prisma/seed.ts";
import { debugDetails, describeFailure } from "./lib/failures.ts";
import { defaultDataDir } from "./lib/paths.ts";
import { killAllGroups } from "./lib/processes.ts";
import { launchRuntime, RuntimeStopped, type Runtime } from "./lib/runtime.ts";

const development = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const dataDir = process.env.RC_DATA_DIR || defaultDataDir;
const log = (line: string) => console.log(`[record-connect] ${line}`);
const fail = (line: string) => console.error(`[record-connect] ${line}`);

let stopping: Promise<void> | null = null;
let stopRequestedAt = 0;

const launched = launchRuntime({
  dataDir,
  port,
  mode: development ? "development" : "production",
  log,
  restart: true,
  onFatal: () => shutdown("PostgreSQL stopped", 1),
});

function shutdown(reason: string, code = 0) {
  if (stopping) return;
  stopRequestedAt = Date.now();
  log(`${reason}: stopping the web server, the worker, SMTP and PostgreSQL (Ctrl-C again to force)…`);
  stopping = launched.stop().then(() => {
    log("Stopped.");
    process.exit(code);
  });
}

function force(signal: string) {
  fail(`${signal} again: killing what is still running.`);
  killAllGroups();
  process.exit(130);
}

// One Ctrl-C can arrive twice (from the terminal and relayed by a parent): a second one counts
// as "force" only when a person could have pressed it, a second later.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (!stopping) shutdown(signal, 0);
    else if (Date.now() - stopRequestedAt > 1_000) force(signal);
  });
}

// SIGTERM to npm (not to the whole group) reaches the shell npm runs us in, not us: when that
// parent goes away we are re-parented, and stop as if told to.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart && !stopping) shutdown("The npm process that started this one has gone", 0);
}, 500).unref();

// Nothing escapes as a stack trace: an unexpected error is one paragraph, and the run stops cleanly.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    fail(describeFailure(error));
    const details = debugDetails(error);
    if (details) fail(details);
    shutdown("Unexpected error", 1);
  });
}

log(`Starting (data in ${dataDir}; Ctrl-C stops)…`);

let runtime: Runtime;
try {
  runtime = await launched.ready;
} catch (error) {
  if (error instanceof RuntimeStopped) {
    await stopping;
    process.exit(0);
  }
  fail(`Could not start. ${describeFailure(error)}`);
  const details = debugDetails(error);
  if (details) fail(details);
  await launched.stop();
  process.exit(1);
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
