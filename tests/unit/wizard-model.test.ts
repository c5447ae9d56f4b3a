import { describe, expect, it } from "vitest";
import { accessRequestSchema, authorizationFormSchema, paperAuthorizationFormSchema } from "@/domain/authorization-form";
import { initialValues, toSubmission, UPLOAD_ERROR_NAMES, wizardSteps } from "@/components/authorization-form/model";
import { TODAY, validAccessForm, validPaperForm, validPatientForm } from "../support/forms";

/** The form's state: the starting values of every field, with the answers of a complete form over them. */
function filledIn(answers: object, mode: "online" | "paper" | "access") {
  const merge = (base: unknown, over: unknown): unknown =>
    base && over && typeof base === "object" && typeof over === "object" && !Array.isArray(over)
      ? Object.fromEntries([...new Set([...Object.keys(base), ...Object.keys(over)])].map((k) => [k, merge((base as never)[k], (over as never)[k])]))
      : (over ?? base);
  return merge(initialValues(TODAY, mode), answers);
}

describe("the wizard's two modes", () => {
  it("paper: a step for the scan and its receipt first, the shared sections, the signature as written, no release or fees step", () => {
    const steps = wizardSteps("paper");
    expect(steps.list.map((s) => s.key)).toEqual(["paper", "requester", "patient", "recipient", "information", "purpose", "delivery", "signature", "review"]);
    expect(steps.ofField(UPLOAD_ERROR_NAMES.paperFormScan)).toBe(0);
    expect(steps.ofField("paper.receivedOn")).toBe(0);
    expect(steps.ofField(UPLOAD_ERROR_NAMES.photoId)).toBe(steps.index("requester"));
    expect(steps.ofField("signature.signedOn")).toBe(steps.index("signature"));
    expect(steps.triggerNames([steps.index("signature")])).toEqual(["signature.signerName", "signature.signedOn", "signature.minorName"]);
    expect(steps.ofField("release.source")).toBe(-1);
  });

  it("online: unchanged, ten steps from whose records to review", () => {
    const steps = wizardSteps("online");
    expect(steps.list.map((s) => s.key)).toEqual(["release", "requester", "patient", "recipient", "information", "purpose", "delivery", "fees", "signature", "review"]);
    expect(steps.ofField("paper.receivedOn")).toBe(-1);
  });

  it("a paper form starts received today, signed in ink", () => {
    expect(initialValues(TODAY, "paper")).toMatchObject({ paper: { receivedOn: TODAY }, signature: { method: "WET_INK" } });
    expect(initialValues(TODAY, "online")).toMatchObject({ signature: { method: "DRAWN" } });
  });

  it("each mode sends only its own fields, which its schema accepts", () => {
    const paper = toSubmission(filledIn(validPaperForm(), "paper"), TODAY, "paper");
    expect(Object.keys(paper)).not.toContain("release");
    expect(paperAuthorizationFormSchema(TODAY).safeParse(paper).success).toBe(true);
    const online = toSubmission(filledIn(validPatientForm(), "online"), TODAY, "online");
    expect(Object.keys(online)).not.toContain("paper");
    expect(authorizationFormSchema(TODAY).safeParse(online).success).toBe(true);
  });
});

describe("the signing rules shape what the wizard sends", () => {
  const schema = authorizationFormSchema(TODAY);

  it("a patient's own request sends no minor's signature, no mental-health acknowledgement and no relative's statement", () => {
    const sent = toSubmission(filledIn(validPatientForm(), "online"), TODAY, "online") as unknown as Record<string, Record<string, unknown>>;
    expect(sent.signature).not.toHaveProperty("minor");
    expect(sent.signature).not.toHaveProperty("acknowledgeMentalHealth");
    expect(sent.patient).toMatchObject({ emancipated: false });
    expect(schema.safeParse(sent).success).toBe(true);
  });

  it("a parent's request for a 15-year-old's mental health records sends the minor's signature, and the schema accepts it", () => {
    const form = validPatientForm();
    form.requester = { kind: "REPRESENTATIVE", representative: { name: "Taylor Sample", phone: "630-555-0122", authority: "PARENT_OF_MINOR" } };
    Object.assign(form.patient, { dateOfBirth: "2011-06-01" });
    form.information.specialCategories = { MENTAL_HEALTH: "JS" };
    form.signature = { ...form.signature, typedName: "Taylor Sample", acknowledgeMentalHealth: true, minor: { typedName: "Jordan Sample", method: "TYPED" } };
    const sent = toSubmission(filledIn(form, "online"), TODAY, "online") as unknown as { signature: { minor?: unknown } };
    expect(sent.signature.minor).toEqual({ typedName: "Jordan Sample", method: "TYPED" });
    expect(schema.safeParse(sent).success).toBe(true);
  });

  it("the relative's statement goes only with a surviving relative's request; emancipation only with a minor's own", () => {
    const base = filledIn(validPatientForm(), "online") as Record<string, Record<string, unknown>>;
    base.requester = { kind: "REPRESENTATIVE", representative: { name: "Riley Sample", phone: "630-555-0111", authority: "HEALTH_CARE_POWER_OF_ATTORNEY", relative: { relationship: "SPOUSE" } } };
    base.patient = { ...base.patient, emancipated: true };
    const sent = toSubmission(base, TODAY, "online") as unknown as { requester: { representative: object }; patient: { emancipated: boolean } };
    expect(sent.requester.representative).not.toHaveProperty("relative");
    expect(sent.patient.emancipated).toBe(false);
  });
});

describe("the access door (issue 17)", () => {
  it("six steps, none for a purpose, an expiry, a recipient or fees to acknowledge; the format owns the delivery", () => {
    const steps = wizardSteps("access");
    expect(steps.list.map((s) => s.key)).toEqual(["requester", "patient", "accessInformation", "format", "signature", "review"]);
    expect(steps.ofField("format")).toBe(steps.index("format"));
    expect(steps.ofField("delivery.email")).toBe(steps.index("format"));
    expect(steps.ofField("information.includeSpecial")).toBe(steps.index("accessInformation"));
    expect(steps.ofField("purpose.purpose")).toBe(-1);
    expect(steps.ofField("expiration.date")).toBe(-1);
  });

  it("starts with the complete record and every specially protected category of the patient's own care", () => {
    expect(initialValues(TODAY, "access")).toMatchObject({ door: "ACCESS", information: { completeRecord: true, includeSpecial: ["MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"] } });
    expect(initialValues(TODAY, "online")).toMatchObject({ information: { completeRecord: false } });
  });

  it("sends only the access fields, the delivery method from the format, which the access schema accepts", () => {
    const { delivery, ...answers } = validAccessForm();
    const { method: _method, ...details } = delivery as { method: string };
    void _method;
    for (const [format, method] of [["PDF_DOWNLOAD", "SECURE_EMAIL"], ["EHI_EXPORT", "SECURE_EMAIL"]] as const) {
      const sent = toSubmission(filledIn({ ...answers, format, delivery: details }, "access"), TODAY, "access") as unknown as Record<string, unknown>;
      expect(Object.keys(sent).sort()).toEqual(["delivery", "door", "format", "information", "patient", "requester", "signature"]);
      expect(sent.delivery).toMatchObject({ method });
      const parsed = accessRequestSchema(TODAY).safeParse(sent);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
});
