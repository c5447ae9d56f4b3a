/**
 * "Get my own records" (issue 17): a patient asks for their own complete record on a phone
 * (390 px) and on a computer (1280 px), typing and clicking as a person does, in fewer than 12
 * answers; sees the fee and the date to expect before submitting; staff see the door and its
 * checklist, invoice the own-copy fee and release; the patient downloads the records. Every page
 * is checked with axe; screenshots are kept as the test's artifacts.
 */
import { readFile } from "node:fs/promises";
import { expect, type Page, test, type TestInfo } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { waitForMail } from "./support/mailbox";
import { signIn } from "./support/staff";
import { expectConfirmation, expectNoAxeViolations, expectStep, fillAddress, next, photoIdFile } from "./support/wizard";

const run = Date.now().toString(36);

/** A full-page screenshot kept in the test's output folder (test-results/…) and attached to the report. */
async function keep(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: "image/png" });
}

/**
 * The patient's answers, each counted as the question it answers (a name or an address typed in
 * several boxes is one answer; an e-mail typed twice to confirm it is one answer).
 */
function answers() {
  const asked: string[] = [];
  return { asked, answer: async (question: string, act: () => Promise<unknown>) => (asked.push(question), act()) };
}

async function ownCompleteRecord(page: Page, info: TestInfo, p: { first: string; last: string; email: string; format: "PDF to download" | "Paper copy by mail" }) {
  const { asked, answer } = answers();
  // From the home page, through its door, as a person arrives.
  await page.goto("/");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Get my own records" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Get my own records" })).toBeVisible();
  await expectStep(page, "Who is asking");
  await keep(page, info, "1-who-is-asking");
  await answer("Are you the patient?", () => page.getByLabel("I am the patient").check());
  await answer("Photo ID", () => page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile()));
  await next(page);

  await expectStep(page, "Patient");
  await answer("Name", async () => {
    await page.getByLabel("First name").fill(p.first);
    await page.getByLabel("Last name").fill(p.last);
  });
  await answer("Date of birth", () => page.getByLabel("Date of birth").fill("1986-05-17"));
  await answer("Phone", () => page.getByLabel("Phone number").first().fill("630-555-0177"));
  await answer("Home address", () => fillAddress(page, /home address/, { line1: "9 Lilac Lane", city: "Lisle", state: "IL", zip: "60532" }));
  await keep(page, info, "2-patient");
  await next(page);

  await expectStep(page, "Your records");
  // The complete record, specially protected records of the patient's own care included: nothing to answer, no initials.
  await expect(page.getByLabel("My complete medical record")).toBeChecked();
  for (const kind of [/Mental health/, /HIV/, /Genetic testing/, /Substance use/]) await expect(page.getByRole("group", { name: /Specially protected records of your own care/ }).getByLabel(kind)).toBeChecked();
  const form = page.locator("form");
  await expect(form.getByText(/no initials are needed/i)).toBeVisible();
  await expect(form.getByText(/Psychotherapy notes .* are not part of this right/)).toBeVisible();
  await keep(page, info, "3-your-records");
  await next(page);

  await expectStep(page, "How you get them, fee and date");
  await expect(page.getByRole("link", { name: /open MyChart/ })).toHaveAttribute("href", /^https:\/\//);
  await answer("Form and format", () => page.getByLabel(p.format).check());
  if (p.format === "PDF to download") {
    await answer("E-mail for the secure link", async () => {
      await page.getByLabel("E-mail address for the secure link").fill(p.email);
      await page.getByLabel("Confirm the e-mail address").fill(p.email);
    });
    // The fee before submitting: the patient's own electronic copy, flat and all-inclusive.
    await expect(page.getByTestId("fee-estimate")).toContainText("Fee: $6.50, everything included");
  } else {
    // The mailing address starts as the home address given earlier: the person checks it.
    await expect(page.getByRole("group", { name: "Mailing address" }).getByLabel("Address line 1")).toHaveValue("9 Lilac Lane");
    const estimate = page.getByTestId("fee-estimate");
    await expect(estimate.getByRole("row", { name: "100 $25.00" })).toBeVisible();
    await expect(estimate).toContainText("no search or handling fee");
    await expect(estimate).toContainText("Actual postage is added");
  }
  await expect(page.getByTestId("expected-by")).toContainText(/Expect your records by \w+ \d{1,2}, \d{4} at the latest/);
  await expectNoAxeViolations(page);
  await keep(page, info, "4-format-fee-date");
  await next(page);

  await expectStep(page, "Sign");
  await expect(page.getByText("I have read my right to revoke")).toHaveCount(0);
  await answer("Signature", async () => {
    await page.getByLabel("Your full legal name").fill(`${p.first} ${p.last}`);
    await page.getByLabel("Use my typed name as my signature").check();
  });
  await keep(page, info, "5-sign");
  await next(page);

  await expectStep(page, "Review and submit");
  await expect(page.getByRole("region", { name: "Fee and date", exact: true })).toContainText(/Expect your records by/);
  await expect(page.getByText("Purpose", { exact: true })).toHaveCount(0);
  await keep(page, info, "6-review");
  await page.getByRole("button", { name: "Sign and send my request" }).click();
  const number = await expectConfirmation(page);
  await expect(page.getByText("Form and format")).toBeVisible();
  await keep(page, info, "7-confirmation");

  expect(asked.length, asked.join(", ")).toBeLessThan(12);
  return { number, asked };
}

