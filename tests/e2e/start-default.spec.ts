import { execFileSync, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/lib/processes.ts";

/** Every process descended from `root` (the web server runs in a process group of its own). */
function descendants(root: number): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of table) {
      if (ppid !== parent) continue;
      found.push(pid);
      queue.push(pid);
    }
  }
  return found;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm start` exactly as a newcomer runs it — no DATABASE_URL, no SMTP_URL — so the embedded
 * PostgreSQL and local SMTP path is covered even on machines with a Postgres service. Its data
 * folder is a temporary one (RC_DATA_DIR) so the developer's own .data is left alone.
 */
test("npm start on the embedded default serves the app, and Ctrl-C leaves no process behind", async ({ browser }) => {
  test.setTimeout(300_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "rc-start-"));
  await chmod(dataDir, 0o755); // as root, the server runs as `postgres`, which must reach its folder
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), RC_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.E2E_PORT;
  delete env.MAILBOX_ENABLED;

  const child = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));

  try {
    await expect.poll(() => output, { timeout: 240_000, intervals: [500] }).toContain("is running at");
    expect(output).toContain(`http://localhost:${port}`);
    expect(output).toContain("Database: embedded PostgreSQL started.");
    expect(output).toContain("Mail: local SMTP server");
    expect(output).toMatch(/ADMIN\s+admin@recordconnect\.example/);
    // The mailbox holds every sign-in code and download link: off unless MAILBOX_ENABLED, and the banner says so.
    expect(output).toMatch(/Mailbox \(dev\):\s+off .*MAILBOX_ENABLED=true/);
    expect((await fetch(`http://localhost:${port}/dev/mailbox`)).status).toBe(404);

    const page = await browser.newPage();
    const response = await page.goto(`http://localhost:${port}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const health = await (await fetch(`http://localhost:${port}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", checks: { database: { ok: true }, smtp: { ok: true } } });
    await page.close();

    const pgDir = path.join(dataDir, "postgres");
    const postmaster = Number((await readFile(path.join(pgDir, "postmaster.pid"), "utf8").catch(() => "0")).split("\n")[0]);
    expect(postmaster).toBeGreaterThan(0);
    expect(alive(postmaster)).toBe(true);
    const pids = descendants(child.pid!);
    expect(pids.length).toBeGreaterThan(3); // npm, tsx, node, postgres, next, next-server…

    // Ctrl-C in a terminal sends SIGINT to the foreground process group.
    // npm itself exits on the signal; the app's own shutdown goes on and reports when it is done.
    process.kill(-child.pid!, "SIGINT");
    await exited;
    await expect.poll(() => output, { timeout: 60_000 }).toContain("Stopped.");
    await expect.poll(() => descendants(child.pid!).length === 0 || pids.every((p) => !alive(p)), { timeout: 30_000 }).toBe(true);
    expect(alive(postmaster)).toBe(false);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
  } finally {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already stopped
    }
    await rm(dataDir, { recursive: true, force: true });
  }
});
