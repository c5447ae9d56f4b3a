/**
 * The server the Playwright tests run against: the production build on a fresh database (a new
 * database on DATABASE_URL's server, else an embedded PostgreSQL) with the local SMTP server,
 * its mailbox in .data/e2e/mailbox for the tests to read. Stops everything on SIGTERM/SIGINT.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { debugDetails, describeFailure } from "./lib/failures.ts";
import { defaultDataDir } from "./lib/paths.ts";
import { launchRuntime, RuntimeStopped, type Runtime } from "./lib/runtime.ts";

export const e2eDataDir = path.join(defaultDataDir, "e2e");
const port = Number(process.env.E2E_PORT ?? 3100);

await rm(e2eDataDir, { recursive: true, force: true });
delete process.env.SMTP_URL; // the tests read the local mailbox
// The journeys all come from 127.0.0.1; the per-client limit itself is tested in integration.
process.env.RATE_LIMIT_SUBMISSIONS_PER_HOUR ??= "200";
// Likewise the portal's sign-in codes per client address (the journeys ask for more than 10 in 15 minutes).
process.env.RATE_LIMIT_PORTAL_CODES_PER_CLIENT ??= "200";
// The mailbox page is off unless enabled; tests/e2e/mailbox.spec.ts reads it (from loopback).
process.env.MAILBOX_ENABLED ??= "true";
const launched = launchRuntime({
  dataDir: e2eDataDir,
  port,
  mode: "production",
  freshDatabase: true,
  seed: true,
  log: (line) => console.log(`[e2e-server] ${line}`),
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await launched.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
let runtime: Runtime;
try {
  runtime = await launched.ready;
} catch (error) {
  if (error instanceof RuntimeStopped) await new Promise(() => {}); // stop() exits
  // One paragraph, which `npm test` repeats in its summary (the stage then has no report).
  console.error(`[e2e-server] Could not start. ${describeFailure(error)}`);
  const details = debugDetails(error);
  if (details) console.error(details);
  process.exit(1);
}
// The tests send mail through the same local SMTP server (tests/e2e/mailbox.spec.ts).
if (runtime.smtp) await writeFile(path.join(e2eDataDir, "smtp-url"), `${runtime.smtp.url}\n`);
console.log(`[e2e-server] ready at ${runtime.url}`);
