"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { RECIPIENT_KIND_LABEL } from "@/i18n/label-keys";
import { AddressFields, RadioGroup, TextField } from "../fields";
import type { FormValues } from "../model";

/** Step 4: who receives the records — the requester, another provider, or another person or organization. */
export function RecipientStep() {
  const kind = useWatch<FormValues, "recipient.kind">({ name: "recipient.kind" });
  const t = useTranslations("form.recipient");
  const tAll = useTranslations();
  return (
    <>
      <RadioGroup
        name="recipient.kind"
        legend={t("legend")}
        options={[
          { value: "SELF", label: tAll(RECIPIENT_KIND_LABEL.SELF) },
          { value: "MEDICAL_PROVIDER", label: tAll(RECIPIENT_KIND_LABEL.MEDICAL_PROVIDER), hint: t("providerHint") },
          { value: "THIRD_PARTY", label: tAll(RECIPIENT_KIND_LABEL.THIRD_PARTY) },
        ]}
      />
      {kind === "MEDICAL_PROVIDER" && (
        <>
          <h3>{t("providerHeading")}</h3>
          <TextField name="recipient.name" label={t("providerName")} autoComplete="off" />
          <AddressFields prefix="recipient.address" legend={t("providerAddress")} autoComplete="off" />
          <TextField name="recipient.phone" label={t("providerPhone")} type="tel" autoComplete="off" className="input-medium" />
          <TextField name="recipient.fax" label={t("providerFax")} type="tel" autoComplete="off" className="input-medium" />
        </>
      )}
      {kind === "THIRD_PARTY" && (
        <>
          <h3>{t("thirdHeading")}</h3>
          <TextField name="recipient.name" label={t("thirdName")} hint={t("thirdNameHint")} autoComplete="off" />
          <AddressFields prefix="recipient.address" legend={t("thirdAddress")} autoComplete="off" />
          <TextField name="recipient.email" label={t("thirdEmail")} type="email" autoComplete="off" spellCheck={false} />
        </>
      )}
    </>
  );
}
