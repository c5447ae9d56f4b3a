/**
 * The printable (and fillable on screen) paper forms: where they are served, and the words of the
 * "Request for access to my own health records" (the right of access, 45 CFR 164.524) that are
 * not already shared with the online form. Pure (docs/decisions/0019). The PDFs themselves take
 * their words from the catalogue `printable` (English and Spanish, decision 0024); the English
 * texts here are what the English catalogue says (a unit test keeps them equal).
 */
import { type FeePolicy, HHS_FLAT_FEE_CAP_CENTS } from "./fees";
import { formatCents } from "./format";
import { organization } from "./organization";
import { responseCommitmentText } from "./response-commitment";

export const PRINTABLE_FORMS = {
  authorization: {
    path: "/forms/authorization.pdf",
    title: "Authorization for Release of Health Information",
    filename: "authorization-for-release-of-health-information.pdf",
    filenameEs: "autorizacion-para-divulgar-informacion-medica.pdf",
    linkText: "Authorization for Release of Health Information (PDF, printable, fillable on screen)",
  },
  ownRecords: {
    path: "/forms/own-records.pdf",
    title: "Request for Access to My Own Health Records",
    filename: "request-for-access-to-my-own-health-records.pdf",
    filenameEs: "solicitud-de-acceso-a-mis-propios-expedientes-medicos.pdf",
    linkText: "Request for access to my own health records (PDF, printable, fillable on screen)",
  },
} as const;

/** Where a signed paper form goes, as printed on both forms. */
export function sendTheFormTo(): string[] {
  return [
    `Mail it to: ${organization.mailingAddress.join(", ")}.`,
    `Or fax it to ${organization.fax}.`,
    `Questions: ${organization.questionsPhone}, ${organization.questionsHours}.`,
  ];
}

/** Section 4 of the own-records form: the form and format of the copy (45 CFR 164.524(c)(2)). */
export const OWN_RECORDS_FORMATS = [
  { value: "PDF_DOWNLOAD", label: "PDF by secure download: we e-mail you a secure link to download your records (no records in the e-mail itself)." },
  { value: "PAPER_MAIL", label: "Paper copy by mail to the address below." },
  { value: "PAPER_PICKUP", label: "Paper copy picked up in person: we call you to schedule an onsite pickup (for urgent needs)." },
  {
    value: "EHI_EXPORT",
    label: "Full electronic health information (EHI) export: everything our electronic record system holds about you, as computer files, by secure download.",
  },
] as const;

/** The right of access in plain words, and what the patient's own copy costs (RULES.md §6, fees.ts). */
export function rightOfAccessStatements(policy: FeePolicy, commitmentBusinessDays?: number) {
  const flat = formatCents(Math.min(policy.patientElectronicFlatCents, HHS_FLAT_FEE_CAP_CENTS));
  return {
    right: `You have the right to see and get a copy of your own health records (HIPAA, 45 CFR 164.524). You do not need to give a reason, and this request does not expire. A legal representative (a parent of a minor, a guardian, a health care agent, or the executor of a deceased patient's estate) has the same right for the patient.`,
    psychotherapyNotes:
      "Psychotherapy notes (a therapist's separate notes of counseling sessions) are not part of the right of access; ask your therapist, or use the Authorization for Release of Health Information for them alone. Your mental health treatment records are part of your record.",
    fee: `Fees for your own copy are limited by federal law: nothing for searching for or retrieving your records. An electronic copy (PDF by secure download, or the EHI export) costs a flat ${flat}, all-inclusive. A paper copy costs ${formatCents(policy.patientPageCents)} a page (never more than the Illinois maximum), plus the actual postage when mailed; items that cannot be photocopied, such as X-ray films, at reasonable cost. If there is a fee, we send an invoice first. Pay by card over the phone at ${organization.paymentPhone} or by check. Cash is never accepted.`,
    responseTime: `${commitmentBusinessDays === undefined ? "" : `${responseCommitmentText(commitmentBusinessDays)} `}We respond within ${organization.responseDays} days of receiving this form. If we need more time, we tell you in writing within those ${organization.responseDays} days why, and the date (at most ${organization.responseDays} more days) by which we will respond.`,
    denial: "If we deny any part of your request, we tell you why in writing, and how to ask for a review of the denial.",
    complaint:
      "If you believe we did not respect your right of access, you can complain to us (call the number below), and to the U.S. Department of Health and Human Services, Office for Civil Rights: www.hhs.gov/ocr/complaints or 1-800-368-1019. No one may retaliate against you for complaining.",
  };
}

/** The witness line both forms carry (740 ILCS 110/5): for mental health records the signature is witnessed. */
export const MENTAL_HEALTH_WITNESS_NOTE =
  "Mental health records only (740 ILCS 110/5): a witness who can attest to the signer's identity signs here too. If you send the form without a witness, we check your photo ID and record who attested to your identity before releasing those records.";
