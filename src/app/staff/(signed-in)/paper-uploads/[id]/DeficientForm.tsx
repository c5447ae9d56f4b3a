"use client";

import { FieldFrame } from "@/components/FieldFrame";
import { useKeptForm } from "@/components/useKeptForm";
import { PAPER_DEFICIENCY_REASONS, type PaperDeficiencyReason } from "@/domain/third-party";
import { type DeficientState, markDeficientAction } from "./actions";

/** Send the upload back: a fixed reason (and a note), shown to the organisation behind the e-mailed link. */
export function DeficientForm({ uploadId }: { uploadId: string }) {
  const { state, onSubmit, pending } = useKeptForm(markDeficientAction, {} as DeficientState);
  const e = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} noValidate>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <input type="hidden" name="uploadId" value={uploadId} />
      <fieldset id="reason" aria-describedby={e.reason ? "reason-error" : undefined}>
        <legend>What is wrong with it?</legend>
        {e.reason ? (
          <p id="reason-error" className="field-error">
            {e.reason[0]}
          </p>
        ) : null}
        {(Object.entries(PAPER_DEFICIENCY_REASONS) as Array<[PaperDeficiencyReason, string]>).map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name="reason" value={value} /> {label}
          </label>
        ))}
      </fieldset>
      <FieldFrame id="note" label="Note for the organisation (optional; required for “something else”)" hint="Shown on the page the e-mailed link opens, not in the e-mail." errors={e.note}>
        {(aria) => <textarea {...aria} name="note" maxLength={500} />}
      </FieldFrame>
      <div className="actions">
        <button type="submit" className="button-secondary" disabled={pending}>
          Send it back to the organisation
        </button>
      </div>
    </form>
  );
}
