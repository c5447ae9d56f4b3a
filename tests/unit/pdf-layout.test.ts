import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AuthorizationFormInput, authorizationFormSchema, RECORD_TYPES, SPECIAL_CATEGORIES } from "@/domain/authorization-form";
import { buildAuthorizationPdf } from "@/server/pdf/authorization-pdf";
import { PdfWriter } from "@/server/pdf/layout";
import { TODAY, validPatientForm } from "../support/forms";
import { geometryProblems } from "../support/pdf-geometry";
import { pdfPages } from "../support/pdf-text";
import { greyPng } from "../support/png";

const letters = "abcdefghijklmnopqrstuvwxyzéüñçöőąęř";
const name = (max: number) =>
  fc
    .tuple(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), fc.array(fc.constantFrom(...letters), { maxLength: max - 1 }))
    .map(([first, rest]) => first + rest.join(""));

/** Parses a generated form, writing each special category's initials as the signing rules ask (the signer's, or the minor's own). */
function parseSigned(input: AuthorizationFormInput) {
  const schema = authorizationFormSchema(TODAY);
  const first = schema.safeParse(input);
  if (first.success) return first;
  for (const issue of first.error.issues) {
    const initials = /\(([A-Z]{2}) for /.exec(issue.message)?.[1];
    const [section, key, category] = issue.path;
    if (initials && section === "information" && key === "specialCategories") (input.information.specialCategories as Record<string, string>)[String(category)] = initials;
  }
  return schema.safeParse(input);
}
const png = fc.record({ width: fc.integer({ min: 40, max: 1400 }), height: fc.integer({ min: 20, max: 600 }) }).map(({ width, height }) => greyPng(width, height));
const dataUrl = (buffer: Buffer) => `data:image/png;base64,${buffer.toString("base64")}`;
const words = (maxWords: number) => fc.array(fc.constantFrom("records", "of", "the", "visit", "in", "March", "and", "follow-up", "notes", "imaging"), { minLength: 1, maxLength: maxWords }).map((w) => w.join(" ").slice(0, 200).trim());

/** A signed authorization's varied inputs: names long and short, drawn or typed signatures, many categories, a parent with the minor's signature and the witness. */
const signedInputs = fc.record({
  first: name(38),
  last: name(38),
  minor: fc.boolean(),
  drawn: fc.option(png, { nil: undefined }),
  minorDrawn: fc.option(png, { nil: undefined }),
  complete: fc.boolean(),
  types: fc.subarray([...RECORD_TYPES]),
  categories: fc.subarray([...SPECIAL_CATEGORIES]),
  other: fc.option(words(60), { nil: undefined }),
  purpose: fc.option(words(40), { nil: undefined }),
  representative: fc.boolean(),
});

type SignedInput = typeof signedInputs extends fc.Arbitrary<infer T> ? T : never;

function signedForm(v: SignedInput): {
  input: AuthorizationFormInput;
  signaturePng?: Buffer;
  minorSignaturePng?: Buffer;
} {
  const f = validPatientForm();
  f.patient.firstName = v.first;
  f.patient.lastName = v.last;
  const types = v.types.filter((t) => t !== "OTHER" || v.other);
  f.information = {
    completeRecord: v.complete || (types.length === 0 && v.categories.length === 0),
    recordTypes: v.complete ? [] : types,
    recordTypesOther: types.includes("OTHER") ? v.other : undefined,
    dateFrom: "2020-01-01",
    dateTo: "2025-12-31",
    specialCategories: Object.fromEntries(v.categories.map((c) => [c, "JS"])),
  };
  if (v.purpose) f.purpose = { purpose: "OTHER", purposeOther: v.purpose };
  const signer = v.minor || v.representative ? `Taylor ${v.last}`.slice(0, 80) : `${v.first} ${v.last}`;
  if (v.minor) {
    f.requester = { kind: "REPRESENTATIVE", representative: { name: signer, phone: "630-555-0122", authority: "PARENT_OF_MINOR" } };
    f.patient.dateOfBirth = "2011-06-01";
    f.information.specialCategories = { ...f.information.specialCategories, MENTAL_HEALTH: "JS" };
  } else if (v.representative) {
    f.requester = { kind: "REPRESENTATIVE", representative: { name: signer, phone: "630-555-0111", email: "riley@example.com", authority: "HEALTH_CARE_POWER_OF_ATTORNEY" } };
  }
  const mentalHealth = "MENTAL_HEALTH" in (f.information.specialCategories ?? {});
  if (mentalHealth) f.signature.acknowledgeMentalHealth = true;
  f.signature.typedName = signer;
  if (v.drawn) Object.assign(f.signature, { method: "DRAWN", drawn: dataUrl(v.drawn) });
  if (v.minor) f.signature.minor = v.minorDrawn ? { typedName: `${v.first} ${v.last}`.slice(0, 80), method: "DRAWN", drawn: dataUrl(v.minorDrawn) } : { typedName: `${v.first} ${v.last}`.slice(0, 80), method: "TYPED" };
  return { input: f, signaturePng: v.drawn, minorSignaturePng: v.minor ? v.minorDrawn : undefined };
}

describe("the signed authorization's layout (issue 13: the signature overlapped the date line; orphan last pages)", () => {
  it("never overlaps anything — signature images included — and keeps the signing block together on the last page, across generated inputs", { timeout: 240_000 }, async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(signedInputs, async (v) => {
        const { input, signaturePng, minorSignaturePng } = signedForm(v);
        const parsed = parseSigned(input);
        if (!parsed.success) throw new Error(`generated an invalid form: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
        const pdf = await buildAuthorizationPdf({ form: parsed.data, confirmationNumber: "RC-7K3M-Q9PX", submittedAt: new Date("2026-11-25T15:00:00Z"), signaturePng, minorSignaturePng });
        const { bytes, layout } = await pdf.finishWithLayout();
        expect(geometryProblems(layout)).toEqual([]);

        // The signature image (when drawn) sits below the "Date and time signed" line, apart from it.
        const images = layout.boxes.filter((b) => b.kind === "image");
        expect(images).toHaveLength((signaturePng ? 1 : 0) + (minorSignaturePng ? 1 : 0));
        const dateLine = layout.boxes.find((b) => b.content === "Date and time signed")!;
        for (const image of images.filter((i) => i.content === "Drawn signature")) {
          expect(image.page).toBe(dateLine.page);
          expect(image.y + image.height).toBeLessThanOrEqual(dateLine.y);
        }

        // The signing block — signature, the minor's signature, the witness — is one section on the last page.
        const signing = layout.sections.find((s) => s.title === "Signature")!;
        expect(signing.firstPage).toBe(signing.lastPage);
        expect(signing.lastPage).toBe(layout.pageCount);
        // Every section that is not taller than a page is on one page.
        for (const section of layout.sections) expect(section.firstPage, section.title).toBe(section.lastPage);

        // And in the PDF as a reader sees it: the page count, and the last page holds the whole signing block.
        const pages = await pdfPages(bytes);
        expect(pages).toHaveLength(layout.pageCount);
        const last = pages[pages.length - 1]!;
        for (const phrase of ["Signature", "Signed by", "Date and time signed"]) expect(last).toContain(phrase);
        if (v.minor) for (const phrase of ["The patient's own signature", "Witness to the signer's identity"]) expect(last).toContain(phrase);
        checked += 1;
      }),
      { numRuns: 30 },
    );
    expect(checked).toBe(30);
  });

  it("puts a signing block that does not fit on the page under what precedes it on a new page, whole — and without the rule, the witness would end alone on a page", { timeout: 120_000 }, async () => {
    const png = await greyPng(600, 200);
    let moved = 0;
    let orphanedWithoutTheRule = 0;
    for (let lines = 0; lines <= 56; lines += 2) {
      for (const keep of [true, false]) {
        const pdf = await PdfWriter.create({ title: "t", subject: "s", footer: "f" });
        pdf.title("A signed form");
        for (let i = 0; i < lines; i++) pdf.paragraph(`Line ${i} of what comes before the signature.`);
        if (keep) pdf.keepRestTogether();
        pdf.heading("Signature");
        pdf.row("Signed by", "Jordan Sample");
        pdf.row("Date and time signed", "November 25, 2026 at 9:00 AM CST");
        pdf.image(await pdf.doc.embedPng(png), 260, 90, "Drawn signature");
        pdf.heading("Witness to the signer's identity (740 ILCS 110/5)");
        pdf.paragraph("A Record Connect associate records who attested to the signer's identity and how.", { size: 9 });
        const { layout } = await pdf.finishWithLayout();
        expect(geometryProblems(layout)).toEqual([]);
        const pagesOf = (title: string) => new Set(layout.boxes.filter((b) => layout.sections[b.section]!.title === title).map((b) => b.page));
        const signing = pagesOf("Signature");
        const witness = pagesOf("Witness to the signer's identity (740 ILCS 110/5)");
        if (keep) {
          // One section: everything from the signature heading on, on the last page.
          expect(signing, `${lines} lines`).toEqual(new Set([layout.pageCount]));
          expect(witness.size).toBe(0);
          const before = layout.boxes.filter((b) => layout.sections[b.section]!.title === "A signed form");
          if (before[before.length - 1]!.page < layout.pageCount) moved += 1;
        } else if ([...witness][0]! > Math.max(...signing)) orphanedWithoutTheRule += 1;
      }
    }
    // The sweep reached the cases the rule is for: the block moved whole, where without it the witness lines were left alone.
    expect(moved).toBeGreaterThan(0);
    expect(orphanedWithoutTheRule).toBeGreaterThan(0);
  });
});
