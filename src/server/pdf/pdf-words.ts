import "server-only";
import { HHS_FLAT_FEE_CAP_CENTS } from "@/domain/fees";
import { organization } from "@/domain/organization";
import { commitmentBusinessDays } from "@/domain/response-commitment";
import { RESPONSE_DAYS } from "@/domain/deadlines";
import { formatMoney, translatorFor } from "@/i18n/translator";
import { INTL_TAG, type Locale } from "@/i18n/locales";
import type { FeesAndStatementsWords } from "./layout";

/**
 * Words several PDFs share, from the catalogues (`printable`, `statements`, `rightOfAccess`,
 * `common`), so a form in Spanish says the same legal statement as the Spanish online form
 * (docs/spanish.md). The English values equal the English constants the PDFs printed before.
 */

/** `PdfWriter.create` options for a document in a language: the footer, the page label, the document language. */
export function pdfChrome(locale: Locale) {
  const t = translatorFor(locale, "printable");
  return {
    footer: t("footer", { organization: organization.name, service: organization.serviceName, phone: organization.questionsPhone, fax: organization.fax }),
    pageLabel: (page: number, pages: number) => t("page", { page, pages }),
    language: INTL_TAG[locale],
  };
}

/** "DuPage Medical Group · Record Connect" under a title. */
export function pdfSubtitle(locale: Locale): string {
  return translatorFor(locale, "printable")("subtitle", { organization: organization.name, service: organization.serviceName });
}

/** The fee statement and the required statements of an authorization (45 CFR 164.508(c)), in a language. */
export function feesAndStatementsWords(locale: Locale): FeesAndStatementsWords {
  const t = translatorFor(locale, "printable");
  const s = translatorFor(locale, "statements");
  return {
    feesHeading: t("feesHeading"),
    fees: [s("feeProvider"), s("feeOthers", { flatFee: formatMoney(locale, HHS_FLAT_FEE_CAP_CENTS) }), s("feeInvoice", { paymentPhone: organization.paymentPhone })],
    statementsHeading: t("statementsHeading"),
    statements: [t("rightToRevoke", { statement: s("revocation") }), t("noConditions", { statement: s("noConditioning") }), t("redisclosure", { statement: s("redisclosure") }), s("copy")],
  };
}

/** "We aim to send your records within 10 business days; the law allows us up to 30 days." in a language. */
export function responseCommitmentIn(locale: Locale, businessDays: number): string {
  return translatorFor(locale, "rightOfAccess")("commitment", { days: commitmentBusinessDays(businessDays), legalDays: RESPONSE_DAYS });
}

/** The office's hours for questions, in a language. */
export function questionsHoursIn(locale: Locale): string {
  return translatorFor(locale, "common")("questionsHours");
}
