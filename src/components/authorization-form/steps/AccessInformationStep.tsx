"use client";

import { useWatch } from "react-hook-form";
import { RECORD_TYPES, SPECIAL_CATEGORIES } from "@/domain/authorization-form";
import { recordTypeLabels, specialCategoryLabels } from "@/domain/labels";
import { rightOfAccessStatements } from "@/domain/right-of-access";
import { Checkbox, CheckboxGroup, TextField } from "../fields";
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
  return (
    <>
      <Checkbox
        name="information.completeRecord"
        label="My complete medical record"
        hint="Everything we hold about the patient’s care, from every location. Most people want this: you do not need to choose anything else."
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
        legend="Specially protected records of your own care"
        hint="They are part of your record and included: no initials are needed when you ask for your own records. Uncheck any you would rather leave out."
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
          <p>{decision.minorSignature.reason} On the signature step, the patient signs themself, beside you.</p>
        </div>
      )}
      <p className="hint">{rightOfAccessStatements.notes}</p>
    </>
  );
}
