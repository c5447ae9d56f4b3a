import { execFileSync, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.ts";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { freePort } from "../../scripts/lib/processes.ts";

/**
 * `npm start`'s failures, each met for real: the output is one paragraph naming the cause and
 * what to do (README, Troubleshooting), the exit code is 1, and there is no stack trace.
 */
const isRoot = process.getuid?.() === 0;
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function npmStart(env: Record<string, string | undefined>, whileRunning?: (child: import("node:child_process").ChildProcess) => void): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, SMTP_URL: undefined, DATABASE_URL: undefined, PORT: undefined, ...env };
    for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "start.ts")], { cwd: projectRoot, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    whileRunning?.(child);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function expectOneParagraph(output: string, cause: RegExp) {
  const failure = output.split("\n").find((l) => l.includes("Could not start."));
  expect(failure, output).toBeDefined();
  expect(failure).toMatch(cause);
  expect(output).not.toMatch(STACK_LINE);
}

let scratch: string;
let canMount = false;
const mounted: string[] = [];

async function tmpfs(name: string, options: string): Promise<string | null> {
  const dir = path.join(scratch, name);
  await mkdir(dir, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });
    mounted.push(dir);
    return dir;
  } catch {
    return null;
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "rc-failures-"));
  const probe = await tmpfs("probe", "size=64k");
  canMount = probe !== null;
});

afterAll(async () => {
  for (const dir of mounted.reverse()) execFileSync("umount", ["-l", dir], { stdio: "ignore" });
  await rm(scratch, { recursive: true, force: true });
});

describe("npm start says what went wrong, in one paragraph", () => {
  it("when the port is taken", async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const { code, output } = await npmStart({ PORT: String(port), RC_DATA_DIR: path.join(scratch, "port") });
      expect(code).toBe(1);
      expectOneParagraph(output, new RegExp(`Port ${port} is already in use.*PORT=${port + 1} npm start`));
    } finally {
      blocker.close();
    }
  });

  it("when DATABASE_URL refuses connections (and never prints its password)", async () => {
    const port = await freePort();
    const { code, output } = await npmStart({ DATABASE_URL: `postgresql://app:s3cret-pw@127.0.0.1:${port}/records`, RC_DATA_DIR: path.join(scratch, "refused") });
    expect(code).toBe(1);
    expectOneParagraph(output, new RegExp(`database at DATABASE_URL \\(127\\.0\\.0\\.1:${port}, database records\\): the connection was refused.*unset DATABASE_URL`));
    expect(output).not.toContain("s3cret-pw");
  });

  it.runIf(isRoot)("when the server user cannot enter the folder of PostgreSQL's files (as root)", async () => {
    const privateDir = await mkdtemp(path.join(scratch, "private-"));
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
    const { code, output } = await npmStart({ PORT: String(await freePort()), RC_DATA_DIR: path.join(scratch, "enter"), RC_SYSTEM_DIR: path.join(privateDir, "system") });
    expect(code).toBe(1);
    expectOneParagraph(output, new RegExp(`the user "postgres".*cannot enter .*${privateDir.replaceAll(".", "\\.")}.*chmod o\\+x`));
  });

  it("when the data folder is read-only", async ({ skip }) => {
    if (!canMount) return skip("mounting a read-only tmpfs needs root with CAP_SYS_ADMIN");
    const readOnly = (await tmpfs("read-only", "ro,size=1m"))!;
    const { code, output } = await npmStart({ PORT: String(await freePort()), RC_DATA_DIR: readOnly });
    expect(code).toBe(1);
    expectOneParagraph(output, new RegExp(`${readOnly.replaceAll(".", "\\.")} is on a read-only file system`));
  });

  it("when the data folder's disk is full", async ({ skip }) => {
    if (!canMount) return skip("mounting a small tmpfs needs root with CAP_SYS_ADMIN");
    const full = (await tmpfs("full", "size=48m"))!;
    const { code, output } = await npmStart({ PORT: String(await freePort()), RC_DATA_DIR: path.join(full, "data"), RC_SYSTEM_DIR: path.join(full, "system") });
    expect(code).toBe(1);
    expectOneParagraph(output, /the disk holding .* is full/);
  });
});

describe("Ctrl-C", () => {
  it("a second Ctrl-C (a second later) forces the stop at once, even while a step hangs", async () => {
    // A "database" that accepts connections and never answers: the start hangs on it.
    const silent = net.createServer(() => {});
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    try {
      let output = "";
      const started = Date.now();
      const result = await npmStart({ DATABASE_URL: `postgresql://u:p@127.0.0.1:${port}/db`, RC_DATA_DIR: path.join(scratch, "force"), PORT: String(await freePort()) }, (child) => {
        child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
        const poll = setInterval(() => {
          if (!output.includes("[record-connect]") && Date.now() - started < 20_000) return;
          clearInterval(poll);
          child.kill("SIGINT");
          setTimeout(() => child.kill("SIGINT"), 1_500);
        }, 100);
      });
      expect(result.output).toContain("SIGINT: stopping the web server, the worker, SMTP and PostgreSQL (Ctrl-C again to force)");
      expect(result.output).toContain("SIGINT again: killing what is still running.");
      expect(result.code).toBe(130);
      expect(Date.now() - started).toBeLessThan(9_000); // before the 10 s connection timeout
    } finally {
      silent.close();
    }
  });
});

describe("the embedded PostgreSQL", () => {
  it("reports its own unexpected death (npm start then stops everything)", async () => {
    const db = await startEmbeddedPostgres({ dataDir: path.join(scratch, "death", "postgres"), password: "pw", database: "x", persistent: false });
    const reasons: string[] = [];
    db.onUnexpectedExit((reason) => reasons.push(reason));
    const pid = (await db.pid())!;
    process.kill(pid, "SIGKILL");
    await expect.poll(() => reasons, { timeout: 10_000 }).toHaveLength(1);
    expect(reasons[0]).toMatch(/SIGKILL/);
    await db.stop();
  });
});
