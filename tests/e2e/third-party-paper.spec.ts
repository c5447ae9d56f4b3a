import { expect, test } from "@playwright/test";
import { samplePdf } from "../support/files";
import { signIn } from "./support/staff";
import { expectNoAxeViolations, expectStep, fillAddress, next } from "./support/wizard";

/** A calendar day in Chicago, `daysAgo` days before today, as a date input takes it (YYYY-MM-DD). */
function chicagoDay(daysAgo: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() - daysAgo * 86_400_000));
}

/**
 * Issue 11 item 6, the paper path (docs/decisions/0017): an attorney uploads an authorization the
 * patient signed on paper; an associate finds it in the inbox of uploaded authorizations, opens
 * the scan, keys it in through the paper wizard (pre-filled with what the attorney gave), and it
 * reaches the queue as the attorney's request.
 */
test("an attorney uploads a paper-signed authorization; an associate views the scan, keys it in, and it joins the queue as the firm's request", async ({ page, browser }) => {
  // Two people and a nine-step key-in, checked with axe along the way; slow on a shared two-core machine.
  test.setTimeout(420_000);
  const lastName = `Tppaper${String(Date.now()).slice(-5).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

  // The attorney's side.
  await page.goto("/request/third-party");
  await expect(page.getByRole("heading", { level: 1, name: /for your organisation/ })).toBeVisible();
  await page.getByLabel("Attorney or law firm").check();
  await page.getByLabel("Organisation name").fill("Lakeshore Legal LLP");
  await page.getByLabel("Your name").fill("Morgan Counsel");
  await page.getByLabel("Your e-mail address").fill("morgan@lakeshorelegal.example");
  await page.getByLabel("Your phone number").fill("312-555-0142");
  await fillAddress(page, "Organisation address", { line1: "200 Wacker Drive", city: "Chicago", state: "IL", zip: "60606" });
  await page.getByLabel(/We have an authorization the patient signed on paper/).check();
  // No patient e-mail on this path: nothing is sent to the patient.
  await expect(page.getByLabel("Patient's e-mail address")).toHaveCount(0);
  await page.getByLabel("Patient's first name").fill("Quinn");
  await page.getByLabel("Patient's last name").fill(lastName);
  await page.getByLabel("Patient's date of birth").fill("1979-08-21");
  await page.getByLabel("Records you are asking for").fill("Records of treatment after a car accident in June 2025");
  await page.getByLabel("Purpose of the request").fill("Personal injury claim");
  // Sent without the scan or the confirmation: field messages, nothing stored.
  await page.getByRole("button", { name: "Upload the signed authorization" }).click();
  await expect(page.locator(".notice-error")).toContainText("Please correct the highlighted answers");
  await expect(page.getByText("Choose the scan of the signed authorization").first()).toBeVisible();
  await expect(page.getByText(/Confirm that the patient \(or their legal representative\) signed this authorization/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // A file that is not a PDF or image, whatever its name: refused by its content.
  await page.getByLabel("Scan of the signed authorization").setInputFiles({ name: "authorization.pdf", mimeType: "application/pdf", buffer: Buffer.from("just some text, not a scan") });
  await page.getByLabel(/I confirm that the patient/).check();
  await page.getByRole("button", { name: "Upload the signed authorization" }).click();
  await expect(page.locator("#scan-error")).toBeVisible();
  await page.getByLabel("Scan of the signed authorization").setInputFiles({ name: "signed-authorization.pdf", mimeType: "application/pdf", buffer: await samplePdf("Authorization signed by the patient", 2) });
  await page.getByRole("button", { name: "Upload the signed authorization" }).click();
  await expect(page.getByRole("heading", { name: "We received the signed authorization" })).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page);
  const reference = await page.locator(".confirmation-number").innerText();
  expect(reference).toMatch(/^RC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // The associate: the staff bar counts uploads waiting; the inbox lists this one.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "associate@recordconnect.example");
  await staff.goto("/staff");
  const inboxLink = staff.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: /Uploaded authorizations/ });
  await expect(inboxLink).toContainText(/\d+/);
  await inboxLink.click();
  await expect(staff.getByRole("heading", { level: 1, name: "Uploaded authorizations" })).toBeVisible();
  const row = staff.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText("Lakeshore Legal LLP (attorney or law firm)");
  await expect(row).toContainText(`${lastName}, Quinn`);
  await expectNoAxeViolations(staff);
  await row.getByRole("link", { name: reference }).click();
  await expect(staff.getByRole("heading", { level: 1, name: `Uploaded authorization ${reference}` })).toBeVisible();
  await expect(staff.getByText("Requested by Lakeshore Legal LLP (attorney or law firm)")).toBeVisible();
  await expectNoAxeViolations(staff);

  // The scan opens inline (a sandboxed PDF), in a new tab.
  const [scanTab] = await Promise.all([staff.context().waitForEvent("page"), staff.getByRole("link", { name: /^Open the scan/ }).click()]);
  const scanHref = await staff.getByRole("link", { name: /^Open the scan/ }).getAttribute("href");
  await scanTab.close();
  const scanResponse = await staff.request.get(scanHref!);
  expect(scanResponse.status()).toBe(200);
  expect(scanResponse.headers()["content-type"]).toBe("application/pdf");
  expect(scanResponse.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(scanResponse.headers()["content-security-policy"]).toContain("sandbox");

  // Key it in: the paper wizard, the scan on file, the patient and the firm pre-filled.
  await staff.getByRole("link", { name: "Key in this authorization" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Key in an uploaded authorization" })).toBeVisible();
  await expectStep(staff, "Paper form received");
  await expect(staff.getByRole("link", { name: /Open the scan Lakeshore Legal LLP uploaded/ })).toBeVisible();
  await expect(staff.getByText(/uploaded by Lakeshore Legal LLP\. Due .+, 30 days after/)).toBeVisible();
  await expectNoAxeViolations(staff);
  await next(staff);
  await expectStep(staff, "Who is asking");
  await staff.getByLabel("I am the patient").check();
  await next(staff);
  await expectStep(staff, "Patient");
  await expect(staff.getByLabel("Last name")).toHaveValue(lastName);
  await expect(staff.getByLabel("Date of birth")).toHaveValue("1979-08-21");
  await staff.getByLabel("Phone number").first().fill("630-555-0166");
  await fillAddress(staff, /home address/, { line1: "14 Lake Street", city: "Evanston", state: "IL", zip: "60201" });
  await next(staff);
  await expectStep(staff, "Who receives the records");
  await expect(staff.getByLabel(/Another person or organization/)).toBeChecked();
  await next(staff);
  await expectStep(staff, "Information to release");
  await staff.getByLabel("Visit notes and summaries").check();
  await next(staff);
  await expectStep(staff, "Purpose and expiration");
  await staff.getByLabel("Legal matter").check();
  await next(staff);
  await expectStep(staff, "How to receive the records");
  await next(staff);
  await expectStep(staff, "Signature on the form");
  await staff.getByLabel("Name as signed on the form").fill(`Quinn ${lastName}`);
  await staff.getByLabel("Date signed on the form").fill(chicagoDay(3));
  await next(staff);
  await expectStep(staff, "Review and save");
  const review = staff.getByRole("region", { name: "Paper form received" });
  await expect(review).toContainText("Uploaded by Lakeshore Legal LLP");
  await expectNoAxeViolations(staff);
  await staff.getByRole("button", { name: "Save the paper request" }).click();

  // The request: the attorney's number, the firm as requester and recipient.
  await expect(staff.getByRole("heading", { level: 1, name: `Request ${reference}` })).toBeVisible({ timeout: 20_000 });
  await expect(staff.getByText("Requested by (third party)")).toBeVisible();
  await expect(staff.getByText(/Lakeshore Legal LLP \(attorney or law firm\), Morgan Counsel/)).toBeVisible();
  await expect(staff.getByText(/paper form, by upload by the requesting organisation/)).toBeVisible();
  await expectNoAxeViolations(staff);

  // In the queue as the firm's request; no longer waiting in the inbox.
  await staff.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Queue" }).click();
  await staff.getByLabel("Search", { exact: true }).fill(lastName);
  await staff.getByRole("button", { name: "Apply" }).click();
  const queued = staff.getByRole("row", { name: new RegExp(lastName) });
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText("Requested by Lakeshore Legal LLP");
  await staff.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: /Uploaded authorizations/ }).click();
  await expect(staff.getByRole("row", { name: new RegExp(reference) })).toHaveCount(0);
  await staff.context().close();
});
