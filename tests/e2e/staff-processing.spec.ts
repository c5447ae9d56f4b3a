import { expect, test } from "@playwright/test";
import { demoPassword, firstSignIn } from "./support/staff";
import { expectNoAxeViolations } from "./support/wizard";

test("a supervisor finds a request in the queue, claims it, reviews it and verifies it with the checklist", async ({ page }) => {
  await firstSignIn(page, "supervisor@recordconnect.example", await demoPassword());
  await expect(page.getByRole("heading", { level: 1, name: "Request queue" })).toBeVisible();

  await page.getByLabel("Search", { exact: true }).fill("Sample");
  await page.getByRole("button", { name: "Apply" }).click();
  const row = page.getByRole("row", { name: /Sample, Jordan/ });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1, name: /Request RC-/ })).toBeVisible();
  await expect(page.getByText("Unassigned")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Claim this request" }).click();
  await expect(page.getByText("Sam Supervisor", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");

  // Verification needs the whole checklist.
  await page.getByRole("button", { name: "Verify the authorization" }).click();
  await expect(page.locator(".notice-error")).toContainText("Complete every item of the verification checklist");
  for (const label of [/Every element of a valid authorization/, /Identity checked/, /No representative/, /Specially protected categories/]) {
    await page.getByLabel(label).check();
  }
  await page.getByRole("button", { name: "Verify the authorization" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Verified");
  await expect(page.getByRole("region", { name: "History" })).toContainText("In review → Verified");
  await expectNoAxeViolations(page);
});
