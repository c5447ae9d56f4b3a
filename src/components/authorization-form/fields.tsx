"use client";

/**
 * Accessible form controls bound to react-hook-form. Each control's id comes from its field name
 * (fieldId), its hint and error are linked with aria-describedby, and an error marks the control
 * aria-invalid and its wrapper .field-invalid. Radio and checkbox groups are fieldsets; the first
 * option carries the group's id, so an error summary link focuses it.
 */
import type { HTMLInputAutoCompleteAttribute, ReactNode } from "react";
import { get, useFormContext, useFormState } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import { useProblemText } from "@/i18n/useProblemText";
import { US_STATES } from "@/domain/authorization-form";
import { fieldId, type FormValues, type Name } from "./model";

export function cx(...classes: (string | false | null | undefined)[]): string | undefined {
  const joined = classes.filter(Boolean).join(" ");
  return joined || undefined;
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return cx(...ids);
}

/**
 * register(), and after each change re-check this field if it shows an error, and the fields
 * whose rules involve this one if visited or showing an error — so nothing complains early, and
 * a fixed error goes at once.
 */
function useRegister(name: Name, recheck: Name[] = []) {
  const { register, getFieldState, trigger } = useFormContext<FormValues>();
  const field = register(name);
  return {
    ...field,
    onChange: async (event: { target: unknown; type?: unknown }) => {
      const result: unknown = await field.onChange(event);
      // A field showing an error is checked again as it changes, so the error goes once fixed.
      const due = [name, ...recheck].filter((dep) => {
        const state = getFieldState(dep);
        return !!state.error || (dep !== name && state.isTouched);
      });
      if (due.length > 0) void trigger(due);
      return result;
    },
  };
}

/** The current error message of a field (form values, or an upload's "uploads.*" key). */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState<FormValues>({ name: name as Name });
  const text = useProblemText();
  const error = get(errors, name) as { message?: unknown } | undefined;
  // In the page's language: the schema's messages are problem keys (src/domain/problems.ts).
  return typeof error?.message === "string" && error.message ? text(error.message) : undefined;
}

export function ErrorText({ id, message }: { id: string; message: string }) {
  const t = useTranslations("form");
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t("errorPrefix")} </span>
      {message}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="hint">
      {children}
    </div>
  );
}

type TextProps = {
  name: Name;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "tel" | "date";
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: "text" | "email" | "tel" | "numeric";
  className?: string;
  spellCheck?: boolean;
  /** Fields whose rules involve this one: re-checked when it changes. */
  recheck?: Name[];
};

export function TextField({ name, label, hint, type = "text", autoComplete, inputMode, className, spellCheck, recheck }: TextProps) {
  const registration = useRegister(name, recheck);
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type={type}
        className={className}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
        {...registration}
      />
    </LabelledField>
  );
}

/** A labelled control with its hint and error message, in the order screen readers expect them. */
function LabelledField({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={cx("field", error && "field-invalid")}>
      <label htmlFor={id}>{label}</label>
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {error && <ErrorText id={`${id}-error`} message={error} />}
      {children}
    </div>
  );
}

export function TextArea({ name, label, hint, rows = 3 }: { name: Name; label: ReactNode; hint?: ReactNode; rows?: number }) {
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      />
    </LabelledField>
  );
}

export type Option = { value: string; label: ReactNode; hint?: ReactNode };

type GroupProps = { name: Name; legend: ReactNode; hint?: ReactNode; options: readonly Option[]; recheck?: Name[] };

