import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/staff";
import { expectNoAxeViolations, submitPatientRequest } from "./support/wizard";

/**
 * Issue 13 and issue 17 item 4: a patient sees our response commitment and submits with a photo
 * ID; an associate opens the dashboard from the staff bar (figures, charts with their tables,
 * axe-clean on a desktop and a phone), then the new request from the queue — the photo ID shown in
 * the page, the one next step first, our commitment beside the legal due date.
 */
const COMMITMENT = "We aim to send your records within 5 business days; the law allows us up to 30 days.";

async function screenshot(page: Page, name: string) {
  await test.info().attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

test("the dashboard, and a request with its photo ID inline and the next step first", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  await expect(page.getByText(COMMITMENT)).toBeVisible();
  const number = await submitPatientRequest(page, { firstName: "Dana", lastName: "Dashboard", dateOfBirth: "1975-06-14", email: "dana.dashboard@example.com" });
  await expect(page.getByText(COMMITMENT)).toBeVisible();

  await signIn(page, "associate@recordconnect.example");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // The figures: the new request is open and unassigned, so it counts among "Submitted" by secure e-mail.
  const glance = page.getByRole("list", { name: "At a glance" });
  await expect(glance.getByRole("link", { name: /open requests/ })).toBeVisible();
  await expect(glance.getByRole("link", { name: /overdue \(past the legal due date\)/ })).toBeVisible();
  await expect(glance.getByRole("link", { name: /due this week/ })).toBeVisible();
  await expect(glance.getByRole("link", { name: /past our 5-business-day commitment/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "My requests" }).getByRole("link", { name: /open, assigned to me/ })).toBeVisible();

  // Each chart is one image with a summary, and its figures are in a table with a caption and headers.
  await expect(page.getByRole("img", { name: /open requests by status, each bar split by delivery method/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /median and 90th-percentile days from receipt to release/ })).toBeVisible();
  const open = page.getByRole("table", { name: "Open requests by status and delivery method" });
  await expect(open.getByRole("columnheader", { name: "Secure e-mail" })).toBeVisible();
  const submitted = open.getByRole("row", { name: /^Submitted/ });
  const secureEmailColumn = 1;
  expect(Number((await submitted.getByRole("cell").nth(secureEmailColumn - 1).innerText()).replace(/,/g, ""))).toBeGreaterThanOrEqual(1);
  const turnaround = page.getByRole("table", { name: /Days from receipt to release, last 90 days/ });
  await expect(turnaround.getByRole("columnheader", { name: "90th percentile" })).toBeVisible();
  await expect(turnaround.getByRole("rowheader", { name: "All methods" })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoAxeViolations(page);
  await screenshot(page, "dashboard-1280.png");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await screenshot(page, "dashboard-390.png");
  await page.setViewportSize({ width: 1280, height: 900 });

  // From the dashboard to the queue, and the new request by its number.
  await glance.getByRole("link", { name: /open requests/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Request queue" })).toBeVisible();
  await page.getByLabel("Search", { exact: true }).fill(number);
  await page.getByRole("button", { name: "Apply" }).click();
  const row = page.getByRole("row", { name: new RegExp(number) });
  await expect(row).toHaveCount(1);
  // Our commitment, beside the legal due date.
  await expect(row).toContainText("left)");
  await expect(page.getByRole("columnheader", { name: "Our commitment" })).toBeVisible();
  await row.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Request ${number}`) })).toBeVisible();

  // The one next step comes first: the first section heading on the page, with its button.
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Claim this request");
  await expect(page.getByRole("region", { name: "Next step: Claim this request" }).getByRole("button", { name: "Claim this request" })).toBeVisible();
  // Extending the deadline is among the other actions, below.
  await expect(page.getByRole("region", { name: "Other actions" }).getByRole("button", { name: "Extend the deadline" })).toBeVisible();
  await expect(page.getByText("Our commitment")).toBeVisible();

  // The photo ID is in the page (a real, decoded image), not only a download.
  const photo = page.getByRole("img", { name: "The photo ID the requester sent" });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await photo.getAttribute("src")).toMatch(/^\/staff\/requests\/[0-9a-f-]{36}\/documents\/[0-9a-f-]{36}\?view=inline$/);
  await expectNoAxeViolations(page);
  await screenshot(page, "request-next-step-and-photo-id.png");

  // Claiming moves the next step on to starting the review.
  await page.getByRole("button", { name: "Claim this request" }).click();
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Start the review");
});
