import { wizardCopy } from "./mode";
import type { WizardSteps } from "./model";

/** The progress indicator: every step, the current one marked aria-current="step". */
export function Progress({ steps, step, furthest }: { steps: WizardSteps; step: number; furthest: number }) {
  return (
    <ol className="steps wizard-steps" aria-label={wizardCopy[steps.mode].progressLabel}>
      {steps.list.map((s, i) => {
        const complete = i !== step && i < furthest;
        return (
          <li key={s.key} className={complete ? "is-complete" : undefined} aria-current={i === step ? "step" : undefined}>
            <span className="wizard-step-label">{s.title}</span>
            {complete && <span className="visually-hidden"> (done)</span>}
            {i === step && <span className="visually-hidden"> (current step)</span>}
          </li>
        );
      })}
    </ol>
  );
}
