import type { ReactNode } from "react";

/** What a control inside a FieldFrame needs: its id, the ids that describe it, and whether it is invalid. */
export type FieldAria = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * A labelled field for the forms that are not the authorization wizard (which has its own,
 * bound to react-hook-form): label, hint and server-side error linked to the control with
 * aria-describedby, the control marked aria-invalid and the wrapper .field-invalid on error.
 */
export function FieldFrame({ id, label, hint, errors, children }: { id: string; label: ReactNode; hint?: ReactNode; errors?: readonly string[]; children: (aria: FieldAria) => ReactNode }) {
  const invalid = !!errors?.length;
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${invalid ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {invalid ? (
        <span className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {errors.join(" ")}
        </span>
      ) : null}
      {children({ id, "aria-describedby": describedBy, ...(invalid ? { "aria-invalid": true as const } : {}) })}
    </div>
  );
}
