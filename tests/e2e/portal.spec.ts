import { readFile } from "node:fs/promises";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { mailsTo, waitForMail } from "./support/mailbox";
import { signIn } from "./support/staff";
import { expectNoAxeViolations, photoIdFile, submitPatientRequest } from "./support/wizard";

const run = Date.now().toString(36);
const A = { firstName: "Avery", lastName: "Portaltest", dateOfBirth: "1990-02-03", email: `avery-${run}@example.com` };
// A name outside basic Latin, as people have: it must print exactly on every PDF.
const C = { firstName: "Łukasz", lastName: "Nguyễn", dateOfBirth: "1979-12-01", email: `lukasz-${run}@example.com` };
const B = { firstName: "Brook", lastName: "Othertest", dateOfBirth: "1988-08-08", email: `brook-${run}@example.com` };

async function newPage(browser: Browser) {
  return (await browser.newContext({ acceptDownloads: true })).newPage();
}

/**
 * Signs in to the portal with the e-mailed code, typed key by key into the field as it appears (or
 * pasted as an e-mail client copies it, "123 456"); returns nothing until the request page shows.
 */
async function portalSignIn(page: Page, number: string, who: typeof A, how: "type" | "paste" = "type") {
  const before = (await mailsTo(who.email, /sign-in code is/)).length;
  await page.goto("/portal");
  await page.getByLabel("Confirmation number").fill(number);
  await page.getByLabel("Patient's date of birth").fill(who.dateOfBirth);
  await page.getByRole("button", { name: "Send me a sign-in code" }).click();
  await expect(page.getByText("If the details match a request, we sent a 6-digit code")).toBeVisible();
  const mail = await waitForMail(who.email, /sign-in code is \d{6}/, before);
  const code = /sign-in code is (\d{6})/.exec(mail.text)![1]!;
  const field = page.getByLabel("6-digit code from the e-mail");
  // The field appears empty: nothing typed before (the date of birth) is carried into it.
  await expect(field).toHaveValue("");
  await field.click();
  if (how === "type") await field.pressSequentially(code);
  else await page.keyboard.insertText(` ${code.slice(0, 3)} ${code.slice(3)} `);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Records request ${number}`) })).toBeVisible();
}

async function downloadText(page: Page, link: ReturnType<Page["getByRole"]>): Promise<{ bytes: Buffer; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const bytes = await readFile((await download.path())!);
  return { bytes, text: await pdfText(bytes) };
}

test.describe.serial("the requester portal", () => {
  let requester: Page;
  let staff: Page;
  let numberA = "";
  let recordsLink = "";

  test.beforeAll(async ({ browser }) => {
    requester = await newPage(browser);
    staff = await newPage(browser);
    await signIn(staff, "associate2@recordconnect.example");
  });
  test.afterAll(async () => {
    await requester.context().close();
    await staff.context().close();
  });

  /** Staff open a request from the queue by its confirmation number. */
  async function staffOpen(number: string) {
    // The associate's window in front, as a person switching to it (a page behind another
    // context's window gets no animation frames, and a click waits for a stable element).
    await staff.bringToFront();
    await staff.goto("/staff");
    await staff.getByLabel("Search", { exact: true }).fill(number);
    await staff.getByRole("button", { name: "Apply" }).click();
    await staff.getByRole("row", { name: new RegExp(number) }).getByRole("link").click();
    await expect(staff.getByRole("heading", { level: 1, name: new RegExp(number) })).toBeVisible();
  }

  /** Claim, review, verify, attach the records and issue the $6.50 flat-fee invoice. */
  async function staffToInvoice(number: string) {
    await staffOpen(number);
    await staff.getByRole("button", { name: "Claim this request" }).click();
    await expect(staff.getByText("Blake Associate", { exact: true }).last()).toBeVisible();
    await expect(staff.getByRole("button", { name: "Claim this request" })).toHaveCount(0);
    await staff.getByRole("button", { name: "Start review" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("In review");
    for (const label of [/Every element of a valid authorization/, /Identity checked/, /No representative/, /Specially protected categories/]) await staff.getByLabel(label).check();
    await staff.getByRole("button", { name: "Verify the authorization" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Verified");
    const { samplePdf } = await import("../support/files");
    await staff.getByLabel("Records to release (one PDF)").setInputFiles({ name: "records.pdf", mimeType: "application/pdf", buffer: await samplePdf(`Lab results of request ${number}`, 5) });
    await staff.getByRole("button", { name: "Attach the records" }).click();
    await expect(staff.getByText("Records attached: 5 pages")).toBeVisible();
    await staff.getByRole("button", { name: "Compute the fees" }).click();
    await staff.getByRole("button", { name: "Issue the invoice for $6.50" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Awaiting payment");
  }

  test("a requester submits, gets the e-mail without health information, signs in with the code and sees the status", async () => {
    numberA = await submitPatientRequest(requester, A);
    const received = await waitForMail(A.email, new RegExp(numberA));
    for (const phi of [A.lastName, A.firstName, "1990", "Lab results", "Prairie"]) expect(received.text).not.toContain(phi);
    expect(received.raw).toMatch(/multipart\/alternative/);
    expect(received.text).toContain("/portal");

    await requester.goto("/portal");
    await expectNoAxeViolations(requester);
    await portalSignIn(requester, numberA, A);
    await expect(requester.getByRole("heading", { level: 1 })).toContainText("Submitted");
    await expect(requester.getByRole("region", { name: "Timeline" })).toBeVisible();
    await expectNoAxeViolations(requester);
    const signed = await downloadText(requester, requester.getByRole("link", { name: "The authorization you signed (PDF)" }));
    expect(signed.text).toContain(numberA);
  });

  test("a wrong date of birth gets the same answer as a right one, and no code then works", async ({ browser }) => {
    const stranger = await newPage(browser);
    await stranger.goto("/portal");
    await stranger.getByLabel("Confirmation number").fill(numberA);
    await stranger.getByLabel("Patient's date of birth").fill("1990-02-04");
    await stranger.getByRole("button", { name: "Send me a sign-in code" }).click();
    await expect(stranger.getByText("If the details match a request, we sent a 6-digit code")).toBeVisible();
    await expect(stranger.getByLabel("6-digit code from the e-mail")).toHaveValue("");
    await stranger.getByLabel("6-digit code from the e-mail").pressSequentially("123456");
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await expect(stranger.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
    expect((await stranger.request.get("/portal/request", { maxRedirects: 0 })).status()).toBe(307);
    await stranger.context().close();
  });

  test("staff find the request from the queue by the requester's e-mail or its invoice number, and see their own requests counted", async () => {
    await staffToInvoice(numberA);
    const invoiceNumber = /INV-\d{4}-[0-9A-Z]{6}/.exec((await staff.getByRole("link", { name: /^Invoice INV-.* \(PDF\)$/ }).innerText()))![0];
    await staff.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Queue" }).click();
    const glance = staff.getByRole("navigation", { name: "The queue at a glance" });
    await expect(glance.getByRole("link", { name: /^Awaiting payment: \d+$/ })).toBeVisible();
    await glance.getByRole("link", { name: /^My requests: [1-9]\d*$/ }).click();
    await expect(staff.getByLabel("Assigned")).toHaveValue("mine");
    await expect(staff.getByRole("row", { name: new RegExp(numberA) })).toBeVisible();
    for (const q of [A.email.toUpperCase(), invoiceNumber.toLowerCase()]) {
      await staff.getByLabel("Search", { exact: true }).fill(q);
      await staff.getByRole("button", { name: "Apply" }).click();
      await expect(staff.getByRole("row", { name: new RegExp(numberA) })).toBeVisible();
      await expect(staff.getByRole("row")).toHaveCount(2);
    }
    await expectNoAxeViolations(staff);
    await staff.getByRole("row", { name: new RegExp(numberA) }).getByRole("link").click();
    await expect(staff.getByRole("heading", { level: 1, name: new RegExp(numberA) })).toBeVisible();
  });

  test("after staff release by secure e-mail, the requester downloads the records from the e-mailed link", async () => {
    await requester.reload();
    await expect(requester.getByRole("region", { name: "Invoices" })).toContainText("balance due $6.50");
    await expect(requester.getByRole("region", { name: "Invoices" })).toContainText("Cash is never accepted");
    const invoice = await downloadText(requester, requester.getByRole("link", { name: /^Invoice INV-.* \(PDF\)$/ }));
    expect(invoice.text).toContain("$6.50");

    await staff.getByLabel("Paid by").selectOption("CARD_BY_PHONE");
    await staff.getByLabel("Card's last four digits").fill("4242");
    await staff.getByLabel("Authorization code").fill("A1B2C3");
    await staff.getByRole("button", { name: "Record the payment" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Ready to release");
    await staff.getByRole("button", { name: "Release by secure e-mail" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Released");

    const ready = await waitForMail(A.email, /portal\/download\?t=/);
    expect(ready.text).not.toContain(A.lastName);
    recordsLink = /(https?:\/\/[^\s"<>]+\/portal\/download\?t=[A-Za-z0-9_-]{43})/.exec(ready.text)![1]!;
    await requester.goto(new URL(recordsLink).pathname + new URL(recordsLink).search);
    // The token is exchanged for a download session and gone from the address bar.
    await expect(requester).toHaveURL(/\/portal\/your-records$/);
    await expect(requester.getByRole("heading", { level: 1, name: `Your records for request ${numberA}` })).toBeVisible();
    const records = await downloadText(requester, requester.getByRole("link", { name: "Download your records (PDF)" }));
    expect(records.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(records.text).toContain(`Lab results of request ${numberA}`);
    await expectNoAxeViolations(requester);
  });

  test("the e-mailed link alone opens its download, not the portal", async ({ browser }) => {
    const stranger = await newPage(browser);
    await stranger.goto(new URL(recordsLink).pathname + new URL(recordsLink).search);
    await expect(stranger).toHaveURL(/\/portal\/your-records$/);
    await expect(stranger.getByRole("link", { name: "Download your records (PDF)" })).toBeVisible();
    await expect(stranger.locator("body")).not.toContainText(A.lastName);
    // No status page, no signed authorization (date of birth, address), no invoice.
    expect((await stranger.request.get("/portal/request", { maxRedirects: 0 })).status()).toBe(307);
    expect((await stranger.request.get("/portal/authorization.pdf", { maxRedirects: 0 })).status()).toBe(404);
    await stranger.goto("/portal/request");
    await expect(stranger).toHaveURL(/\/portal$/);
    await stranger.context().close();
  });

  test("a withdrawn link is refused with a way to get a new one, and the requester's sessions end at once", async () => {
    await requester.goto("/portal/request");
    await expect(requester.getByRole("heading", { level: 1, name: new RegExp(`Records request ${numberA}`) })).toBeVisible();
    await staffOpen(numberA);
    await staff.getByRole("button", { name: "Withdraw the download links" }).click();
    await expect(staff.getByRole("button", { name: "Withdraw the download links" })).toHaveCount(0);
    // The portal session and the link's download session are over, not in 30 minutes.
    expect((await requester.request.get("/portal/records", { maxRedirects: 0 })).status()).toBe(404);
    expect((await requester.request.get("/portal/request", { maxRedirects: 0 })).status()).toBe(307);

    const before = (await mailsTo(A.email, /A new link for your records request/)).length;
    await requester.goto(new URL(recordsLink).pathname + new URL(recordsLink).search);
    await expect(requester.getByRole("heading", { level: 1, name: "This download link was withdrawn." })).toBeVisible();
    expect(requester.url()).not.toContain("t=");
    await expectNoAxeViolations(requester);
    await requester.getByRole("button", { name: "Send me a new link" }).click();
    await expect(requester.getByText("we sent a new link to the e-mail address on file")).toBeVisible();
    const fresh = await waitForMail(A.email, /A new link for your records request/, before);
    const link = /(https?:\/\/[^\s"<>]+\/portal\/download\?t=[A-Za-z0-9_-]{43})/.exec(fresh.text)![1]!;
    await requester.goto(new URL(link).pathname + new URL(link).search);
    await expect(requester).toHaveURL(/\/portal\/your-records$/);
    const records = await downloadText(requester, requester.getByRole("link", { name: "Download your records (PDF)" }));
    expect(records.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("the patient asks for an accounting of disclosures in the portal; staff produce it as a PDF and mark it sent", async () => {
    await portalSignIn(requester, numberA, A);
    const section = requester.getByRole("region", { name: "Who has received your health information" });
    await section.getByRole("button", { name: "Ask for an accounting of disclosures" }).click();
    await expect(section).toContainText("You asked for an accounting on");
    await requester.reload();
    await expect(requester.getByRole("region", { name: "Who has received your health information" })).toContainText("You asked for an accounting on");
    await expectNoAxeViolations(requester);

    await staffOpen(numberA);
    const disclosures = staff.getByRole("region", { name: "Disclosures" });
    await expect(disclosures).toContainText("The requester asked for an accounting of disclosures in the portal");
    const pdf = await downloadText(staff, disclosures.getByRole("link", { name: /Accounting of disclosures for this patient/ }));
    const text = pdf.text.replace(/\s+/g, " ");
    expect(text).toContain("Accounting of disclosures");
    expect(text).toContain(`${A.firstName} ${A.lastName}`);
    expect(text).toContain(`request ${numberA}`);
    expect(text).toContain("Records downloaded through the secure link");
    await disclosures.getByRole("button", { name: "Mark the accounting as sent" }).click();
    await expect(disclosures).toContainText("; sent");
    await expectNoAxeViolations(staff);
    // Signed out again, as the next test expects.
    await requester.goto("/portal/request");
    await requester.getByRole("button", { name: "Sign out" }).click();
    await expect(requester).toHaveURL(/\/portal$/);
  });

  test("requester A can never reach requester B's request, invoice, documents or records", async ({ browser }) => {
    const other = await newPage(browser);
    const numberB = await submitPatientRequest(other, B);
    await other.context().close();
    await staffToInvoice(numberB);
    const invoiceHref = (await staff.getByRole("link", { name: /^Invoice INV-.* \(PDF\)$/ }).getAttribute("href"))!;
    const [, requestIdB, invoiceIdB] = /\/staff\/requests\/([0-9a-f-]{36})\/invoices\/([0-9a-f-]{36})/.exec(invoiceHref)!;
    const documentHref = (await staff.getByRole("link", { name: "photo id" }).getAttribute("href"))!;

    // Signed in as A (again: withdrawing the links ended the earlier session), with B's ids in every URL A could try.
    await portalSignIn(requester, numberA, A, "paste");
    for (const url of [`/portal/invoices/${invoiceIdB}`, documentHref, `/staff/requests/${requestIdB}`, `/staff/requests/${requestIdB}/invoices/${invoiceIdB}`]) {
      const response = await requester.request.get(url, { maxRedirects: 0 });
      expect([307, 404], `${url} answered ${response.status()}`).toContain(response.status());
      expect((await response.body()).subarray(0, 5).toString()).not.toBe("%PDF-");
    }
    await requester.goto("/portal/request");
    await expect(requester.getByRole("heading", { level: 1 })).toContainText(numberA);
    await expect(requester.locator("body")).not.toContainText(numberB);
    const own = await downloadText(requester, requester.getByRole("link", { name: "The authorization you signed (PDF)" }));
    expect(own.text).toContain(A.lastName);
    expect(own.text).not.toContain(B.lastName);

    const cookiesBefore = await requester.context().cookies();
    await requester.getByRole("button", { name: "Sign out" }).click();
    await expect(requester).toHaveURL(/\/portal$/);
    expect((await requester.request.get("/portal/records", { maxRedirects: 0 })).status()).toBe(404);
    // The session cookie as it was before signing out, replayed in another browser, opens nothing.
    const replay = await browser.newContext();
    await replay.addCookies(cookiesBefore);
    expect((await replay.request.get("/portal/request", { maxRedirects: 0 })).status()).toBe(307);
    expect((await replay.request.get("/portal/authorization.pdf", { maxRedirects: 0 })).status()).toBe(404);
    await replay.close();
  });

  test("a requester answers what is missing, then sends more without reloading; the signed authorization prints their name exactly", async ({ browser }) => {
    test.setTimeout(180_000); // a whole journey: the form, the staff review, the portal sign-in and two answers
    const page = await newPage(browser);
    const numberC = await submitPatientRequest(page, C);
    await staffOpen(numberC);
    await staff.getByRole("button", { name: "Claim this request" }).click();
    await expect(staff.getByRole("button", { name: "Claim this request" })).toHaveCount(0);
    await staff.getByRole("button", { name: "Start review" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("In review");
    await staff.getByLabel("What is missing (the requester is told)").fill("The photo ID is too dark to read.");
    await staff.getByRole("button", { name: "Mark deficient" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Deficient");

    await portalSignIn(page, numberC, C);
    const missing = page.getByRole("region", { name: "What we need from you" });
    await expect(missing).toContainText("The photo ID is too dark to read.");
    await missing.getByLabel("Your answer").pressSequentially("I am sending a clearer photo.");
    await missing.getByLabel("Documents (PDF, JPEG or PNG, up to 5)").setInputFiles(photoIdFile());
    await missing.getByRole("button", { name: "Send my answer" }).click();
    await expect(missing.getByRole("status")).toContainText("We received your answer");
    // "You can send more": the form is there again, empty, without a reload.
    const more = missing.getByRole("form", { name: "Send more about what is missing" });
    await expect(more).toBeVisible();
    await more.getByLabel(/Anything more/).pressSequentially("The back of the card too.");
    await more.getByRole("button", { name: "Send more" }).click();
    await expect(missing.getByRole("status")).toContainText("We received your answer");
    await expectNoAxeViolations(page);

    await staff.reload();
    await expect(staff.getByText("The requester answered the deficiency.")).toBeVisible();
    await expect(staff.locator("body")).toContainText("I am sending a clearer photo. The back of the card too.");

    const signed = await downloadText(page, page.getByRole("link", { name: "The authorization you signed (PDF)" }));
    expect(signed.text).toContain("Łukasz Nguyễn");
    await page.context().close();
  });
});
