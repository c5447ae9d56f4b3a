import "server-only";
import { DEFAULT_COMMITMENT_BUSINESS_DAYS, responseCommitmentText } from "@/domain/response-commitment";
import { DELIVERY_METHODS, RECORD_TYPES, REPRESENTATIVE_AUTHORITIES, SPECIAL_CATEGORIES } from "@/domain/authorization-form";
import {
  deliveryMethodLabels,
  mentalHealthStatements,
  psychotherapyNotesLabel,
  recordTypeLabels,
  representativeAuthorityLabels,
  specialCategoryLabels,
} from "@/domain/labels";
import { organization } from "@/domain/organization";
import { MENTAL_HEALTH_WITNESS_NOTE, PRINTABLE_FORMS, sendTheFormTo } from "@/domain/printable-forms";
import { PdfWriter } from "./layout";

/** Field name segment for an enum value: PARENT_OF_MINOR → parentOfMinor. */
export const fieldKey = (value: string) => value.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Who is asking: the patient, or a representative with their authority (both printable forms). */
export function whoIsAsking(pdf: PdfWriter) {
  pdf.radioGroup("requester.kind", "I am (choose one)", [
    { value: "PATIENT", label: "The patient." },
    { value: "REPRESENTATIVE", label: "A legal representative acting for the patient, with this authority (choose one):" },
  ]);
  pdf.radioGroup(
    "representative.authority",
    "A representative's authority — and attach the proof named",
    REPRESENTATIVE_AUTHORITIES.map((a) => ({ value: a, label: `${representativeAuthorityLabels[a].label} — attach ${representativeAuthorityLabels[a].proof}.` })),
  );
  pdf.fields({ name: "representative.name", label: "Representative's name" }, { name: "representative.phone", label: "Phone", width: 120 }, { name: "representative.email", label: "E-mail", width: 170 });
  pdf.fields({ name: "representative.authorityDetail", label: "Describe your authority (for \"Other\", or anything we should know)" });
}

/** The patient's identity (both printable forms). */
export function patientIdentity(pdf: PdfWriter) {
  pdf.fields({ name: "patient.legalName", label: "Patient's legal name (first, middle, last)" });
  pdf.fields({ name: "patient.otherNames", label: "Other names used (maiden or previous names)" });
  pdf.fields({ name: "patient.dateOfBirth", label: "Date of birth (MM/DD/YYYY)", width: 130 }, { name: "patient.phone", label: "Phone", width: 130 }, { name: "patient.email", label: "E-mail" });
  pdf.fields({ name: "patient.address", label: "Address (street, city, state, ZIP)" });
  pdf.fields({ name: "patient.mrn", label: "Medical record number (if known)", width: 200 });
}

/** The signature block (both printable forms): signer, date, printed name, minor's signature, the witness line. */
export function signatureBlock(pdf: PdfWriter, options: { minorLine: boolean }) {
  pdf.keepRestTogether();
  pdf.heading("Signature");
  pdf.signatureLine("Signature of the patient or legal representative (sign by hand, or with your PDF reader's signing tool)", { name: "signature.date", label: "Date (MM/DD/YYYY)" });
  pdf.fields({ name: "signature.printedName", label: "Printed name" }, { name: "signature.authority", label: "If a representative: your authority (as chosen above)", width: 250 });
  if (options.minorLine) {
    pdf.signatureLine("Patient aged 12–17, for mental health records: the patient's own signature (740 ILCS 110/4)", { name: "minor.date", label: "Date (MM/DD/YYYY)" });
  }
  pdf.paragraph(MENTAL_HEALTH_WITNESS_NOTE, { size: 9, muted: true });
  pdf.signatureLine("Witness's signature", { name: "witness.date", label: "Date (MM/DD/YYYY)" });
  pdf.fields({ name: "witness.printedName", label: "Witness's printed name" }, { name: "witness.howKnown", label: "How the witness knows the signer's identity", width: 250 });
  pdf.heading("Send the signed form");
  for (const line of sendTheFormTo()) pdf.paragraph(line, { bold: line.startsWith("Mail") || line.startsWith("Or fax") });
  pdf.paragraph("Include a copy of your government-issued photo ID and, if you sign for the patient, proof of your authority.", { size: 9.5 });
}

/**
 * The printable "Authorization for Release of Health Information" for people who prefer paper —
 * fillable on screen (AcroForm text fields, check boxes and radio groups, docs/decisions/0019):
 * the same sections, statements and choices as the online form. Staff key returned forms in.
 */
export async function renderBlankAuthorizationPdf(commitmentBusinessDays = DEFAULT_COMMITMENT_BUSINESS_DAYS): Promise<Uint8Array> {
  return (await buildBlankAuthorizationPdf(commitmentBusinessDays)).finish();
}

