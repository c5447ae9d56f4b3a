import { expect, test } from "@playwright/test";
import { chooseFile, chooseRadio, press, tabTo, tick, typeInto } from "./support/keyboard";
import { expectConfirmation, expectStep, photoIdFile, proofFile } from "./support/wizard";

/**
 * A parent asks for a young child's immunization records, to be picked up — with the keyboard
 * alone: no clicks, no mouse, files chosen through the file chooser opened by a key press.
 */
test("a parent asks for call-for-pickup using only the keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  const continueButton = page.getByRole("button", { name: "Continue" });
  await page.goto("/request");
  await expectStep(page, "Whose records");
  await chooseRadio(page, page.getByLabel("Records held by DuPage Medical Group (all locations)"));
  await press(page, continueButton);

  await expectStep(page, "Who is asking");
  await chooseRadio(page, page.getByLabel("I am a legal representative acting for the patient"));
  await typeInto(page, page.getByLabel("Your full name"), "Taylor Parent-Testcase");
  await typeInto(page, page.getByLabel("Your phone number"), "630-555-0190");
  await chooseRadio(page, page.getByLabel("Parent of a patient under 18"));
  await chooseFile(page, page.getByLabel("Government-issued photo ID"), photoIdFile());
  await chooseFile(page, page.getByLabel("Proof of your authority"), await proofFile("Birth certificate"));
  await press(page, continueButton);

  await expectStep(page, "Patient");
  await typeInto(page, page.getByLabel("First name"), "Casey");
  await typeInto(page, page.getByLabel("Last name"), "Child-Testcase");
  await tabTo(page, page.getByLabel("Date of birth"));
  await page.keyboard.type("06152016");
  await expect(page.getByLabel("Date of birth")).toHaveValue("2016-06-15");
  await typeInto(page, page.getByLabel("Phone number").first(), "630-555-0190");
  const home = page.getByRole("group", { name: /home address/ });
  await typeInto(page, home.getByLabel("Address line 1"), "9 Maple Street");
  await typeInto(page, home.getByLabel("City"), "Downers Grove");
  await tabTo(page, home.getByLabel("State"));
  await page.keyboard.type("Ill");
  await expect(home.getByLabel("State")).toHaveValue("IL");
  await typeInto(page, home.getByLabel("ZIP code"), "60515");
  await press(page, continueButton);

  await expectStep(page, "Who receives the records");
  await chooseRadio(page, page.getByLabel(/^Me \(the patient/));
  await press(page, continueButton);

  await expectStep(page, "Information to release");
  await tick(page, page.getByLabel("Immunization records"));
  await press(page, continueButton);

  await expectStep(page, "Purpose and expiration");
  await chooseRadio(page, page.getByLabel("Personal records or school, camp or work forms"));
  await press(page, continueButton);

  await expectStep(page, "How to receive the records");
  await chooseRadio(page, page.getByLabel("Call for pickup by the patient or legal representative"));
  await expect(page.getByLabel("Phone number to call")).toHaveValue("630-555-0190");
  await typeInto(page, page.getByLabel("Best times to call (optional)"), "Weekdays after 3 PM");
  await press(page, continueButton);

  await expectStep(page, "Fees");
  await tick(page, page.getByLabel("I have read how fees work"));
  await press(page, continueButton);

  await expectStep(page, "Statements and signature");
  await tick(page, page.getByLabel("I have read my right to revoke this authorization"));
  await tick(page, page.getByLabel("I have read that my treatment does not depend on signing"));
  await tick(page, page.getByLabel("I have read that released information may be shared again"));
  await typeInto(page, page.getByLabel("Your full legal name"), "Taylor Parent-Testcase");
  await tick(page, page.getByLabel("Use my typed name as my signature"));
  await press(page, continueButton);

  await expectStep(page, "Review and submit");
  await press(page, page.getByRole("button", { name: "Sign and submit request" }));
  await expectConfirmation(page);
  await expect(page.getByText(/calls you at the number you gave to schedule the pickup/)).toBeVisible();
  await expect(page.getByText(/Bring a government-issued photo ID/).first()).toBeVisible();
});
