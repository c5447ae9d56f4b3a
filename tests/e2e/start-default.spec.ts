import { execFileSync, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { freePort } from "../../scripts/lib/processes.ts";

const isRoot = process.getuid?.() === 0;

/** Every running process whose command line or working folder is inside `dir`. */
async function processesInside(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "")).replaceAll("\0", " ").trim();
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => "");
    if (cmdline.includes(dir) || cwd === dir || cwd.startsWith(`${dir}/`)) found.push(`${entry} ${cmdline || "(no command line)"} (in ${cwd || "?"})`);
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
 * A fresh clone of this checkout at `dest`, with this working tree's uncommitted changes on top
 * (so the code under test is what runs), and what `npm install` and the build would make —
 * node_modules (hard links), the generated Prisma client, the production build (a copy) — so
 * that `npm start` neither installs nor rebuilds.
 */
async function cloneCheckout(dest: string) {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: projectRoot, encoding: "utf8" });
  execFileSync("git", ["clone", "--quiet", projectRoot, dest]);
  for (const file of git("ls-files", "-z", "--modified", "--others", "--exclude-standard").split("\0").filter(Boolean)) {
    await rm(path.join(dest, file), { force: true });
    await stat(path.join(projectRoot, file)).then(
      async () => {
        await mkdir(path.dirname(path.join(dest, file)), { recursive: true });
        await cp(path.join(projectRoot, file), path.join(dest, file));
      },
      () => undefined, // deleted here: deleted there too
    );
  }
  execFileSync("cp", ["-al", path.join(projectRoot, "node_modules"), path.join(dest, "node_modules")]);
  await cp(path.join(projectRoot, "src", "generated"), path.join(dest, "src", "generated"), { recursive: true });
  await cp(path.join(projectRoot, ".next"), path.join(dest, ".next"), {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(projectRoot, ".next", "cache")),
  });
}

/**
 * `npm start` exactly as a newcomer runs it — from a fresh clone in a private folder (mode 700,
 * as `mktemp -d` makes it, and as root when the tests run as root), no DATABASE_URL, no SMTP_URL —
 * so the embedded PostgreSQL and local SMTP path is covered even on machines with a Postgres
 * service. A killed web server comes back; Ctrl-C stops everything, in order, within 15 s, and no
 * process of the clone is left (the notification worker and PostgreSQL included).
 */
test("npm start from a fresh clone in a private folder serves the app, restarts a killed web server, and Ctrl-C leaves no process behind", async ({ browser }) => {
  test.setTimeout(360_000);
  const parent = await mkdtemp(path.join(os.tmpdir(), "rc-clone-"));
  expect((await stat(parent)).mode & 0o777).toBe(0o700);
  const clone = path.join(parent, "record-connect");
  await cloneCheckout(clone);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  for (const name of ["DATABASE_URL", "SMTP_URL", "E2E_PORT", "RC_DATA_DIR", "RC_SYSTEM_DIR", "NODE_OPTIONS", "MAILBOX_ENABLED"]) delete env[name];

  const child = spawn("npm", ["start"], { cwd: clone, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let clusterHome: string | null = null;
  let postmaster = 0;

  try {
    await expect.poll(() => output, { timeout: 240_000, intervals: [500] }).toContain("is running at");
    expect(output, "the clone used this checkout's build").not.toContain("building");
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

    // The private folder stays private; as root the cluster lives where .data/postgres/LOCATION says.
    expect((await stat(parent)).mode & 0o777).toBe(0o700);
    let postmasterPidFile = path.join(clone, ".data", "postgres", "postmaster.pid");
    if (isRoot) {
      const location = await readFile(path.join(clone, ".data", "postgres", "LOCATION"), "utf8");
      const clusterDir = /^\s+(\/\S+)$/m.exec(location)![1]!;
      clusterHome = path.dirname(clusterDir);
      postmasterPidFile = path.join(clusterDir, "postmaster.pid");
    }
    postmaster = Number((await readFile(postmasterPidFile, "utf8")).split("\n")[0]);
    expect(alive(postmaster)).toBe(true);
    const running = await processesInside(clone);
    expect(running.some((p) => p.includes(path.join(clone, "scripts", "worker.ts"))), running.join("\n")).toBe(true);

    // The web server dies: npm start says so, starts it again, and it serves.
    const webServer = running.find((p) => p.includes(path.join(clone, "scripts", "web-server.mjs")));
    expect(webServer, running.join("\n")).toBeTruthy();
    process.kill(Number(webServer!.split(" ")[0]), "SIGKILL");
    await expect.poll(() => output, { timeout: 10_000 }).toMatch(/The web server stopped unexpectedly \(killed by SIGKILL\); restarting it in 1 s\./);
    await expect.poll(() => output, { timeout: 90_000 }).toContain("The web server is running again.");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.close();

    // Ctrl-C in a terminal sends SIGINT to the foreground process group.
    // npm itself exits on the signal; the app's own shutdown goes on and reports when it is done.
    const interrupted = Date.now();
    process.kill(-child.pid!, "SIGINT");
    await exited;
    await expect.poll(() => output, { timeout: 20_000, message: output.slice(-3000) }).toContain("[record-connect] Stopped.");
    expect(output).not.toContain("killing what is still running"); // one Ctrl-C is not a forced stop
    expect(Date.now() - interrupted).toBeLessThan(15_000);
    const order = ["Web server stopped", "Notification worker stopped", "SMTP server stopped", "PostgreSQL stopped"].map((line) => output.indexOf(line));
    expect(order.every((at) => at > 0), output.slice(-2000)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    await expect.poll(() => processesInside(clone), { timeout: 5_000 }).toEqual([]);
    if (clusterHome) expect(await processesInside(clusterHome)).toEqual([]);
    expect(alive(postmaster)).toBe(false);
    await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
  } finally {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already stopped
    }
    for (const left of await processesInside(clone)) {
      try {
        process.kill(Number(left.split(" ")[0]), "SIGKILL");
      } catch {
        // gone
      }
    }
    if (postmaster && alive(postmaster)) process.kill(postmaster, "SIGKILL");
    if (clusterHome) await rm(clusterHome, { recursive: true, force: true });
    await rm(parent, { recursive: true, force: true });
  }
});
