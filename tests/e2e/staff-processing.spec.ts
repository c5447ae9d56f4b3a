import { expect, type Page, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { samplePdf } from "../support/files";
import { pdfText } from "../support/pdf-text";
import { signIn } from "./support/staff";
import { expectNoAxeViolations } from "./support/wizard";

/**
 * An associate takes one request per delivery method from the queue to release, signed in once.
 * The demo data provides the three: Jordan Sample (secure e-mail), Morgan Placeholder (mail, by a
 * power-of-attorney agent) and Casey Example (pickup, by a parent; currently deficient).
 */
test.describe("from the queue to release", () => {
  test.describe.configure({ mode: "serial" });
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

  const status = () => page.getByRole("heading", { level: 1 });

  /** Attaches a PDF of `pages` pages (the count is read from the PDF); anything not going to a medical provider then waits for its invoice. */
  async function attachRecords(pages: number) {
    await page.getByLabel("Records to release (one PDF)").setInputFiles({ name: "records.pdf", mimeType: "application/pdf", buffer: await samplePdf("Released records", pages) });
    await page.getByRole("button", { name: "Attach the records" }).click();
    // The next step (the invoice) comes first now, with the count read from the PDF (src/domain/next-step.ts).
    await expect(page.getByText(`${pages} page${pages === 1 ? "" : "s"} attached.`)).toBeVisible();
    await expect(status()).toContainText("Verified");
  }

  /** Computes the fees, checks the total shown, and issues that invoice. */
  async function issueInvoice(total: string, postage?: string) {
    if (postage) await page.getByLabel("Actual postage or shipping, in dollars").fill(postage);
    await page.getByRole("button", { name: "Compute the fees" }).click();
    await expect(page.getByRole("table", { name: /Fee computation/ })).toContainText(`Total${total}`);
    await page.getByRole("button", { name: `Issue the invoice for ${total}` }).click();
    await expect(status()).toContainText("Awaiting payment");
    await expect(page.getByRole("region", { name: /Release/ })).toContainText("Waiting for the invoice to be paid");
  }

  async function payByCard(amount?: string, pasteFullNumber = false) {
    await page.getByLabel("Paid by").selectOption("CARD_BY_PHONE");
    if (amount) await page.getByLabel("Amount received, in dollars").fill(amount);
    const last4 = page.getByLabel("Card's last four digits");
    if (pasteFullNumber) {
      // Pasted from a phone note, as people do: only the last four digits stay, and the form says so.
      await last4.click();
      await page.keyboard.insertText("4111 1111 1111 4242");
      await expect(last4).toHaveValue("4242");
      await expect(page.getByRole("status").filter({ hasText: "Only the last four digits (4242) were kept" })).toBeVisible();
    } else await last4.pressSequentially("4242");
    await page.getByLabel("Authorization code").fill("A1B2C3");
    await page.getByRole("button", { name: "Record the payment" }).click();
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
    await issueInvoice("$6.50"); // the patient's electronic copy: HHS flat fee
    await payByCard(undefined, true);
    await expect(status()).toContainText("Ready to release");
    await page.getByRole("button", { name: "Release by secure e-mail" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Released");
    await expect(page.getByRole("region", { name: "Disclosures" })).toContainText("14 pages to Jordan Sample, by secure e-mail");
    await page.getByRole("button", { name: "Mark complete" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed");
    // Completed, the request page still shows what was released (issue 12).
    await expect(page.getByRole("region", { name: "Disclosures" })).toContainText("14 pages to Jordan Sample, by secure e-mail");
  });

  test("mail: verify the agent's authority, print the cover letter and label, mark mailed", async () => {
    await open("Placeholder, Morgan");
    await verify(true);
    await attachRecords(40);
    await issueInvoice("$12.10", "2.10"); // 40 paper pages at the $0.25 cost-based rate, plus postage
    await page.getByLabel("Check number").fill("5120");
    await page.getByRole("button", { name: "Record the payment" }).click();
    await expect(status()).toContainText("Ready to release");
    await page.getByRole("button", { name: "Create the cover letter and mailing label" }).click();
    const [label] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Print the mailing label (PDF)" }).click()]);
    expect(label.suggestedFilename()).toBe("mailing_label.pdf");
    await page.getByLabel("Tracking number").fill("9400 1000 0000 0000 0000 01");
    await page.getByRole("button", { name: "Mark as mailed" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Released");
    await expect(page.getByRole("region", { name: "Disclosures" })).toContainText("to Riley Placeholder, by mail");
    await expect(page.getByRole("region", { name: "Disclosures" })).toContainText("tracking number 9400 1000 0000 0000 0000 01");
    await expectNoAxeViolations(page);
  });

  test("pickup: resume review after a deficiency, call, schedule, record who collected it", async () => {
    await open("Example, Casey");
    await page.getByRole("button", { name: "Resume review" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");
    await verify(true);
    await attachRecords(3);
    await issueInvoice("$0.75");
    await payByCard();
    await expect(status()).toContainText("Ready to release");
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
    // Only the requester (here the parent who signed) or a named recipient may collect: chosen, not typed.
    await expect(page.getByLabel(/Collected by/)).toHaveCount(0);
    await page.getByLabel(/Taylor Example \(the personal representative who signed\)/).check();
    await page.getByLabel("Photo ID you checked (their name must match)").selectOption("DRIVERS_LICENSE");
    await page.getByLabel("Last 4 letters or digits of the ID's number").fill("4821");
    await page.getByRole("button", { name: "Record the pickup" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Released");
    const disclosures = page.getByRole("region", { name: "Disclosures" });
    await expect(disclosures).toContainText("to Taylor Example (the personal representative who signed), collected in person; Driver's license ending 4821 checked, by call for pickup");
    await expect(disclosures).toContainText("by Taylor Example; Driver's license ending 4821 checked");
    await expectNoAxeViolations(page);
  });

  test("third party: the invoice computed, issued and read as a PDF; partial checks add up, overpayment is refused, and full payment unlocks the release", async () => {
    await open("Demo, Quinn");
    await expect(status()).toContainText("Verified");
    await attachRecords(51);
    await expect(page.getByRole("button", { name: "Create the cover letter and mailing label" })).toHaveCount(0);
    await page.getByLabel("Actual postage or shipping, in dollars").fill("7.32");
    await page.getByRole("button", { name: "Compute the fees" }).click();
    const computation = page.getByRole("table", { name: /Fee computation — Illinois schedule 2024/ });
    for (const text of ["Handling charge", "$34.72", "Paper copies, pages 1–25", "$32.50", "Paper copies, pages 26–50", "$21.75", "Paper copies, pages over 50", "$0.43", "Postage and shipping", "$7.32", "Total$96.72"])
      await expect(computation).toContainText(text);
    // Changing an input after computing asks for a new computation before anything is issued.
    await page.getByLabel("Actual postage or shipping, in dollars").fill("7.33");
    await expect(page.getByText("compute the fees again before issuing")).toBeVisible();
    await expect(page.getByRole("button", { name: /Issue the invoice/ })).toHaveCount(0);
    await page.getByLabel("Actual postage or shipping, in dollars").fill("7.32");
    await page.getByRole("button", { name: "Compute the fees" }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Issue the invoice for $96.72" }).click();
    await expect(status()).toContainText("Awaiting payment");

    const link = page.getByRole("link", { name: /^Invoice INV-\d{4}-[0-9A-Z]{6} \(PDF\)$/ });
    const number = (await link.textContent())!.match(/INV-\d{4}-[0-9A-Z]{6}/)![0];
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const text = await pdfText(await readFile((await download.path())!));
    for (const expected of [`Invoice ${number}`, "Handling charge", "Paper copies, pages 1–25", "Paper copies, pages 26–50", "Paper copies, pages over 50", "Postage and shipping", "Total $96.72", "Balance due: $96.72", "(312) 757-5020", "payable to DuPage Medical Group", "Cash is not accepted", "Example & Partners LLP"])
      expect(text).toContain(expected);

    // A partial check, then the balance: the release unlocks only when paid in full.
    await page.getByLabel("Amount received, in dollars").fill("50.00");
    await page.getByLabel("Check number").fill("88");
    await page.getByRole("button", { name: "Record the payment" }).click();
    await expect(page.getByRole("region", { name: "Fees and invoice" })).toContainText("balance due $46.72");
    await expect(status()).toContainText("Awaiting payment");
    await page.getByLabel("Amount received, in dollars").fill("46.73");
    await page.getByLabel("Check number").fill("89");
    await page.getByRole("button", { name: "Record the payment" }).click();
    await expect(page.getByRole("form", { name: "Record a payment" }).getByRole("alert")).toContainText("more than the balance due ($46.72)");
    await page.getByLabel("Amount received, in dollars").fill("46.72");
    await page.getByRole("button", { name: "Record the payment" }).click();
    await expect(status()).toContainText("Ready to release");
    await expect(page.getByRole("region", { name: "Fees and invoice" })).toContainText("Paid");
    await expect(page.getByRole("button", { name: "Create the cover letter and mailing label" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