test.describe.serial("Get my own records", () => {
  // Whole journeys (every step checked with axe, a staff release, a download): minutes on a shared 2-core machine.
  test.describe.configure({ timeout: 300_000 });
  let number = "";
  const email = `own-${run}@example.com`;

  test("on a phone (390 px): the complete record in under 12 answers, fee and date before submitting", async ({ browser }, info) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
    const page = await context.newPage();
    const result = await ownCompleteRecord(page, info, { first: "Marisol", last: "Owntest", email, format: "PDF to download" });
    number = result.number;
    // The signed copy is a request for access, not an authorization.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download your signed request (PDF)" }).click()]);
    const text = await pdfText(await readFile((await download.path())!));
    expect(text).toContain("Request for Access to Health Information");
    expect(text).not.toContain("Authorization for Release");
    await context.close();
  });

  test("staff see the door and its checklist, invoice the own-copy fee and release; the patient downloads the records", async ({ browser }) => {
    const staff = await (await browser.newContext()).newPage();
    await signIn(staff, "associate2@recordconnect.example");
    await staff.goto("/staff");
    await staff.getByLabel("Search", { exact: true }).fill(number);
    await staff.getByRole("button", { name: "Apply" }).click();
    await staff.getByRole("row", { name: new RegExp(number) }).getByRole("link").click();
    await expect(staff.getByRole("heading", { level: 1, name: new RegExp(number) })).toContainText("Own records (right of access)");
    await expect(staff.getByText(/Get my own records — the patient's right of access/)).toBeVisible();
    await expect(staff.getByText(/None: a request for the patient's own records states no purpose/)).toBeVisible();
    await staff.getByRole("button", { name: "Claim this request" }).click();
    await expect(staff.getByRole("button", { name: "Claim this request" })).toHaveCount(0);
    await staff.getByRole("button", { name: "Start review" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("In review");
    await expectNoAxeViolations(staff);
    for (const label of [/request for access is complete/, /Identity checked/, /No representative/, /of the patient's own care \(no initials/]) await staff.getByLabel(label).check();
    await staff.getByRole("button", { name: "Verify the request" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Verified");
    const { samplePdf } = await import("../support/files");
    await staff.getByLabel("Records to release (one PDF)").setInputFiles({ name: "records.pdf", mimeType: "application/pdf", buffer: await samplePdf(`Complete record of request ${number}`, 140) });
    await staff.getByRole("button", { name: "Attach the records" }).click();
    await expect(staff.getByText("Records attached: 140 pages")).toBeVisible();
    await staff.getByRole("button", { name: "Compute the fees" }).click();
    // 140 pages, electronic, the patient's own copy: the $6.50 flat fee the patient was shown.
    await staff.getByRole("button", { name: "Issue the invoice for $6.50" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Awaiting payment");
    await staff.getByLabel("Paid by").selectOption("CARD_BY_PHONE");
    await staff.getByLabel("Card's last four digits").fill("4242");
    await staff.getByLabel("Authorization code").fill("Z9Y8X7");
    await staff.getByRole("button", { name: "Record the payment" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Ready to release");
    await staff.getByRole("button", { name: "Release by secure e-mail" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText("Released");
    await staff.context().close();

    const patient = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true })).newPage();
    const ready = await waitForMail(email, /portal\/download\?t=/);
    const link = /(https?:\/\/[^\s"<>]+\/portal\/download\?t=[A-Za-z0-9_-]{43})/.exec(ready.text)![1]!;
    await patient.goto(new URL(link).pathname + new URL(link).search);
    await expect(patient.getByRole("heading", { level: 1, name: `Your records for request ${number}` })).toBeVisible();
    await expectNoAxeViolations(patient);
    const [download] = await Promise.all([patient.waitForEvent("download"), patient.getByRole("link", { name: "Download your records (PDF)" }).click()]);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await pdfText(bytes)).toContain(`Complete record of request ${number}`);
    await patient.context().close();
  });

  test("on a computer (1280 px): paper by mail shows the page-range estimate and the date before submitting", async ({ browser }, info) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await ownCompleteRecord(page, info, { first: "Tobias", last: "Owntest", email: `tobias-${run}@example.com`, format: "Paper copy by mail" });
    await context.close();
  });
});
