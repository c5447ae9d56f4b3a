import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, spawnGroup, stopGroup, waitForHttp } from "../../scripts/lib/processes.ts";
import { localRuntimeEnv } from "../../scripts/lib/runtime-env.ts";

/**
 * A database outage (SECURITY.md §18): a second production server of the same build talks to the
 * e2e database through a TCP relay this test controls. Closing the relay (and cutting its open
 * connections) is, for the server, the database going away; opening it again is the database
 * coming back. During the outage pages, route handlers, actions and /api/health answer 503 with
 * when to try again — never 500; afterwards the same server process serves normally.
 */
type Relay = { port: number; open: () => Promise<void>; close: () => Promise<void> };

function relayTo(target: { host: string; port: number }, port: number): Relay {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  return {
    port,
    open: () =>
      new Promise((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(target.port, target.host);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on("close", () => sockets.delete(s));
            s.on("error", () => s.destroy());
          }
          client.pipe(upstream).pipe(client);
        });
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
      }),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
  };
}

async function poll(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("a database outage answers 503 with a retry hint everywhere, and the server recovers without a restart", async () => {
  test.setTimeout(180_000);
  const runtime = await localRuntimeEnv(".data/e2e");
  expect(runtime, "the e2e server's runtime.json").not.toBeNull();
  const database = new URL(runtime!.DATABASE_URL!);
  const relay = relayTo({ host: database.hostname, port: Number(database.port || 5432) }, await freePort());
  await relay.open();
  const viaRelay = new URL(database);
  viaRelay.hostname = "127.0.0.1";
  viaRelay.port = String(relay.port);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Started as npm start starts it (scripts/lib/runtime.ts).
  const server = spawnGroup(process.execPath, [path.join("scripts", "web-server.mjs"), "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, ...runtime, DATABASE_URL: viaRelay.toString(), APP_URL: base, NODE_ENV: "production" },
    stdio: "ignore",
  });
  try {
    await waitForHttp(`${base}/api/health`, 120_000, server);
    const page = (p: string) => fetch(`${base}${p}`, { headers: { accept: "text/html" }, redirect: "manual" });
    expect((await page("/")).status).toBe(200);
    expect((await page("/staff/sign-in")).status).toBe(200);

    // The database goes away.
    await relay.close();
    const seen: number[] = [];
    await poll(async () => {
      const status = (await page("/")).status;
      seen.push(status);
      return status === 503;
    }, 15_000);
    expect(seen.filter((s) => s >= 500 && s !== 503)).toEqual([]);

    for (const p of ["/", "/request", "/portal", "/staff", "/staff/sign-in"]) {
      const response = await page(p);
      expect(response.status, p).toBe(503);
      expect(response.headers.get("retry-after"), p).toBe("30");
      const html = await response.text();
      expect(html).toContain("Temporarily unavailable");
      expect(html).toMatch(/try again in a minute/i);
      expect(html).toContain(`href="${p}"`);
    }
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable", checks: { database: { ok: false } } });
    const file = await fetch(`${base}/request/confirmation/authorization.pdf`);
    expect(file.status).toBe(503);
    expect(await file.text()).toMatch(/temporarily unavailable/i);
    const action = await fetch(`${base}/request`, { method: "POST", headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: base }, body: "[]" });
    expect(action.status).toBe(503);

    // It comes back: the same server process serves again.
    await relay.open();
    await poll(async () => (await page("/")).status === 200, 15_000);
    expect((await page("/staff/sign-in")).status).toBe(200);
    await poll(async () => (await fetch(`${base}/api/health`)).status === 200, 15_000);
    expect(server.exitCode).toBeNull();
  } finally {
    await stopGroup(server);
    await relay.close();
  }
});
