"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { QuestionsLine } from "@/components/PhoneLink";
import { RELEASE_SOURCE_LABEL } from "@/i18n/label-keys";
import { RadioGroup } from "../fields";
import type { FormValues } from "../model";

/** Why this form cannot take the request (the English equals EDWARD_ELMHURST_MESSAGE / RECORDS_TO_THIS_GROUP_MESSAGE). */
const REFUSAL = {
  EDWARD_ELMHURST: "labels.refusal.EDWARD_ELMHURST",
  TO_THIS_GROUP_FROM_ELSEWHERE: "labels.refusal.TO_THIS_GROUP_FROM_ELSEWHERE",
} as const;

/** Step 1: what you need, MyChart, and whose records — the two requests this form cannot take end here. */
export function ReleaseStep() {
  const source = useWatch<FormValues, "release.source">({ name: "release.source" });
  const t = useTranslations("form.release");
  const tAll = useTranslations();
  const refusal = source === "EDWARD_ELMHURST" || source === "TO_THIS_GROUP_FROM_ELSEWHERE" ? tAll(REFUSAL[source]) : null;
  return (
    <>
      <div className="notice notice-info">
        <p className="notice-title">{t("noRequestTitle")}</p>
        <p>{t.rich("portal", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>
      <h3>{t("beforeHeading")}</h3>
      <ul>
        <li>{t("beforeId")}</li>
        <li>{t("beforeProof")}</li>
        <li>{t("beforeKept")}</li>
      </ul>
      <RadioGroup
        name="release.source"
        legend={t("legend")}
        options={(["THIS_GROUP", "EDWARD_ELMHURST", "TO_THIS_GROUP_FROM_ELSEWHERE"] as const).map((value) => ({ value, label: tAll(RELEASE_SOURCE_LABEL[value]) }))}
      />
      <div aria-live="polite">
        {refusal && (
          <div className="notice notice-warning">
            <p className="notice-title">{t("refusalTitle")}</p>
            <p>{refusal}</p>
            <QuestionsLine />
          </div>
        )}
      </div>
    </>
  );
}
