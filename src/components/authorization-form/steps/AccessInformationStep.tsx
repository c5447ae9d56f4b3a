"use client";

import { useWatch } from "react-hook-form";
import { isPaperMode, RECORD_TYPES, SPECIAL_CATEGORIES } from "@/domain/authorization-form";
import { recordTypeLabels, specialCategoryLabels } from "@/domain/labels";
import { rightOfAccessStatements } from "@/domain/right-of-access";
import { Checkbox, CheckboxGroup, TextField } from "../fields";
import { useWizardMode } from "../mode";
import { signingDecision, type FormValues } from "../model";

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
  return (
    <>
      <Checkbox
        name="information.completeRecord"
        label={paper ? "The complete medical record" : "My complete medical record"}
        hint={paper ? "As checked on the form." : "Everything we hold about the patient’s care, from every location. Most people want this: you do not need to choose anything else."}
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
        legend={paper ? "Specially protected records of the patient’s own care" : "Specially protected records of your own care"}
        hint={
          paper
            ? "Included without initials (the patient’s own records). Uncheck only those the form leaves out."
            : "They are part of your record and included: no initials are needed when you ask for your own records. Uncheck any you would rather leave out."
        }
        options={SPECIAL_CATEGORIES.map((c) => ({ value: c, label: specialCategoryLabels[c].label, hint: `Protected by ${specialCategoryLabels[c].law}.` }))}
      />
      <details className="details">
        <summary>Dates of care (optional)</summary>
        <fieldset aria-describedby="information-dates-hint">
          <legend>Only records from these dates</legend>
          <div id="information-dates-hint" className="hint">
            Leave these blank for records from all dates.
          </div>
          <TextField name="information.dateFrom" label="From" type="date" className="input-medium" recheck={["information.dateTo"]} />
          <TextField name="information.dateTo" label="To" type="date" className="input-medium" />
        </fieldset>
      </details>
      {decision?.minorSignature && (
        <div className="notice notice-info">
          <p className="notice-title">The patient must sign too</p>
          <p>{decision.minorSignature.reason} {paper ? "The form needs the patient’s own signature beside the parent’s or guardian’s." : "On the signature step, the patient signs themself, beside you."}</p>
        </div>
      )}
      <p className="hint">{rightOfAccessStatements.notes}</p>
    </>
  );
}
