"use client";

import { FieldFrame } from "@/components/FieldFrame";
import { ACCEPT_ATTRIBUTE } from "@/components/authorization-form/uploads";
import { useKeptForm } from "@/components/useKeptForm";
import { type CorrectionState, uploadCorrectionAction } from "./actions";

/** The corrected scan of the signed authorization. */
export function CorrectionForm() {
  const { state, onSubmit, pending } = useKeptForm(uploadCorrectionAction, {} as CorrectionState);
  if (state.confirmationNumber) {
    return (
      <div className="notice notice-success" role="status">
        <h2>We received the corrected authorization</h2>
        <p>
          Our staff will verify it. Your reference is still <strong className="confirmation-number">{state.confirmationNumber}</strong>.
        </p>
      </div>
    );
  }
  const e = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} noValidate>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <FieldFrame
        id="scan"
        label="Scan of the corrected, signed authorization"
        hint="Every page, signed by the patient (or their legal representative). PDF, JPG or PNG, up to 10 MB and 50 pages."
        errors={e.scan}
      >
        {(aria) => <input {...aria} name="scan" type="file" accept={ACCEPT_ATTRIBUTE} />}
      </FieldFrame>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          Upload the corrected authorization
        </button>
      </div>
    </form>
  );
}
