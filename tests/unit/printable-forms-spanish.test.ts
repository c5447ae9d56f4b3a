import { createRequire } from "node:module";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { DEFAULT_FEE_POLICY } from "@/domain/fees";
import { representativeAuthorityLabels, recordTypeLabels } from "@/domain/labels";
import { organization } from "@/domain/organization";
import { MENTAL_HEALTH_WITNESS_NOTE, OWN_RECORDS_FORMATS, rightOfAccessStatements, sendTheFormTo } from "@/domain/printable-forms";
import { REPRESENTATIVE_AUTHORITIES, RECORD_TYPES } from "@/domain/authorization-form";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import { buildBlankAuthorizationPdf } from "@/server/pdf/blank-authorization-pdf";
import type { PdfWriter } from "@/server/pdf/layout";
import { buildOwnRecordsPdf } from "@/server/pdf/own-records-pdf";
import { pdfPages, pdfText } from "../support/pdf-text";
import { geometryProblems } from "../support/pdf-geometry";

const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** Each form widget a reader finds, with its page (pdf.js). */
async function widgets(bytes: Uint8Array): Promise<{ page: number; fieldName: string }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl }).promise;
  const found: { page: number; fieldName: string }[] = [];
  for (let i = 1; i <= doc.numPages; i++) for (const a of await (await doc.getPage(i)).getAnnotations()) if (a.subtype === "Widget") found.push({ page: i, fieldName: a.fieldName });
  await doc.destroy();
  return found;
}

const sentences = (text: string) =>
  text
    .split(/(?<=[.:;!?])\s+|\s·\s/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && /[a-z]{3}/.test(s));

/** Names, numbers and addresses that are the same in both languages. */
/** (The postal address keeps its office name: mail must reach it.) */
const SAME_IN_BOTH = [...organization.mailingAddress, organization.name, organization.serviceName, organization.fax, "www.hhs.gov/ocr/complaints", "MyChart"];
const ENGLISH_WORDS = /\b(the|and|your|you|of|records|with|this|form|please|request|signature|date|page|fee|mail|phone|who|what|only|must|will)\b/gi;

const forms: { name: string; build: (locale: "en" | "es") => Promise<PdfWriter>; spanish: string[] }[] = [
  {
    name: "authorization",
    build: (locale) => buildBlankAuthorizationPdf(undefined, locale),
    spanish: [
      es.printable.authorizationTitle,
      "Derecho a revocar",
      "Sin condiciones",
      "Nueva divulgación",
      "Nunca se acepta efectivo",
      "740 ILCS 110/5",
      "Firma del testigo",
      es.labels.deliveryMethod.PICKUP,
      "Página 1 de",
      "días hábiles",
      "Envíelo por correo postal a",
      "o por fax al (630) 555-0190",
      es.statements.revocation,
      es.form.records.MENTAL_HEALTH,
    ],
  },
  {
    name: "own records",
    build: (locale) => buildOwnRecordsPdf(DEFAULT_FEE_POLICY, undefined, locale),
    spanish: [
      es.printable.ownRecordsTitle,
      "45 CFR 164.524",
      "Las notas de psicoterapia",
      "no forman parte del derecho de acceso",
      "tarifa fija de $6.50",
      "$0.25 por página",
      "dentro de los 30 días",
      "Oficina de Derechos Civiles",
      "1-800-368-1019",
      "Exportación completa de la información médica electrónica (EHI)",
      "Firma del testigo",
      "Nunca se acepta efectivo",
      "identificación oficial con foto",
      "Página 1 de",
    ],
  },
];

