import { randomBytes, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { firstSignIn } from "./support/staff";
import { expectNoAxeViolations } from "./support/wizard";

const dataDir = ".data/e2e";

/** The e2e server's database (scripts/lib/runtime.ts writes where it is, for `npm run worker`). */
async function database(): Promise<pg.Client> {
  const { DATABASE_URL } = JSON.parse(await readFile(path.join(dataDir, "runtime.json"), "utf8")) as { DATABASE_URL: string };
  const client = new pg.Client(DATABASE_URL);
  await client.connect();
  return client;
}

async function mailWithMessageId(notificationId: string): Promise<string | null> {
  const dir = path.join(dataDir, "mailbox");
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".eml"))) {
    const raw = await readFile(path.join(dir, file), "utf8");
    if (new RegExp(`^Message-ID: <${notificationId}@`, "im").test(raw)) return raw;
  }
  return null;
}

test("an administrator sees a notification that was not delivered, resends it, and it reaches the mailbox", async ({ page }) => {
  // Arranged in the database: a dead notification (the SMTP 550 path itself is an integration
  // test) and an administrator of this test's own, so no other test's sign-in is disturbed.
  const client = await database();
  const email = `notifications.admin.${Date.now()}@recordconnect.example`;
  const password = `E2e-${randomBytes(12).toString("base64url")}`;
  let notificationId: string;
  let confirmationNumber: string;
  try {
    await client.query(`INSERT INTO "StaffUser" ("email", "name", "role", "passwordHash", "updatedAt") VALUES ($1, 'Nadia Notices', 'ADMIN', $2, now())`, [email, await hash(password)]);
    const request = await client.query<{ id: string; confirmationNumber: string }>(`SELECT "id", "confirmationNumber" FROM "AuthorizationRequest" ORDER BY "createdAt" LIMIT 1`);
    confirmationNumber = request.rows[0]!.confirmationNumber;
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO "Notification" ("requestId", "template", "idempotencyKey", "toAddress", "status", "attempts", "lastError")
       VALUES ($1, 'COMPLETED', $2, 'dead.letter@example.com', 'DEAD', 1, 'SMTP 550: 5.1.1 <[address]>: Recipient address rejected: mailbox unavailable')
       RETURNING "id"`,
      [request.rows[0]!.id, `e2e-dead:${randomUUID()}`],
    );
    notificationId = inserted.rows[0]!.id;
  } finally {
    await client.end();
  }

  await firstSignIn(page, email, password);
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const dead = page.getByRole("region", { name: "Notifications not delivered, newest first" });
  const row = dead.getByRole("row", { name: new RegExp(confirmationNumber) }).filter({ hasText: "Request completed" });
  await expect(row).toContainText("Recipient address rejected");
  await expect(row).not.toContainText("dead.letter@example.com");
  await expectNoAxeViolations(page);

  await row.getByRole("button", { name: `Resend Request completed for ${confirmationNumber}` }).click();
  await expect(page.getByRole("status")).toContainText("queued again");
  await expectNoAxeViolations(page);

  // The worker `npm start` runs beside the web server delivers it.
  await expect.poll(() => mailWithMessageId(notificationId), { timeout: 30_000 }).not.toBeNull();
  const mail = (await mailWithMessageId(notificationId))!;
  expect(mail).toMatch(new RegExp(`^Subject: There is an update on your records request ${confirmationNumber}`, "m"));
  expect(mail).toMatch(/^To: dead\.letter@example\.com/m);
  await page.reload();
  await expect(page.getByRole("button", { name: `Resend Request completed for ${confirmationNumber}` })).toHaveCount(0);
});
