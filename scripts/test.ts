/**
 * `npm test`: every check, in order of cost — typecheck, lint, unit tests, integration tests on a
 * real PostgreSQL, end-to-end tests in Chromium against the production build. Every stage runs
 * even when an earlier one fails, so one run shows everything; the exit code is non-zero if any
 * failed. The last line totals the test cases: "N passed, N failed".
 */
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "./lib/paths.ts";
import { run } from "./lib/processes.ts";

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

const summary: string[] = [];
let passed = 0;
let failed = 0;
let skipped = 0;
let stageFailed = false;
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n━━ ${stage.name} ━━`);
  let ok = true;
  try {
    await run(stage.command, stage.args, { cwd: projectRoot, env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" } });
  } catch {
    ok = false;
    stageFailed = true;
  }
  let detail = "";
  if (stage.count) {
    try {
      const c = await stage.count();
      passed += c.passed;
      failed += c.failed;
      skipped += c.skipped;
      detail = ` (${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""})`;
    } catch {
      detail = " (no report)";
    }
  }
  summary.push(`${ok ? "✔" : "✘"} ${stage.name.padEnd(12)} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s${detail}`);
}

console.log(`\n━━ summary ━━\n${summary.join("\n")}`);
if (stageFailed && failed === 0) failed = 1; // a failed typecheck or lint counts
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(stageFailed ? 1 : 0);
