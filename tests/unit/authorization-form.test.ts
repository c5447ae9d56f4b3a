import { describe, expect, it } from "vitest";
import {
  ageOn,
  authorizationFormSchema,
  EDWARD_ELMHURST_MESSAGE,
  namesMatch,
  RECORDS_TO_THIS_GROUP_MESSAGE,
  suggestedExpiration,
  todayInChicago,
  uploadRules,
  type AuthorizationFormInput,
} from "@/domain/authorization-form";
import { TODAY, validPatientForm, validRepresentativeForm } from "../support/forms";
import { problemTextIn } from "@/i18n/translator";

const schema = authorizationFormSchema(TODAY);

function issuesOf(form: unknown): Record<string, string[]> {
  const result = schema.safeParse(form);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of result.error.issues) (out[i.path.join(".")] ??= []).push(problemTextIn("en", i.message));
  return out;
}

function withChange(change: (f: AuthorizationFormInput) => void): AuthorizationFormInput {
  const f = structuredClone(validPatientForm());
  change(f);
  return f;
}

describe("a complete authorization", () => {
  it("from the patient parses, trimmed and normalized", () => {
    const parsed = schema.parse(validPatientForm());
    expect(parsed.patient.firstName).toBe("Jordan");
    expect(parsed.information.specialCategories).toEqual({});
    expect(uploadRules(parsed)).toEqual({ paperFormScanRequired: false, photoIdRequired: true, authorityProofRequired: false });
  });

  it("from a power-of-attorney agent parses and needs proof of authority", () => {
    const parsed = schema.parse(validRepresentativeForm());
    expect(uploadRules(parsed).authorityProofRequired).toBe(true);
  });

  it("refuses fields the form does not have", () => {
    expect(Object.keys(issuesOf({ ...validPatientForm(), fee: 0 }))).toContain("");
    expect(issuesOf(withChange((f) => Object.assign(f.patient, { status: "COMPLETED" })))).toHaveProperty("patient");
  });
});

describe("every core element is required (45 CFR 164.508(c))", () => {
  it.each([
    ["what to release", (f: AuthorizationFormInput) => Object.assign(f.information, { completeRecord: false, recordTypes: [] }), "information.recordTypes"],
    ["the recipient", (f: AuthorizationFormInput) => Object.assign(f, { recipient: { kind: "THIRD_PARTY", name: "", address: f.patient.address } }), "recipient.name"],
    ["the purpose", (f: AuthorizationFormInput) => Object.assign(f.purpose, { purpose: "OTHER" }), "purpose.purposeOther"],
    ["an expiration", (f: AuthorizationFormInput) => Object.assign(f, { expiration: { kind: "EVENT", event: " " } }), "expiration.event"],
    ["the signature", (f: AuthorizationFormInput) => Object.assign(f.signature, { method: "DRAWN", drawn: undefined }), "signature.drawn"],
    ["the revocation statement", (f: AuthorizationFormInput) => Object.assign(f.signature, { acknowledgeRevocation: false }), "signature.acknowledgeRevocation"],
    ["the no-conditioning statement", (f: AuthorizationFormInput) => Object.assign(f.signature, { acknowledgeNoConditioning: undefined }), "signature.acknowledgeNoConditioning"],
    ["the redisclosure statement", (f: AuthorizationFormInput) => Object.assign(f.signature, { acknowledgeRedisclosure: false }), "signature.acknowledgeRedisclosure"],
    ["the patient's date of birth", (f: AuthorizationFormInput) => Object.assign(f.patient, { dateOfBirth: "" }), "patient.dateOfBirth"],
  ])("%s", (_name, change, path) => {
    const issues = issuesOf(withChange(change));
    expect(issues[path], JSON.stringify(issues)).toBeDefined();
  });

  it("the typed name must be the signer's", () => {
    expect(issuesOf(withChange((f) => (f.signature.typedName = "Somebody Else")))["signature.typedName"]).toEqual([
      "Type the patient's full legal name, as entered in the patient section",
    ]);
    expect(namesMatch("JORDAN sample", "Jordan Sample")).toBe(true);
    expect(namesMatch("José Núñez", "Jose Nunez")).toBe(true);
  });
});