describe.each(forms)("the printable $name form in Spanish (issue 15)", (form) => {
  it("keeps each section on one page, nothing overlapping, with the same fields on the pages the layout says", { timeout: 60_000 }, async () => {
    const { bytes, layout } = await (await form.build("es")).finishWithLayout();
    expect(layout.sections.length).toBeGreaterThanOrEqual(8);
    for (const section of layout.sections) expect(section.firstPage, section.title).toBe(section.lastPage);
    expect(geometryProblems(layout)).toEqual([]);
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(layout.pageCount);
    for (const section of layout.sections) expect(pages[section.firstPage - 1], section.title).toContain(section.title.slice(0, 40));

    const sectionOfField = new Map(layout.boxes.filter((b) => b.kind === "field").map((b) => [b.content.split("=")[0]!, layout.sections[b.section]!]));
    const found = await widgets(bytes);
    for (const w of found) expect(w.page, w.fieldName).toBe(sectionOfField.get(w.fieldName)!.firstPage);

    // The same fillable fields, by name and kind, as the English form: staff key both the same way.
    const english = await (await form.build("en")).finish();
    const kinds = async (b: Uint8Array) =>
      (await PDFDocument.load(b))
        .getForm()
        .getFields()
        .map((f) => `${f.getName()}:${f.constructor.name}`)
        .sort();
    expect(await kinds(bytes)).toEqual(await kinds(english));
    expect([...new Set(found.map((w) => w.fieldName))].sort()).toEqual([...new Set((await widgets(english)).map((w) => w.fieldName))].sort());
  });

  it("is in Spanish, with the statements the Spanish online form uses, and no English sentence", { timeout: 60_000 }, async () => {
    const spanishBytes = await (await form.build("es")).finish();
    const spanish = await pdfText(spanishBytes);
    for (const phrase of form.spanish) expect(spanish, phrase).toContain(phrase.replace(/\s+/g, " "));
    expect((await PDFDocument.load(spanishBytes, { updateMetadata: false })).getTitle()).toBe(form.spanish[0]);

    const english = await pdfText(await (await form.build("en")).finish());
    let rest = spanish;
    for (const same of SAME_IN_BOTH) rest = rest.split(same).join(" ");
    const leftovers = sentences(english)
      .map((s) => SAME_IN_BOTH.reduce((acc, same) => acc.split(same).join(" "), s).trim())
      .filter((s) => s.length >= 12 && /[a-z]{3}/.test(s) && rest.includes(s));
    expect(leftovers).toEqual([]);
    expect([...rest.matchAll(ENGLISH_WORDS)].map((m) => m[0])).toEqual([]);
  });
});

describe("the Spanish printable forms' font", () => {
  it("prints every Spanish letter and mark (á é í ó ú ñ ü ¿ ¡), none replaced", { timeout: 60_000 }, async () => {
    const pdf = await buildOwnRecordsPdf(DEFAULT_FEE_POLICY, undefined, "es");
    const letters = "á é í ó ú ñ ü ¿ ¡ Á É Í Ó Ú Ñ Ü « »";
    expect(pdf.safe(letters)).toBe(letters);
    pdf.paragraph(`¿Preguntas? ¡Llámenos! Pingüino, niño, acción: ${letters}`);
    const text = await pdfText(await pdf.finish());
    expect(text).toContain(`¿Preguntas? ¡Llámenos! Pingüino, niño, acción: ${letters}`);
  });
});

describe("the English catalogue says what the English forms always said", () => {
  it("equals the English texts in src/domain (so the English PDFs are unchanged)", () => {
    const statements = rightOfAccessStatements(DEFAULT_FEE_POLICY);
    expect(en.printable.own.right).toBe(statements.right);
    expect(en.printable.own.psychotherapyNotes).toBe(statements.psychotherapyNotes);
    expect(en.printable.own.denial).toBe(statements.denial);
    expect(en.printable.own.complaint).toBe(statements.complaint);
    expect(en.printable.own.fee.replace("{flat}", "$6.50").replace("{page}", "$0.25").replace("{paymentPhone}", organization.paymentPhone)).toBe(statements.fee);
    expect(en.printable.own.responseTime.replaceAll("{days}", String(organization.responseDays))).toBe(statements.responseTime);
    for (const f of OWN_RECORDS_FORMATS) expect(en.printable.own.format[f.value]).toBe(f.label);
    expect(en.printable.signature.witnessNote).toBe(MENTAL_HEALTH_WITNESS_NOTE);
    expect([
      en.printable.send.mail.replace("{address}", organization.mailingAddress.join(", ")),
      en.printable.send.fax.replace("{fax}", organization.fax),
      en.printable.send.questions.replace("{phone}", organization.questionsPhone).replace("{hours}", organization.questionsHours),
    ]).toEqual(sendTheFormTo());
    for (const type of RECORD_TYPES) expect(en.printable.recordType[type]).toBe(recordTypeLabels[type]);
    for (const a of REPRESENTATIVE_AUTHORITIES) {
      expect(en.printable.authority[a]).toBe(representativeAuthorityLabels[a].label);
      expect(en.printable.authority[`${a}_proof`]).toBe(representativeAuthorityLabels[a].proof);
    }
  });
});
