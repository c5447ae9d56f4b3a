import { readFile, writeFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { totpCode } from "../../support/totp";

const E2E_DATA = ".data/e2e";

/** The demo staff password the e2e server generated (scripts/serve-e2e.ts → .data/e2e/secrets.json). */
export async function demoPassword(): Promise<string> {
  return (JSON.parse(await readFile(`${E2E_DATA}/secrets.json`, "utf8")) as { demoStaffPassword: string }).demoStaffPassword;
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

const timeStep = () => Math.floor(Date.now() / 30_000);

/**
 * Signs a demo staff member in, whichever spec file does it first in this run: the first time
 * sets up the authenticator and keeps its key beside the e2e server's data (fresh each run); later
 * sign-ins use it, waiting for a new 30-second step since a code is accepted only once.
 */
export async function signIn(page: Page, email: string): Promise<void> {
  const file = `${E2E_DATA}/totp-${email}.json`;
  const saved = await readFile(file, "utf8")
    .then((text) => JSON.parse(text) as { secret: string; lastStep: number })
    .catch(() => null);
  if (!saved) {
    const secret = await firstSignIn(page, email, await demoPassword());
    await writeFile(file, JSON.stringify({ secret, lastStep: timeStep() }));
    return;
  }
  await page.goto("/staff/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(await demoPassword());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  while (timeStep() <= saved.lastStep) await page.waitForTimeout(500);
  await page.getByLabel("6-digit code from your authenticator app").fill(await totpCode(saved.secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  // Recorded after the code was used, so it is at least the step that code belonged to.
  await writeFile(file, JSON.stringify({ secret: saved.secret, lastStep: timeStep() }));
}

/** On the password page: the current password, the new one twice. */
export async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).not.toHaveURL(/\/staff\/password$/);
}

/** A later sign-in with a known authenticator key (waits for a fresh 30-second step: a code is accepted once). */
export async function signInWithCode(page: Page, email: string, password: string, secret: string): Promise<void> {
  const step = timeStep();
  await page.goto("/staff/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  while (timeStep() <= step) await page.waitForTimeout(500);
  await page.getByLabel("6-digit code from your authenticator app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}
