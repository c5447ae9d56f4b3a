import "server-only";
import { DEFAULT_COMMITMENT_BUSINESS_DAYS } from "@/domain/response-commitment";
import { DELIVERY_METHODS, RECORD_TYPES, REPRESENTATIVE_AUTHORITIES, SPECIAL_CATEGORIES, type DeliveryMethod, type RecordType, type RepresentativeAuthority, type SpecialCategory } from "@/domain/authorization-form";
import { specialCategoryLabels } from "@/domain/labels";
import { organization } from "@/domain/organization";
import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import { PdfWriter } from "./layout";
import { feesAndStatementsWords, pdfChrome, pdfSubtitle, questionsHoursIn, responseCommitmentIn } from "./pdf-words";

/** Field name segment for an enum value: PARENT_OF_MINOR → parentOfMinor. */
export const fieldKey = (value: string) => value.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Catalogue keys (namespace `printable`) of the values printed on the forms, as literals the key test sees. */
const AUTHORITY_KEYS = {
  PARENT_OF_MINOR: ["authority.PARENT_OF_MINOR", "authority.PARENT_OF_MINOR_proof"],
  COURT_APPOINTED_GUARDIAN: ["authority.COURT_APPOINTED_GUARDIAN", "authority.COURT_APPOINTED_GUARDIAN_proof"],
  HEALTH_CARE_POWER_OF_ATTORNEY: ["authority.HEALTH_CARE_POWER_OF_ATTORNEY", "authority.HEALTH_CARE_POWER_OF_ATTORNEY_proof"],
  ESTATE_EXECUTOR_OR_ADMINISTRATOR: ["authority.ESTATE_EXECUTOR_OR_ADMINISTRATOR", "authority.ESTATE_EXECUTOR_OR_ADMINISTRATOR_proof"],
  SURVIVING_RELATIVE: ["authority.SURVIVING_RELATIVE", "authority.SURVIVING_RELATIVE_proof"],
  OTHER: ["authority.OTHER", "authority.OTHER_proof"],
} as const satisfies Record<RepresentativeAuthority, readonly [string, string]>;

export const RECORD_TYPE_KEYS = {
  VISIT_NOTES: "recordType.VISIT_NOTES",
  LAB_RESULTS: "recordType.LAB_RESULTS",
  IMAGING_REPORTS: "recordType.IMAGING_REPORTS",
  IMMUNIZATIONS: "recordType.IMMUNIZATIONS",
  MEDICATION_LIST: "recordType.MEDICATION_LIST",
  BILLING_RECORDS: "recordType.BILLING_RECORDS",
  OTHER: "recordType.OTHER",
} as const satisfies Record<RecordType, string>;

/** The special categories' names: the online form's words (namespace `form`). */
const SPECIAL_CATEGORY_KEYS = {
  MENTAL_HEALTH: "records.MENTAL_HEALTH",
  HIV_AIDS: "records.HIV_AIDS",
  GENETIC_TESTING: "records.GENETIC_TESTING",
  SUBSTANCE_USE_DISORDER: "records.SUBSTANCE_USE_DISORDER",
} as const satisfies Record<SpecialCategory, string>;

/** Delivery methods: the online form's words (namespace `labels`). */
const DELIVERY_KEYS = {
  SECURE_EMAIL: ["deliveryMethod.SECURE_EMAIL", "deliveryExplanation.SECURE_EMAIL"],
  MAIL: ["deliveryMethod.MAIL", "deliveryExplanation.MAIL"],
  PICKUP: ["deliveryMethod.PICKUP", "deliveryExplanation.PICKUP"],
} as const satisfies Record<DeliveryMethod, readonly [string, string]>;

