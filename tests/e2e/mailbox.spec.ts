import { readFile } from "node:fs/promises";
import nodemailer from "nodemailer";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/staff";

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

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@recordconnect.example");
  expect((await admin.request.get("/dev/mailbox", { headers: { "x-forwarded-for": "203.0.113.9" } })).status()).toBe(200);
  await admin.context().close();
  const associate = await (await browser.newContext()).newPage();
  await signIn(associate, "associate@recordconnect.example");
  expect((await associate.request.get("/dev/mailbox", { headers: { "x-forwarded-for": "203.0.113.9" } })).status()).toBe(404);
  await associate.context().close();
});
