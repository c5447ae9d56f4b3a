import "server-only";
import { type AnyAuthorizationForm, isPaperForm, SPECIAL_CATEGORIES, signerNameOf, signingDecisionOf, todayInChicago } from "@/domain/authorization-form";
import { formatAddress, formatDateTime, formatIsoDate } from "@/domain/format";
import {
  deliveryMethodLabels,
  mentalHealthStatements,
  psychotherapyNotesLabel,
  relativeStatementText,
  purposeLabels,
  recipientKindLabels,
  recordTypeLabels,
  specialCategoryLabels,
} from "@/domain/labels";
import { organization } from "@/domain/organization";
import { PdfWriter } from "./layout";
import { authorityInSentence } from "@/domain/authority-phrase";

export type AuthorizationPdfInput = {
  form: AnyAuthorizationForm;
  confirmationNumber: string;
  /** When it was submitted online (and so signed), or keyed in from paper. */
  submittedAt: Date;
  /** The drawn signature (PNG) when the signer drew one. */
  signaturePng?: Buffer;
  /** The 12–17-year-old patient's own drawn signature, when they drew one. */
  minorSignaturePng?: Buffer;
  /** The signing day in Chicago, for the signing rules (default: the day of submittedAt). */
  today?: string;
  /** "Requested by <organisation> (…)": the third party that asked the patient to sign (src/domain/third-party.ts). */
  requestedBy?: string;
};

const channelLabels = { MAIL: "mail", FAX: "fax", UPLOAD: "upload by the requesting organisation" } as const;

/**
 * The signed authorization as the signer's copy (45 CFR 164.508(c)(4)): every field entered,
 * every statement shown, the signature and the signing time. For a paper form keyed in by staff
 * it is a transcript, and says so: the scan of the signed paper is the original.
 */
