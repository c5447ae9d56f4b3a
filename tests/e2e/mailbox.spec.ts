import { readFile } from "node:fs/promises";
import nodemailer from "nodemailer";
import { expect, test } from "@playwright/test";

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
