/**
 * Issue 13, "Every journey a newcomer walks, without a stumble": for each role — a patient whose
 * records go by secure e-mail, an attorney whose records go by mail, a parent who picks up a
 * child's records — the whole journey, start to finish, at a computer's width (1280 px) and a
 * phone's (390 px): the requester from the home page through the form (the fee estimate before
 * submitting), the e-mails read from the local mailbox as a person reads them, the portal signed
 * in to with the e-mailed code typed in; and the associate who verifies, invoices, records the
 * payment, releases (secure link / mailed with tracking / pickup scheduled and collected) and
 * completes. Every page is checked with axe; a screenshot of each major step is kept as the test's
 * artifact (test-results/…, attached to the report). The stumbles each journey would hit again are
 * listed in docs/journeys.md.
 */
import { readFile } from "node:fs/promises";
import { type Browser, type BrowserContext, expect, type Page, test, type TestInfo } from "@playwright/test";
import { addCalendarDays, chicagoDateTimeToUtc, todayInChicago } from "../../src/domain/chicago";
import { organization } from "../../src/domain/organization";
import { pickupInstructions } from "../../src/domain/pickup";
import { samplePdf } from "../support/files";
import { pdfText } from "../support/pdf-text";
import { mailsTo, waitForMail } from "./support/mailbox";
import { signIn } from "./support/staff";
import { expectConfirmation, expectNoAxeViolations, expectStep, fillAddress, next, photoIdFile, proofFile, signWithTypedName } from "./support/wizard";

const WIDTHS = [
  { name: "computer", viewport: { width: 1280, height: 900 }, mobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, mobile: true },
] as const;
type Width = (typeof WIDTHS)[number];

const run = Date.now().toString(36);
/** Letters only, different each run (names are searched in the queue). */
const tag = run.replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);

/** Axe, then a full-page screenshot kept in the test's output folder and attached to the report. */
async function look(page: Page, info: TestInfo, name: string) {
  await expectNoAxeViolations(page);
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: "image/png" });
}

async function requesterContext(browser: Browser, w: Width): Promise<BrowserContext> {
  return browser.newContext({ viewport: w.viewport, isMobile: w.mobile, hasTouch: w.mobile, acceptDownloads: true });
}

const LINK = (path: string) => new RegExp(`(https?://[^\\s"<>]+${path.replace(/[?]/g, "\\?")}[^\\s"<>]*)`);
/** Follows a link from an e-mail, as a click in the mail program opens it. */
async function followMailLink(page: Page, text: string, path: string) {
  const url = new URL(LINK(path).exec(text)![1]!);
  await page.goto(url.pathname + url.search);
}

async function downloadPdfText(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return pdfText(bytes);
}

