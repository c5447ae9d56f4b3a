import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { photoPng, samplePdf } from "../../support/files";

export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Every step of every journey is checked with axe before moving on. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a page's metadata after its body: check the page once its title has arrived
  // (a page that never gets one still fails, here and in axe's document-title rule).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations, results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`).join("\n")).toEqual([]);
}

export async function expectStep(page: Page, heading: string) {
  await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  await expectNoAxeViolations(page);
}

export async function next(page: Page) {
  await page.getByRole("button", { name: "Continue" }).click();
}

export const photoIdFile = () => ({ name: "photo-id.png", mimeType: "image/png", buffer: photoPng() });
export const proofFile = async (text: string) => ({ name: "proof.pdf", mimeType: "application/pdf", buffer: await samplePdf(text) });

export type Address = { line1: string; city: string; state: string; zip: string };

/** Fills the address fields inside the fieldset with this legend. */
export async function fillAddress(page: Page, legend: string | RegExp, a: Address) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Address line 1").fill(a.line1);
  await group.getByLabel("City").fill(a.city);
  await group.getByLabel("State").selectOption(a.state);
  await group.getByLabel("ZIP code").fill(a.zip);
}

export async function startForm(page: Page) {
  await page.goto("/request");
  await expectStep(page, "Whose records");
}

export async function chooseThisGroup(page: Page) {
  await page.getByLabel("Records held by DuPage Medical Group (all locations)").check();
  await next(page);
  await expectStep(page, "Who is asking");
}

/** Acknowledges the statements, types the name and signs with it (the keyboard-accessible way). */
export async function signWithTypedName(page: Page, name: string) {
  await page.getByLabel("I have read my right to revoke this authorization").check();
  await page.getByLabel("I have read that my treatment does not depend on signing").check();
  await page.getByLabel("I have read that released information may be shared again").check();
  await page.getByLabel("Your full legal name").fill(name);
  await page.getByLabel("Use my typed name as my signature").check();
}

/** Draws a signature stroke on the pad with the mouse. */
export async function drawSignature(page: Page) {
  const pad = page.getByRole("img", { name: /Signature drawing area/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 15, box.y + box.height / 2 + (i % 2 ? -15 : 15));
  await page.mouse.up();
  await expect(pad).toHaveAttribute("aria-label", /signature drawn/);
}

/** Submits from the review step and lands on the confirmation. Returns the confirmation number. */
export async function submitAndConfirm(page: Page): Promise<string> {
  await expectStep(page, "Review and submit");
  await page.getByRole("button", { name: "Sign and submit request" }).click();
  return expectConfirmation(page);
}

/** The confirmation page, checked with axe. Returns the confirmation number. */
export async function expectConfirmation(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { level: 1, name: "Your request has been received" })).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page);
  const number = await page.locator(".confirmation-number").innerText();
  expect(number).toMatch(/^RC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return number;
}

/** Downloads the signed authorization from the confirmation page and returns its text. */
export async function downloadSignedPdfText(page: Page): Promise<string> {
  // The PDF is drawn by the worker just after submission (decision 0021): the page says it is
  // being prepared and shows the link, without a reload, once it exists.
  const link = page.getByRole("link", { name: /Download your signed authorization/ });
  await expect(link.or(page.getByRole("status").filter({ hasText: "being prepared" }))).toBeVisible();
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const { readFile } = await import("node:fs/promises");
  const { pdfText } = await import("../../support/pdf-text");
  return pdfText(await readFile((await download.path())!));
}

/** A patient's own request for lab results by secure e-mail, typed signature; returns the confirmation number. */
export async function submitPatientRequest(page: Page, p: { firstName: string; lastName: string; dateOfBirth: string; email: string }): Promise<string> {
  await startForm(page);
  await chooseThisGroup(page);
  await page.getByLabel("I am the patient").check();
  await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
  await next(page);
  await expectStep(page, "Patient");
  await page.getByLabel("First name").fill(p.firstName);
  await page.getByLabel("Last name").fill(p.lastName);
  await page.getByLabel("Date of birth").fill(p.dateOfBirth);
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
  await page.getByLabel("E-mail address for the secure link").fill(p.email);
  await page.getByLabel("Confirm the e-mail address").fill(p.email);
  await next(page);
  await expectStep(page, "Fees");
  await page.getByLabel("I have read how fees work").check();
  await next(page);
  await expectStep(page, "Statements and signature");
  await signWithTypedName(page, `${p.firstName} ${p.lastName}`);
  await next(page);
  return submitAndConfirm(page);
}
