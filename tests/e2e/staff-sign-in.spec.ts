import { expect, test } from "@playwright/test";
import { totpCode } from "../support/totp";
import { changePassword, demoPassword, firstSignIn, signIn, signInWithCode } from "./support/staff";
import { expectNoAxeViolations } from "./support/wizard";

test("a supervisor signs in with password and a TOTP set up at first sign-in, and works the queue", async ({ page }) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await expectNoAxeViolations(page);

  // A wrong password gets the same answer as an unknown account.
  await page.getByLabel("E-mail").fill("supervisor@recordconnect.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".notice-error")).toContainText("is not right");

  await page.getByLabel("Password").fill(await demoPassword());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Set up your second factor" })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = (await page.locator(".totp-secret").innerText()).trim();
  await page.getByLabel("6-digit code from your authenticator app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Request queue" })).toBeVisible();
  await expect(page.getByText("Sam Supervisor · Supervisor")).toBeVisible();
  await expectNoAxeViolations(page);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  // Sorted by due date, soonest first; overdue requests are highlighted.
  await expect(page.locator("tr.overdue").first()).toContainText("Overdue by");

  await page.getByLabel("Delivery method").selectOption("PICKUP");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows).not.toHaveCount(0);
  for (const row of await rows.all()) await expect(row).toContainText("Call for pickup");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

