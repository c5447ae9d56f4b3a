/**
 * `npm run fuzz`: the fuzz tests of `npm test`, with FUZZ_RUNS (default 20) times as many cases —
 * the intake use cases on a real PostgreSQL (tests/integration/fuzz-intake.test.ts), then every
 * server action, route handler and page over HTTP against the production build
 * (tests/e2e/http-fuzz.spec.ts). About 10–20 minutes at the default; the exit code is non-zero
 * if any case answered 5xx, threw, or stored something it should not have.
 */
import path from "node:path";
import { projectRoot } from "./lib/paths.ts";
import { run } from "./lib/processes.ts";

const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? "20" };
console.log(`Fuzzing with FUZZ_RUNS=${env.FUZZ_RUNS}.`);
let failed = false;
for (const [command, args] of [
  [bin("vitest"), ["run", "--project", "integration", "tests/integration/fuzz-intake.test.ts"]],
  [bin("playwright"), ["test", "tests/e2e/http-fuzz.spec.ts"]],
] as const) {
  try {
    await run(command, [...args], { cwd: projectRoot, env });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
