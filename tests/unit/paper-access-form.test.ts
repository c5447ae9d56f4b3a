import { describe, expect, it } from "vitest";
import {
  formSchemaFor,
  isAccessForm,
  isPaperForm,
  paperAccessRequestSchema,
  paperAuthorizationFormSchema,
  signerNameOf,
  uploadRules,
  type PaperAccessRequestFormInput,
} from "@/domain/authorization-form";
import { TODAY, validAccessForm, validPaperAccessForm, validPaperForm } from "../support/forms";
import { problemTextIn } from "@/i18n/translator";

/** A printed own-records request keyed in by staff on TODAY (2026-11-25); decision 0018. */
const schema = paperAccessRequestSchema(TODAY);

function issuesOf(form: unknown): Record<string, string[]> {
  const result = schema.safeParse(form);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of result.error.issues) (out[i.path.join(".")] ??= []).push(problemTextIn("en", i.message));
  return out;
}

function withChange(change: (f: PaperAccessRequestFormInput) => void): PaperAccessRequestFormInput {
  const f = structuredClone(validPaperAccessForm());
  change(f);
  return f;
}

describe("a paper own-records request keyed in by staff", () => {
  it("is the access door, signed in ink, with its receipt", () => {
    const parsed = schema.parse(validPaperAccessForm());
    expect(isAccessForm(parsed)).toBe(true);
    expect(isPaperForm(parsed)).toBe(true);
    expect(signerNameOf(parsed)).toBe("Jordan Sample");
    expect(parsed.paper).toEqual({ receivedOn: "2026-11-20", receivedVia: "FAX" });
    expect(parsed.information.includeSpecial).toEqual(["MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"]);
    expect(formSchemaFor("paper-access", TODAY).safeParse(validPaperAccessForm()).success).toBe(true);
  });

  it("needs no purpose and no expiry, and refuses them (an access request is not an authorization)", () => {
    expect(issuesOf(validPaperAccessForm())).toEqual({});
    expect(schema.safeParse({ ...validPaperAccessForm(), purpose: { purpose: "PERSONAL" } }).success).toBe(false);
    expect(schema.safeParse({ ...validPaperAccessForm(), expiration: { kind: "DATE", date: "2027-11-25" } }).success).toBe(false);
  });

  it("refuses psychotherapy notes, saying where to go", () => {
    const issues = issuesOf(withChange((f) => Object.assign(f.information, { psychotherapyNotes: true })));
    expect(Object.keys(issues).some((k) => k.startsWith("information"))).toBe(true);
    expect(Object.values(issues).flat().join(" ")).toMatch(/psychotherapy/i);
  });

  it("asks for the form and format checked on the form, and holds the delivery to it", () => {
    expect(issuesOf(withChange((f) => Object.assign(f, { format: undefined })))).toHaveProperty(["format"]);
    expect(issuesOf(withChange((f) => Object.assign(f, { delivery: { method: "PICKUP", phone: "630-555-0100" } })))).toHaveProperty(["format"]);
  });

  it("needs the scan of the signed form, like any paper form", () => {
    expect(uploadRules({ requester: { kind: "PATIENT" } }, "paper-access")).toEqual({ paperFormScanRequired: true, photoIdRequired: false, authorityProofRequired: false });
  });

  it("is neither the online access request nor a paper authorization", () => {
    expect(schema.safeParse(validAccessForm()).success).toBe(false);
    expect(schema.safeParse(validPaperForm()).success).toBe(false);
    expect(paperAuthorizationFormSchema(TODAY).safeParse(validPaperAccessForm()).success).toBe(false);
  });
});

describe("its dates", () => {
  it("needs the date received and the channel", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: "" })))).toEqual({ "paper.receivedOn": ["Enter the date the form was received"] });
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedVia: undefined })))).toEqual({ "paper.receivedVia": ["Choose whether the form came by mail or by fax"] });
  });

  it("received may be today, not in the future; signed on or before received", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: TODAY })))).toEqual({});
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: "2026-11-26" })))).toEqual({ "paper.receivedOn": ["The date received cannot be in the future"] });
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: "2026-11-17" })))).toEqual({
      "signature.signedOn": ["The form was received on November 17, 2026: it must have been signed on or before that day"],
    });
    expect(issuesOf(withChange((f) => Object.assign(f.signature, { signedOn: "" })))).toHaveProperty(["signature.signedOn"]);
  });

  it("is signed by the patient as entered", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.signature, { signerName: "Someone Else" })))).toHaveProperty(["signature.signerName"]);
  });
});
