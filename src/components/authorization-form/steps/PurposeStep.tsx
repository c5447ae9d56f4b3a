"use client";

import { useLocale, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { PURPOSES } from "@/domain/authorization-form";
import { PURPOSE_LABEL } from "@/i18n/label-keys";
import { formatDay } from "@/i18n/translator";
import { RadioGroup, TextField } from "../fields";
import type { FormValues } from "../model";

/** Step 6: the purpose of the release (RULES.md §2.4) and when the authorization ends (§2.5). */
export function PurposeStep({ suggestedExpiration }: { suggestedExpiration: string }) {
  const [purpose, expirationKind] = useWatch<FormValues, ["purpose.purpose", "expiration.kind"]>({ name: ["purpose.purpose", "expiration.kind"] });
  const t = useTranslations("form.purpose");
  const tAll = useTranslations();
  const locale = useLocale();
  return (
    <>
      <RadioGroup
        name="purpose.purpose"
        legend={t("legend")}
        hint={t("hint")}
        options={PURPOSES.map((p) => ({ value: p, label: tAll(PURPOSE_LABEL[p]) }))}
      />
      {purpose === "OTHER" && <TextField name="purpose.purposeOther" label={t("other")} />}

      <RadioGroup
        name="expiration.kind"
        legend={t("expiryLegend")}
        hint={t("expiryHint")}
        options={[
          { value: "DATE", label: t("onDate") },
          { value: "EVENT", label: t("onEvent") },
        ]}
      />
      {expirationKind === "DATE" && (
        <TextField
          name="expiration.date"
          label={t("endDate")}
          type="date"
          className="input-medium"
          hint={t("endDateHint", { date: formatDay(locale, suggestedExpiration) })}
        />
      )}
      {expirationKind === "EVENT" && <TextField name="expiration.event" label={t("event")} hint={t("eventHint")} />}
    </>
  );
}
