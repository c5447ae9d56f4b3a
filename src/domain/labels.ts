/** The words people see for each value: one place for the form, the review step, PDFs and staff pages. */
import type { DeliveryMethod, Purpose, RecordType, RepresentativeAuthority, SpecialCategory } from "./authorization-form";

export const representativeAuthorityLabels: Record<RepresentativeAuthority, { label: string; proof: string }> = {
  PARENT_OF_MINOR: { label: "Parent or legal guardian of a patient under 18", proof: "birth certificate, adoption decree or guardianship order" },
  COURT_APPOINTED_GUARDIAN: { label: "Court-appointed guardian of an adult patient", proof: "the court's guardianship order" },
  HEALTH_CARE_POWER_OF_ATTORNEY: { label: "Agent under a health care power of attorney", proof: "the signed power of attorney for health care" },
  ESTATE_EXECUTOR_OR_ADMINISTRATOR: {
    label: "Executor or administrator of a deceased patient's estate",
    proof: "letters of office from the court, and the death certificate",
  },
  OTHER: { label: "Other legal authority (explain)", proof: "the document that gives you authority to act for the patient" },
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
      "A Record Connect associate calls you to schedule a pickup and gives you instructions. Bring a government-issued photo ID: we check it before handing over the records.",
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
