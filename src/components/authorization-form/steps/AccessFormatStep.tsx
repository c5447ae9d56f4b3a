"use client";

import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { ACCESS_FORMAT_DELIVERY, ACCESS_FORMATS, isPaperMode } from "@/domain/authorization-form";
import { defaultMedium } from "@/domain/fees";
import { useLocale, useTranslations } from "next-intl";
import { formatDay } from "@/i18n/translator";
import { ACCESS_FORMAT_EXPLANATION, ACCESS_FORMAT_LABEL } from "@/i18n/label-keys";
import { organization } from "@/domain/organization";
import { expectedByDay } from "@/domain/right-of-access";
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
  const t = useTranslations("form.format");
  const label = useTranslations();
  const locale = useLocale();
  const options = ACCESS_FORMATS.map((f) => ({
    value: f,
    label: label(ACCESS_FORMAT_LABEL[f]),
    hint: label(ACCESS_FORMAT_EXPLANATION[f], { place: organization.pickupPlace }),
  }));
  // The format decides the delivery: the delivery details below follow it.
  useEffect(() => {
    if (method) setValue("delivery.method", method, { shouldDirty: true });
  }, [method, setValue]);

  if (paper)
    return (
      <>
        <RadioGroup
          name="format"
          legend={t("paperLegend")}
          options={options}
        />
        {method && <DeliveryStep chooseMethod={false} />}
      </>
    );
  return (
    <>
      <div className="notice notice-info">
        <p>
          {t.rich("myChart", {
            portal: organization.patientPortalName,
            link: (chunks) => (
              <a href={organization.patientPortalUrl} target="_blank" rel="noopener noreferrer">
                {chunks}
                <span className="visually-hidden"> {t("newTab")}</span>
              </a>
            ),
          })}
        </p>
      </div>
      <RadioGroup
        name="format"
        legend={t("legend")}
        options={options}
      />
      {method && <DeliveryStep chooseMethod={false} />}
      {method && (
        <section aria-labelledby="access-fee-heading" className="access-summary">
          <h3 id="access-fee-heading">{t("feeHeading")}</h3>
          <FeeEstimateView recipient="PATIENT" medium={defaultMedium(method)} mailed={method === "MAIL"} headingLevel={4} />
          <p data-testid="expected-by">
            {t.rich("expectBy", { date: formatDay(locale, expectedByDay(today)), strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        </section>
      )}
    </>
  );
}
