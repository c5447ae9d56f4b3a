/**
 * Message keys for values chosen at run time (enums), spelled out whole so the key test can see
 * every one is used: `t(DELIVERY_METHOD_LABEL[method])` with a translator of no namespace.
 */
import type { AccessFormat, DeliveryMethod, Purpose, RecordType, RepresentativeAuthority, SpecialCategory } from "@/domain/authorization-form";
import type { SurvivingRelationship } from "@/domain/signing-rules";

export const DELIVERY_METHOD_LABEL = {
  SECURE_EMAIL: "labels.deliveryMethod.SECURE_EMAIL",
  MAIL: "labels.deliveryMethod.MAIL",
  PICKUP: "labels.deliveryMethod.PICKUP",
} as const satisfies Record<DeliveryMethod, string>;

export const DELIVERY_METHOD_EXPLANATION = {
  SECURE_EMAIL: "labels.deliveryExplanation.SECURE_EMAIL",
  MAIL: "labels.deliveryExplanation.MAIL",
  PICKUP: "labels.deliveryExplanation.PICKUP",
} as const satisfies Record<DeliveryMethod, string>;

export const ACCESS_FORMAT_LABEL = {
  PDF_DOWNLOAD: "labels.accessFormat.PDF_DOWNLOAD",
  EHI_EXPORT: "labels.accessFormat.EHI_EXPORT",
  PAPER_MAIL: "labels.accessFormat.PAPER_MAIL",
  PAPER_PICKUP: "labels.accessFormat.PAPER_PICKUP",
} as const satisfies Record<AccessFormat, string>;

export const ACCESS_FORMAT_EXPLANATION = {
  PDF_DOWNLOAD: "labels.accessFormatExplanation.PDF_DOWNLOAD",
  EHI_EXPORT: "labels.accessFormatExplanation.EHI_EXPORT",
  PAPER_MAIL: "labels.accessFormatExplanation.PAPER_MAIL",
  PAPER_PICKUP: "labels.accessFormatExplanation.PAPER_PICKUP",
} as const satisfies Record<AccessFormat, string>;

export const RECORD_TYPE_LABEL = {
  VISIT_NOTES: "labels.recordType.VISIT_NOTES",
  LAB_RESULTS: "labels.recordType.LAB_RESULTS",
  IMAGING_REPORTS: "labels.recordType.IMAGING_REPORTS",
  IMMUNIZATIONS: "labels.recordType.IMMUNIZATIONS",
  MEDICATION_LIST: "labels.recordType.MEDICATION_LIST",
  BILLING_RECORDS: "labels.recordType.BILLING_RECORDS",
  OTHER: "labels.recordType.OTHER",
} as const satisfies Record<RecordType, string>;

export const PURPOSE_LABEL = {
  AT_REQUEST_OF_INDIVIDUAL: "labels.purpose.AT_REQUEST_OF_INDIVIDUAL",
  CONTINUING_CARE: "labels.purpose.CONTINUING_CARE",
  LEGAL: "labels.purpose.LEGAL",
  INSURANCE: "labels.purpose.INSURANCE",
  PERSONAL: "labels.purpose.PERSONAL",
  OTHER: "labels.purpose.OTHER",
} as const satisfies Record<Purpose, string>;

export const RECIPIENT_KIND_LABEL = {
  SELF: "labels.recipientKind.SELF",
  MEDICAL_PROVIDER: "labels.recipientKind.MEDICAL_PROVIDER",
  THIRD_PARTY: "labels.recipientKind.THIRD_PARTY",
} as const;

export const RELEASE_SOURCE_LABEL = {
  THIS_GROUP: "labels.releaseSource.THIS_GROUP",
  EDWARD_ELMHURST: "labels.releaseSource.EDWARD_ELMHURST",
  TO_THIS_GROUP_FROM_ELSEWHERE: "labels.releaseSource.TO_THIS_GROUP_FROM_ELSEWHERE",
} as const;

/** The specially protected categories' names (the own-records form's keys, shared). */
export const SPECIAL_CATEGORY_LABEL = {
  MENTAL_HEALTH: "form.records.MENTAL_HEALTH",
  HIV_AIDS: "form.records.HIV_AIDS",
  GENETIC_TESTING: "form.records.GENETIC_TESTING",
  SUBSTANCE_USE_DISORDER: "form.records.SUBSTANCE_USE_DISORDER",
} as const satisfies Record<SpecialCategory, string>;

export const AUTHORITY_LABEL = {
  PARENT_OF_MINOR: "labels.authority.PARENT_OF_MINOR",
  COURT_APPOINTED_GUARDIAN: "labels.authority.COURT_APPOINTED_GUARDIAN",
  HEALTH_CARE_POWER_OF_ATTORNEY: "labels.authority.HEALTH_CARE_POWER_OF_ATTORNEY",
  ESTATE_EXECUTOR_OR_ADMINISTRATOR: "labels.authority.ESTATE_EXECUTOR_OR_ADMINISTRATOR",
  SURVIVING_RELATIVE: "labels.authority.SURVIVING_RELATIVE",
  OTHER: "labels.authority.OTHER",
} as const satisfies Record<RepresentativeAuthority, string>;

/** The authority as it reads in a summary (authorityInSentence): "Other legal authority" without the form's "(explain)". */
export const AUTHORITY_IN_SENTENCE = { ...AUTHORITY_LABEL, OTHER: "labels.authorityOtherInSentence" } as const satisfies Record<RepresentativeAuthority, string>;

export const AUTHORITY_PROOF = {
  PARENT_OF_MINOR: "labels.authorityProof.PARENT_OF_MINOR",
  COURT_APPOINTED_GUARDIAN: "labels.authorityProof.COURT_APPOINTED_GUARDIAN",
  HEALTH_CARE_POWER_OF_ATTORNEY: "labels.authorityProof.HEALTH_CARE_POWER_OF_ATTORNEY",
  ESTATE_EXECUTOR_OR_ADMINISTRATOR: "labels.authorityProof.ESTATE_EXECUTOR_OR_ADMINISTRATOR",
  SURVIVING_RELATIVE: "labels.authorityProof.SURVIVING_RELATIVE",
  OTHER: "labels.authorityProof.OTHER",
} as const satisfies Record<RepresentativeAuthority, string>;

export const SURVIVING_RELATIONSHIP_LABEL = {
  SPOUSE: "labels.survivingRelationship.SPOUSE",
  ADULT_CHILD: "labels.survivingRelationship.ADULT_CHILD",
  PARENT: "labels.survivingRelationship.PARENT",
  ADULT_SIBLING: "labels.survivingRelationship.ADULT_SIBLING",
} as const satisfies Record<SurvivingRelationship, string>;