export async function renderAuthorizationPdf({ form, confirmationNumber, submittedAt, signaturePng, minorSignaturePng, today, requestedBy }: AuthorizationPdfInput): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: `Authorization for Release of Health Information ${confirmationNumber}`,
    subject: "Signed authorization",
    footer: `${organization.name} · ${organization.serviceName} · ${confirmationNumber}`,
  });
  const { patient, requester, recipient, information, purpose, expiration, delivery, signature } = form;
  const decision = signingDecisionOf(form, today ?? todayInChicago(submittedAt));
  const patientName = `${patient.firstName} ${patient.lastName}`;

  pdf.title("Authorization for Release of Health Information", `${organization.name} · ${organization.serviceName} · Confirmation number ${confirmationNumber}`);
  if (isPaperForm(form)) {
    pdf.row("Paper form received", `${formatIsoDate(form.paper.receivedOn)}, by ${channelLabels[form.paper.receivedVia]}`);
    pdf.row("Keyed in", `${formatDateTime(submittedAt)}, by Record Connect staff`);
    pdf.paragraph(
      `This document was keyed in from a paper form received on ${formatIsoDate(form.paper.receivedOn)}. The scan of the signed paper form, kept with this request, is the signed original.`,
      { size: 9, muted: true },
    );
  } else {
    pdf.row("Submitted online", formatDateTime(submittedAt));
  }
  if (requestedBy) pdf.paragraph(`${requestedBy}. The patient signed this authorization; the organisation did not sign for the patient.`);

  pdf.heading("1. Patient");
  pdf.row("Legal name", [patient.firstName, patient.middleName, patient.lastName].filter(Boolean).join(" "));
  pdf.row("Other names used", patient.otherNames);
  pdf.row("Date of birth", formatIsoDate(patient.dateOfBirth));
  pdf.row("Phone", patient.phone);
  pdf.row("E-mail", patient.email);
  pdf.row("Address", formatAddress(patient.address));
  pdf.row("Medical record number", patient.mrn);
  if (patient.deceased) pdf.row("Patient is deceased", "Yes");
  if (patient.emancipated) pdf.row("Emancipated minor", "Yes (signs as an adult; court order as proof)");

  pdf.heading("2. Who is asking");
  if (requester.kind === "PATIENT") {
    pdf.row("Requester", "The patient");
  } else {
    const rep = requester.representative;
    pdf.row("Requester", "A legal representative acting for the patient");
    pdf.row("Name", rep.name);
    pdf.row("Phone", rep.phone);
    pdf.row("E-mail", rep.email);
    pdf.row("Relationship", rep.relationship);
    pdf.row("Legal authority", authorityInSentence(rep.authority));
    pdf.row("Description of authority", rep.authorityDetail);
    if (rep.authority === "SURVIVING_RELATIVE" && rep.relative) {
      pdf.heading("Authorized relative's statement (735 ILCS 5/8-2001.5)");
      pdf.paragraph(relativeStatementText({ relativeName: rep.name, patientName, relationship: rep.relative.relationship }));
    }
  }

  pdf.heading("3. Release from and to");
  pdf.row("Who may release", `${organization.name}, all locations (Record Connect on its behalf)`);
  pdf.row("Recipient", recipientKindLabels[recipient.kind]);
  if (recipient.kind !== "SELF") {
    pdf.row("Recipient name", recipient.name);
    pdf.row("Recipient address", formatAddress(recipient.address));
    if (recipient.kind === "MEDICAL_PROVIDER") {
      pdf.row("Recipient phone", recipient.phone);
      pdf.row("Recipient fax", recipient.fax);
    } else {
      pdf.row("Recipient e-mail", recipient.email);
    }
  }

  pdf.heading("Information to release");
  const kinds = information.completeRecord ? ["The complete medical record"] : information.recordTypes.map((t) => recordTypeLabels[t]);
  pdf.row("Records", kinds.length ? kinds.join("; ") : information.psychotherapyNotes ? "Psychotherapy notes only" : "—");
  if (information.recordTypesOther) pdf.row("Other records", information.recordTypesOther);
  pdf.row("Dates of service", information.dateFrom || information.dateTo ? `${information.dateFrom ? formatIsoDate(information.dateFrom) : "the beginning"} to ${information.dateTo ? formatIsoDate(information.dateTo) : "the present"}` : "All dates");
  for (const category of SPECIAL_CATEGORIES) {
    const initials = information.specialCategories[category];
    const { label, law } = specialCategoryLabels[category];
    pdf.row(`${label} (${law})`, initials ? `Release authorized — initialed ${initials}` : "Not released (not initialed)");
  }
  pdf.row(psychotherapyNotesLabel, information.psychotherapyNotes ? `Release authorized — initialed ${information.psychotherapyNotes}` : "Not released (not initialed)");

  pdf.heading("Purpose and expiration");
  pdf.row("Purpose", purpose.purpose === "OTHER" ? purpose.purposeOther : purposeLabels[purpose.purpose]);
  pdf.row("This authorization expires", expiration.kind === "DATE" ? `On ${formatIsoDate(expiration.date)}` : `When this happens: ${expiration.event}`);

  pdf.heading("4. Delivery method");
  pdf.row("Method", deliveryMethodLabels[delivery.method].label);
  if (delivery.method === "SECURE_EMAIL") pdf.row("E-mail for the secure link", delivery.email);
  if (delivery.method === "MAIL") pdf.row("Mail to", formatAddress(delivery.address));
  if (delivery.method === "PICKUP") {
    pdf.row("Phone to call", delivery.phone);
    pdf.row("Best times to call", delivery.bestTimes);
  }
  pdf.paragraph(deliveryMethodLabels[delivery.method].explanation, { size: 9, muted: true });

  pdf.feesAndStatements();
  if (decision?.mentalHealthStatements) {
    pdf.heading("Mental health records (740 ILCS 110/5)");
    for (const text of Object.values(mentalHealthStatements)) pdf.paragraph(text);
    if (expiration.kind === "DATE") pdf.row("Consent expires on", formatIsoDate(expiration.date));
  }
  pdf.paragraph(
    isPaperForm(form)
      ? "These statements, and how fees work, are printed on the paper form the signer signed."
      : "The signer confirmed reading each statement above, and how fees work, before signing.",
    { size: 9, muted: true },
  );

  pdf.heading("Signature");
  pdf.row("Signed by", signerNameOf(form));
  if (requester.kind === "REPRESENTATIVE") {
    pdf.row("Signing as", `${authorityInSentence(requester.representative.authority, requester.representative.authorityDetail)}, for ${patient.firstName} ${patient.lastName}`);
  }
  if (signature.method === "WET_INK") {
    pdf.row("Date signed", `${formatIsoDate(signature.signedOn)} (as written on the paper form)`);
  } else {
    pdf.row("Date and time signed", formatDateTime(submittedAt));
  }
  if (signature.method === "WET_INK") {
    pdf.row("Signature", "Signed by hand on the paper form (see the scan)");
  } else if (signature.method === "DRAWN" && signaturePng) {
    pdf.image(await pdf.doc.embedPng(signaturePng), 260, 90, "Drawn signature");
  } else {
    pdf.row("Signature", `/s/ ${signature.typedName} — typed name adopted as electronic signature`);
  }

  if (decision?.minorSignature) {
    pdf.heading("The patient's own signature");
    pdf.paragraph(decision.minorSignature.reason, { size: 9, muted: true });
    if (signature.method === "WET_INK") {
      pdf.row("Signed by the patient", signature.minorName ? `${signature.minorName} — signed by hand on the paper form (see the scan)` : "—");
    } else if (signature.minor) {
      pdf.row("Signed by the patient", signature.minor.typedName);
      pdf.row("Date and time signed", formatDateTime(submittedAt));
      if (signature.minor.method === "DRAWN" && minorSignaturePng) pdf.image(await pdf.doc.embedPng(minorSignaturePng), 260, 90, "The patient's drawn signature");
      else pdf.row("Signature", `/s/ ${signature.minor.typedName} — typed name adopted as electronic signature by the patient`);
    }
  }
  if (decision?.witness) {
    pdf.heading("Witness to the signer's identity (740 ILCS 110/5)");
    pdf.paragraph(
      signature.method === "WET_INK"
        ? "The witness signs on the paper form. Before mental health records are released, a Record Connect associate records who attested to the signer's identity and how."
        : "Signed online: before mental health records are released, a Record Connect associate checks the signer's photo ID and records who attested to the signer's identity and how.",
      { size: 9, muted: true },
    );
  }
  return pdf.finish();
}
