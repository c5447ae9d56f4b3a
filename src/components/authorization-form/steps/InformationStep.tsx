"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { RECORD_TYPES, SPECIAL_CATEGORIES } from "@/domain/authorization-form";
import { specialCategoryLabels } from "@/domain/labels";
import { RECORD_TYPE_LABEL, SPECIAL_CATEGORY_LABEL } from "@/i18n/label-keys";
import { Checkbox, CheckboxGroup, TextField } from "../fields";
import { useWizardMode } from "../mode";
import { signingDecision, type FormValues, type Name } from "../model";
import { isPaperMode } from "@/domain/authorization-form";

/** "Genetic testing…" → "genetic testing…", but "HIV/AIDS…" stays. */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/**
 * Step 5: what to release (RULES.md §2.1), and the specially protected categories, each released
 * only with its own initials (§3). Psychotherapy notes only on an authorization for them alone.
 */
export function InformationStep({ today }: { today: string }) {
  const values = useWatch<FormValues>();
  const complete = values.information?.completeRecord === true;
  const types = values.information?.recordTypes ?? [];
  const decision = signingDecision(values, today);
  // On paper the initials are the signer's, written on the form: staff copy them, never their own.
  const paper = isPaperMode(useWizardMode());
  const t = useTranslations("form.information");
  const records = useTranslations("form.records");
  const tAll = useTranslations();
  // Staff pages are English only: the paper wording stays here.
  const initialsLabel = (what: string) => (paper ? `Initials written on the form for ${lowerFirst(what)}` : t("initials", { what: lowerFirst(what) }));

  return (
    <>
      <h3 className="wizard-first-heading">{t("whichHeading")}</h3>
      <Checkbox
        name="information.completeRecord"
        label={t("complete")}
        hint={
          paper
            ? "Everything we hold about the patient, except the specially protected information below unless it is initialed on the form."
            : t("completeHint")
        }
        recheck={["information.recordTypes", "information.psychotherapyNotes"]}
      />
      {!complete && (
        <>
          <CheckboxGroup
            name="information.recordTypes"
            legend={t("typesLegend")}
            hint={t("typesHint")}
            recheck={["information.psychotherapyNotes"]}
            options={RECORD_TYPES.map((t) => ({ value: t, label: tAll(RECORD_TYPE_LABEL[t]) }))}
          />
          {types.includes("OTHER") && (
            <TextField name="information.recordTypesOther" label={paper ? "The other records, as described on the form" : t("otherRecords")} />
          )}
        </>
      )}

      <fieldset aria-describedby="information-dates-hint">
        <legend>{records("datesSummary")}</legend>
        <div id="information-dates-hint" className="hint">
          {records("datesHint")}
        </div>
        <TextField name="information.dateFrom" label={records("from")} type="date" className="input-medium" recheck={["information.dateTo"]} />
        <TextField name="information.dateTo" label={records("to")} type="date" className="input-medium" />
      </fieldset>

      <fieldset aria-describedby="information-special-hint">
        <legend>{t("specialLegend")}</legend>
        <div id="information-special-hint" className="hint">
          {paper
            ? "Illinois and federal law protect these records more strictly. They are released only if the signer initialed each kind on the form, even with the complete record checked. Copy the initials as written; leave a kind empty if it is not initialed."
            : t("specialHint")}
        </div>
        {SPECIAL_CATEGORIES.map((c) => (
          <TextField
            key={c}
            name={`information.specialCategories.${c}` as Name}
            label={initialsLabel(tAll(SPECIAL_CATEGORY_LABEL[c]))}
            hint={records("protectedBy", { law: specialCategoryLabels[c].law })}
            className="input-short"
            autoComplete="off"
            spellCheck={false}
            recheck={["information.recordTypes", "information.psychotherapyNotes"]}
          />
        ))}
      </fieldset>

      {decision?.minorSignature && (
        <div className="notice notice-info">
          <p className="notice-title">{t("mustSignTitle")}</p>
          <p>
            {decision.minorSignature.reason}{" "}
            {paper
              ? "The patient’s own signature on the form is keyed in on the signature step."
              : t("mustSignOnline")}
          </p>
        </div>
      )}
      {decision?.witness && (
        <div className="notice notice-info">
          <p className="notice-title">{t("mentalHealthTitle")}</p>
          <p>
            {decision.witness.reason} {t("mentalHealthDate")}
          </p>
        </div>
      )}

      <h3>{t("notesHeading")}</h3>
      <p>{t("notesText")}</p>
      <TextField
        name="information.psychotherapyNotes"
        label={initialsLabel(tAll("labels.psychotherapyNotes"))}
        recheck={["information.recordTypes"]}
        className="input-short"
        autoComplete="off"
        spellCheck={false}
      />
    </>
  );
}
