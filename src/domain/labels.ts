/** The words people see for each value: one place for the form, the review step, PDFs and staff pages. */
import type { DeliveryMethod, Purpose, RecordType, RepresentativeAuthority, SpecialCategory } from "./authorization-form";
import type { SurvivingRelationship } from "./signing-rules";

export const representativeAuthorityLabels: Record<RepresentativeAuthority, { label: string; proof: string }> = {
  PARENT_OF_MINOR: { label: "Parent of a patient under 18", proof: "the child's birth certificate or adoption decree" },
  COURT_APPOINTED_GUARDIAN: { label: "Court-appointed guardian (of a child or of an adult)", proof: "the court's guardianship order" },
  HEALTH_CARE_POWER_OF_ATTORNEY: { label: "Agent under a health care power of attorney", proof: "the signed power of attorney for health care" },
  ESTATE_EXECUTOR_OR_ADMINISTRATOR: {
    label: "Executor or administrator of a deceased patient's estate",
    proof: "letters of office from the court, and the death certificate",
  },
  SURVIVING_RELATIVE: {
    label: "Surviving relative of a deceased patient (no executor or administrator appointed)",
    proof: "the death certificate",
  },
  OTHER: {
    label: "Other legal authority (explain)",
    proof: "the document that gives you authority to act for the patient",
  },
};

export const recordTypeLabels: Record<RecordType, string> = {
  VISIT_NOTES: "Visit notes and summaries",
  LAB_RESULTS: "Lab results",
  IMAGING_REPORTS: "Imaging reports (X-ray, MRI, CT, ultrasound)",
  IMMUNIZATIONS: "Immunization records",
  MEDICATION_LIST: "Medication list",
  BILLING_RECORDS: "Billing records",
  OTHER: "Other (describe)",
};

export const specialCategoryLabels: Record<SpecialCategory, { label: string; law: string }> = {
  MENTAL_HEALTH: { label: "Mental health and developmental disabilities records", law: "740 ILCS 110" },
  HIV_AIDS: { label: "HIV/AIDS test results, diagnosis or treatment", law: "410 ILCS 305" },
  GENETIC_TESTING: { label: "Genetic testing information", law: "410 ILCS 513" },
  SUBSTANCE_USE_DISORDER: { label: "Substance use disorder treatment records", law: "42 CFR Part 2" },
};

export const psychotherapyNotesLabel = "Psychotherapy notes (only on an authorization for them alone)";

export const purposeLabels: Record<Purpose, string> = {
  AT_REQUEST_OF_INDIVIDUAL: "At the request of the patient (personal copy)",
  CONTINUING_CARE: "Continuing medical care",
  LEGAL: "Legal matter",
  INSURANCE: "Insurance or disability claim",
  PERSONAL: "Personal records or school, camp or work forms",
  OTHER: "Other (describe)",
};

export const deliveryMethodLabels: Record<DeliveryMethod, { label: string; explanation: string }> = {
  SECURE_EMAIL: {
    label: "Secure e-mail",
    explanation:
      "We e-mail you a link to a secure website where you download the records. The e-mail itself never contains records or health information.",
  },
  MAIL: { label: "Mail", explanation: "We mail paper or electronic copies to the address you give." },
  PICKUP: {
    label: "Call for pickup by the patient or legal representative",
    explanation:
      "For urgent onsite pickup. A Record Connect associate calls the patient to schedule a pickup and gives you the place, the day and time, and what to bring. Bring a government-issued photo ID: we check it before handing over the records.",
  },
};

export const recipientKindLabels = {
  SELF: "Me (the patient, or the legal representative making this request)",
  MEDICAL_PROVIDER: "Another medical provider (doctor, hospital or clinic)",
  THIRD_PARTY: "Another person or organization, such as an attorney or insurance company",
} as const;

/** The statements the signer must read (RULES.md §2), in plain language. Used on the form and in the signed PDF. */
export const requiredStatements = {
  revocation:
    "You may revoke (cancel) this authorization at any time by telling Record Connect in writing, for example through the request status page or by mail. Revoking stops future releases; it cannot undo records already released while the authorization was valid.",
  noConditioning:
    "Your treatment, payment, enrollment in a health plan, or eligibility for benefits does not depend on whether you sign this authorization.",
  redisclosure:
    "Once records are released, the person or organization that receives them may share them again, and federal privacy law (HIPAA) may no longer protect them. Some records, such as substance use disorder, mental health, HIV/AIDS and genetic testing records, stay protected by other laws.",
  copy: "You will get a copy of this signed authorization.",
} as const;

export const feeStatement = {
  provider: "There is no charge when records go directly to another medical provider.",
  others:
    "When records go to you or to anyone who is not a medical provider, there may be a fee, limited by Illinois law (735 ILCS 5/8-2001) and federal law (HIPAA, 45 CFR 164.524). For your own electronic copy the fee is at most a flat $6.50.",
  invoice:
    "If there is a fee, Record Connect sends an invoice summarizing the charges before releasing the records. Pay by credit card over the phone at (312) 757-5020, or by check mailed to the address on the invoice. Cash is never accepted.",
} as const;

export const survivingRelationshipLabels: Record<SurvivingRelationship, string> = {
  SPOUSE: "Surviving spouse",
  ADULT_CHILD: "Adult son or daughter",
  PARENT: "Parent",
  ADULT_SIBLING: "Adult brother or sister",
};

/**
 * The written statement a surviving relative signs (735 ILCS 5/8-2001.5(a), (d): the "Authorized
 * Relative Certification"), in plain words. Printed on the signed authorization and stored with it.
 */
export function relativeStatementText({ relativeName, patientName, relationship }: { relativeName: string; patientName: string; relationship: SurvivingRelationship }): string {
  const rel = survivingRelationshipLabels[relationship].toLowerCase();
  return [
    `I, ${relativeName}, certify that I am the ${rel} of ${patientName}, who has died.`,
    "No executor or administrator of the estate has been appointed, and the patient left no agent under a power of attorney for health care who can act after death.",
    relationship === "SPOUSE" ? "" : "The patient has no surviving spouse.",
    "To my knowledge, the patient did not object in writing to the release of their health records.",
    "I ask for these records as a relative Illinois law authorizes (735 ILCS 5/8-2001.5), and I include a copy of the death certificate.",
  ]
    .filter(Boolean)
    .join(" ");
}

/** The statements 740 ILCS 110/5 adds for mental health records, in plain language (form and signed PDF). */
export const mentalHealthStatements = {
  inspect:
    "You have the right to inspect and copy the mental health records released under this consent: ask Record Connect.",
  refusal:
    "You may refuse to sign this consent. Refusing has no effect on treatment or services, except that the mental health records you ask for will not be released.",
  expiry:
    "This consent for mental health records is valid until the calendar date written on it; it cannot last beyond that date.",
  revoke:
    "You may revoke this consent at any time, in writing, signed and witnessed; a revocation does not undo a release made before it.",
  witness:
    "A witness who can attest to the signer's identity must confirm it: online, a Record Connect associate checks your photo ID and records it before these records are released.",
} as const;
