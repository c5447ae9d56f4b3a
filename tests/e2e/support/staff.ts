import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { totpCode } from "../../support/totp";

/** The demo staff password the e2e server generated (scripts/serve-e2e.ts → .data/e2e/secrets.json). */
export async function demoPassword(): Promise<string> {
  return (JSON.parse(await readFile(".data/e2e/secrets.json", "utf8")) as { demoStaffPassword: string }).demoStaffPassword;
}

/** A first sign-in: password, then setting up the authenticator. Returns the TOTP secret. */
export async function firstSignIn(page: Page, email: string, password: string): Promise<string> {
  await page.goto("/staff/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Set up your second factor" })).toBeVisible();
  const secret = (await page.locator(".totp-secret").innerText()).trim();
  await page.getByLabel("6-digit code from your authenticator app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return secret;
}
