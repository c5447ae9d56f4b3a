import { useLocale, useTranslations } from "next-intl";
import { HHS_FLAT_FEE_CAP_CENTS } from "@/domain/fees";
import { RESPONSE_DAYS } from "@/domain/deadlines";
import { organization } from "@/domain/organization";
import { formatMoney } from "@/i18n/translator";

/**
 * The right of access in plain words (45 CFR 164.524; src/domain/right-of-access.ts has the English
 * the PDFs print), in the page's language: what, form, how fast, cost, psychotherapy notes, complaints.
 */
export function RightOfAccessList({ newTab = false }: { newTab?: boolean }) {
  const t = useTranslations("rightOfAccess");
  const locale = useLocale();
  return (
    <ul>
      <li>{t("what")}</li>
      <li>{t("form")}</li>
      <li>{t("speed", { days: RESPONSE_DAYS })}</li>
      <li>{t("cost", { flatFee: formatMoney(locale, HHS_FLAT_FEE_CAP_CENTS) })}</li>
      <li>{t("notes")}</li>
      <li>
        {t("complaint", { phone: organization.questionsPhone })}{" "}
        {newTab ? (
          <a href={organization.hhsOcrComplaintUrl} target="_blank" rel="noopener noreferrer">
            {t("complaintLink")}
            <span className="visually-hidden"> {t("newTab")}</span>
          </a>
        ) : (
          <a href={organization.hhsOcrComplaintUrl}>{t("complaintLink")}</a>
        )}
        .
      </li>
    </ul>
  );
}
