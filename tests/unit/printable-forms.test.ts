import { createRequire } from "node:module";
import path from "node:path";
import { PDFCheckBox, PDFDocument, PDFRadioGroup, PDFTextField } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { DEFAULT_FEE_POLICY } from "@/domain/fees";
import { organization } from "@/domain/organization";
import { PRINTABLE_FORMS } from "@/domain/printable-forms";
import { responseCommitmentText } from "@/domain/response-commitment";
import { buildBlankAuthorizationPdf } from "@/server/pdf/blank-authorization-pdf";
import type { PdfWriter } from "@/server/pdf/layout";
import { buildOwnRecordsPdf } from "@/server/pdf/own-records-pdf";
import { pdfPages, pdfText } from "../support/pdf-text";
import { geometryProblems } from "../support/pdf-geometry";

const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

type Widget = { page: number; fieldName: string; fieldType: string; checkBox?: boolean; radioButton?: boolean };

/** The form widgets a reader finds on each page (pdf.js, as Firefox uses it). */
async function widgets(bytes: Uint8Array): Promise<Widget[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl }).promise;
  const found: Widget[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    for (const a of await (await doc.getPage(i)).getAnnotations()) if (a.subtype === "Widget") found.push({ page: i, fieldName: a.fieldName, fieldType: a.fieldType, checkBox: a.checkBox, radioButton: a.radioButton });
  }
  await doc.destroy();
  return found;
}

const forms: { name: string; build: () => Promise<PdfWriter>; fields: string[]; checkBoxes: string[]; radios: Record<string, string[]>; text: string[]; absent: string[] }[] = [
  {
    name: PRINTABLE_FORMS.authorization.title,
    build: buildBlankAuthorizationPdf,
    fields: ["patient.legalName", "patient.dateOfBirth", "patient.address", "recipient.name", "recipient.contact", "information.dateFrom", "initials.mentalHealth", "initials.psychotherapyNotes", "purpose", "expiration", "delivery.details", "signature.date", "signature.printedName", "witness.printedName", "witness.date", "minor.date"],
    checkBoxes: ["information.completeRecord", "information.recordType.labResults"],
    radios: { "requester.kind": ["PATIENT", "REPRESENTATIVE"], "recipient.kind": ["SELF", "MEDICAL_PROVIDER", "THIRD_PARTY"], "delivery.method": ["SECURE_EMAIL", "MAIL", "PICKUP"] },
    text: ["Authorization for Release of Health Information", "Right to revoke", "No conditions", "Redisclosure", "Cash is never accepted", "740 ILCS 110/5", "Witness's signature", "Call for pickup by the patient or legal representative", "For urgent onsite pickup"],
    absent: [],
  },
  {
    name: PRINTABLE_FORMS.ownRecords.title,
    build: () => buildOwnRecordsPdf(DEFAULT_FEE_POLICY),
    fields: ["patient.legalName", "patient.dateOfBirth", "records.dateFrom", "records.other", "delivery.email", "delivery.mailAddress", "delivery.pickupPhone", "signature.date", "signature.printedName", "witness.printedName", "witness.date"],
    checkBoxes: ["identity.photoIdEnclosed", "records.type.visitNotes"],
    radios: { "requester.kind": ["PATIENT", "REPRESENTATIVE"], "records.scope": ["COMPLETE", "SPECIFIC"], format: ["PDF_DOWNLOAD", "PAPER_MAIL", "PAPER_PICKUP", "EHI_EXPORT"] },
    text: ["Request for Access to My Own Health Records", "45 CFR 164.524", "Psychotherapy notes", "not part of the right of access", "$6.50", "$0.25 a page", "within 30 days", "Office for Civil Rights", "1-800-368-1019", "electronic health information (EHI) export", "740 ILCS 110/5", "Witness's signature", "Cash is never accepted"],
    // A patient's own request has no purpose and does not expire.
    absent: ["Purpose of the release", "expires on", "Right to revoke"],
  },
];

