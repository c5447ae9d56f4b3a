import { describe, expect, it } from "vitest";
import {
  authorizationFormSchema,
  isPaperForm,
  paperAuthorizationFormSchema,
  signerNameOf,
  uploadRules,
  type PaperAuthorizationFormInput,
} from "@/domain/authorization-form";
import { TODAY, validPaperForm, validPatientForm } from "../support/forms";
import { problemTextIn } from "@/i18n/translator";

/** Keyed in on TODAY (2026-11-25). */
const schema = paperAuthorizationFormSchema(TODAY);

function issuesOf(form: unknown): Record<string, string[]> {
  const result = schema.safeParse(form);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of result.error.issues) (out[i.path.join(".")] ??= []).push(problemTextIn("en", i.message));
  return out;
}

function withChange(change: (f: PaperAuthorizationFormInput) => void): PaperAuthorizationFormInput {
  const f = structuredClone(validPaperForm());
  change(f);
  return f;
}

describe("a paper form keyed in by staff", () => {
  it("parses with the same sections as the online form, signed in ink", () => {
    const parsed = schema.parse(validPaperForm());
    expect(isPaperForm(parsed)).toBe(true);
    expect(signerNameOf(parsed)).toBe("Avery Paperform");
    expect(parsed.paper).toEqual({ receivedOn: "2026-11-20", receivedVia: "MAIL" });
    expect(parsed.information.recordTypes).toEqual(["LAB_RESULTS", "VISIT_NOTES"]);
  });

  it("needs the scan of the signed form; a photo ID or proof only if it came as a separate sheet", () => {
    const parsed = schema.parse(validPaperForm());
    expect(uploadRules(parsed, "paper")).toEqual({ paperFormScanRequired: true, photoIdRequired: false, authorityProofRequired: false });
    expect(uploadRules({ requester: { kind: "REPRESENTATIVE" } }, "paper").paperFormScanRequired).toBe(true);
    expect(uploadRules({ requester: { kind: "REPRESENTATIVE" } })).toEqual({ paperFormScanRequired: false, photoIdRequired: true, authorityProofRequired: true });
  });

  it("is not an online form, and an online form is not a paper one", () => {
    expect(authorizationFormSchema(TODAY).safeParse(validPaperForm()).success).toBe(false);
    expect(schema.safeParse(validPatientForm()).success).toBe(false);
    // No acknowledgement boxes (the statements are printed on what was signed), no "whose records".
    expect(Object.keys(issuesOf(withChange((f) => Object.assign(f.signature, { acknowledgeFees: true }))))).toContain("signature");
    expect(Object.keys(issuesOf({ ...validPaperForm(), release: { source: "THIS_GROUP" } }))).toContain("");
  });

  it("applies the same rules to the shared sections", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.information, { completeRecord: false, recordTypes: [] })))).toHaveProperty(["information.recordTypes"]);
    expect(issuesOf(withChange((f) => Object.assign(f.purpose, { purpose: "OTHER" })))).toHaveProperty(["purpose.purposeOther"]);
    expect(issuesOf(withChange((f) => Object.assign(f, { delivery: { method: "PICKUP", phone: "630-555-0100" }, recipient: { kind: "THIRD_PARTY", name: "A Firm", address: f.patient.address } }))))
      .toHaveProperty(["delivery.method"]);
  });
});

describe("the date the form was received", () => {
  it("is required, and says how it came", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: "" })))).toEqual({ "paper.receivedOn": ["Enter the date the form was received"] });
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedVia: undefined })))).toEqual({ "paper.receivedVia": ["Choose whether the form came by mail or by fax"] });
  });

  it("may be today, but not in the future", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: TODAY })))).toEqual({});
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: "2026-11-26" })))).toEqual({ "paper.receivedOn": ["The date received cannot be in the future"] });
  });

  it("is not before the date signed: the error shows on the date signed", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: "2026-11-18" })))).toEqual({});
    expect(issuesOf(withChange((f) => Object.assign(f.paper, { receivedOn: "2026-11-17" })))).toEqual({
      "signature.signedOn": ["The form was received on November 17, 2026: it must have been signed on or before that day"],
    });
  });
});

