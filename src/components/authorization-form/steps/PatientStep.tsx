"use client";

import type { HTMLInputAutoCompleteAttribute } from "react";
import { useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("form.patient");
  const who = paper ? "paper" : own ? "own" : "other";

  return (
    <>
      <p>
        {t("intro", { who })}
      </p>
      <fieldset aria-describedby="patient-name-hint">
        <legend>{t("legalName", { own: own ? "yes" : "no" })}</legend>
        <div id="patient-name-hint" className="hint">
          {t("nameHint", { own: own ? "yes" : "no" })}
        </div>
        <TextField name="patient.firstName" label={t("firstName")} autoComplete={ac("given-name")} spellCheck={false} className="input-medium" />
        <TextField name="patient.middleName" label={t("middleName")} autoComplete={ac("additional-name")} spellCheck={false} className="input-medium" />
        <TextField name="patient.lastName" label={t("lastName")} autoComplete={ac("family-name")} spellCheck={false} className="input-medium" />
      </fieldset>
      <TextField
        name="patient.otherNames"
        label={t("otherNames")}
        hint={t("otherNamesHint")}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField name="patient.dateOfBirth" label={t("dateOfBirth")} type="date" autoComplete={ac("bday")} className="input-medium" />
      <TextField name="patient.phone" label={t("phone")} type="tel" autoComplete={ac("tel")} className="input-medium" hint={t("phoneHint")} />
      <TextField name="patient.email" label={t("email")} type="email" autoComplete={ac("email")} spellCheck={false} />
      <AddressFields prefix="patient.address" legend={t("homeAddress", { own: own ? "yes" : "no" })} autoComplete={own ? "own" : "off"} />
      <TextField
        name="patient.mrn"
        label={t("mrn")}
        hint={t("mrnHint")}
        autoComplete="off"
        spellCheck={false}
        className="input-medium"
      />
      {kind === "REPRESENTATIVE" && (
        <Checkbox
          name="patient.deceased"
          label={t("deceased")}
          hint={t("deceasedHint")}
        />
      )}
    </>
  );
}
