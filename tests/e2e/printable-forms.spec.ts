import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import es from "../../messages/es.json" with { type: "json" };
import { organization } from "../../src/domain/organization";
import { pdfText } from "../support/pdf-text";
import { expectNoAxeViolations } from "./support/wizard";

/**
 * What a click on a form's link brings: Chromium opens a PDF in its viewer (or, where it has none,
 * saves it). Either way the answer to the click was the PDF; its bytes are then fetched again from
 * the address the browser opened, as saving from the viewer would.
 */
async function pdfFromClick(page: Page, link: Locator, path: string): Promise<Buffer> {
  const downloaded = page.waitForEvent("download").then(async (d) => readFile((await d.path())!));
  const shown = page
    .waitForResponse((r) => new URL(r.url()).pathname === path)
    .then(async (response) => {
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect(response.headers()["content-disposition"]).toMatch(/^inline; filename=".+\.pdf"$/);
      await expect(page).toHaveURL(new RegExp(`${path.replace(/\./g, "\\.")}$`));
      return (await page.request.get(path)).body();
    });
  await link.click();
  return Promise.any([downloaded, shown]);
}

test.describe("the printable forms, from the home page", () => {
  for (const form of [
    { link: /Request for access to my own health records/, path: "/forms/own-records.pdf", title: "Request for Access to My Own Health Records", fields: ["patient.legalName", "records.scope", "format", "signature.date", "witness.printedName"] },
    { link: /Authorization for Release of Health Information \(PDF/, path: "/forms/authorization.pdf", title: "Authorization for Release of Health Information", fields: ["patient.legalName", "recipient.kind", "purpose", "expiration", "delivery.method", "signature.date", "witness.printedName"] },
  ]) {
    test(`a person clicks “${form.title}” and gets a PDF with fields to fill in, the mailing address and the fax number`, async ({ browser }) => {
      const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
      await page.goto("/");
      await expectNoAxeViolations(page);
      const link = page.getByRole("main").getByRole("link", { name: form.link });
      await expect(link).toHaveAttribute("href", form.path);
      const bytes = await pdfFromClick(page, link, form.path);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const doc = await PDFDocument.load(bytes);
      const names = doc.getForm().getFields().map((f) => f.getName());
      expect(names.length).toBeGreaterThan(25);
      for (const name of form.fields) expect(names).toContain(name);
      const text = await pdfText(bytes);
      expect(text).toContain(form.title);
      expect(text).toContain(organization.mailingAddress[2]);
      expect(text).toContain(organization.fax);
      expect(text).toContain("740 ILCS 110/5");
      await page.context().close();
    });
  }
});

test.describe("the printable forms in Spanish, from the Spanish home page (issue 15)", () => {
  for (const form of [
    { link: es.home.paperOwnLink, path: "/es/forms/own-records.pdf", title: es.printable.ownRecordsTitle, english: "Request for Access to My Own Health Records", fields: ["patient.legalName", "records.scope", "format", "signature.date", "witness.printedName"] },
    { link: es.home.paperAuthorizationLink, path: "/es/forms/authorization.pdf", title: es.printable.authorizationTitle, english: "Authorization for Release of Health Information", fields: ["patient.legalName", "recipient.kind", "purpose", "expiration", "delivery.method", "signature.date", "witness.printedName"] },
  ]) {
    test(`a person switches to Español, clicks “${form.title}” and gets the Spanish form with the same fields`, async ({ browser }) => {
      const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
      await page.goto("/");
      await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Español" }).click();
      await expect(page).toHaveURL(/\/es$/);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expectNoAxeViolations(page);
      const link = page.getByRole("main").getByRole("link", { name: form.link });
      await expect(link).toHaveAttribute("href", form.path);
      const bytes = await pdfFromClick(page, link, form.path);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const doc = await PDFDocument.load(bytes);
      expect(doc.getTitle()).toBe(form.title);
      const names = doc.getForm().getFields().map((f) => f.getName());
      expect(names.length).toBeGreaterThan(25);
      for (const name of form.fields) expect(names).toContain(name);
      const text = await pdfText(bytes);
      expect(text).toContain(form.title);
      expect(text).not.toContain(form.english);
      expect(text).toContain("Firma del testigo");
      expect(text).toContain(organization.mailingAddress[2]);
      expect(text).toContain(`por fax al ${organization.fax}`);
      expect(text).toContain("740 ILCS 110/5");
      await page.context().close();
    });
  }
});
