import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import nodemailer from "nodemailer";
import pg from "pg";
import { type Browser, expect, test } from "@playwright/test";
import { firstSignIn } from "./support/staff";

/** A staff member of this test's own (so no other spec's sign-in is disturbed), signed in in a new browser. */
async function staffMember(browser: Browser, role: "ADMIN" | "ASSOCIATE") {
  const { DATABASE_URL } = JSON.parse(await readFile(path.join(".data/e2e", "runtime.json"), "utf8")) as { DATABASE_URL: string };
  const client = new pg.Client(DATABASE_URL);
  await client.connect();
  const email = `mailbox.${role.toLowerCase()}.${Date.now()}@recordconnect.example`;
  const password = `E2e-${randomBytes(12).toString("base64url")}`;
  try {
    await client.query(`INSERT INTO "StaffUser" ("email", "name", "role", "passwordHash", "updatedAt") VALUES ($1, 'Mailbox Tester', $2, $3, now())`, [email, role, await hash(password)]);
  } finally {
    await client.end();
  }
  const page = await (await browser.newContext()).newPage();
  await firstSignIn(page, email, password);
  return page;
}

test("the development mailbox lists mail the local SMTP server received", async ({ page, request }) => {
  // scripts/serve-e2e.ts writes where its local SMTP server listens.
  const smtpUrl = (await readFile(".data/e2e/smtp-url", "utf8")).trim();
  const subject = `Mailbox check ${Date.now()}`;
  await nodemailer.createTransport(smtpUrl).sendMail({
    from: "no-reply@recordconnect.example",
    to: "someone@example.com",
    subject,
    text: "There is an update on your records request.",
  });
  expect((await request.get("/dev/mailbox")).status()).toBe(200);
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { name: "Development mailbox" })).toBeVisible();
  await expect(page.getByText(subject)).toBeVisible();
  await expect(page.getByText("someone@example.com").first()).toBeVisible();
});

test("the mailbox opens only to this machine directly or to a signed-in administrator", async ({ browser, request }) => {
  // Through a proxy (any forwarding header), a loopback peer is no longer "this machine".
  const proxied: Array<Record<string, string>> = [{ "x-forwarded-for": "203.0.113.9" }, { "x-forwarded-for": "127.0.0.1" }, { forwarded: "for=203.0.113.9" }, { "x-real-ip": "127.0.0.1" }, { via: "1.1 proxy" }];
  for (const headers of proxied) {
    const response = await request.get("/dev/mailbox", { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(404);
    expect(await response.text()).not.toContain("sign-in code");
  }
  // A forged peer header is replaced by the server's own.
  expect((await request.get("/dev/mailbox", { headers: { "x-rc-peer": "x 127.0.0.1 direct", "x-forwarded-for": "203.0.113.9" } })).status()).toBe(404);

  const admin = await staffMember(browser, "ADMIN");
  expect((await admin.request.get("/dev/mailbox", { headers: { "x-forwarded-for": "203.0.113.9" } })).status()).toBe(200);
  await admin.context().close();
  const associate = await staffMember(browser, "ASSOCIATE");
  expect((await associate.request.get("/dev/mailbox", { headers: { "x-forwarded-for": "203.0.113.9" } })).status()).toBe(404);
  await associate.context().close();
});
