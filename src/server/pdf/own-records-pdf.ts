import "server-only";
import { DEFAULT_COMMITMENT_BUSINESS_DAYS } from "@/domain/response-commitment";
import { RECORD_TYPES } from "@/domain/authorization-form";
import { DEFAULT_FEE_POLICY, HHS_FLAT_FEE_CAP_CENTS, type FeePolicy } from "@/domain/fees";
import { organization } from "@/domain/organization";
import { OWN_RECORDS_FORMATS } from "@/domain/printable-forms";
import type { Locale } from "@/i18n/locales";
import { formatMoney, translatorFor } from "@/i18n/translator";
import { fieldKey, patientIdentity, recordTypeLabel, signatureBlock, whoIsAsking } from "./blank-authorization-pdf";
import { PdfWriter } from "./layout";
import { pdfChrome, pdfSubtitle, responseCommitmentIn } from "./pdf-words";

/** The copy's form and format choices (catalogue `printable`, literal keys for the key test). */
const FORMAT_KEYS = {
  PDF_DOWNLOAD: "own.format.PDF_DOWNLOAD",
  PAPER_MAIL: "own.format.PAPER_MAIL",
  PAPER_PICKUP: "own.format.PAPER_PICKUP",
  EHI_EXPORT: "own.format.EHI_EXPORT",
} as const satisfies Record<(typeof OWN_RECORDS_FORMATS)[number]["value"], string>;

/**
 * The printable "Request for access to my own health records" (the right of access, 45 CFR
 * 164.524), fillable on screen: who the patient is, their ID, what records (the complete record
 * unless they choose less), the form and format, delivery, signature and date. No purpose and no
 * expiry — a patient's own request needs neither. It states the right, the fee for the patient's
 * own copy (the organization's current policy), the response time and how to complain to HHS OCR.
 * In English or Spanish (every word from the catalogue `printable`; the same field names).
 */
export async function renderOwnRecordsPdf(policy: FeePolicy = DEFAULT_FEE_POLICY, commitmentBusinessDays = DEFAULT_COMMITMENT_BUSINESS_DAYS, locale: Locale = "en"): Promise<Uint8Array> {
  return (await buildOwnRecordsPdf(policy, commitmentBusinessDays, locale)).finish();
}

/** The form, with the fee policy and the stated response commitment (issue 17 item 4) in force today. */
export async function buildOwnRecordsPdf(policy: FeePolicy = DEFAULT_FEE_POLICY, commitmentBusinessDays = DEFAULT_COMMITMENT_BUSINESS_DAYS, locale: Locale = "en"): Promise<PdfWriter> {
  const t = translatorFor(locale, "printable");
  const title = t("ownRecordsTitle");
  const pdf = await PdfWriter.create({ title, subject: t("ownSubject"), ...pdfChrome(locale) });
  pdf.title(title, pdfSubtitle(locale));
  pdf.paragraph(t("own.intro", { address: organization.mailingAddress.join(", "), fax: organization.fax }), { size: 9.5 });

  pdf.heading(t("own.rightHeading"));
  pdf.paragraph(t("own.right"), { size: 9.5 });
  pdf.paragraph(`${responseCommitmentIn(locale, commitmentBusinessDays)} ${t("own.responseTime", { days: organization.responseDays })}`, { size: 9.5 });
  pdf.paragraph(t("own.denial"), { size: 9.5 });

  pdf.heading(t("own.patientHeading"));
  patientIdentity(pdf, locale);

  pdf.heading(t("own.identityHeading"));
  pdf.paragraph(t("own.identity"), { size: 9.5 });
  pdf.checkbox("identity.photoIdEnclosed", t("own.photoIdEnclosed"));
  whoIsAsking(pdf, locale);

  pdf.heading(t("own.recordsHeading"));
  pdf.radioGroup(
    "records.scope",
    t("own.chooseOne"),
    [
      { value: "COMPLETE", label: t("own.complete") },
      { value: "SPECIFIC", label: t("own.specific") },
    ],
    { selected: "COMPLETE" },
  );
  for (const type of RECORD_TYPES) pdf.checkbox(`records.type.${fieldKey(type)}`, recordTypeLabel(locale, type));
  pdf.fields({ name: "records.other", label: t("own.otherRecords") });
  pdf.fields({ name: "records.dateFrom", label: t("own.dateFrom"), width: 230 }, { name: "records.dateTo", label: t("own.dateTo"), width: 200 });
  pdf.paragraph(t("own.psychotherapyNotes"), { size: 9, muted: true });

  pdf.heading(t("own.formatHeading"));
  pdf.radioGroup("format", t("own.chooseOne"), OWN_RECORDS_FORMATS.map((f) => ({ value: f.value, label: t(FORMAT_KEYS[f.value]) })));

  pdf.heading(t("own.deliveryHeading"));
  pdf.fields({ name: "delivery.email", label: t("own.deliveryEmail") });
  pdf.fields({ name: "delivery.mailAddress", label: t("own.deliveryMail") });
  pdf.fields({ name: "delivery.pickupPhone", label: t("own.deliveryPickupPhone"), width: 200 }, { name: "delivery.pickupBestTimes", label: t("own.deliveryBestTimes") });

  pdf.heading(t("own.feesHeading"));
  pdf.paragraph(
    t("own.fee", {
      flat: formatMoney(locale, Math.min(policy.patientElectronicFlatCents, HHS_FLAT_FEE_CAP_CENTS)),
      page: formatMoney(locale, policy.patientPageCents),
      paymentPhone: organization.paymentPhone,
    }),
    { size: 9.5 },
  );

  pdf.heading(t("own.concernHeading"));
  pdf.paragraph(t("own.complaint"), { size: 9.5 });

  signatureBlock(pdf, { minorLine: true }, locale);
  return pdf;
}
