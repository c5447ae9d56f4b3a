"use client";

import { useWatch } from "react-hook-form";
import { defaultMedium, feeRecipient, HHS_FLAT_FEE_CAP_CENTS } from "@/domain/fees";
import { useLocale, useTranslations } from "next-intl";

import { organization } from "@/domain/organization";
import { formatMoney } from "@/i18n/translator";
import { PhoneLink } from "@/components/PhoneLink";
import { FeeEstimateView } from "../FeeEstimate";
import { Checkbox } from "../fields";
import type { FormValues } from "../model";

/**
 * What this request may cost (RULES.md §1, §6): the estimate for this recipient and delivery, from
 * the calculator staff invoice with (issue 13; src/components/authorization-form/FeeEstimate.tsx).
 * A provider's records are priced free here: staff confirm the address is the provider's before
 * invoicing (decision 0005).
 */
export function FeesStep() {
  const t = useTranslations("form.fees");
  const statements = useTranslations("statements");
  const locale = useLocale();
  const others = statements("feeOthers", { flatFee: formatMoney(locale, HHS_FLAT_FEE_CAP_CENTS) });
  const [recipientKind, method] = useWatch<FormValues, ["recipient.kind", "delivery.method"]>({ name: ["recipient.kind", "delivery.method"] });
  return (
    <>
      {recipientKind && method ? (
        <FeeEstimateView recipient={feeRecipient(recipientKind, true)} medium={defaultMedium(method)} mailed={method === "MAIL"} />
      ) : (
        <div className="notice notice-info">
          <p className="notice-title">{t("mayHaveFee")}</p>
          <p>{others}</p>
        </div>
      )}
      <h3>{t("howFeesWork")}</h3>
      <ul>
        <li>{statements("feeProvider")}</li>
        <li>{others}</li>
        <li>{statements("feeInvoice", { paymentPhone: organization.paymentPhone })}</li>
      </ul>
      <p>{t.rich("paymentLine", { phone: () => <PhoneLink line="payment" /> })}</p>
      <Checkbox name="signature.acknowledgeFees" label={t("acknowledge")} />
    </>
  );
}
