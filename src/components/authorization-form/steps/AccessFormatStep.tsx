"use client";

import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { ACCESS_FORMAT_DELIVERY, ACCESS_FORMATS, isPaperMode } from "@/domain/authorization-form";
import { defaultMedium } from "@/domain/fees";
import { formatIsoDate } from "@/domain/format";
import { organization } from "@/domain/organization";
import { accessFormatLabels, expectedByDay } from "@/domain/right-of-access";
import { FeeEstimateView } from "../FeeEstimate";
import { RadioGroup } from "../fields";
import type { FormValues } from "../model";
import { useWizardMode } from "../mode";
import { DeliveryStep } from "./DeliveryStep";

/**
 * The access door's form and format (45 CFR 164.524(c)(2)) — PDF download, the full EHI export,
 * paper by mail or pickup — with its delivery details, then the fee for the patient's own copy and
 * the latest day to expect the records, before anything is signed (issue 17 items 2–3).
 */
export function AccessFormatStep({ today }: { today: string }) {
  const { setValue } = useFormContext<FormValues>();
  const format = useWatch<FormValues, "format">({ name: "format" });
  const method = format ? ACCESS_FORMAT_DELIVERY[format] : undefined;
  // Staff keying in the printed own-records request (decision 0018): the choice checked on the form, no portal or fee notes.
  const paper = isPaperMode(useWizardMode());
  // The format decides the delivery: the delivery details below follow it.
  useEffect(() => {
    if (method) setValue("delivery.method", method, { shouldDirty: true });
  }, [method, setValue]);

  if (paper)
    return (
      <>
        <RadioGroup
          name="format"
          legend="The form and format checked on the form"
          options={ACCESS_FORMATS.map((f) => ({ value: f, label: accessFormatLabels[f].label, hint: accessFormatLabels[f].explanation }))}
        />
        {method && <DeliveryStep chooseMethod={false} />}
      </>
    );
  return (
    <>
      <div className="notice notice-info">
        <p>
          Already use {organization.patientPortalName}? Much of your record — test results, visit summaries, medications — is there now, free:{" "}
          <a href={organization.patientPortalUrl} target="_blank" rel="noopener noreferrer">
            open {organization.patientPortalName}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          . This request gets you your whole record.
        </p>
      </div>
      <RadioGroup
        name="format"
        legend="How do you want your records?"
        options={ACCESS_FORMATS.map((f) => ({ value: f, label: accessFormatLabels[f].label, hint: accessFormatLabels[f].explanation }))}
      />
      {method && <DeliveryStep chooseMethod={false} />}
      {method && (
        <section aria-labelledby="access-fee-heading" className="access-summary">
          <h3 id="access-fee-heading">Your fee and when to expect your records</h3>
          <FeeEstimateView recipient="PATIENT" medium={defaultMedium(method)} mailed={method === "MAIL"} headingLevel={4} />
          <p data-testid="expected-by">
            Expect your records by <strong>{formatIsoDate(expectedByDay(today))}</strong> at the latest (30 days after we receive your request), usually sooner.
          </p>
        </section>
      )}
    </>
  );
}