/** Who is asking: the patient, or a representative with their authority (both printable forms). */
export function whoIsAsking(pdf: PdfWriter, locale: Locale = "en") {
  const t = translatorFor(locale, "printable");
  pdf.radioGroup("requester.kind", t("who.label"), [
    { value: "PATIENT", label: t("who.patient") },
    { value: "REPRESENTATIVE", label: t("who.representative") },
  ]);
  pdf.radioGroup(
    "representative.authority",
    t("who.authorityLabel"),
    REPRESENTATIVE_AUTHORITIES.map((a) => ({ value: a, label: t("who.authorityChoice", { authority: t(AUTHORITY_KEYS[a][0]), proof: t(AUTHORITY_KEYS[a][1]) }) })),
  );
  pdf.fields({ name: "representative.name", label: t("who.name") }, { name: "representative.phone", label: t("who.phone"), width: 120 }, { name: "representative.email", label: t("who.email"), width: 170 });
  pdf.fields({ name: "representative.authorityDetail", label: t("who.authorityDetail") });
}

/** The patient's identity (both printable forms). */
export function patientIdentity(pdf: PdfWriter, locale: Locale = "en") {
  const t = translatorFor(locale, "printable");
  pdf.fields({ name: "patient.legalName", label: t("patient.legalName") });
  pdf.fields({ name: "patient.otherNames", label: t("patient.otherNames") });
  pdf.fields({ name: "patient.dateOfBirth", label: t("patient.dateOfBirth"), width: 130 }, { name: "patient.phone", label: t("patient.phone"), width: 130 }, { name: "patient.email", label: t("patient.email") });
  pdf.fields({ name: "patient.address", label: t("patient.address") });
  pdf.fields({ name: "patient.mrn", label: t("patient.mrn"), width: 200 });
}

/** A record type's name on the printable forms. */
export function recordTypeLabel(locale: Locale, type: RecordType): string {
  return translatorFor(locale, "printable")(RECORD_TYPE_KEYS[type]);
}

/** The signature block (both printable forms): signer, date, printed name, minor's signature, the witness line. */
export function signatureBlock(pdf: PdfWriter, options: { minorLine: boolean }, locale: Locale = "en") {
  const t = translatorFor(locale, "printable");
  pdf.keepRestTogether();
  pdf.heading(t("signature.heading"));
  pdf.signatureLine(t("signature.signer"), { name: "signature.date", label: t("signature.date") });
  pdf.fields({ name: "signature.printedName", label: t("signature.printedName") }, { name: "signature.authority", label: t("signature.authority"), width: 250 });
  if (options.minorLine) {
    pdf.signatureLine(t("signature.minor"), { name: "minor.date", label: t("signature.date") });
  }
  pdf.paragraph(t("signature.witnessNote"), { size: 9, muted: true });
  pdf.signatureLine(t("signature.witness"), { name: "witness.date", label: t("signature.date") });
  pdf.fields({ name: "witness.printedName", label: t("signature.witnessPrintedName") }, { name: "witness.howKnown", label: t("signature.witnessHowKnown"), width: 250 });
  pdf.heading(t("send.heading"));
  pdf.paragraph(t("send.mail", { address: organization.mailingAddress.join(", ") }), { bold: true });
  pdf.paragraph(t("send.fax", { fax: organization.fax }), { bold: true });
  pdf.paragraph(t("send.questions", { phone: organization.questionsPhone, hours: questionsHoursIn(locale) }), { bold: false });
  pdf.paragraph(t("send.includeId"), { size: 9.5 });
}

/**
 * The printable "Authorization for Release of Health Information" for people who prefer paper —
 * fillable on screen (AcroForm text fields, check boxes and radio groups, docs/decisions/0019):
 * the same sections, statements and choices as the online form, in English or Spanish (every word
 * from the catalogues, decision 0024; the field names are the same in both). Staff key returned forms in.
 */
export async function renderBlankAuthorizationPdf(commitmentBusinessDays = DEFAULT_COMMITMENT_BUSINESS_DAYS, locale: Locale = "en"): Promise<Uint8Array> {
  return (await buildBlankAuthorizationPdf(commitmentBusinessDays, locale)).finish();
}