/** The form, with the stated response commitment (issue 17 item 4) in force today. */
export async function buildBlankAuthorizationPdf(commitmentBusinessDays = DEFAULT_COMMITMENT_BUSINESS_DAYS): Promise<PdfWriter> {
  const form = PRINTABLE_FORMS.authorization;
  const pdf = await PdfWriter.create({
    title: form.title,
    subject: "Blank form, fillable on screen",
    footer: `${organization.name} · ${organization.serviceName} · Questions: ${organization.questionsPhone} · Fax ${organization.fax}`,
  });
  pdf.title(form.title, `${organization.name} · ${organization.serviceName}`);
  pdf.paragraph(
    `Fill in this form on screen or print it and write clearly; complete every section and sign it. Include a copy of your government-issued photo ID and, if you sign for the patient, proof of your authority. Mail it to ${organization.mailingAddress.join(", ")}, or fax it to ${organization.fax}. Questions: ${organization.questionsPhone}, ${organization.questionsHours}. You can also request records online. Some information, such as test results and visit summaries, is already available in MyChart. To get a copy of your own records for yourself, the shorter "${PRINTABLE_FORMS.ownRecords.title}" form is enough.`,
    { size: 9.5 },
  );
  pdf.paragraph(responseCommitmentText(commitmentBusinessDays), { size: 9.5, bold: true });
  pdf.paragraph("Records of Edward-Elmhurst Healthcare cannot be released by DuPage Medical Group: contact Edward-Elmhurst directly. To have records sent to DuPage Medical Group from another facility, contact that facility.", { size: 9.5, muted: true });

  pdf.heading("1. Patient");
  patientIdentity(pdf);

  pdf.heading("2. Who is asking");
  whoIsAsking(pdf);

  pdf.heading("3. Release from and to");
  pdf.paragraph(`I authorize ${organization.name}, all locations (Record Connect on its behalf), to release the information below to:`);
  pdf.radioGroup("recipient.kind", "Recipient (choose one)", [
    { value: "SELF", label: "Me (the patient or the legal representative above)." },
    { value: "MEDICAL_PROVIDER", label: "Another medical provider (no charge)." },
    { value: "THIRD_PARTY", label: "Another person or organization, such as an attorney or insurer." },
  ]);
  pdf.fields({ name: "recipient.name", label: "Recipient's name" });
  pdf.fields({ name: "recipient.contact", label: "Recipient's address, phone, fax or e-mail", lines: 2 });

  pdf.heading("Information to release");
  pdf.checkbox("information.completeRecord", "The complete medical record (excluding the specially protected information below unless initialed).");
  for (const type of RECORD_TYPES) pdf.checkbox(`information.recordType.${fieldKey(type)}`, recordTypeLabels[type]);
  pdf.fields({ name: "information.other", label: "Other records (describe)" });
  pdf.fields({ name: "information.dateFrom", label: "Dates of service: from (MM/DD/YYYY)", width: 200 }, { name: "information.dateTo", label: "to (MM/DD/YYYY)", width: 200 });
  pdf.paragraph("Specially protected information is released only if you initial it here:", { bold: true });
  for (const category of SPECIAL_CATEGORIES) {
    const { label, law } = specialCategoryLabels[category];
    pdf.fields({ name: `initials.${fieldKey(category)}`, label: "Initials", width: 60 }, { name: `initials.${fieldKey(category)}Note`, label: `${label} (${law}) — optional note` });
  }
  pdf.fields({ name: "initials.psychotherapyNotes", label: "Initials", width: 60 }, { name: "initials.psychotherapyNotesNote", label: `${psychotherapyNotesLabel} — optional note` });

  pdf.heading("Purpose and expiration");
  pdf.fields({ name: "purpose", label: "Purpose of the release (\"at the request of the patient\" is enough)" });
  pdf.fields({ name: "expiration", label: "This authorization expires on (date) or when (event); mental health records need a calendar date" });
  pdf.paragraph(mentalHealthStatements.expiry, { size: 9, muted: true });

  pdf.heading("4. Delivery method");
  pdf.radioGroup(
    "delivery.method",
    "Choose one",
    DELIVERY_METHODS.map((m) => ({ value: m, label: `${deliveryMethodLabels[m].label}. ${deliveryMethodLabels[m].explanation}` })),
  );
  pdf.fields({ name: "delivery.details", label: "E-mail for the secure link, mailing address, or phone number to call for pickup (and the best times)", lines: 2 });

  pdf.feesAndStatements();
  signatureBlock(pdf, { minorLine: true });
  return pdf;
}
