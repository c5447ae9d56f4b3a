"use client";

/**
 * The fee estimate shown before submitting (issue 13; issue 17 item 2): the estimate that applies
 * to this requester, recipient and delivery, from the same calculator staff invoice with
 * (src/domain/fees.ts `feeEstimate` → `computeFees`), with the Illinois schedule in force today and
 * the organization's fee policy, which the page reads from the database and passes down.
 */
import { createContext, useContext } from "react";
import { type FeeMedium, type FeePolicy, type FeeRecipient, type FeeSchedule, feeEstimate } from "@/domain/fees";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/i18n/translator";

export type FeeFacts = { schedule: FeeSchedule | null; policy: FeePolicy };
export const FeeFactsContext = createContext<FeeFacts | null>(null);

export function FeeEstimateView({ recipient, medium, mailed, headingLevel = 3 }: { recipient: FeeRecipient; medium: FeeMedium; mailed: boolean; headingLevel?: 3 | 4 }) {
  const facts = useContext(FeeFactsContext);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const t = useTranslations("form.feeEstimate");
  const locale = useLocale();
  const money = (cents: number) => formatMoney(locale, cents);
  if (!facts) return null;
  const estimate = feeEstimate({ recipient, medium, mailed }, facts.schedule, facts.policy);
  switch (estimate.kind) {
    case "FREE":
      return (
        <div className="notice notice-success" data-testid="fee-estimate">
          <p className="notice-title">{t("freeTitle")}</p>
          <p>{t("freeText")}</p>
        </div>
      );
    case "FLAT":
      return (
        <div className="notice notice-info" data-testid="fee-estimate">
          <p className="notice-title">{t("flatTitle", { amount: money(estimate.cents) })}</p>
          <p>{t("flatText", { patient: recipient === "PATIENT" ? "yes" : "no", amount: money(estimate.cents) })}</p>
        </div>
      );
    case "UNAVAILABLE":
      return (
        <div className="notice notice-info" data-testid="fee-estimate">
          <p className="notice-title">{t("unavailableTitle")}</p>
          <p>{t("unavailableText")}</p>
        </div>
      );
    case "BY_PAGES":
      return (
        <div className="fee-estimate" data-testid="fee-estimate">
          <Heading>{t("byPagesHeading")}</Heading>
          <p>
            {t("byPagesText", {
              patient: recipient === "PATIENT" ? "yes" : "no",
              year: estimate.scheduleYear ? String(estimate.scheduleYear) : "none",
              handling: money(estimate.handlingCents),
              postage: estimate.postageAdded ? "yes" : "no",
            })}
          </p>
          <table className="fee-estimate-table">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pages")}</th>
                <th scope="col">{t("fee")}</th>
              </tr>
            </thead>
            <tbody>
              {estimate.rows.map((r) => (
                <tr key={r.pages}>
                  <th scope="row">{r.pages}</th>
                  <td>{money(r.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