describe("release from", () => {
  it("refuses Edward-Elmhurst records with the message to contact them directly", () => {
    expect(issuesOf(withChange((f) => (f.release.source = "EDWARD_ELMHURST")))["release.source"]).toEqual([EDWARD_ELMHURST_MESSAGE]);
  });
  it("refuses records sent to this group from elsewhere, explaining who to ask", () => {
    expect(issuesOf(withChange((f) => (f.release.source = "TO_THIS_GROUP_FROM_ELSEWHERE")))["release.source"]).toEqual([RECORDS_TO_THIS_GROUP_MESSAGE]);
  });
});

describe("specially protected information (RULES.md §3)", () => {
  it("is released only with its own initials, normalized", () => {
    const parsed = schema.parse(withChange((f) => (f.information.specialCategories = { HIV_AIDS: "j.s.", GENETIC_TESTING: "" })));
    expect(parsed.information.specialCategories).toEqual({ HIV_AIDS: "JS", GENETIC_TESTING: undefined });
  });
  it("psychotherapy notes only on an authorization for them alone", () => {
    expect(issuesOf(withChange((f) => (f.information.psychotherapyNotes = "JS")))["information.psychotherapyNotes"]).toBeDefined();
    const alone = withChange((f) => Object.assign(f.information, { psychotherapyNotes: "JS", recordTypes: [], completeRecord: false }));
    // Psychotherapy notes are mental health records: the 740 ILCS 110/5 statements are read first.
    expect(Object.keys(issuesOf(alone))).toEqual(["signature.acknowledgeMentalHealth"]);
    alone.signature.acknowledgeMentalHealth = true;
    expect(issuesOf(alone)).toEqual({});
  });
  it("any special category alone is a complete request", () => {
    for (const c of ["MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"] as const) {
      const form = withChange((f) => {
        Object.assign(f.information, { recordTypes: [], completeRecord: false, specialCategories: { [c]: "JS" } });
        f.signature.acknowledgeMentalHealth = true;
      });
      expect(issuesOf(form), c).toEqual({});
    }
  });
  it("initials are the signer's", () => {
    const form = withChange((f) => (f.information.specialCategories = { HIV_AIDS: "XY" }));
    expect(issuesOf(form)["information.specialCategories.HIV_AIDS"]?.[0]).toMatch(/initials of the person who signs \(JS for Jordan Sample\)/);
  });
  it("mental health records need a calendar expiration date (740 ILCS 110/5)", () => {
    const form = withChange((f) => {
      f.information.specialCategories = { MENTAL_HEALTH: "JS" };
      f.expiration = { kind: "EVENT", event: "End of litigation" };
    });
    expect(issuesOf(form)["expiration.kind"]).toBeDefined();
  });
  it("a parent asking for a 12–17-year-old's mental health records needs the minor's own signature and initials", () => {
    const form = withChange((f) => {
      f.requester = { kind: "REPRESENTATIVE", representative: { name: "Taylor Example", phone: "630-555-0122", authority: "PARENT_OF_MINOR" } };
      f.patient.firstName = "Casey";
      f.patient.lastName = "Example";
      f.patient.dateOfBirth = "2011-01-01";
      f.information.specialCategories = { MENTAL_HEALTH: "TE" };
      f.signature.typedName = "Taylor Example";
      f.signature.acknowledgeMentalHealth = true;
    });
    const issues = issuesOf(form);
    expect(issues["signature.minor.typedName"]).toBeDefined();
    // The parent's initials are not the minor's consent.
    expect(issues["information.specialCategories.MENTAL_HEALTH"]?.[0]).toMatch(/patient’s own initials/);
    form.information.specialCategories = { MENTAL_HEALTH: "CE" };
    // The parent's own name is not the minor's signature.
    form.signature.minor = { typedName: "Taylor Example", method: "TYPED" };
    expect(Object.keys(issuesOf(form))).toEqual(["signature.minor.typedName"]);
    form.signature.minor = { typedName: "Casey Example", method: "DRAWN" };
    expect(Object.keys(issuesOf(form))).toEqual(["signature.minor.drawn"]);
    form.signature.minor = { typedName: "Casey Example", method: "TYPED" };
    expect(issuesOf(form)).toEqual({});
  });
});

