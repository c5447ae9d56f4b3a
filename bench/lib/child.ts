import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * Runs one of the benchmark's child scripts (bench/*.ts) the way server code runs in Next.js: under
 * the `react-server` condition, so modules marked "server-only" load. The child writes its JSON
 * answer to BENCH_RESULT_FILE (its stdout carries the application's logs). Bounded by `timeoutMs`.
 */
export async function runChild<T>(script: string, options: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs: number; input?: string; logFile: number }): Promise<T> {
  const resultFile = path.join(os.tmpdir(), `record-connect-bench-${process.pid}-${Date.now().toString(36)}.json`);
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    cwd: options.cwd,
    env: { ...options.env, BENCH_RESULT_FILE: resultFile },
    stdio: ["pipe", options.logFile, options.logFile],
  });
  child.stdin!.end(options.input ?? "");
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
  const code = await new Promise<number | string>((resolve) => child.on("exit", (c, signal) => resolve(c ?? signal ?? "?")));
  clearTimeout(timer);
  try {
    if (code !== 0) throw new Error(`${path.basename(script)} exited with ${code} (see the bench log)`);
    return JSON.parse(await readFile(resultFile, "utf8")) as T;
  } finally {
    await rm(resultFile, { force: true });
  }
}

/** In a child script: hands the answer back to the benchmark. */
export async function writeResult(value: unknown): Promise<void> {
  const file = process.env.BENCH_RESULT_FILE;
  if (!file) throw new Error("BENCH_RESULT_FILE is not set: run this through npm run bench");
  await writeFile(file, JSON.stringify(value));
}
