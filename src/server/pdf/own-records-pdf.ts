import "server-only";
import { DEFAULT_COMMITMENT_BUSINESS_DAYS } from "@/domain/response-commitment";
import { RECORD_TYPES } from "@/domain/authorization-form";
import { DEFAULT_FEE_POLICY, type FeePolicy } from "@/domain/fees";
import { recordTypeLabels } from "@/domain/labels";
import { organization } from "@/domain/organization";
import { OWN_RECORDS_FORMATS, PRINTABLE_FORMS, rightOfAccessStatements } from "@/domain/printable-forms";
import { fieldKey, patientIdentity, signatureBlock, whoIsAsking } from "./blank-authorization-pdf";
import { PdfWriter } from "./layout";

/**
 * The printable "Request for access to my own health records" (the right of access, 45 CFR
 * 164.524), fillable on screen: who the patient is, their ID, what records (the complete record
 * unless they choose less), the form and format, delivery, signature and date. No purpose and no
 * expiry — a patient's own request needs neither. It states the right, the fee for the patient's
 * own copy (the organization's current policy), the response time and how to complain to HHS OCR.
 */
export async function renderOwnRecordsPdf(policy: FeePolicy = DEFAULT_FEE_POLICY, commitmentBusinessDays = DEFAULT_COMMITMENT_BUSINESS_DAYS): Promise<Uint8Array> {
  return (await buildOwnRecordsPdf(policy, commitmentBusinessDays)).finish();
}

/** The form, with the fee policy and the stated response commitment (issue 17 item 4) in force today. */
export async function buildOwnRecordsPdf(policy: FeePolicy = DEFAULT_FEE_POLICY, commitmentBusinessDays = DEFAULT_COMMITMENT_BUSINESS_DAYS): Promise<PdfWriter> {
  const form = PRINTABLE_FORMS.ownRecords;
  const statements = rightOfAccessStatements(policy, commitmentBusinessDays);
  const pdf = await PdfWriter.create({
    title: form.title,
    subject: "Blank form, fillable on screen (45 CFR 164.524)",
    footer: `${organization.name} · ${organization.serviceName} · Questions: ${organization.questionsPhone} · Fax ${organization.fax}`,
  });
  pdf.title(form.title, `${organization.name} · ${organization.serviceName}`);
  pdf.paragraph(
    `Use this form to get a copy of your own health records, or of the records of a patient you legally represent, for yourself. To send records to someone else (a doctor, an attorney, an insurer), use the Authorization for Release of Health Information instead. Fill it in on screen or print it, sign it, and mail it to ${organization.mailingAddress.join(", ")}, or fax it to ${organization.fax}. You can also request online.`,
    { size: 9.5 },
  );

  pdf.heading("Your right to your records");
  pdf.paragraph(statements.right, { size: 9.5 });
  pdf.paragraph(statements.responseTime, { size: 9.5 });
  pdf.paragraph(statements.denial, { size: 9.5 });

  pdf.heading("1. Patient");
  patientIdentity(pdf);

  pdf.heading("2. Identity and who is asking");
  pdf.paragraph("Include a copy of a government-issued photo ID (driver's license, state ID card, passport, military ID or permanent resident card) of the person signing.", { size: 9.5 });
  pdf.checkbox("identity.photoIdEnclosed", "I enclose a copy of my photo ID.");
  whoIsAsking(pdf);

  pdf.heading("3. What records");
  pdf.radioGroup(
    "records.scope",
    "Choose one",
    [
      { value: "COMPLETE", label: "My complete record (everything in my designated record set, including mental health treatment records)." },
      { value: "SPECIFIC", label: "Only these records:" },
    ],
    { selected: "COMPLETE" },
  );
  for (const type of RECORD_TYPES) pdf.checkbox(`records.type.${fieldKey(type)}`, recordTypeLabels[type]);
  pdf.fields({ name: "records.other", label: "Other records (describe)" });
  pdf.fields({ name: "records.dateFrom", label: "Dates of service: from (MM/DD/YYYY, or blank for all)", width: 230 }, { name: "records.dateTo", label: "to (MM/DD/YYYY)", width: 200 });
  pdf.paragraph(statements.psychotherapyNotes, { size: 9, muted: true });

  pdf.heading("4. Form and format of the copy");
  pdf.radioGroup("format", "Choose one", OWN_RECORDS_FORMATS.map((f) => ({ value: f.value, label: f.label })));

  pdf.heading("5. Delivery");
  pdf.fields({ name: "delivery.email", label: "E-mail for the secure download link (PDF or EHI export)" });
  pdf.fields({ name: "delivery.mailAddress", label: "Mailing address for a paper copy (street, city, state, ZIP)" });
  pdf.fields({ name: "delivery.pickupPhone", label: "Phone to call to schedule a pickup", width: 200 }, { name: "delivery.pickupBestTimes", label: "Best times to call" });

  pdf.heading("Fees");
  pdf.paragraph(statements.fee, { size: 9.5 });

  pdf.heading("If you have a concern");
  pdf.paragraph(statements.complaint, { size: 9.5 });

  signatureBlock(pdf, { minorLine: true });
  return pdf;
}