describe("the signature on the form", () => {
  it("needs the name as signed and the date signed", () => {
    expect(Object.keys(issuesOf(withChange((f) => Object.assign(f.signature, { signerName: " " }))))).toEqual(["signature.signerName"]);
    expect(issuesOf(withChange((f) => Object.assign(f.signature, { signerName: "" })))["signature.signerName"]?.[0]).toBe("Enter the name as signed on the form");
    expect(issuesOf(withChange((f) => Object.assign(f.signature, { signedOn: "" })))).toEqual({ "signature.signedOn": ["Enter the date signed on the form"] });
    expect(issuesOf(withChange((f) => Object.assign(f.signature, { signedOn: "2026-02-30" })))).toEqual({ "signature.signedOn": ["Enter the date signed on the form as a real date"] });
  });

  it("is the patient's, or the representative's, name", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.signature, { signerName: "Avery J. Paperform" })))).toEqual({});
    expect(Object.keys(issuesOf(withChange((f) => Object.assign(f.signature, { signerName: "Somebody Else" }))))).toEqual(["signature.signerName"]);
    const byAgent = withChange((f) =>
      Object.assign(f, {
        requester: { kind: "REPRESENTATIVE", representative: { name: "Riley Placeholder", phone: "630-555-0111", authority: "HEALTH_CARE_POWER_OF_ATTORNEY" } },
      }),
    );
    expect(issuesOf(byAgent)["signature.signerName"]?.[0]).toMatch(/signed by the representative/);
    expect(issuesOf(Object.assign(byAgent, { signature: { ...byAgent.signature, signerName: "Riley Placeholder" } }))).toEqual({});
  });

  it("is not dated in the future", () => {
    expect(issuesOf(withChange((f) => Object.assign(f.signature, { signedOn: "2026-11-26" })))).toMatchObject({ "signature.signedOn": ["The date signed cannot be in the future"] });
  });

  it("judges ages on the day it was signed: the minor's own agreement", () => {
    // Parent of a patient who was 11 when the form was signed and is 12 on the day it is keyed in.
    const byParent = (signedOn: string, receivedOn: string, initials = "CP") =>
      withChange((f) =>
        Object.assign(f, {
          paper: { receivedOn, receivedVia: "FAX" },
          requester: { kind: "REPRESENTATIVE", representative: { name: "Casey Parent", phone: "630-555-0123", authority: "PARENT_OF_MINOR" } },
          patient: { ...f.patient, dateOfBirth: "2014-11-21" },
          information: { ...f.information, specialCategories: { MENTAL_HEALTH: initials } },
          signature: { method: "WET_INK", signerName: "Casey Parent", signedOn },
        }),
      );
    expect(issuesOf(byParent("2026-11-19", "2026-11-20"))).toEqual({});
    // At 12 the patient signs too, and the initials for mental health records are the patient's own.
    expect(Object.keys(issuesOf(byParent("2026-11-22", "2026-11-23")))).toEqual(["information.specialCategories.MENTAL_HEALTH", "signature.minorName"]);
    expect(Object.keys(issuesOf(byParent("2026-11-22", "2026-11-23", "AP")))).toEqual(["signature.minorName"]);
    const signed = byParent("2026-11-22", "2026-11-23", "AP");
    Object.assign(signed.signature, { minorName: "Casey Parent" });
    expect(issuesOf(signed)["signature.minorName"]?.[0]).toMatch(/patient’s own signature/);
    Object.assign(signed.signature, { minorName: "Avery Paperform" });
    expect(issuesOf(signed)).toEqual({});
  });
});

describe("the expiration written on the form", () => {
  it("must not have passed: an expired authorization cannot be used", () => {
    expect(issuesOf(withChange((f) => Object.assign(f, { expiration: { kind: "DATE", date: "2026-11-24" } })))["expiration.date"]?.[0]).toMatch(/has expired/);
  });
  it("is checked against the day it was signed", () => {
    expect(issuesOf(withChange((f) => Object.assign(f, { expiration: { kind: "DATE", date: "2036-11-18" } })))).toEqual({});
    expect(issuesOf(withChange((f) => Object.assign(f, { expiration: { kind: "DATE", date: "2036-11-19" } })))["expiration.date"]?.[0]).toMatch(/more than 10 years after/);
  });
});
