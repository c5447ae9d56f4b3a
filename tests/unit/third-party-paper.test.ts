import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paperAuthorizationFormSchema } from "@/domain/authorization-form";
import {
  deficiencyText,
  PAPER_DEFICIENCY_REASONS,
  type PaperDeficiencyReason,
  paperDeficiencySchema,
  signingPathSchema,
  THIRD_PARTY_KINDS,
  thirdPartyPaperSchema,
  type ThirdPartyPaperInput,
} from "@/domain/third-party";
import { TODAY, validPaperForm } from "../support/forms";

const valid: ThirdPartyPaperInput = {
  kind: "ATTORNEY",
  organization: "Lakeshore Legal LLP",
  contactName: "Morgan Counsel",
  email: "records@lakeshorelegal.example",
  phone: "312-555-0142",
  address: { line1: "200 Wacker Drive", city: "Chicago", state: "IL", postalCode: "60606" },
  patientFirstName: "Avery",
  patientLastName: "Sample",
  patientDateOfBirth: "1990-04-12",
  recordsRequested: "Knee injury treatment since March 2025",
  purpose: "Personal injury claim",
  confirmsPatientSigned: true,
};

const REASONS = Object.keys(PAPER_DEFICIENCY_REASONS) as PaperDeficiencyReason[];

describe("the third party's paper upload (docs/decisions/0017)", () => {
  it("accepts the organisation, the patient and what it asks for, for every kind of organisation", () => {
    for (const kind of THIRD_PARTY_KINDS) expect(thirdPartyPaperSchema.safeParse({ ...valid, kind }).success).toBe(true);
  });

  it("needs the organisation's confirmation that the patient signed, not the organisation", () => {
    for (const confirmsPatientSigned of [false, undefined, "yes", 1]) {
      const r = thirdPartyPaperSchema.safeParse({ ...valid, confirmsPatientSigned });
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.path.join("."))).toContain("confirmsPatientSigned");
    }
  });

  it("takes no patient e-mail (no link is sent on the paper path) and no unknown answer", () => {
    expect(thirdPartyPaperSchema.safeParse({ ...valid, patientEmail: "patient@example.org" }).success).toBe(false);
  });

  it("refuses a date of birth that is not a calendar day, and a patient name that is not a name, whatever else is right", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)), (day) => {
        expect(thirdPartyPaperSchema.safeParse({ ...valid, patientDateOfBirth: day }).success).toBe(false);
      }),
    );
    for (const bad of ["", "  ", "<script>", "12345"]) expect(thirdPartyPaperSchema.safeParse({ ...valid, patientLastName: bad }).success).toBe(false);
  });

  it("asks how the patient signs: online or on paper, nothing else", () => {
    expect(signingPathSchema.safeParse("ONLINE").success).toBe(true);
    expect(signingPathSchema.safeParse("PAPER").success).toBe(true);
    for (const other of ["", "online", "BOTH", undefined]) expect(signingPathSchema.safeParse(other).success).toBe(false);
  });
});

describe("sending an uploaded authorization back", () => {
  it("every fixed reason stands alone; a note is added to it; 'something else' needs the note", () => {
    for (const reason of REASONS) {
      const bare = paperDeficiencySchema.safeParse({ reason });
      expect(bare.success).toBe(reason !== "OTHER");
      const withNote = paperDeficiencySchema.safeParse({ reason, note: "Page 2 is missing." });
      expect(withNote.success).toBe(true);
      const text = deficiencyText(reason, "Page 2 is missing.");
      expect(text).toContain("Page 2 is missing.");
      if (reason !== "OTHER") expect(text.startsWith(PAPER_DEFICIENCY_REASONS[reason])).toBe(true);
    }
    expect(paperDeficiencySchema.safeParse({ reason: "OTHER", note: "   " }).success).toBe(false);
    expect(paperDeficiencySchema.safeParse({ reason: "NOT_A_REASON" }).success).toBe(false);
    expect(paperDeficiencySchema.safeParse({ reason: "NOT_SIGNED", note: "x".repeat(501) }).success).toBe(false);
  });

  it("the mental health reason cites the Illinois Act's separate consent", () => {
    expect(deficiencyText("MENTAL_HEALTH_CONSENT")).toContain("740 ILCS 110/5");
  });
});

describe("the upload channel of a keyed-in paper form", () => {
  it("is a channel the paper form accepts (the use case allows it only for an uploaded authorization)", () => {
    const form = validPaperForm();
    form.paper = { receivedOn: TODAY, receivedVia: "UPLOAD" };
    expect(paperAuthorizationFormSchema(TODAY).safeParse(form).success).toBe(true);
  });
});
