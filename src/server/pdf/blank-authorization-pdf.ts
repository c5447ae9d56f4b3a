import "server-only";
import { SPECIAL_CATEGORIES } from "@/domain/authorization-form";
import {
  deliveryMethodLabels,
  psychotherapyNotesLabel,
  recordTypeLabels,
  representativeAuthorityLabels,
  specialCategoryLabels,
} from "@/domain/labels";
import { organization } from "@/domain/organization";
import { PdfWriter } from "./layout";

/**
 * The printable "Authorization for Release of Health Information" for people who prefer paper:
 * the same sections, statements and choices as the online form. Staff key returned forms in.
 */
export async function renderBlankAuthorizationPdf(): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: "Authorization for Release of Health Information",
    subject: "Blank form",
    footer: `${organization.name} · ${organization.serviceName} · Questions: ${organization.questionsPhone}`,
  });
  pdf.title("Authorization for Release of Health Information", `${organization.name} · ${organization.serviceName}`);
  pdf.paragraph(
    `Print clearly and complete every section. Include a copy of your government-issued photo ID and, if you sign for the patient, proof of your authority. Mail or fax the signed form to Record Connect; for the mailing address and fax number, or any question, call ${organization.questionsPhone}, ${organization.questionsHours}. You can also request records online. Some information, such as test results and visit summaries, is already available in MyChart.`,
    { size: 9.5 },
  );
  pdf.paragraph("Records of Edward-Elmhurst Healthcare cannot be released by DuPage Medical Group: contact Edward-Elmhurst directly. To have records sent to DuPage Medical Group from another facility, contact that facility.", { size: 9.5, muted: true });

  pdf.heading("1. Patient");
  pdf.blank("Patient's legal name (first, middle, last)");
  pdf.blank("Other names used");
  pdf.blank("Date of birth (MM/DD/YYYY)          Phone          E-mail");
  pdf.blank("Address (street, city, state, ZIP)");
  pdf.blank("Medical record number (if known)");

  pdf.heading("2. Who is asking");
  pdf.checkbox("I am the patient.");
  pdf.checkbox("I am a legal representative acting for the patient:");
  for (const authority of Object.values(representativeAuthorityLabels)) pdf.checkbox(`${authority.label} — attach ${authority.proof}.`);
  pdf.blank("Representative's name, phone and e-mail");

  pdf.heading("3. Release from and to");
  pdf.paragraph(`I authorize ${organization.name}, all locations (Record Connect on its behalf), to release the information below to:`);
  pdf.checkbox("Me (the patient or the legal representative above).");
  pdf.checkbox("Another medical provider (no charge):");
  pdf.checkbox("Another person or organization, such as an attorney or insurer:");
  pdf.blank("Recipient's name, address, phone, fax or e-mail", 2);

  pdf.heading("Information to release");
  pdf.checkbox("The complete medical record (excluding the specially protected information below unless initialed).");
  for (const label of Object.values(recordTypeLabels)) pdf.checkbox(label);
  pdf.blank("Dates of service: from          to");
  pdf.paragraph("Specially protected information is released only if you initial it here:", { bold: true });
  for (const category of SPECIAL_CATEGORIES) {
    const { label, law } = specialCategoryLabels[category];
    pdf.blank(`Initials ______  ${label} (${law})`, 0);
  }
  pdf.blank(`Initials ______  ${psychotherapyNotesLabel}`, 0);

  pdf.heading("Purpose and expiration");
  pdf.blank("Purpose of the release (\"at the request of the patient\" is enough)");
  pdf.blank("This authorization expires on (date) or when (event); mental health records need a date");

  pdf.heading("4. Delivery method (choose one)");
  for (const method of Object.values(deliveryMethodLabels)) pdf.checkbox(`${method.label}. ${method.explanation}`);
  pdf.blank("E-mail for the secure link, mailing address, or phone number to call for pickup", 2);

  pdf.feesAndStatements();

  pdf.heading("Signature");
  pdf.blank("Signature                                                            Date");
  pdf.blank("Printed name, and if a representative: your authority (as checked in section 2)");
  pdf.blank("Minor patient aged 12–17, for mental health records: the patient's signature");
  return pdf.finish();
}
