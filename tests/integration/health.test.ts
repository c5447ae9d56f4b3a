import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalSmtp, type LocalSmtp } from "../../scripts/lib/local-smtp.ts";

let smtp: LocalSmtp;
let mailbox: string;

beforeAll(async () => {
  mailbox = await mkdtemp(path.join(os.tmpdir(), "rc-health-mail-"));
  smtp = await startLocalSmtp({ mailboxDir: mailbox });
  process.env.SMTP_URL = smtp.url; // read once by src/server/env.ts, below
});
afterAll(async () => {
  await smtp?.stop();
  await rm(mailbox, { recursive: true, force: true });
});

describe("health", () => {
  it("reports the database, SMTP and the notification queue, with counts only", async () => {
    const { checkHealth } = await import("@/server/health");
    const health = await checkHealth();
    expect(health.status).toBe("ok");
    expect(health.checks.database.ok).toBe(true);
    expect(health.checks.smtp.ok).toBe(true);
    expect(health.jobs).toEqual({ pending: expect.any(Number), dead: expect.any(Number), oldestPendingSeconds: expect.toSatisfy((v) => v === null || typeof v === "number") });
  });

  it("says degraded, without details, when SMTP is down", async () => {
    await smtp.stop();
    const { checkHealth } = await import("@/server/health");
    const health = await checkHealth();
    expect(health.status).toBe("degraded");
    expect(health.checks.smtp).toMatchObject({ ok: false, error: "unavailable" });
    expect(JSON.stringify(health)).not.toContain("127.0.0.1");
  });
});
