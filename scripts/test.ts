/**
 * `npm test`: every check, in order of cost — typecheck, lint, unit tests, integration tests on a
 * real PostgreSQL, end-to-end tests in Chromium against the production build. Every stage runs
 * even when an earlier one fails, so one run shows everything; the exit code is non-zero if any
 * failed. The last line totals the test cases: "N passed, N failed". A stage that fails without
 * running its tests (no report, or none ran) is followed in the summary by the cause, taken from
 * its own output: the runtime's one-paragraph failure ("Could not start. …") or the first error.
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { findCause } from "./lib/failures.ts";
import { projectRoot } from "./lib/paths.ts";

const results = path.join(projectRoot, "test-results");
await rm(results, { recursive: true, force: true });
await mkdir(results, { recursive: true });
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

type Stage = { name: string; command: string; args: string[]; count?: () => Promise<{ passed: number; failed: number; skipped: number }> };

async function vitestCounts(file: string) {
  const report = JSON.parse(await readFile(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

async function playwrightCounts(file: string) {
  const report = JSON.parse(await readFile(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

const only = process.argv.slice(2);
const stages: Stage[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
  {
    name: "unit",
    command: bin("vitest"),
    args: ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/unit.json`],
    count: () => vitestCounts(`${results}/unit.json`),
  },
  {
    name: "integration",
    command: bin("vitest"),
    args: ["run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/integration.json`],
    count: () => vitestCounts(`${results}/integration.json`),
  },
  { name: "e2e", command: bin("playwright"), args: ["test"], count: () => playwrightCounts(`${results}/e2e.json`) },
].filter((s) => only.length === 0 || only.includes(s.name));

/** Runs a stage with its output shown as it comes and also kept (the last 4 MB), for findCause. */
function runStage(command: string, args: string[]): Promise<{ ok: boolean; output: string; spawnError?: string }> {
  return new Promise((resolve) => {
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
    };
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" }, stdio: ["inherit", "pipe", "pipe"] });
    child.stdout.on("data", (c: Buffer) => (process.stdout.write(c), keep(c)));
    child.stderr.on("data", (c: Buffer) => (process.stderr.write(c), keep(c)));
    child.on("error", (error) => resolve({ ok: false, output, spawnError: `${command} could not be run (${error.message}); run npm install.` }));
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}

const summary: string[] = [];
const causes: string[] = [];
let passed = 0;
let failed = 0;
let skipped = 0;
let stageFailed = false;
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n━━ ${stage.name} ━━`);
  const result = await runStage(stage.command, stage.args);
  const ok = result.ok;
  if (!ok) stageFailed = true;
  let detail = "";
  let ranNothing = false;
  if (stage.count) {
    try {
      const c = await stage.count();
      passed += c.passed;
      failed += c.failed;
      skipped += c.skipped;
      detail = ` (${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""})`;
      ranNothing = !ok && c.passed + c.failed === 0;
    } catch {
      detail = " (no report: its tests did not run)";
      ranNothing = true;
    }
  }
  if (ranNothing) {
    detail += " — cause below";
    causes.push(`${stage.name}: ${result.spawnError ?? findCause(result.output)}`);
  }
  summary.push(`${ok ? "✔" : "✘"} ${stage.name.padEnd(12)} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s${detail}`);
}

console.log(`\n━━ summary ━━\n${summary.join("\n")}`);
if (causes.length) console.log(`\n${causes.join("\n\n")}\n`);
if (stageFailed && failed === 0) failed = 1; // a failed typecheck or lint counts
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(stageFailed ? 1 : 0);