/** The form, with the stated response commitment (issue 17 item 4) in force today. */
export async function buildBlankAuthorizationPdf(commitmentBusinessDays = DEFAULT_COMMITMENT_BUSINESS_DAYS, locale: Locale = "en"): Promise<PdfWriter> {
  const t = translatorFor(locale, "printable");
  const form = translatorFor(locale, "form");
  const all = translatorFor(locale, "statements");
  const labels = translatorFor(locale, "labels");
  const title = t("authorizationTitle");
  const pdf = await PdfWriter.create({ title, subject: t("blankSubject"), ...pdfChrome(locale) });
  pdf.title(title, pdfSubtitle(locale));
  pdf.paragraph(
    t("auth.intro", { address: organization.mailingAddress.join(", "), fax: organization.fax, phone: organization.questionsPhone, hours: questionsHoursIn(locale), ownTitle: t("ownRecordsTitle") }),
    { size: 9.5 },
  );
  pdf.paragraph(responseCommitmentIn(locale, commitmentBusinessDays), { size: 9.5, bold: true });
  pdf.paragraph(t("auth.edward"), { size: 9.5, muted: true });

  pdf.heading(t("auth.patientHeading"));
  patientIdentity(pdf, locale);

  pdf.heading(t("auth.whoHeading"));
  whoIsAsking(pdf, locale);

  pdf.heading(t("auth.releaseHeading"));
  pdf.paragraph(t("auth.release", { organization: organization.name }));
  pdf.radioGroup("recipient.kind", t("auth.recipientLabel"), [
    { value: "SELF", label: t("auth.recipientSelf") },
    { value: "MEDICAL_PROVIDER", label: t("auth.recipientProvider") },
    { value: "THIRD_PARTY", label: t("auth.recipientThirdParty") },
  ]);
  pdf.fields({ name: "recipient.name", label: t("auth.recipientName") });
  pdf.fields({ name: "recipient.contact", label: t("auth.recipientContact"), lines: 2 });

  pdf.heading(t("auth.informationHeading"));
  pdf.checkbox("information.completeRecord", t("auth.completeRecord"));
  for (const type of RECORD_TYPES) pdf.checkbox(`information.recordType.${fieldKey(type)}`, recordTypeLabel(locale, type));
  pdf.fields({ name: "information.other", label: t("auth.otherRecords") });
  pdf.fields({ name: "information.dateFrom", label: t("auth.dateFrom"), width: 200 }, { name: "information.dateTo", label: t("auth.dateTo"), width: 200 });
  pdf.paragraph(t("auth.special"), { bold: true });
  for (const category of SPECIAL_CATEGORIES) {
    const { law } = specialCategoryLabels[category];
    pdf.fields({ name: `initials.${fieldKey(category)}`, label: t("auth.initials"), width: 60 }, { name: `initials.${fieldKey(category)}Note`, label: t("auth.specialNote", { category: form(SPECIAL_CATEGORY_KEYS[category]), law }) });
  }
  pdf.fields({ name: "initials.psychotherapyNotes", label: t("auth.initials"), width: 60 }, { name: "initials.psychotherapyNotesNote", label: t("auth.psychotherapyNote") });

  pdf.heading(t("auth.purposeHeading"));
  pdf.fields({ name: "purpose", label: t("auth.purpose") });
  pdf.fields({ name: "expiration", label: t("auth.expiration") });
  pdf.paragraph(all("mentalHealthExpiry"), { size: 9, muted: true });

  pdf.heading(t("auth.deliveryHeading"));
  pdf.radioGroup(
    "delivery.method",
    t("auth.chooseOne"),
    DELIVERY_METHODS.map((m) => ({ value: m, label: t("auth.deliveryChoice", { method: labels(DELIVERY_KEYS[m][0]), explanation: labels(DELIVERY_KEYS[m][1]) }) })),
  );
  pdf.fields({ name: "delivery.details", label: t("auth.deliveryDetails"), lines: 2 });

  pdf.feesAndStatements(feesAndStatementsWords(locale));
  signatureBlock(pdf, { minorLine: true }, locale);
  return pdf;
}