describe.each(forms)("the printable form “$name”", (form) => {
  it("keeps each section on one page, nothing overlapping, in the layout and in the PDF a reader opens", { timeout: 60_000 }, async () => {
    const { bytes, layout } = await (await form.build()).finishWithLayout();
    expect(layout.sections.length).toBeGreaterThanOrEqual(8);
    for (const section of layout.sections) expect(section.firstPage, section.title).toBe(section.lastPage);
    expect(geometryProblems(layout)).toEqual([]);

    // In the PDF: each section's heading and each of its fields are on the page the layout says.
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(layout.pageCount);
    for (const section of layout.sections) expect(pages[section.firstPage - 1], section.title).toContain(section.title.slice(0, 40));
    const sectionOfField = new Map(layout.boxes.filter((b) => b.kind === "field").map((b) => [b.content.split("=")[0]!, layout.sections[b.section]!]));
    const found = await widgets(bytes);
    expect(found.length).toBeGreaterThan(20);
    for (const w of found) expect(w.page, w.fieldName).toBe(sectionOfField.get(w.fieldName)!.firstPage);
  });

  it("prints the office's mailing address and fax number, and what the form must say", { timeout: 60_000 }, async () => {
    const text = await pdfText(await (await form.build()).finish());
    for (const line of organization.mailingAddress) expect(text).toContain(line);
    expect(text).toContain(`fax it to ${organization.fax}`);
    for (const phrase of form.text) expect(text, phrase).toContain(phrase);
    for (const phrase of form.absent) expect(text, phrase).not.toContain(phrase);
  });

  it("has named fields a reader fills in: typed text, ticks and choices survive filling, flattening and reading back", { timeout: 60_000 }, async () => {
    const blank = await (await form.build()).finish();
    const found = await widgets(blank);
    const names = new Set(found.map((w) => w.fieldName));
    for (const name of [...form.fields, ...form.checkBoxes, ...Object.keys(form.radios)]) expect(names, name).toContain(name);
    for (const name of form.fields) expect(found.find((w) => w.fieldName === name)!.fieldType).toBe("Tx");
    for (const name of form.checkBoxes) expect(found.find((w) => w.fieldName === name)!.checkBox).toBe(true);
    for (const name of Object.keys(form.radios)) expect(found.filter((w) => w.fieldName === name).every((w) => w.radioButton)).toBe(true);

    // Fill it in as a person would, with pdf-lib as the reader, then flatten and read the page text back.
    const doc = await PDFDocument.load(blank);
    const pdfForm = doc.getForm();
    const typed = new Map(form.fields.map((name, i) => [name, `Typed ${i} ${name.replace(/\W/g, "")}`]));
    for (const field of pdfForm.getFields()) {
      const name = field.getName();
      if (typed.has(name)) {
        expect(field).toBeInstanceOf(PDFTextField);
        (field as PDFTextField).setText(typed.get(name)!);
      }
    }
    for (const name of form.checkBoxes) {
      const box = pdfForm.getField(name);
      expect(box).toBeInstanceOf(PDFCheckBox);
      (box as PDFCheckBox).check();
    }
    for (const [name, options] of Object.entries(form.radios)) {
      const radio = pdfForm.getField(name);
      expect(radio).toBeInstanceOf(PDFRadioGroup);
      expect((radio as PDFRadioGroup).getOptions()).toEqual(options);
      (radio as PDFRadioGroup).select(options[options.length - 1]!);
    }
    const filled = await doc.save();
    // The filled values are kept (as a reader saving the file would).
    const reloaded = (await PDFDocument.load(filled)).getForm();
    for (const name of form.checkBoxes) expect(reloaded.getCheckBox(name).isChecked()).toBe(true);
    for (const [name, options] of Object.entries(form.radios)) expect(reloaded.getRadioGroup(name).getSelected()).toBe(options[options.length - 1]);

    reloaded.flatten();
    const flattened = await (await PDFDocument.load(await reloaded.doc.save())).save();
    expect(await widgets(flattened)).toEqual([]);
    const text = await pdfText(flattened);
    for (const value of typed.values()) expect(text, value).toContain(value);
  });
});

describe("the own-records form's fee", () => {
  it("follows the organization's fee policy, the flat fee never above HHS's $6.50", { timeout: 60_000 }, async () => {
    const text = await pdfText(await (await buildOwnRecordsPdf({ patientElectronicFlatCents: 900, patientPageCents: 10 })).finish());
    expect(text).toContain("flat $6.50");
    expect(text).toContain("$0.10 a page");
    const lower = await pdfText(await (await buildOwnRecordsPdf({ patientElectronicFlatCents: 0, patientPageCents: 25 })).finish());
    expect(lower).toContain("flat $0.00");
  });

  it("starts with the complete record chosen", { timeout: 60_000 }, async () => {
    const doc = await PDFDocument.load(await (await buildOwnRecordsPdf()).finish());
    expect(doc.getForm().getRadioGroup("records.scope").getSelected()).toBe("COMPLETE");
  });
});

describe("both paper forms state the response commitment in force (issue 17 item 4)", () => {
  it.each([1, 5, 7, 15])("%i business day(s), beside the law's 30 days", { timeout: 60_000 }, async (days) => {
    const expected = responseCommitmentText(days);
    const own = await pdfText(await (await buildOwnRecordsPdf(DEFAULT_FEE_POLICY, days)).finish());
    const authorization = await pdfText(await (await buildBlankAuthorizationPdf(days)).finish());
    for (const text of [own, authorization]) {
      expect(text.replace(/\s+/g, " ")).toContain(expected);
      expect(text).toContain(`${days} business ${days === 1 ? "day" : "days"}`);
    }
  });
});
