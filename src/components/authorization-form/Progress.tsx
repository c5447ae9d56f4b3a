"use client";

import { useTranslations } from "next-intl";
import type { WizardSteps } from "./model";
import { WIZARD_COPY } from "./mode";

/** The progress indicator: every step, the current one marked aria-current="step". */
export function Progress({ steps, step, furthest }: { steps: WizardSteps; step: number; furthest: number }) {
  const t = useTranslations();
  return (
    <ol className="steps wizard-steps" aria-label={t(WIZARD_COPY[steps.mode].progressLabel)}>
      {steps.list.map((s, i) => {
        const complete = i !== step && i < furthest;
        return (
          <li key={s.key} className={complete ? "is-complete" : undefined} aria-current={i === step ? "step" : undefined}>
            <span className="wizard-step-label">{t(s.title as never)}</span>
            {complete && <span className="visually-hidden"> {t("form.stepDone")}</span>}
            {i === step && <span className="visually-hidden"> {t("form.stepCurrent")}</span>}
          </li>
        );
      })}
    </ol>
  );
}
