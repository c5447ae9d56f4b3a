import { expect, type Page, test } from "@playwright/test";
import { addCalendarDays, chicagoDateTimeToUtc, todayInChicago } from "../../src/domain/chicago";
import { organization } from "../../src/domain/organization";
import { pickupInstructions } from "../../src/domain/pickup";
import { samplePdf } from "../support/files";
import { mailsTo, waitForMail } from "./support/mailbox";
import { signIn } from "./support/staff";
import { chooseThisGroup, expectNoAxeViolations, expectStep, fillAddress, next, photoIdFile, signWithTypedName, startForm, submitAndConfirm } from "./support/wizard";

const run = Date.now().toString(36);
const P = { firstName: "Harper", lastName: "Pickuptest", dateOfBirth: "1983-04-05", email: `harper-${run}@example.com` };

/** A patient asks for visit notes to be picked up (Section 4: call for pickup), giving an e-mail for updates. */
async function submitPickupRequest(page: Page): Promise<string> {
  await startForm(page);
  await chooseThisGroup(page);
  await page.getByLabel("I am the patient").check();
  await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
  await next(page);
  await expectStep(page, "Patient");
  await page.getByLabel("First name").fill(P.firstName);
  await page.getByLabel("Last name").fill(P.lastName);
  await page.getByLabel("Date of birth").fill(P.dateOfBirth);
  await page.getByLabel("Phone number").first().fill("630-555-0177");
  await page.getByLabel("E-mail address (optional)").fill(P.email);
  await fillAddress(page, /home address/, { line1: "8 Prairie Path", city: "Wheaton", state: "IL", zip: "60187" });
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
  await page.getByLabel("Call for pickup by the patient or legal representative").check();
  await page.getByLabel("Phone number to call").fill("630-555-0177");
  await next(page);
  await expectStep(page, "Fees");
  await page.getByLabel("I have read how fees work").check();
  await next(page);
  await expectStep(page, "Statements and signature");
  await signWithTypedName(page, `${P.firstName} ${P.lastName}`);
  await next(page);
  return submitAndConfirm(page);
}

test("a scheduled pickup: the requester sees in the portal where and when to come, what to bring and who may collect; the e-mail leaves the day and time to the portal", async ({ browser }) => {
  // The wizard checks every step with axe, and staff take it through review to the schedule: long on two cores.
  test.setTimeout(480_000);
  const requester = await (await browser.newContext()).newPage();
  const staff = await (await browser.newContext()).newPage();
  const number = await submitPickupRequest(requester);

  // Staff take it to a scheduled pickup, as an associate does after the phone call.
  await signIn(staff, "associate2@recordconnect.example");
  await staff.goto("/staff");
  await staff.getByLabel("Search", { exact: true }).fill(number);
  await staff.getByRole("button", { name: "Apply" }).click();
  await staff.getByRole("row", { name: new RegExp(number) }).getByRole("link").click();
  await staff.getByRole("button", { name: "Claim this request" }).click();
  await expect(staff.getByRole("button", { name: "Claim this request" })).toHaveCount(0);
  await staff.getByRole("button", { name: "Start review" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("In review");
  for (const label of [/Every element of a valid authorization/, /Identity checked/, /No representative/, /Specially protected categories/]) await staff.getByLabel(label).check();
  await staff.getByRole("button", { name: "Verify the authorization" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("Verified");
  await staff.getByLabel("Records to release (one PDF)").setInputFiles({ name: "records.pdf", mimeType: "application/pdf", buffer: await samplePdf(`Visit notes of request ${number}`, 4) });
  await staff.getByRole("button", { name: "Attach the records" }).click();
  await expect(staff.getByText("Records attached: 4 pages")).toBeVisible();
  await staff.getByRole("button", { name: "Compute the fees" }).click();
  await staff.getByRole("button", { name: "Issue the invoice for $1.00" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("Awaiting payment");
  await staff.getByLabel("Paid by").selectOption("CARD_BY_PHONE");
  await staff.getByLabel("Card's last four digits").pressSequentially("4242");
  await staff.getByLabel("Authorization code").fill("P1C2K3");
  await staff.getByRole("button", { name: "Record the payment" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("Ready to release");
  const local = `${addCalendarDays(todayInChicago(), 2)}T14:30`;
  await staff.getByLabel("Pickup date and time (Central Time)").fill(local);
  await staff.getByRole("button", { name: "Schedule the pickup" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("Pickup scheduled");

  // The e-mail: where, the office hours, what to bring — the day and time only in the portal.
  const mail = await waitForMail(P.email, /Your pickup is scheduled/);
  const expected = pickupInstructions(chicagoDateTimeToUtc(local)!);
  expect(mail.text).toContain("1100 West 31st Street");
  expect(mail.text).toContain("photo ID");
  expect(mail.text).not.toContain(expected.day);
  expect(mail.text).not.toContain("2:30 PM");

  // The requester signs in with the e-mailed code, as a person does.
  const before = (await mailsTo(P.email, /sign-in code is/)).length;
  await requester.goto("/portal");
  await requester.getByLabel("Confirmation number").fill(number);
  await requester.getByLabel("Patient's date of birth").fill(P.dateOfBirth);
  await requester.getByRole("button", { name: "Send me a sign-in code" }).click();
  const codeMail = await waitForMail(P.email, /sign-in code is \d{6}/, before);
  await requester.getByLabel("6-digit code from the e-mail").pressSequentially(/sign-in code is (\d{6})/.exec(codeMail.text)![1]!);
  await requester.getByRole("button", { name: "Sign in" }).click();
  await expect(requester.getByRole("heading", { level: 1 })).toContainText("Pickup scheduled");

  const pickup = requester.getByRole("region", { name: "Your pickup" });
  await expect(pickup).toContainText(organization.pickupPlace);
  await expect(pickup).toContainText(`${expected.day}, 2:30 PM to 3:00 PM (Central Time)`);
  await expect(pickup).toContainText("government-issued photo ID");
  await expect(pickup).toContainText("proof of your authority");
  await expect(pickup).toContainText("Cash is never accepted");
  await expect(pickup).toContainText("card over the phone");
  await expect(pickup).toContainText("Only the patient or the patient's legal representative may collect the records");
  await expectNoAxeViolations(requester);
  await requester.context().close();
  await staff.context().close();
});
