"use client";

import type { HTMLInputAutoCompleteAttribute } from "react";
import { useWatch } from "react-hook-form";
import { AddressFields, Checkbox, TextField } from "../fields";
import { useWizardMode } from "../mode";
import type { FormValues } from "../model";
import { isPaperMode } from "@/domain/authorization-form";

/**
 * Step 3: who the records are about. When the patient fills it in, the browser may fill in their
 * own details (autocomplete tokens); for a representative these are someone else's details, so
 * autofill is turned off rather than offering the representative's own name and address — and
 * so it is for staff keying in a paper form, whose own details must never be offered.
 */
export function PatientStep() {
  const kind = useWatch<FormValues, "requester.kind">({ name: "requester.kind" });
  const paper = isPaperMode(useWizardMode());
  const own = kind !== "REPRESENTATIVE" && !paper;
  const ac = (token: HTMLInputAutoCompleteAttribute): HTMLInputAutoCompleteAttribute => (own ? token : "off");
  const whose = own ? "your" : "the patient’s";

  return (
    <>
      <p>
        {paper ? "The patient, as written in section 1 of the form." : own ? "Tell us about yourself, as the patient." : "Tell us about the patient whose records you are asking for."}
      </p>
      <fieldset aria-describedby="patient-name-hint">
        <legend>{own ? "Your legal name" : "The patient’s legal name"}</legend>
        <div id="patient-name-hint" className="hint">
          As it appears on {whose} ID or insurance card.
        </div>
        <TextField name="patient.firstName" label="First name" autoComplete={ac("given-name")} spellCheck={false} className="input-medium" />
        <TextField name="patient.middleName" label="Middle name (optional)" autoComplete={ac("additional-name")} spellCheck={false} className="input-medium" />
        <TextField name="patient.lastName" label="Last name" autoComplete={ac("family-name")} spellCheck={false} className="input-medium" />
      </fieldset>
      <TextField
        name="patient.otherNames"
        label="Other names used (optional)"
        hint="For example a maiden name or a previous last name, so we find all the records."
        autoComplete="off"
        spellCheck={false}
      />
      <TextField name="patient.dateOfBirth" label="Date of birth" type="date" autoComplete={ac("bday")} className="input-medium" />
      <TextField name="patient.phone" label="Phone number" type="tel" autoComplete={ac("tel")} className="input-medium" hint="For example 630-555-0100." />
      <TextField name="patient.email" label="E-mail address (optional)" type="email" autoComplete={ac("email")} spellCheck={false} />
      <AddressFields prefix="patient.address" legend={own ? "Your home address" : "The patient’s home address"} autoComplete={own ? "own" : "off"} />
      <TextField
        name="patient.mrn"
        label="Medical record number (optional)"
        hint="It is on a bill or a visit summary. Leave it blank if you don’t know it."
        autoComplete="off"
        spellCheck={false}
        className="input-medium"
      />
      {kind === "REPRESENTATIVE" && (
        <Checkbox
          name="patient.deceased"
          label="The patient has died"
          hint="For a patient who has died, the executor or administrator of the estate, the health care agent, or — when none exists — a surviving relative asks: check this, and upload the death certificate with your proof."
        />
      )}
    </>
  );
}
