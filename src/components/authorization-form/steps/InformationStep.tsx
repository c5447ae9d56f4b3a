"use client";

import { useWatch } from "react-hook-form";
import { RECORD_TYPES, SPECIAL_CATEGORIES } from "@/domain/authorization-form";
import { psychotherapyNotesLabel, recordTypeLabels, specialCategoryLabels } from "@/domain/labels";
import { Checkbox, CheckboxGroup, TextField } from "../fields";
import { useWizardMode } from "../mode";
import { signingDecision, type FormValues, type Name } from "../model";
import { isPaperMode } from "@/domain/authorization-form";

/** "Genetic testing…" → "genetic testing…", but "HIV/AIDS…" stays. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

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
  const initialsLabel = (what: string) => (paper ? `Initials written on the form for ${lowerFirst(what)}` : `Type your initials to include ${lowerFirst(what)}`);

  return (
    <>
      <h3 className="wizard-first-heading">Which records</h3>
      <Checkbox
        name="information.completeRecord"
        label="The complete medical record"
        hint={
          paper
            ? "Everything we hold about the patient, except the specially protected information below unless it is initialed on the form."
            : "Everything we hold about the patient, except the specially protected information below unless you initial it."
        }
        recheck={["information.recordTypes", "information.psychotherapyNotes"]}
      />
      {!complete && (
        <>
          <CheckboxGroup
            name="information.recordTypes"
            legend="Or only these kinds of records"
            hint="Choose all that apply."
            recheck={["information.psychotherapyNotes"]}
            options={RECORD_TYPES.map((t) => ({ value: t, label: recordTypeLabels[t] }))}
          />
          {types.includes("OTHER") && (
            <TextField name="information.recordTypesOther" label={paper ? "The other records, as described on the form" : "Describe the other records you want"} />
          )}
        </>
      )}

      <fieldset aria-describedby="information-dates-hint">
        <legend>Dates of care (optional)</legend>
        <div id="information-dates-hint" className="hint">
          Leave these blank for records from all dates.
        </div>
        <TextField name="information.dateFrom" label="From" type="date" className="input-medium" recheck={["information.dateTo"]} />
        <TextField name="information.dateTo" label="To" type="date" className="input-medium" />
      </fieldset>

      <fieldset aria-describedby="information-special-hint">
        <legend>Specially protected information</legend>
        <div id="information-special-hint" className="hint">
          {paper
            ? "Illinois and federal law protect these records more strictly. They are released only if the signer initialed each kind on the form, even with the complete record checked. Copy the initials as written; leave a kind empty if it is not initialed."
            : "Illinois and federal law protect these records more strictly. They are released only if you type your initials next to each kind you want, even when you ask for the complete record. Without your initials, they are not released."}
        </div>
        {SPECIAL_CATEGORIES.map((c) => (
          <TextField
            key={c}
            name={`information.specialCategories.${c}` as Name}
            label={initialsLabel(specialCategoryLabels[c].label)}
            hint={`Protected by ${specialCategoryLabels[c].law}.`}
            className="input-short"
            autoComplete="off"
            spellCheck={false}
            recheck={["information.recordTypes", "information.psychotherapyNotes"]}
          />
        ))}
      </fieldset>

      {decision?.minorSignature && (
        <div className="notice notice-info">
          <p className="notice-title">The patient must sign too</p>
          <p>
            {decision.minorSignature.reason}{" "}
            {paper
              ? "The patient’s own signature on the form is keyed in on the signature step."
              : "On the signature step, the patient signs themself, beside you."}
          </p>
        </div>
      )}
      {decision?.witness && (
        <div className="notice notice-info">
          <p className="notice-title">Mental health records</p>
          <p>{decision.witness.reason} They need an expiration date on the calendar, not an event.</p>
        </div>
      )}

      <h3>Psychotherapy notes</h3>
      <p>
        Psychotherapy notes are a therapist’s separate notes about counseling sessions. Federal law (HIPAA) allows them to be
        released only on an authorization for them alone: to get them, leave everything else on this page empty, and make a
        separate request for any other records. Psychotherapy notes alone are a complete request.
      </p>
      <TextField
        name="information.psychotherapyNotes"
        label={initialsLabel(psychotherapyNotesLabel)}
        recheck={["information.recordTypes"]}
        className="input-short"
        autoComplete="off"
        spellCheck={false}
      />
    </>
  );
}
