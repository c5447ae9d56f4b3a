"use client";

import { FieldFrame } from "@/components/FieldFrame";
import { useKeptForm } from "@/components/useKeptForm";
import { type IdentityState, verifyIdentityAction } from "./actions";

/** The patient confirms who they are before seeing the request. */
export function IdentityForm() {
  const { state, onSubmit, pending } = useKeptForm(verifyIdentityAction, {} as IdentityState);
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} noValidate>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <FieldFrame id="dateOfBirth" label="Your date of birth" errors={state.fieldErrors?.dateOfBirth}>
        {(aria) => <input {...aria} name="dateOfBirth" type="date" className="input-short" required />}
      </FieldFrame>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          Continue
        </button>
      </div>
    </form>
  );
}
