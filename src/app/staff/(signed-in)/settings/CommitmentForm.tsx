"use client";

import { useActionState } from "react";
import { type CommitmentFormState, saveCommitmentAction } from "./actions";

/** An administrator sets the response commitment in business days. */
export function CommitmentForm({ current, min, max }: { current: number; min: number; max: number }) {
  const [state, action, pending] = useActionState(saveCommitmentAction, {} as CommitmentFormState);
  const error = state.fieldErrors?.businessDays?.[0];
  return (
    <form action={action} className="stack" aria-busy={pending} aria-label="Response commitment">
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.done ? (
        <div className="notice" role="status">
          <p>Saved. Requests received from now on carry the new commitment.</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="businessDays">
          Business days to respond ({min} to {max})
        </label>
        <span className="hint" id="businessDays-hint">
          Monday to Friday in Chicago, federal holidays excepted, counted from the day after receipt.
        </span>
        {error ? (
          <p className="field-error" id="businessDays-error">
            {error}
          </p>
        ) : null}
        <input
          id="businessDays"
          name="businessDays"
          inputMode="numeric"
          className="input-short"
          defaultValue={String(current)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "businessDays-hint businessDays-error" : "businessDays-hint"}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          Save
        </button>
      </div>
    </form>
  );
}
