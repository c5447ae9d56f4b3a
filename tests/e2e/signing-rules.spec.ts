import { expect, type Page, test } from "@playwright/test";
import { samplePdf } from "../support/files";
import { signIn } from "./support/staff";
import {
  chooseThisGroup,
  downloadSignedPdfText,
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

/** A date of birth that makes the patient `years` old today in Chicago (born on 1 January). */
function bornYearsAgo(years: number): string {
  const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", year: "numeric" }).format(new Date()));
  return `${year - years}-01-01`;
}

async function patientDetails(page: Page, p: { first: string; last: string; dob: string }) {
  await expectStep(page, "Patient");
  await page.getByLabel("First name").fill(p.first);
  await page.getByLabel("Last name").fill(p.last);
  await page.getByLabel("Date of birth").fill(p.dob);
  await page.getByLabel("Phone number").first().fill("630-555-0142");
  await fillAddress(page, /home address/, { line1: "12 Prairie Path", city: "Wheaton", state: "IL", zip: "60187" });
}

async function asRepresentative(page: Page, name: string, authority: string | RegExp) {
  await page.getByLabel("I am a legal representative acting for the patient").check();
  await page.getByLabel("Your full name").fill(name);
  await page.getByLabel("Your phone number").fill("630-555-0150");
  await page.getByLabel(authority).check();
  await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
  await page.getByLabel("Proof of your authority").setInputFiles(await proofFile("Proof of authority"));
}

/** Recipient (self), purpose, delivery by secure e-mail, fees: the steps between information and signature. */
async function middleSteps(page: Page, email: string) {
  await expectStep(page, "Purpose and expiration");
  await page.getByLabel("At the request of the patient (personal copy)").check();
  await next(page);
  await expectStep(page, "How to receive the records");
  await page.getByLabel("Secure e-mail").check();
  await page.getByLabel("E-mail address for the secure link").fill(email);
  await page.getByLabel("Confirm the e-mail address").fill(email);
  await next(page);
  await expectStep(page, "Fees");
  await page.getByLabel("I have read how fees work").check();
  await next(page);
  await expectStep(page, "Statements and signature");
}

const summary = (page: Page) => page.locator(".error-summary");

test.describe("who signs what (issue 11)", () => {
  test("a child of 8 cannot sign for themself: the form says a parent or guardian signs", async ({ page }) => {
    await startForm(page);
    await chooseThisGroup(page);
    await page.getByLabel("I am the patient").check();
    await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
    await next(page);
    await patientDetails(page, { first: "Kit", last: "Youngchild", dob: bornYearsAgo(8) });
    await next(page);
    await expect(summary(page).getByRole("link", { name: /A child under 12 cannot sign an authorization/ })).toBeVisible();
    await expectStep(page, "Who is asking");
  });

  test("a parent asks for a 15-year-old's mental health and substance use records: the minor signs too, with their own name and initials, and reads the 740 ILCS 110/5 statements", async ({ page }) => {
    test.setTimeout(120_000);
    await startForm(page);
    await chooseThisGroup(page);
    await asRepresentative(page, "Taylor Minorcase", "Parent of a patient under 18");
    await next(page);
    await patientDetails(page, { first: "Casey", last: "Minorcase", dob: bornYearsAgo(15) });
    await next(page);
    await expectStep(page, "Who receives the records");
    await page.getByLabel(/^Me \(the patient/).check();
    await next(page);

    await expectStep(page, "Information to release");
    await page.getByLabel("Immunization records").check();
    // The parent's own initials are not the minor's consent.
    await page.getByLabel(/initials to include mental health/).fill("TM");
    await page.getByLabel(/initials to include substance use/).fill("TM");
    await next(page);
    await expect(summary(page).getByRole("link", { name: /patient’s own initials \(CM for Casey Minorcase\)/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(page.getByText("The patient must sign too")).toBeVisible();
    await page.getByLabel(/initials to include mental health/).fill("CM");
    await page.getByLabel(/initials to include substance use/).fill("CM");
    await next(page);
    await middleSteps(page, "taylor.minorcase@example.com");

    await expect(page.getByText(/right to inspect and copy/)).toBeVisible();
    await signWithTypedName(page, "Taylor Minorcase");
    // The minor's signature is not free text: the parent's name is refused.
    await page.getByLabel("Patient: your full name").fill("Taylor Minorcase");
    await next(page);
    await expect(summary(page).getByRole("link", { name: /type the patient’s own full name/ })).toBeVisible();
    await expect(summary(page).getByRole("link", { name: /statements about mental health records/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("I have read the statements about mental health records").check();
    await page.getByLabel("Patient: your full name").fill("Casey Minorcase");
    // The minor draws their own signature on a pad of their own.
    await page.getByLabel("Patient: sign with my typed name").uncheck();
    const pad = page.getByRole("img", { name: /The patient’s signature drawing area/ });
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 15, box.y + box.height / 2 + (i % 2 ? -15 : 15));
    await page.mouse.up();
    await expect(pad).toHaveAttribute("aria-label", /signature drawn/);
    await expectNoAxeViolations(page);
    // The form still fits on a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    await next(page);

    await expect(page.getByRole("img", { name: "The patient’s drawn signature (Casey Minorcase)" })).toBeVisible();
    const number = await submitAndConfirm(page);
    const text = await downloadSignedPdfText(page);
    expect(text).toContain(number);
    expect(text).toContain("The patient's own signature");
    expect(text).toContain("Casey Minorcase");
    expect(text).not.toContain("Agreed by");
    expect(text).toMatch(/inspect and copy/);

    // Staff see both signatures and cannot verify before recording the minor's non-objection and the witness.
    await signIn(page, "associate@recordconnect.example");
    await page.goto("/staff");
    await page.getByLabel("Search", { exact: true }).fill("Minorcase");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("row", { name: /Minorcase/ }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: /Request RC-/ })).toBeVisible();
    await page.getByRole("button", { name: "Start review" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");
    await expect(page.getByText("Casey Minorcase (drawn)")).toBeVisible();
    await expect(page.getByRole("link", { name: "see the patient's drawn signature" })).toBeVisible();
    for (const label of [/Every element of a valid authorization/, /Identity checked/, /authority checked/, /Specially protected categories/, /patient's own signature is there/]) await page.getByLabel(label).check();
    await page.getByRole("button", { name: "Verify the authorization" }).click();
    await expect(page.getByText(/informed and did not object/).first()).toBeVisible();
    await expectNoAxeViolations(page);
    for (const label of [/Every element of a valid authorization/, /Identity checked/, /authority checked/, /Specially protected categories/, /patient's own signature is there/, /was informed of this request and did not object/])
      await page.getByLabel(label).check();
    await page.getByLabel("Who attested to the signer's identity").fill("Dana Associate");
    await page.getByLabel("How", { exact: true }).selectOption("PHOTO_ID_VIDEO");
    await page.getByRole("button", { name: "Verify the authorization" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Verified");
    await expect(page.getByText(/Dana Associate — Photo ID compared with the signer on a video call/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("psychotherapy notes alone can be requested and saved", async ({ page }) => {
    test.setTimeout(90_000);
    await startForm(page);
    await chooseThisGroup(page);
    await page.getByLabel("I am the patient").check();
    await page.getByLabel("Government-issued photo ID").setInputFiles(photoIdFile());
    await next(page);
    await patientDetails(page, { first: "Morgan", last: "Notesonly", dob: "1980-05-05" });
    await next(page);
    await expectStep(page, "Who receives the records");
    await page.getByLabel(/^Me \(the patient/).check();
    await next(page);
    await expectStep(page, "Information to release");
    await page.getByLabel(/initials to include psychotherapy notes/).fill("MN");
    await next(page);
    await middleSteps(page, "morgan.notesonly@example.com");
    await signWithTypedName(page, "Morgan Notesonly");
    await page.getByLabel("I have read the statements about mental health records").check();
    await next(page);
    const number = await submitAndConfirm(page);
    expect(await downloadSignedPdfText(page)).toContain(number);
  });

  test("a surviving relative asks for a deceased parent's records with the written statement; a 'parent or guardian' may not", async ({ page }) => {
    test.setTimeout(90_000);
    await startForm(page);
    await chooseThisGroup(page);
    await asRepresentative(page, "Robin Heirtest", "Parent of a patient under 18");
    await next(page);
    await patientDetails(page, { first: "Lee", last: "Heirtest", dob: "1940-02-02" });
    await page.getByLabel("The patient has died").check();
    await next(page);
    await expect(summary(page).getByRole("link", { name: /authority ends when the patient dies/ })).toBeVisible();
    await expectStep(page, "Who is asking");

    await page.getByLabel(/^Surviving relative of a deceased patient/).check();
    await page.getByLabel("Adult son or daughter").check();
    await page.getByLabel(/No executor or administrator of the estate has been appointed/).check();
    await page.getByLabel("To my knowledge, the patient did not object in writing to the release of their health records").check();
    await next(page);
    // A child asks only when no spouse survives.
    await expect(summary(page).getByRole("link", { name: /When the patient's spouse survives, the spouse asks/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("The patient has no surviving spouse").check();
    // The relative's statement still fits on a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    await next(page);
    await expectStep(page, "Patient");
    await next(page);
    await expectStep(page, "Who receives the records");
    await page.getByLabel(/^Me \(the patient/).check();
    await next(page);
    await expectStep(page, "Information to release");
    await page.getByLabel("The complete medical record").check();
    await next(page);
    await middleSteps(page, "robin.heirtest@example.com");
    await signWithTypedName(page, "Robin Heirtest");
    await next(page);
    await submitAndConfirm(page);
    const text = await downloadSignedPdfText(page);
    expect(text).toContain("Authorized relative's statement (735 ILCS 5/8-2001.5)");
    expect(text).toContain("No executor or administrator of the estate has been appointed");
  });

  test("keyed in from paper: a guardian's request for a 13-year-old's psychotherapy notes needs the patient's own signature, and then saves", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "associate@recordconnect.example");
    await page.goto("/staff");
    await page.getByRole("link", { name: "Key in a paper form" }).click();
    await page.getByLabel("Authorization for Release of Health Information").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep(page, "Paper form received");
    await page.getByLabel("Scan of the signed paper form").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: await samplePdf("Signed paper form") });
    await page.getByLabel("By mail").check();
    await next(page);

    await expectStep(page, "Who is asking");
    await page.getByLabel("I am a legal representative acting for the patient").check();
    await page.getByLabel("Representative’s full name").fill("Gale Guardiancase");
    await page.getByLabel("Representative’s phone number").fill("630-555-0160");
    await page.getByLabel(/^Court-appointed guardian/).check();
    await next(page);
    await patientDetails(page, { first: "Jesse", last: "Guardiancase", dob: bornYearsAgo(13) });
    await next(page);
    await expectStep(page, "Who receives the records");
    await page.getByLabel(/^Me \(the patient/).check();
    await next(page);
    await expectStep(page, "Information to release");
    await page.getByLabel(/Initials written on the form for psychotherapy notes/).fill("JG");
    await next(page);
    await expectStep(page, "Purpose and expiration");
    await page.getByLabel("At the request of the patient (personal copy)").check();
    await next(page);
    await expectStep(page, "How to receive the records");
    await page.getByLabel("Mail", { exact: true }).check();
    await next(page);

    await expectStep(page, "Signature on the form");
    await page.getByLabel("Name as signed on the form").fill("Gale Guardiancase");
    await page.getByLabel("Date signed on the form").fill(new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago" }).format(new Date()));
    await next(page);
    await expect(summary(page).getByRole("link", { name: /records are released only with the patient’s own signature/ })).toBeVisible();
    await expectNoAxeViolations(page);
    // The guardian's name is not the minor's signature.
    await page.getByLabel(/the name as signed by the patient/).fill("Gale Guardiancase");
    await next(page);
    await expect(summary(page).getByRole("link", { name: /must be the patient’s name \(Jesse Guardiancase\)/ })).toBeVisible();
    await page.getByLabel(/the name as signed by the patient/).fill("Jesse Guardiancase");
    await next(page);

    await expectStep(page, "Review and save");
    await page.getByRole("button", { name: "Save the paper request" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Request RC-/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText("Jesse Guardiancase (by hand on the paper form)")).toBeVisible();
    await expect(page.getByText(/Psychotherapy notes \(initialed JG\)/)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