test("a requester's browser gets no staff page, and a forged middleware header does not help", async ({ request }) => {
  for (const path of ["/staff", "/staff?status=SUBMITTED"]) {
    const response = await request.get(path, { maxRedirects: 0, headers: { "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" } });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/staff/sign-in");
    expect(await response.text()).not.toMatch(/RC-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  }
});

test("an admin adds a staff member, then disables them: their open session stops at the next request", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  // The first sign-in of the demo administrator in this run (its authenticator key is kept for the next test).
  await signIn(admin, "admin@recordconnect.example");
  await expect(admin.getByRole("heading", { level: 1, name: "Staff accounts" })).toBeVisible();
  await expectNoAxeViolations(admin);
  // Administrators run accounts; they have no queue of patients' requests.
  expect((await admin.goto("/staff"))?.status()).toBe(403);
  await expect(admin.getByRole("heading", { level: 1, name: "Your role does not give access to this page" })).toBeVisible();
  await expect(admin.getByText("The request queue: open to Associates or Supervisors only. You are signed in as an Administrator.")).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.getByRole("link", { name: "Go to staff accounts" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Staff accounts" })).toBeVisible();

  const email = `new.associate.${Date.now()}@recordconnect.example`;
  await admin.getByLabel("Name").fill("Nia Newhire");
  // A personal webmail address is refused at the field, and what was typed stays.
  await admin.getByLabel("Work e-mail").fill("nia.newhire@gmail.com");
  await admin.getByRole("button", { name: "Add staff member" }).click();
  await expect(admin.getByLabel("Work e-mail")).toHaveAccessibleDescription(/Use the person's work e-mail, ending in @recordconnect\.example/);
  await expect(admin.getByLabel("Work e-mail")).toHaveValue("nia.newhire@gmail.com");
  await expect(admin.getByLabel("Name")).toHaveValue("Nia Newhire");
  await expectNoAxeViolations(admin);
  await admin.getByLabel("Work e-mail").fill(email);
  await admin.getByRole("button", { name: "Add staff member" }).click();
  const created = admin.locator(".notice-success");
  await expect(created).toContainText(email);
  const temporaryPassword = (await created.locator("code").innerText()).trim();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await firstSignIn(staff, email, temporaryPassword);
  // The administrator chose that password: the first thing to do is to choose one's own.
  await expect(staff.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await staff.goto("/staff");
  await expect(staff).toHaveURL(/\/staff\/password$/);
  await changePassword(staff, temporaryPassword, `Nia's own passphrase ${Date.now()}`);
  await expect(staff.getByRole("heading", { level: 1, name: "Request queue" })).toBeVisible();

  await admin.reload();
  // The same server action, posted without an administrator's session (a raw POST, as an
  // attacker would send it, with a forged middleware header), changes nothing.
  const row = admin.getByRole("row", { name: /Nia Newhire/ });
  const disableForm = row.locator("form").filter({ has: admin.getByRole("button", { name: "Disable Nia Newhire" }) });
  const fields = await disableForm.locator("input").evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]));
  const outsider = await browser.newContext();
  const forged = await outsider.request.post("/staff/accounts", {
    multipart: Object.fromEntries(fields),
    headers: { Origin: new URL(admin.url()).origin, "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBeLessThan(500);
  await outsider.close();
  await staff.reload();
  await expect(staff.getByRole("heading", { level: 1, name: "Request queue" })).toBeVisible();
  await admin.reload();
  await expect(row).toContainText("Active");

  await admin.getByRole("button", { name: "Disable Nia Newhire" }).click();
  await expect(admin.getByRole("row", { name: /Nia Newhire/ })).toContainText("Disabled");

  await staff.reload();
  await expect(staff).toHaveURL(/\/staff\/sign-in$/);
  await adminContext.close();
  await staffContext.close();
});

test("a new staff member must replace the administrator's password at first sign-in, then signs in with their own; an administrator resets it", async ({ browser }) => {
  // Three sign-ins with one authenticator: each waits for a fresh 30-second code.
  test.setTimeout(180_000);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@recordconnect.example");
  await admin.goto("/staff/accounts");
  const email = `first.password.${Date.now()}@recordconnect.example`;
  await admin.getByLabel("Name").fill("Paula Passphrase");
  await admin.getByLabel("Work e-mail").fill(email);
  await admin.getByRole("button", { name: "Add staff member" }).click();
  const temporaryPassword = (await admin.locator(".notice-success code").innerText()).trim();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  const secret = await firstSignIn(staff, email, temporaryPassword);
  await expect(staff.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await expect(staff.getByText("An administrator set the password you signed in with")).toBeVisible();
  await expectNoAxeViolations(staff);

  // Mistakes are named at their field, and change nothing.
  await staff.getByLabel("Current password").fill("not the password");
  await staff.getByLabel("New password", { exact: true }).fill("too short");
  await staff.getByLabel("New password again").fill("too short");
  await staff.getByRole("button", { name: "Change password" }).click();
  await expect(staff.locator("#currentPassword-error")).toContainText("current password is not right");
  await expect(staff.getByLabel("Current password")).toBeFocused();
  await expectNoAxeViolations(staff);
  await staff.getByLabel("Current password").fill(temporaryPassword);
  await staff.getByLabel("New password", { exact: true }).fill("too short");
  await staff.getByLabel("New password again").fill("too short");
  await staff.getByRole("button", { name: "Change password" }).click();
  await expect(staff.locator("#newPassword-error")).toContainText("at least 12 characters");

  const own = `Paula's own passphrase ${Date.now()}`;
  await changePassword(staff, temporaryPassword, own);
  await expect(staff.getByRole("heading", { level: 1, name: "Request queue" })).toBeVisible();
  await staff.getByRole("button", { name: "Sign out" }).click();

  // The administrator's password no longer works; her own does.
  await staff.getByLabel("E-mail").fill(email);
  await staff.getByLabel("Password").fill(temporaryPassword);
  await staff.getByRole("button", { name: "Continue" }).click();
  await expect(staff.locator(".notice-error")).toContainText("is not right");
  await signInWithCode(staff, email, own, secret);
  await expect(staff.getByRole("heading", { level: 1, name: "Request queue" })).toBeVisible();

  // She forgets it: the administrator resets it. Her session ends; a new one-time password is shown once.
  await admin.reload();
  await admin.getByRole("button", { name: "Reset password of Paula Passphrase" }).click();
  const reset = admin.getByRole("row", { name: /Paula Passphrase/ }).locator(".notice-success");
  await expect(reset).toContainText("New one-time password for Paula Passphrase");
  const oneTime = (await reset.locator("code").innerText()).trim();
  await expectNoAxeViolations(admin);
  await staff.reload();
  await expect(staff).toHaveURL(/\/staff\/sign-in$/);
  await signInWithCode(staff, email, oneTime, secret);
  await expect(staff.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await changePassword(staff, oneTime, `${own} again`);
  await expect(staff.getByRole("heading", { level: 1, name: "Request queue" })).toBeVisible();
  await adminContext.close();
  await staffContext.close();
});
