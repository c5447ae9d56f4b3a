import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { samplePdf } from "../support/files";
import { signIn } from "./support/staff";
import { expectNoAxeViolations, expectStep, fillAddress, next } from "./support/wizard";

/** A calendar day in Chicago, `daysAgo` days before today, as a date input takes it (YYYY-MM-DD). */
function chicagoDay(daysAgo: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );
}

const longDate = (day: string) => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "long" }).format(new Date(`${day}T00:00:00Z`));

/**
 * An associate keys in a faxed paper form through the wizard in paper mode (the online form's
 * steps and rules, each step checked with axe), then finds the request in the queue.
 */
test.describe.serial("keying in a paper form", () => {
  let page: Page;
  let confirmation: string;
  let action: { url: string; id: string };
  const received = chicagoDay(2);
  const signed = chicagoDay(4);

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext()).newPage();
    await signIn(page, "associate@recordconnect.example");
  });
  test.afterAll(() => page.context().close());

  test("an associate keys in a faxed form with its scan, with the online form's steps and rules", async () => {
    // Nine steps, each checked with axe (the online journeys take about half a minute).
    test.setTimeout(120_000);
    await page.goto("/staff");
    await page.getByRole("link", { name: "Key in a paper form" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Key in a paper form" })).toBeVisible();
    // First, which printed form is in hand (decision 0018).
    await page.getByLabel("Authorization for Release of Health Information").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep(page, "Paper form received");

    // Nothing chosen yet: the summary names what is missing and links to it.
    await next(page);
    const summary = page.locator(".error-summary");
    await expect(summary.getByRole("link", { name: "Choose the scan of the signed paper form" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Choose whether the form came by mail or by fax" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Scan of the signed paper form").setInputFiles({ name: "fax.pdf", mimeType: "application/pdf", buffer: await samplePdf("Faxed authorization", 3) });
    await page.getByLabel("Date the form was received").fill(received);
    await expect(page.getByText(/^Due .+, 30 days after receipt\.$/)).toBeVisible();
    await page.getByLabel("By fax").check();
    await next(page);

    await expectStep(page, "Who is asking");
    await page.getByLabel("I am the patient").check();
    // No separate photo ID: it may be in the scan, and verification checks identity before release.
    await next(page);

    await expectStep(page, "Patient");
    await page.getByLabel("First name").fill("Winifred");
    await page.getByLabel("Last name").fill("Faxley-Testcase");
    await page.getByLabel("Date of birth").fill("1962-09-30");
    await page.getByLabel("Phone number").first().fill("630-555-0177");
    await page.getByLabel("E-mail address (optional)").fill("winifred@example.com");
    await fillAddress(page, /home address/, { line1: "8 Fax Lane", city: "Lisle", state: "IL", zip: "60532" });
    await next(page);

    await expectStep(page, "Who receives the records");
    await page.getByLabel(/^Me \(the patient/).check();
    await next(page);

    await expectStep(page, "Information to release");
    await page.getByLabel("Visit notes and summaries").check();
    await next(page);

    await expectStep(page, "Purpose and expiration");
    await page.getByLabel("At the request of the patient (personal copy)").check();
    await next(page);

    await expectStep(page, "How to receive the records");
    await page.getByLabel("Mail", { exact: true }).check();
    // The mailing address starts as the patient's.
    await expect(page.getByRole("group", { name: "Mailing address" }).getByLabel("Address line 1")).toHaveValue("8 Fax Lane");
    await next(page);

    await expectStep(page, "Signature on the form");
    await page.getByLabel("Name as signed on the form").fill("Winifred Faxley-Testcase");
    // Signed after it arrived: refused, on this step.
    await page.getByLabel("Date signed on the form").fill(chicagoDay(0));
    await next(page);
    await expect(summary.getByRole("link", { name: `The form was received on ${longDate(received)}: it must have been signed on or before that day` })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Date signed on the form").fill(signed);
    await next(page);

    await expectStep(page, "Review and save");
    const review = page.getByRole("region", { name: "Paper form received" });
    await expect(review).toContainText("fax.pdf");
    await expect(review).toContainText("By fax");
    await expect(review).toContainText(longDate(received));

    // The action the browser posts to, for the replay without a session below.
    const save = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByRole("button", { name: "Save the paper request" }).click();
    const posted = await save;
    action = { url: posted.url(), id: posted.headers()["next-action"]! };

    // The new request's staff page: marked Paper, received by fax on the day given.
    const heading = page.getByRole("heading", { level: 1, name: /Request RC-/ });
    await expect(heading).toBeVisible({ timeout: 20_000 });
    await expect(heading).toContainText("Paper");
    confirmation = (await heading.innerText()).match(/RC-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
    await expect(page.getByText(`${longDate(received)} (paper form, by fax; keyed in`)).toBeVisible();
    await expect(page.getByText(/Winifred Faxley-Testcase, .+ \(signed by hand on the paper form: see its scan\)/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the request is in the queue, found by its confirmation number and tagged Paper; its scan opens", async () => {
    await page.goto("/staff");
    await page.getByLabel("Search", { exact: true }).fill(confirmation);
    await page.getByRole("button", { name: "Apply" }).click();
    const row = page.getByRole("row", { name: new RegExp(confirmation) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Paper");
    await expect(row).toContainText("Faxley-Testcase, Winifred");
    await expectNoAxeViolations(page);
    await row.getByRole("link", { name: confirmation }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(confirmation) })).toContainText("Paper");

    // The scan opens (as a download), every page of it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "paper form scan" }).click()]);
    expect(download.suggestedFilename()).toBe("paper_form_scan.pdf");
    expect((await PDFDocument.load(await readFile((await download.path())!))).getPageCount()).toBe(3);
  });

  test("the save posted without a staff session is refused, and stores nothing", async ({ browser }) => {
    // A raw post to the same action with a forged middleware header, as an attacker would send
    // it. The browser's own post carries a file, which Playwright does not expose, so the body is
    // built the way React posts a FormData argument to a server action: fields prefixed "1_",
    // and "0" pointing at them.
    const outsider = await browser.newContext();
    const replay = await outsider.request.post(action.url, {
      headers: {
        "next-action": action.id,
        accept: "text/x-component",
        origin: new URL(action.url).origin,
        "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
      },
      multipart: {
        "0": '["$K1"]',
        "1_payload": "{}",
        "1_idempotencyKey": crypto.randomUUID(),
        "1_paperFormScan": { name: "fax.pdf", mimeType: "application/pdf", buffer: await samplePdf("Faxed authorization") },
      },
      maxRedirects: 0,
    });
    expect(replay.status()).toBeLessThan(500);
    expect(await replay.text()).toContain("not signed in");
    await outsider.close();
    await page.goto("/staff");
    await page.getByLabel("Search", { exact: true }).fill("Faxley-Testcase");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("row", { name: /Faxley-Testcase/ })).toHaveCount(1);
  });
});

/**
 * The printed "Request for access to my own health records" (decision 0018): an associate keys a
 * faxed one through the access door's steps in paper mode; it is stored as the patient's own request.
 */
test("an associate keys in a faxed paper own-records request: the access door, no purpose or expiry", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "associate@recordconnect.example");
  const received = chicagoDay(1);
  const signed = chicagoDay(3);
  await page.goto("/staff");
  await page.getByRole("link", { name: "Key in a paper form" }).click();
  await expect(page.getByRole("group", { name: "Which paper form do you hold?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Request for access to my own health records").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Key in a request for access to own records" })).toBeVisible();

  await expectStep(page, "Paper form received");
  await page.getByLabel("Scan of the signed paper form").setInputFiles({ name: "own-records-fax.pdf", mimeType: "application/pdf", buffer: await samplePdf("Faxed own-records request", 2) });
  await page.getByLabel("Date the form was received").fill(received);
  await page.getByLabel("By fax").check();
  await expectNoAxeViolations(page);
  await next(page);

  await expectStep(page, "Who is asking");
  await page.getByLabel("I am the patient").check();
  await next(page);

  await expectStep(page, "Patient");
  await page.getByLabel("First name").fill("Ossian");
  await page.getByLabel("Last name").fill("Ownfax-Testcase");
  await page.getByLabel("Date of birth").fill("1971-03-14");
  await page.getByLabel("Phone number").first().fill("630-555-0188");
  await fillAddress(page, /home address/, { line1: "12 Access Road", city: "Naperville", state: "IL", zip: "60540" });
  await next(page);

  // No purpose, no expiry, no initials: the complete record and the protected records of own care are already chosen.
  await expectStep(page, "Records asked for");
  await expect(page.getByLabel("The complete medical record")).toBeChecked();
  await expectNoAxeViolations(page);
  await next(page);

  await expectStep(page, "Form and format");
  await page.getByLabel(/^Paper copy by mail/).check();
  await expect(page.getByRole("group", { name: "Mailing address" }).getByLabel("Address line 1")).toHaveValue("12 Access Road");
  await expectNoAxeViolations(page);
  await next(page);

  await expectStep(page, "Signature on the form");
  await page.getByLabel("Name as signed on the form").fill("Ossian Ownfax-Testcase");
  await page.getByLabel("Date signed on the form").fill(signed);
  await next(page);

  await expectStep(page, "Review and save");
  await expect(page.getByRole("region", { name: "Paper form received" })).toContainText("By fax");
  await expect(page.getByText("the patient’s own request for access")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save the paper request" }).click();

  const heading = page.getByRole("heading", { level: 1, name: /Request RC-/ });
  await expect(heading).toBeVisible({ timeout: 20_000 });
  await expect(heading).toContainText("Paper");
  await expect(heading).toContainText("Own records (right of access)");
  await expect(page.getByText(/^Get my own records — the patient's right of access/)).toBeVisible();
  await expect(page.getByText(`${longDate(received)} (paper form, by fax; keyed in`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.context().close();
});

test("a requester's browser cannot open the paper-form page", async ({ request }) => {
  const response = await request.get("/staff/requests/new", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain("/staff/sign-in");
});
