import { expect, type Page, test } from "@playwright/test";
import { samplePdf } from "../support/files";
import { signIn } from "./support/staff";
import { expectNoAxeViolations } from "./support/wizard";

/**
 * An associate takes one request per delivery method from the queue to release, signed in once.
 * The demo data provides the three: Jordan Sample (secure e-mail), Morgan Placeholder (mail, by a
 * power-of-attorney agent) and Casey Example (pickup, by a parent; currently deficient).
 */
test.describe.serial("from the queue to release", () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext()).newPage();
    await signIn(page, "associate@recordconnect.example");
  });
  test.afterAll(() => page.context().close());

  async function open(name: string) {
    await page.goto("/staff");
    await page.getByLabel("Search", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Apply" }).click();
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toHaveCount(1);
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: /Request RC-/ })).toBeVisible();
  }

  async function verify(representative: boolean) {
    for (const label of [/Every element of a valid authorization/, /Identity checked/, representative ? /authority checked/ : /No representative/, /Specially protected categories/]) {
      await page.getByLabel(label).check();
    }
    await page.getByRole("button", { name: "Verify the authorization" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Verified");
  }

  async function attachRecords(pages: number) {
    await page.getByLabel("Records to release (one PDF)").setInputFiles({ name: "records.pdf", mimeType: "application/pdf", buffer: await samplePdf("Released records") });
    await page.getByLabel("Number of pages").fill(String(pages));
    await page.getByRole("button", { name: "Attach the records" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Ready to release");
  }

  test("secure e-mail: claim, review, verify with the checklist, attach, release, complete", async () => {
    await open("Sample, Jordan");
    await expect(page.getByText("Unassigned")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Claim this request" }).click();
    await expect(page.getByText("Alex Associate", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Start review" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");

    // Verification needs the whole checklist.
    await page.getByRole("button", { name: "Verify the authorization" }).click();
    await expect(page.locator(".notice-error")).toContainText("Complete every item of the verification checklist");
    await verify(false);
    await expect(page.getByRole("region", { name: "History" })).toContainText("In review → Verified");

    await attachRecords(14);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Release by secure e-mail" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Released");
    await expect(page.getByRole("region", { name: /Release/ })).toContainText("14 pages to Jordan Sample, by secure e-mail");
    await page.getByRole("button", { name: "Mark complete" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed");
  });

  test("mail: verify the agent's authority, print the cover letter and label, mark mailed", async () => {
    await open("Placeholder, Morgan");
    await verify(true);
    await attachRecords(40);
    await page.getByRole("button", { name: "Create the cover letter and mailing label" }).click();
    const [label] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Print the mailing label (PDF)" }).click()]);
    expect(label.suggestedFilename()).toBe("mailing_label.pdf");
    await page.getByLabel("Tracking number").fill("9400 1000 0000 0000 0000 01");
    await page.getByRole("button", { name: "Mark as mailed" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Released");
    await expect(page.getByRole("region", { name: /Release/ })).toContainText("to Riley Placeholder, by mail");
    await expectNoAxeViolations(page);
  });

  test("pickup: resume review after a deficiency, call, schedule, record who collected it", async () => {
    await open("Example, Casey");
    await page.getByRole("button", { name: "Resume review" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");
    await verify(true);
    await attachRecords(3);
    await page.getByLabel("How did the call go?").selectOption("NO_ANSWER");
    await page.getByRole("button", { name: "Log the call" }).click();
    await expect(page.getByRole("list", { name: "Call log" })).toContainText("No answer");
    await page.getByLabel("How did the call go?").selectOption("REACHED_SCHEDULED");
    await page.getByLabel("Note (optional)").fill("Friday morning");
    await page.getByRole("button", { name: "Log the call" }).click();
    await expect(page.getByRole("list", { name: "Call log" })).toContainText("Friday morning");
    const friday = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Pickup date and time (Central Time)").fill(`${friday}T10:00`);
    await page.getByRole("button", { name: "Schedule the pickup" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Pickup scheduled");
    await page.getByLabel("Collected by (full name)").fill("Taylor Example");
    await page.getByLabel(/Photo ID checked/).fill("Illinois driver's license, ends 4821");
    await page.getByRole("button", { name: "Record the pickup" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Released");
    await expect(page.getByRole("region", { name: /Release/ })).toContainText("by call for pickup");
    await expectNoAxeViolations(page);
  });
});
