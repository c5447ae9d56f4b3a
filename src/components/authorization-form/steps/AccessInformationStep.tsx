"use client";

import { useWatch } from "react-hook-form";
import { isPaperMode, RECORD_TYPES, SPECIAL_CATEGORIES } from "@/domain/authorization-form";
import { recordTypeLabels, specialCategoryLabels } from "@/domain/labels";
import { useTranslations } from "next-intl";
import { Checkbox, CheckboxGroup, TextField } from "../fields";
import { useWizardMode } from "../mode";
import { signingDecision, type FormValues } from "../model";

/** Message keys (namespace "form.records") of the specially protected categories. */
const SPECIAL_CATEGORY_KEYS = {
  MENTAL_HEALTH: "MENTAL_HEALTH",
  HIV_AIDS: "HIV_AIDS",
  GENETIC_TESTING: "GENETIC_TESTING",
  SUBSTANCE_USE_DISORDER: "SUBSTANCE_USE_DISORDER",
} as const;

/**
 * The access door's "what records" (issue 17): the complete record is already chosen, and the
 * specially protected records of the patient's own care are included without initials (the
 * patient may leave some out). Psychotherapy notes are outside the right of access: said here,
 * not asked.
 */
export function AccessInformationStep({ today }: { today: string }) {
  const values = useWatch<FormValues>();
  const complete = values.information?.completeRecord === true;
  const types = values.information?.recordTypes ?? [];
  const decision = signingDecision(values, today);
  // Staff keying in the printed own-records request (decision 0018): the same questions, as checked on the form.
  const paper = isPaperMode(useWizardMode());
  const t = useTranslations("form.records");
  const rights = useTranslations("rightOfAccess");
  const p = { paper: paper ? "yes" : "no" };
  return (
    <>
      <Checkbox
        name="information.completeRecord"
        label={t("complete", p)}
        hint={t("completeHint", p)}
        recheck={["information.recordTypes"]}
      />
      {!complete && (
        <>
          <CheckboxGroup
            name="information.recordTypes"
            legend="Or only these kinds of records"
            hint="Choose all that apply."
            options={RECORD_TYPES.map((t) => ({ value: t, label: recordTypeLabels[t] }))}
          />
          {types.includes("OTHER") && <TextField name="information.recordTypesOther" label="Describe the other records you want" />}
        </>
      )}
      <CheckboxGroup
        name="information.includeSpecial"
        legend={t("special", p)}
        hint={t("specialHint", p)}
        options={SPECIAL_CATEGORIES.map((c) => ({ value: c, label: t(SPECIAL_CATEGORY_KEYS[c]), hint: t("protectedBy", { law: specialCategoryLabels[c].law }) }))}
      />
      <details className="details">
        <summary>{t("datesSummary")}</summary>
        <fieldset aria-describedby="information-dates-hint">
          <legend>{t("datesLegend")}</legend>
          <div id="information-dates-hint" className="hint">
            {t("datesHint")}
          </div>
          <TextField name="information.dateFrom" label={t("from")} type="date" className="input-medium" recheck={["information.dateTo"]} />
          <TextField name="information.dateTo" label={t("to")} type="date" className="input-medium" />
        </fieldset>
      </details>
      {decision?.minorSignature && (
        <div className="notice notice-info">
          <p className="notice-title">The patient must sign too</p>
          <p>{decision.minorSignature.reason} {paper ? "The form needs the patient’s own signature beside the parent’s or guardian’s." : "On the signature step, the patient signs themself, beside you."}</p>
        </div>
      )}
      <p className="hint">{rights("notes")}</p>
    </>
  );
}
