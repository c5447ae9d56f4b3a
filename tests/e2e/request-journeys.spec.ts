import { expect, test } from "@playwright/test";
import {
  chooseThisGroup,
  downloadSignedPdfText,
  drawSignature,
  expectNoAxeViolations,
  expectStep,
  fillAddress,
  next,
  photoIdFile,
  proofFile,
  signWithTypedName,
  startForm,
  submitAndConfirm,
} from "./support/wizard";

test.describe("requesting records online", () => {
  test("a patient asks for lab results by secure e-mail, and gets a confirmation and the signed PDF", async ({ page }) => {
    await startForm(page);
    await expect(page.getByText(/MyChart/).first()).toBeVisible();
    await chooseThisGroup(page);

    await page.getByLabel("I am the patient").check();
    await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
    await next(page);

    await expectStep(page, "Patient");
    await page.getByLabel("First name").fill("Harriet");
    await page.getByLabel("Last name").fill("Quimby-Testcase");
    await page.getByLabel("Date of birth").fill("1975-04-11");
    await page.getByLabel("Phone number").first().fill("630-555-0142");
    await fillAddress(page, /home address/, { line1: "12 Prairie Path", city: "Wheaton", state: "IL", zip: "60187" });
    await next(page);

    await expectStep(page, "Who receives the records");
    await page.getByLabel(/^Me \(the patient/).check();
    await next(page);

    await expectStep(page, "Information to release");
    await page.getByLabel("Lab results").check();
    await next(page);

    await expectStep(page, "Purpose and expiration");
    await page.getByLabel("At the request of the patient (personal copy)").check();
    await next(page);

    await expectStep(page, "How to receive the records");
    await page.getByLabel("Secure e-mail").check();
    await page.getByLabel("E-mail address for the secure link").fill("harriet@example.com");
    await page.getByLabel("Confirm the e-mail address").fill("harriet@example.org");
    await next(page);
    // A mismatch is caught on this step, with a summary linking to the field.
    const summary = page.locator(".error-summary");
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: "The two e-mail addresses do not match" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Confirm the e-mail address").fill("harriet@example.com");
    await next(page);

    await expectStep(page, "Fees");
    await page.getByLabel("I have read how fees work").check();
    await next(page);

    await expectStep(page, "Statements and signature");
    await page.getByLabel("I have read my right to revoke this authorization").check();
    await page.getByLabel("I have read that my treatment does not depend on signing").check();
    await page.getByLabel("I have read that released information may be shared again").check();
    await page.getByLabel("Your full legal name").fill("Harriet Quimby-Testcase");
    await drawSignature(page);
    await next(page);

    const number = await submitAndConfirm(page);
    await expect(page.getByText("Secure e-mail")).toBeVisible();
    const text = await downloadSignedPdfText(page);
    expect(text).toContain("Harriet");
    expect(text).toContain("Quimby-Testcase");
    expect(text).toContain(number);
    expect(text).toContain("Secure e-mail");
    expect(text).toContain("Right to revoke");
    expect(text).toContain("does not depend on whether you sign");
    expect(text).toContain("may share them again");
    expect(text).toContain("Drawn signature");
  });

  test("an agent under a health care power of attorney asks for the complete record by mail", async ({ page }) => {
    await startForm(page);
    await chooseThisGroup(page);

    await page.getByLabel("I am a legal representative acting for the patient").check();
    await page.getByLabel("Your full name").fill("Riley Agent-Testcase");
    await page.getByLabel("Your phone number").fill("630-555-0177");
    await page.getByLabel("Agent under a health care power of attorney").check();
    await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
    await page.getByLabel("Proof of your authority").setInputFiles(await proofFile("Power of attorney for health care"));
    await next(page);

    await expectStep(page, "Patient");
    await page.getByLabel("First name").fill("Morgan");
    await page.getByLabel("Last name").fill("Elder-Testcase");
    await page.getByLabel("Date of birth").fill("1938-09-30");
    await page.getByLabel("Phone number").first().fill("630-555-0178");
    await fillAddress(page, /home address/, { line1: "5 Oak Court", city: "Naperville", state: "IL", zip: "60540" });
    await next(page);

    await expectStep(page, "Who receives the records");
    await page.getByLabel(/^Me \(the patient/).check();
    await next(page);

    await expectStep(page, "Information to release");
    await page.getByLabel("The complete medical record").check();
    await next(page);

    await expectStep(page, "Purpose and expiration");
    await page.getByLabel("Continuing medical care").check();
    await next(page);

    await expectStep(page, "How to receive the records");
    await page.getByLabel("Mail", { exact: true }).check();
    // Prefilled from the patient's address, editable.
    const mail = page.getByRole("group", { name: "Mailing address" });
    await expect(mail.getByLabel("Address line 1")).toHaveValue("5 Oak Court");
    await fillAddress(page, "Mailing address", { line1: "77 Agent Lane", city: "Wheaton", state: "IL", zip: "60187" });
    await next(page);

    await expectStep(page, "Fees");
    await page.getByLabel("I have read how fees work").check();
    await next(page);

    await expectStep(page, "Statements and signature");
    await expect(page.getByText(/You are signing as/)).toContainText("agent under a health care power of attorney");
    await signWithTypedName(page, "Riley Agent-Testcase");
    await next(page);

    await submitAndConfirm(page);
    await expect(page.getByText("We mail the records to the address you gave")).toBeVisible();
    const text = await downloadSignedPdfText(page);
    expect(text).toContain("Elder-Testcase");
    expect(text).toContain("Agent under a health care power of attorney");
    expect(text).toContain("77 Agent Lane");
    expect(text).toContain("/s/ Riley Agent-Testcase");
  });

  test("Edward-Elmhurst records are refused with where to go instead", async ({ page }) => {
    await startForm(page);
    await page.getByLabel("Records of Edward-Elmhurst Healthcare").check();
    await expect(page.getByText(/cannot release records of Edward-Elmhurst Healthcare/).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await next(page);
    await expect(page.getByRole("heading", { level: 2, name: "Who is asking" })).toHaveCount(0);
  });

  test("records to this group from another facility lead to the explanation, and no request", async ({ page }) => {
    await startForm(page);
    await page.getByLabel("Records sent to DuPage Medical Group from another facility").check();
    await expect(page.getByText(/contact that facility/).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await next(page);
    await expect(page.getByRole("heading", { level: 2, name: "Who is asking" })).toHaveCount(0);
  });

  test("answers survive a reload in the same tab, and nothing is kept in localStorage", async ({ page }) => {
    await startForm(page);
    await chooseThisGroup(page);
    await page.getByLabel("I am the patient").check();
    await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
    await next(page);
    await page.getByLabel("First name").fill("Reload-Testcase");
    await page.waitForTimeout(800); // the draft is saved shortly after typing
    await page.reload();
    await expect(page.getByLabel("First name")).toHaveValue("Reload-Testcase");
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  test("the browser's Back goes to the previous step, answers kept, and Forward returns", async ({ page }) => {
    await startForm(page);
    await chooseThisGroup(page);
    await page.getByLabel("I am the patient").check();
    await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
    await next(page);
    await expectStep(page, "Patient");
    await page.getByLabel("First name").pressSequentially("Backward-Testcase");
    await page.goBack();
    await expectStep(page, "Who is asking");
    await expect(page).toHaveURL(/\/request$/);
    await expect(page.getByLabel("I am the patient")).toBeChecked();
    await page.goBack();
    await expectStep(page, "Whose records");
    await expect(page.getByLabel("Records held by DuPage Medical Group (all locations)")).toBeChecked();
    await page.goForward();
    await expectStep(page, "Who is asking");
    await next(page);
    await expectStep(page, "Patient");
    await expect(page.getByLabel("First name")).toHaveValue("Backward-Testcase");
  });

  test("a fake photo is refused the moment it is chosen, not at the final submit", async ({ page }) => {
    await startForm(page);
    await chooseThisGroup(page);
    await page.getByLabel("I am the patient").check();
    const photoId = page.getByLabel("Government-issued photo ID");
    // A file named like a photo that is not one (a text file renamed .jpg).
    await photoId.setInputFiles({ name: "drivers-license.jpg", mimeType: "image/jpeg", buffer: Buffer.from("Not a photo: a note saved with the wrong name.") });
    await expect(page.getByText("“drivers-license.jpg” does not open as a PDF, JPG or PNG").first()).toBeVisible();
    await expect(page.getByText("File chosen:")).toHaveCount(0);
    await expectNoAxeViolations(page);
    // The real photo replaces the message, and the form moves on.
    await photoId.setInputFiles(photoIdFile());
    await expect(page.getByText("File chosen:")).toBeVisible();
    await expect(page.getByText("does not open as a PDF, JPG or PNG")).toHaveCount(0);
    await next(page);
    await expectStep(page, "Patient");
  });
});
