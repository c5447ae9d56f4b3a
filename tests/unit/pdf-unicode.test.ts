import { describe, expect, it } from "vitest";
import { authorizationFormSchema } from "@/domain/authorization-form";
import { renderAuthorizationPdf } from "@/server/pdf/authorization-pdf";
import { renderCoverLetter, renderMailingLabel } from "@/server/pdf/mailing-pdfs";
import { TODAY, validPatientForm } from "../support/forms";
import { pdfText } from "../support/pdf-text";

/** Names as people have them: Polish, Vietnamese (stacked diacritics), German, Greek, Cyrillic. */
const NAMES = [
  ["Łukasz", "Nguyễn"],
  ["Zoë", "Größer-Ñúñez"],
  ["Αλέξανδρος", "Παπαδόπουλος"],
  ["Юлия", "Шевченко"],
  ["Đặng", "Thị Ngọc Hường"],
] as const;

describe("names outside basic Latin print exactly on every PDF (embedded Noto Sans)", () => {
  it("the signed authorization", { timeout: 60_000 }, async () => {
    for (const [first, last] of NAMES) {
      const input = validPatientForm();
      input.patient.firstName = first;
      input.patient.lastName = last;
      input.signature = { ...input.signature, typedName: `${first} ${last}` } as typeof input.signature;
      const parsed = authorizationFormSchema(TODAY).safeParse(input);
      expect(parsed.success, `${first} ${last}: ${JSON.stringify(parsed.success ? null : parsed.error.issues)}`).toBe(true);
      if (!parsed.success) continue;
      const text = await pdfText(await renderAuthorizationPdf({ form: parsed.data, confirmationNumber: "RC-7K3M-Q9PX", submittedAt: new Date("2026-11-25T15:00:00Z") }));
      expect(text, text.slice(0, 600)).toContain(`${first} ${last}`);
      expect(text).not.toContain("?");
    }
  });

  it("the cover letter and the mailing label", async () => {
    const to = { name: "Łukasz Nguyễn", line1: "12 Żółta Street", city: "Wheaton", state: "IL", postalCode: "60187" };
    const letter = await pdfText(await renderCoverLetter({ to, confirmationNumber: "RC-7K3M-Q9PX", pageCount: 1, date: new Date("2026-11-25T15:00:00Z") }));
    expect(letter).toContain("Łukasz Nguyễn");
    expect(letter).toContain("12 Żółta Street");
    expect(letter).toContain("1 page.");
    expect(await pdfText(await renderMailingLabel(to))).toContain("Łukasz Nguyễn");
  });

  it("a character no embedded font has is shown as ? rather than failing the document", async () => {
    const text = await pdfText(await renderMailingLabel({ name: "山田 Łukasz", line1: "1 Main St", city: "Wheaton", state: "IL", postalCode: "60187" }));
    expect(text).toContain("?? Łukasz");
  });
});