describe("representative authority (RULES.md §4)", () => {
  const rep = (authority: string, extra: object = {}) =>
    withChange((f) => {
      f.requester = { kind: "REPRESENTATIVE", representative: { name: "Riley Placeholder", phone: "630-555-0111", authority: authority as never, ...extra } };
      f.signature.typedName = "Riley Placeholder";
    });
  it("'other' must be explained", () => {
    expect(issuesOf(rep("OTHER"))["requester.representative.authorityDetail"]).toBeDefined();
    expect(issuesOf(rep("OTHER", { authorityDetail: "Conservator under a court order" }))).toEqual({});
  });
  it("a parent acts only for a minor", () => {
    expect(issuesOf(rep("PARENT_OF_MINOR"))["requester.representative.authority"]).toBeDefined();
  });
  it("an executor acts for a deceased patient", () => {
    expect(issuesOf(rep("ESTATE_EXECUTOR_OR_ADMINISTRATOR"))["patient.deceased"]).toBeDefined();
    const ok = rep("ESTATE_EXECUTOR_OR_ADMINISTRATOR");
    ok.patient.deceased = true;
    expect(issuesOf(ok)).toEqual({});
  });
});

describe("expiration", () => {
  it("must be after today and within 10 years", () => {
    expect(issuesOf(withChange((f) => (f.expiration = { kind: "DATE", date: TODAY })))["expiration.date"]).toBeDefined();
    expect(issuesOf(withChange((f) => (f.expiration = { kind: "DATE", date: "2037-01-01" })))["expiration.date"]).toBeDefined();
  });
  it("defaults to one year after signing", () => {
    expect(suggestedExpiration("2026-11-25")).toBe("2027-11-25");
    expect(suggestedExpiration("2028-02-29")).toBe("2029-02-28");
  });
});

describe("Section 4 — delivery method", () => {
  it("secure e-mail needs the address twice, matching", () => {
    expect(issuesOf(withChange((f) => (f.delivery = { method: "SECURE_EMAIL", email: "a@example.com", emailConfirm: "b@example.com" })))["delivery.emailConfirm"]).toEqual([
      "The two e-mail addresses do not match",
    ]);
    expect(issuesOf(withChange((f) => (f.delivery = { method: "SECURE_EMAIL", email: "not-an-email", emailConfirm: "not-an-email" })))["delivery.email"]).toBeDefined();
  });
  it("mail needs a full address with a real ZIP code", () => {
    const issues = issuesOf(withChange((f) => (f.delivery = { method: "MAIL", address: { line1: "1 Main", city: "Wheaton", state: "IL", postalCode: "6018" } })));
    expect(issues["delivery.address.postalCode"]).toBeDefined();
  });
  it("pickup needs a phone number to call", () => {
    expect(issuesOf(withChange((f) => (f.delivery = { method: "PICKUP", phone: "555" })))["delivery.phone"]).toBeDefined();
    expect(issuesOf(withChange((f) => (f.delivery = { method: "PICKUP", phone: "(630) 555-0100", bestTimes: "mornings" })))).toEqual({});
  });
});

describe("dates", () => {
  it("age counts whole years", () => {
    expect(ageOn("2011-11-26", "2026-11-25")).toBe(14);
    expect(ageOn("2011-11-25", "2026-11-25")).toBe(15);
  });
  it("today is taken in Chicago", () => {
    expect(todayInChicago(new Date("2026-11-26T03:00:00Z"))).toBe("2026-11-25");
  });
});

describe("robustness", () => {
  it("answers non-objects with a plain invalid result, never an exception", () => {
    for (const value of [null, undefined, 42, "x", []]) expect(schema.safeParse(value).success).toBe(false);
  });
  it("keeps pickup for records going to the patient or representative", () => {
    const form = withChange((f) => {
      f.recipient = { kind: "MEDICAL_PROVIDER", name: "Example Clinic", address: f.patient.address, phone: "630-555-0133" };
      f.delivery = { method: "PICKUP", phone: "630-555-0100" };
    });
    expect(issuesOf(form)["delivery.method"]).toBeDefined();
  });
});