function ChoiceGroup({ type, name, legend, hint, options, recheck }: GroupProps & { type: "radio" | "checkbox" }) {
  const registration = useRegister(name, recheck);
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <fieldset className={cx(error && "field-invalid")} aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error && `${id}-error`)}>
      <legend>{legend}</legend>
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {error && <ErrorText id={`${id}-error`} message={error} />}
      {options.map((option, i) => {
        const optionId = i === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="choice" key={option.value}>
            <input
              id={optionId}
              type={type}
              value={option.value}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              {...registration}
            />
            <div>
              <label htmlFor={optionId}>{option.label}</label>
              {option.hint && <Hint id={`${optionId}-hint`}>{option.hint}</Hint>}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

export function RadioGroup(props: GroupProps) {
  return <ChoiceGroup type="radio" {...props} />;
}

export function CheckboxGroup(props: GroupProps) {
  return <ChoiceGroup type="checkbox" {...props} />;
}

/** One checkbox whose value is true or false. */
export function Checkbox({ name, label, hint, describedById, recheck }: { name: Name; label: ReactNode; hint?: ReactNode; describedById?: string; recheck?: Name[] }) {
  const registration = useRegister(name, recheck);
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <div className={cx("field", error && "field-invalid")}>
      {error && <ErrorText id={`${id}-error`} message={error} />}
      <div className="choice">
        <input
          id={id}
          type="checkbox"
          aria-describedby={describedBy(describedById, hint ? `${id}-hint` : undefined, error && `${id}-error`)}
          aria-invalid={error ? true : undefined}
          {...registration}
        />
        <div>
          <label htmlFor={id}>{label}</label>
          {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
        </div>
      </div>
    </div>
  );
}

const STATE_NAMES: Record<(typeof US_STATES)[number], string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut",
  DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois",
  IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland",
  MA: "Massachusetts", MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana",
  NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico", NY: "New York",
  NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania",
  RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
  PR: "Puerto Rico", GU: "Guam", VI: "U.S. Virgin Islands", AS: "American Samoa", MP: "Northern Mariana Islands",
};

/** Spanish names where they differ from the English ones (proper names: data, not messages). */
const STATE_NAMES_ES: Partial<Record<(typeof US_STATES)[number], string>> = {
  DC: "Distrito de Columbia", HI: "Hawái", LA: "Luisiana", MI: "Míchigan", MS: "Misisipi", MO: "Misuri", NH: "Nuevo Hampshire",
  NJ: "Nueva Jersey", NM: "Nuevo México", NY: "Nueva York", NC: "Carolina del Norte", ND: "Dakota del Norte", OR: "Oregón",
  PA: "Pensilvania", SC: "Carolina del Sur", SD: "Dakota del Sur", WV: "Virginia Occidental", VI: "Islas Vírgenes de los EE. UU.",
  AS: "Samoa Estadounidense", MP: "Islas Marianas del Norte",
};

/** The state, shown by name (typing "Ill" picks Illinois), sent as its code. */
export function StateSelect({ name, autoComplete }: { name: Name; autoComplete?: HTMLInputAutoCompleteAttribute }) {
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(name);
  const id = fieldId(name);
  const t = useTranslations("form.address");
  const spanish = useLocale() === "es";
  return (
    <div className={cx("field", error && "field-invalid")}>
      <label htmlFor={id}>{t("state")}</label>
      {error && <ErrorText id={`${id}-error`} message={error} />}
      <select
        id={id}
        className="input-medium"
        autoComplete={autoComplete}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      >
        <option value="">{t("chooseState")}</option>
        {US_STATES.map((s) => (
          <option key={s} value={s}>
            {(spanish && STATE_NAMES_ES[s]) || STATE_NAMES[s]}
          </option>
        ))}
      </select>
    </div>
  );
}

type AddressPrefix = "patient.address" | "recipient.address" | "delivery.address";

/**
 * A US postal address. `autoComplete`: "own" for the person filling in the form, a section name
 * (such as "shipping") for their own address used for something specific, or "off" for someone
 * else's address, which the browser must not fill with the user's own.
 */
export function AddressFields({ prefix, legend, hint, autoComplete }: { prefix: AddressPrefix; legend: ReactNode; hint?: ReactNode; autoComplete: "own" | "shipping" | "off" }) {
  const token = (t: string): HTMLInputAutoCompleteAttribute =>
    (autoComplete === "off" ? "off" : autoComplete === "own" ? t : `shipping ${t}`) as HTMLInputAutoCompleteAttribute;
  const n = (leaf: string) => `${prefix}.${leaf}` as Name;
  const hintId = `${fieldId(prefix)}-hint`;
  const t = useTranslations("form.address");
  return (
    <fieldset aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      <TextField name={n("line1")} label={t("line1")} autoComplete={token("address-line1")} />
      <TextField name={n("line2")} label={t("line2")} autoComplete={token("address-line2")} />
      <TextField name={n("city")} label={t("city")} className="input-medium" autoComplete={token("address-level2")} />
      <StateSelect name={n("state")} autoComplete={token("address-level1")} />
      <TextField name={n("postalCode")} label={t("postalCode")} className="input-short" inputMode="numeric" autoComplete={token("postal-code")} />
    </fieldset>
  );
}