/** The portal: confirmation number and date of birth, then the code from the e-mail typed in key by key. */
async function portalSignIn(page: Page, info: TestInfo, number: string, dateOfBirth: string, email: string) {
  const before = (await mailsTo(email, /sign-in code is/)).length;
  await page.goto("/portal");
  await page.getByLabel("Confirmation number").fill(number);
  await page.getByLabel("Patient's date of birth").fill(dateOfBirth);
  await page.getByRole("button", { name: "Send me a sign-in code" }).click();
  await expect(page.getByText("If the details match a request, we sent a 6-digit code")).toBeVisible();
  const code = /sign-in code is (\d{6})/.exec((await waitForMail(email, /sign-in code is \d{6}/, before)).text)![1]!;
  const field = page.getByLabel("6-digit code from the e-mail");
  // Blocking stumble: the field was pre-filled with the date of birth. It is empty, and the code is typed.
  await expect(field).toHaveValue("");
  await look(page, info, "portal-code");
  await field.click();
  await field.pressSequentially(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Records request ${number}`) })).toBeVisible();
}

test.describe.serial("every role's journey, start to finish, at 1280 and 390 px", () => {
  // Whole journeys of two or three people, each page checked with axe: minutes on a shared two-core machine.
  test.describe.configure({ timeout: 300_000 });
  let staffContext: BrowserContext;
  let staff: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    staffContext = await browser.newContext({ acceptDownloads: true });
    staff = await staffContext.newPage();
    await signIn(staff, "associate2@recordconnect.example");
  });
  test.afterAll(() => staffContext.close());

  const status = () => staff.getByRole("heading", { level: 1 });

  /** The associate, at this width, opens the request from the queue by its number. */
  async function staffOpen(w: Width, number: string) {
    await staff.bringToFront();
    await staff.setViewportSize(w.viewport);
    await staff.goto("/staff");
    await staff.getByLabel("Search", { exact: true }).fill(number);
    await staff.getByRole("button", { name: "Apply" }).click();
    const row = staff.getByRole("row", { name: new RegExp(number) });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: number }).click();
    await expect(status()).toContainText(`Request ${number}`);
  }

  /** Claim, start the review, tick the checklist, verify. */
  async function staffVerify(info: TestInfo, representative: boolean) {
    await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Claim this request");
    await look(staff, info, "staff-1-claim");
    await staff.getByRole("button", { name: "Claim this request" }).click();
    await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Start the review");
    await staff.getByRole("button", { name: "Start review" }).click();
    await expect(status()).toContainText("In review");
    // Staff stumble: the photo ID is shown in the page, not only as a download.
    const photo = staff.getByRole("img", { name: "The photo ID the requester sent" });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    for (const label of [/Every element of a valid authorization/, /Identity checked/, representative ? /authority checked/ : /No representative/, /Specially protected categories/])
      await staff.getByLabel(label).check();
    await look(staff, info, "staff-2-verify");
    await staff.getByRole("button", { name: "Verify the authorization" }).click();
    await expect(status()).toContainText("Verified");
    await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Attach the records");
  }

  /** Attach the records, compute the fees, issue the invoice; returns its total as shown ("$6.50"). */
  async function staffInvoice(info: TestInfo, number: string, pages: number, postage?: string, lines: string[] = []): Promise<string> {
    await staff.getByLabel("Records to release (one PDF)").setInputFiles({ name: "records.pdf", mimeType: "application/pdf", buffer: await samplePdf(`Records of request ${number}`, pages) });
    await staff.getByRole("button", { name: "Attach the records" }).click();
    await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Compute the fees and issue the invoice");
    // Cosmetic stumble: "N pages", never "1 pages".
    await expect(staff.getByText(`${pages} page${pages === 1 ? "" : "s"} attached.`)).toBeVisible();
    if (postage) await staff.getByLabel("Actual postage or shipping, in dollars").fill(postage);
    await staff.getByRole("button", { name: "Compute the fees" }).click();
    const issue = staff.getByRole("button", { name: /^Issue the invoice for \$\d+\.\d\d$/ });
    await expect(issue).toBeVisible();
    await look(staff, info, "staff-3-invoice");
    const total = /\$\d+\.\d\d/.exec((await issue.innerText()))![0];
    const computation = staff.getByRole("table", { name: /Fee computation/ });
    await expect(computation).toContainText(`Total${total}`);
    for (const line of lines) await expect(computation).toContainText(line);
    await issue.click();
    await expect(status()).toContainText("Awaiting payment");
    await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Record the payment");
    return total;
  }

  /** Mark complete; what was released stays on the page. */
  async function staffComplete(info: TestInfo, disclosed: string) {
    const disclosures = staff.getByRole("region", { name: "Disclosures" });
    await expect(disclosures).toContainText(disclosed);
    await staff.getByRole("button", { name: "Mark complete" }).click();
    await expect(status()).toContainText("Completed");
    await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Nothing more to do");
    // Staff stumble: the disclosures remain after completion.
    await expect(disclosures).toContainText(disclosed);
    await look(staff, info, "staff-9-completed");
  }

  for (const w of WIDTHS) {
    /** Names take letters only: "Wide" or "Narrow" tells the two runs' requests apart. */
    const wn = w.mobile ? "Narrow" : "Wide";
    test(`${w.name} (${w.viewport.width} px): a patient asks for lab results by secure e-mail; the associate verifies, invoices $6.50, takes the card payment and releases; the patient downloads them`, async ({ browser }, info) => {
      const p = { first: "Noor", last: `Emailjourney${tag}${wn}`, dob: "1981-03-22", email: `noor-${run}-${w.viewport.width}@example.com` };
      const context = await requesterContext(browser, w);
      const page = await context.newPage();

      await page.goto("/");
      await look(page, info, "1-home");
      await page.getByRole("main").getByRole("link", { name: "Send records to someone else" }).first().click();
      await expectStep(page, "Whose records");
      await page.getByLabel("Records held by DuPage Medical Group (all locations)").check();
      await next(page);
      await expectStep(page, "Who is asking");
      await page.getByLabel("I am the patient").check();
      await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
      await look(page, info, "2-who-is-asking");
      await next(page);
      await expectStep(page, "Patient");
      await page.getByLabel("First name").fill(p.first);
      await page.getByLabel("Last name").fill(p.last);
      await page.getByLabel("Date of birth").fill(p.dob);
      await page.getByLabel("Phone number").first().fill("630-555-0131");
      await fillAddress(page, /home address/, { line1: "14 Prairie Path", city: "Wheaton", state: "IL", zip: "60187" });
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
      await look(page, info, "3-delivery");
      await next(page);
      await expectStep(page, "Fees");
      // The estimate for this requester, recipient and delivery: the patient's own electronic copy.
      await expect(page.getByTestId("fee-estimate")).toContainText("Fee: $6.50, everything included");
      await look(page, info, "4-fee-estimate");
      await page.getByLabel("I have read how fees work").check();
      await next(page);
      await expectStep(page, "Statements and signature");
      await signWithTypedName(page, `${p.first} ${p.last}`);
      await next(page);
      await expectStep(page, "Review and submit");
      await look(page, info, "5-review");
      await page.getByRole("button", { name: "Sign and submit request" }).click();
      const number = await expectConfirmation(page);
      await look(page, info, "6-confirmation");

      // The e-mail that says it was received leads to the portal.
      const received = await waitForMail(p.email, new RegExp(`We received your records request ${number}`));
      expect(received.text).not.toContain(p.last);

      await staffOpen(w, number);
      await staffVerify(info, false);
      const total = await staffInvoice(info, number, 6);
      expect(total).toBe("$6.50");

      // The patient reads the invoice e-mail and signs in to see it.
      await waitForMail(p.email, /An invoice is ready/);
      await page.bringToFront();
      await portalSignIn(page, info, number, p.dob, p.email);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Awaiting payment");
      await expect(page.getByRole("region", { name: "Invoices" })).toContainText("balance due $6.50");
      await look(page, info, "7-portal-invoice");

      await staffOpen(w, number);
      await staff.getByLabel("Paid by").selectOption("CARD_BY_PHONE");
      await staff.getByLabel("Card's last four digits").pressSequentially("4242");
      await staff.getByLabel("Authorization code").fill("N1O2R3");
      await staff.getByRole("button", { name: "Record the payment" }).click();
      await expect(status()).toContainText("Ready to release");
      await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Release by secure e-mail");
      await look(staff, info, "staff-4-release");
      await staff.getByRole("button", { name: "Release by secure e-mail" }).click();
      await expect(status()).toContainText("Released");

      // The records-ready e-mail: a link, no records and no name; the download.
      const ready = await waitForMail(p.email, /portal\/download\?t=/);
      expect(ready.text).not.toContain(p.last);
      await page.bringToFront();
      await followMailLink(page, ready.text, "/portal/download?t=");
      await expect(page.getByRole("heading", { level: 1, name: `Your records for request ${number}` })).toBeVisible();
      await look(page, info, "8-download");
      expect(await downloadPdfText(page, page.getByRole("link", { name: "Download your records (PDF)" }))).toContain(`Records of request ${number}`);

      await staffOpen(w, number);
      await staffComplete(info, `6 pages to ${p.first} ${p.last}, by secure e-mail`);
      await context.close();
    });

    test(`${w.name} (${w.viewport.width} px): an attorney-in-fact (health care power of attorney) asks for the complete record by mail; the associate checks the authority, invoices paper copies and postage, records the check, mails with tracking; the attorney follows it by e-mail and in the portal`, async ({ browser }, info) => {
      const agent = { name: `Riley Attorneyjourney${tag}${wn}`, email: `riley-${run}-${w.viewport.width}@example.org` };
      const p = { first: "Evelyn", last: `Mailjourney${tag}${wn}`, dob: "1940-05-06" };
      const tracking = `9400 1000 0000 0000 ${w.mobile ? "0390" : "1280"} 01`;
      const context = await requesterContext(browser, w);
      const page = await context.newPage();

      await page.goto("/");
      await look(page, info, "1-home");
      await page.getByRole("main").getByRole("link", { name: "Send records to someone else" }).first().click();
      await expectStep(page, "Whose records");
      await page.getByLabel("Records held by DuPage Medical Group (all locations)").check();
      await next(page);
      await expectStep(page, "Who is asking");
      await page.getByLabel("I am a legal representative acting for the patient").check();
      await page.getByLabel("Your full name").fill(agent.name);
      await page.getByLabel("Your phone number").fill("630-555-0177");
      await page.getByLabel("Your e-mail address (optional)").fill(agent.email);
      await page.getByLabel("Agent under a health care power of attorney").check();
      await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
      await page.getByLabel("Proof of your authority").setInputFiles(await proofFile("Power of attorney for health care"));
      await look(page, info, "2-who-is-asking");
      await next(page);
      await expectStep(page, "Patient");
      await page.getByLabel("First name").fill(p.first);
      await page.getByLabel("Last name").fill(p.last);
      await page.getByLabel("Date of birth").fill(p.dob);
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
      // The mailing address starts as the patient's; the attorney gives their own office.
      await expect(page.getByRole("group", { name: "Mailing address" }).getByLabel("Address line 1")).toHaveValue("5 Oak Court");
      await page.getByRole("group", { name: "Mailing address" }).getByLabel("Address line 1").fill("77 Agent Lane");
      await page.getByRole("group", { name: "Mailing address" }).getByLabel("City").fill("Wheaton");
      await page.getByRole("group", { name: "Mailing address" }).getByLabel("ZIP code").fill("60187");
      await look(page, info, "3-delivery-mail");
      await next(page);
      await expectStep(page, "Fees");
      // The estimate for the patient's own paper copy (the agent stands in the patient's shoes), mailed: per page, postage added.
      const estimate = page.getByTestId("fee-estimate");
      await expect(estimate).toContainText("Your own paper copy is charged at cost per page");
      await expect(estimate).toContainText("Actual postage is added");
      await look(page, info, "4-fee-estimate");
      await page.getByLabel("I have read how fees work").check();
      await next(page);
      await expectStep(page, "Statements and signature");
      await expect(page.getByText(/You are signing as/)).toContainText("agent under a health care power of attorney");
      await signWithTypedName(page, agent.name);
      await next(page);
      await expectStep(page, "Review and submit");
      await look(page, info, "5-review");
      await page.getByRole("button", { name: "Sign and submit request" }).click();
      const number = await expectConfirmation(page);
      await expect(page.getByText("We mail the records to the address you gave")).toBeVisible();
      await look(page, info, "6-confirmation");

      // The associate: the authority checked, paper copies and postage, a check, mailed with tracking.
      await staffOpen(w, number);
      await staffVerify(info, true);
      await staffInvoice(info, number, 12, "2.10", ["Postage and shipping"]);
      // Staff stumble: the queue search finds the request by the requester's name.
      await staff.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Queue" }).click();
      await staff.getByLabel("Search", { exact: true }).fill(agent.name);
      await staff.getByRole("button", { name: "Apply" }).click();
      await expect(staff.getByRole("row", { name: new RegExp(number) })).toBeVisible();
      await expect(staff.getByRole("row")).toHaveCount(2);

      // The attorney reads the invoice e-mail and signs in with the code sent to them.
      const invoiceMail = await waitForMail(agent.email, /An invoice is ready/);
      expect(invoiceMail.text).toContain(number);
      expect(invoiceMail.text).not.toContain(p.last);
      await page.bringToFront();
      await portalSignIn(page, info, number, p.dob, agent.email);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Awaiting payment");
      // 12 paper pages at the $0.25 cost-based rate, plus $2.10 postage.
      await expect(page.getByRole("region", { name: "Invoices" })).toContainText("balance due $5.10");
      await look(page, info, "7-portal-invoice");

      await staffOpen(w, number);
      await staff.getByLabel("Check number").fill("3107");
      await staff.getByRole("button", { name: "Record the payment" }).click();
      await expect(status()).toContainText("Ready to release");
      await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Print the cover letter and label");
      await staff.getByRole("button", { name: "Create the cover letter and mailing label" }).click();
      await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Mark as mailed");
      expect(await downloadPdfText(staff, staff.getByRole("link", { name: "Print the mailing label (PDF)" }))).toContain("77 Agent Lane");
      await look(staff, info, "staff-4-mailing");
      await staff.getByLabel("Tracking number").fill(tracking);
      await staff.getByRole("button", { name: "Mark as mailed" }).click();
      await expect(status()).toContainText("Released");
      // Staff stumble: the tracking number is shown.
      await expect(staff.getByText(`tracking number ${tracking}`).first()).toBeVisible();

      // The attorney's e-mail says it was mailed, with the tracking number; the portal says Released.
      const mailed = await waitForMail(agent.email, /Your records were mailed/);
      expect(mailed.text).toContain(`Tracking number: ${tracking}`);
      await page.bringToFront();
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Released");
      await look(page, info, "8-portal-mailed");

      await staffOpen(w, number);
      await staffComplete(info, `12 pages to ${agent.name}, by mail`);
      await context.close();
    });

    test(`${w.name} (${w.viewport.width} px): a parent asks for a child's records to pick up; the associate invoices, takes the card, calls, schedules; the parent reads where, when and what to bring; the associate records who collected them`, async ({ browser }, info) => {
      const parent = { name: `Rosa Parentjourney${tag}${wn}`, email: `rosa-${run}-${w.viewport.width}@example.net` };
      const child = { first: "Mateo", last: `Pickupjourney${tag}${wn}`, dob: "2017-08-19" };
      const context = await requesterContext(browser, w);
      const page = await context.newPage();

      await page.goto("/");
      await look(page, info, "1-home");
      await page.getByRole("main").getByRole("link", { name: "Send records to someone else" }).first().click();
      await expectStep(page, "Whose records");
      await page.getByLabel("Records held by DuPage Medical Group (all locations)").check();
      await next(page);
      await expectStep(page, "Who is asking");
      await page.getByLabel("I am a legal representative acting for the patient").check();
      await page.getByLabel("Your full name").fill(parent.name);
      await page.getByLabel("Your phone number").fill("630-555-0188");
      await page.getByLabel("Your e-mail address (optional)").fill(parent.email);
      await page.getByLabel("Parent of a patient under 18").check();
      await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
      await page.getByLabel("Proof of your authority").setInputFiles(await proofFile("Birth certificate"));
      await look(page, info, "2-who-is-asking");
      await next(page);
      await expectStep(page, "Patient");
      await page.getByLabel("First name").fill(child.first);
      await page.getByLabel("Last name").fill(child.last);
      await page.getByLabel("Date of birth").fill(child.dob);
      await page.getByLabel("Phone number").first().fill("630-555-0188");
      await fillAddress(page, /home address/, { line1: "27 Maple Street", city: "Downers Grove", state: "IL", zip: "60515" });
      await next(page);
      await expectStep(page, "Who receives the records");
      await page.getByLabel(/^Me \(the patient/).check();
      await next(page);
      await expectStep(page, "Information to release");
      await page.getByLabel("Immunization records").check();
      await next(page);
      await expectStep(page, "Purpose and expiration");
      await page.getByLabel("Personal records or school, camp or work forms").check();
      await next(page);
      await expectStep(page, "How to receive the records");
      await page.getByLabel("Call for pickup by the patient or legal representative").check();
      // Requester stumble: the pickup is for urgent needs, and what happens next is said.
      await expect(page.getByText(/For urgent onsite pickup\. A Record Connect associate calls/).first()).toBeVisible();
      await expect(page.getByLabel("Phone number to call")).toHaveValue("630-555-0188");
      await look(page, info, "3-delivery-pickup");
      await next(page);
      await expectStep(page, "Fees");
      // The estimate for a patient's own paper copy (the parent asks for the child): per page, no handling charge.
      const estimate = page.getByTestId("fee-estimate");
      await expect(estimate).toContainText("Your own paper copy is charged at cost per page");
      await expect(estimate).not.toContainText("Actual postage is added");
      await look(page, info, "4-fee-estimate");
      await page.getByLabel("I have read how fees work").check();
      await next(page);
      await expectStep(page, "Statements and signature");
      await expect(page.getByText(/You are signing as/)).toContainText("parent");
      await signWithTypedName(page, parent.name);
      await next(page);
      await expectStep(page, "Review and submit");
      await look(page, info, "5-review");
      await page.getByRole("button", { name: "Sign and submit request" }).click();
      const number = await expectConfirmation(page);
      await expect(page.getByText(/calls you at the number you gave to schedule the pickup/)).toBeVisible();
      await look(page, info, "6-confirmation");

      await staffOpen(w, number);
      await staffVerify(info, true);
      await staffInvoice(info, number, 1);
      await staff.getByLabel("Paid by").selectOption("CARD_BY_PHONE");
      // Staff stumble: a full card number pasted from a phone note keeps its last four digits.
      const last4 = staff.getByLabel("Card's last four digits");
      await last4.click();
      await staff.keyboard.insertText("4000 0566 5566 5556");
      await expect(last4).toHaveValue("5556");
      await staff.getByLabel("Authorization code").fill("R0S4P1");
      await staff.getByRole("button", { name: "Record the payment" }).click();
      await expect(status()).toContainText("Ready to release");
      await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Call and schedule the pickup");
      await staff.getByLabel("How did the call go?").selectOption("REACHED_SCHEDULED");
      await staff.getByLabel("Note (optional)").fill("Thursday afternoon suits");
      await staff.getByRole("button", { name: "Log the call" }).click();
      await expect(staff.getByRole("list", { name: "Call log" })).toContainText("Thursday afternoon suits");
      const local = `${addCalendarDays(todayInChicago(), 2)}T15:00`;
      await staff.getByLabel("Pickup date and time (Central Time)").fill(local);
      await look(staff, info, "staff-4-schedule");
      await staff.getByRole("button", { name: "Schedule the pickup" }).click();
      await expect(status()).toContainText("Pickup scheduled");

      // The parent: the e-mail, then the portal with where, when and what to bring.
      await waitForMail(parent.email, /Your pickup is scheduled/);
      await page.bringToFront();
      await portalSignIn(page, info, number, child.dob, parent.email);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Pickup scheduled");
      const expected = pickupInstructions(chicagoDateTimeToUtc(local)!);
      const pickup = page.getByRole("region", { name: "Your pickup" });
      await expect(pickup).toContainText(organization.pickupPlace);
      await expect(pickup).toContainText(`${expected.day}, 3:00 PM to 3:30 PM (Central Time)`);
      await expect(pickup).toContainText("government-issued photo ID");
      await expect(pickup).toContainText("proof of your authority");
      await look(page, info, "7-portal-pickup");

      // The parent comes; the associate records who collected them and the ID checked.
      await staffOpen(w, number);
      await expect(staff.getByRole("heading", { level: 2 }).first()).toHaveText("Next step: Record the pickup");
      await staff.getByLabel(new RegExp(`${parent.name} \\(the personal representative who signed\\)`)).check();
      await staff.getByLabel("Photo ID you checked (their name must match)").selectOption("DRIVERS_LICENSE");
      await staff.getByLabel("Last 4 letters or digits of the ID's number").fill("7731");
      await look(staff, info, "staff-5-record-pickup");
      await staff.getByRole("button", { name: "Record the pickup" }).click();
      await expect(status()).toContainText("Released");
      // Cosmetic stumble: one page is "1 page" in what was disclosed, not "1 pages".
      await staffComplete(info, `Immunization records, 1 page to ${parent.name} (the personal representative who signed), collected in person; Driver's license ending 7731 checked`);

      await page.bringToFront();
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed");
      await look(page, info, "8-portal-completed");
      await context.close();
    });
  }
});
