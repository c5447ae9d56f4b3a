import { describe, expect, it } from "vitest";
import { authorizationFormSchema, paperAuthorizationFormSchema } from "@/domain/authorization-form";
import { initialValues, toSubmission, UPLOAD_ERROR_NAMES, wizardSteps } from "@/components/authorization-form/model";
import { TODAY, validPaperForm, validPatientForm } from "../support/forms";

/** The form's state: the starting values of every field, with the answers of a complete form over them. */
function filledIn(answers: object, mode: "online" | "paper") {
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
