"use client";

import { useEffect, useState } from "react";
import { FieldFrame } from "@/components/FieldFrame";
import { useKeptForm } from "@/components/useKeptForm";
import { accountingAction, finishSignInAction, newLinkAction, type PortalFormState, respondAction, revokeAction, startSignInAction } from "./actions";

function Messages({ state }: { state: PortalFormState }) {
  return (
    <>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.info ? (
        <div className="notice notice-success" role="status">
          <p>{state.info}</p>
        </div>
      ) : null}
    </>
  );
}

/** Signing in: confirmation number and date of birth, then the code from the e-mail. */
export function PortalSignIn() {
  const details = useKeptForm(startSignInAction, {} as PortalFormState);
  const code = useKeptForm(finishSignInAction, {} as PortalFormState);
  const errors = details.state.fieldErrors ?? {};
  if (details.state.step === "code") {
    return (
      // Its own key: without it React reuses the date-of-birth <input> (same place in the tree) for
      // the code, and the code field opens already holding the date of birth.
      <form key="code" onSubmit={code.onSubmit} className="stack" aria-busy={code.pending} noValidate>
        <Messages state={{ info: details.state.info }} />
        <Messages state={{ message: code.state.message }} />
        <FieldFrame id="code" label="6-digit code from the e-mail" hint="The code expires 10 minutes after we send it." errors={undefined}>
          {(aria) => <input {...aria} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={16} spellCheck={false} defaultValue="" className="input-short" required />}
        </FieldFrame>
        <div className="actions">
          <button type="submit" className="button" disabled={code.pending}>
            Sign in
          </button>
        </div>
        <p>
          No e-mail? Check your spam folder, or <a href="/portal">start again</a> to get a new code.
        </p>
      </form>
    );
  }
  return (
    <form key="details" onSubmit={details.onSubmit} className="stack" aria-busy={details.pending} noValidate>
      <Messages state={{ message: details.state.message }} />
      <FieldFrame id="confirmationNumber" label="Confirmation number" hint="From your confirmation page or e-mail, like RC-7K3M-Q9PX." errors={errors.confirmationNumber}>
        {(aria) => <input {...aria} name="confirmationNumber" type="text" autoComplete="off" spellCheck={false} className="input-medium" required />}
      </FieldFrame>
      <FieldFrame id="dateOfBirth" label="Patient's date of birth" errors={errors.dateOfBirth}>
        {(aria) => <input {...aria} name="dateOfBirth" type="date" className="input-short" required />}
      </FieldFrame>
      <div className="actions">
        <button type="submit" className="button" disabled={details.pending}>
          Send me a sign-in code
        </button>
      </div>
    </form>
  );
}

/**
 * The answer to what is missing. After each answer the thanks stays and an empty form is there
 * for more ("you can send more below"), without reloading the page.
 */
export function DeficiencyResponseForm({ deficiencyId }: { deficiencyId: string }) {
  const [sent, setSent] = useState<{ round: number; info?: string }>({ round: 0 });
  return (
    <>
      {sent.info ? <Messages state={{ info: sent.info }} /> : null}
      <DeficiencyAnswer key={sent.round} deficiencyId={deficiencyId} more={sent.round > 0} onSent={(info) => setSent((s) => ({ round: s.round + 1, info }))} />
    </>
  );
}

function DeficiencyAnswer({ deficiencyId, more, onSent }: { deficiencyId: string; more: boolean; onSent: (info: string) => void }) {
  const { state, onSubmit, pending } = useKeptForm(respondAction, {} as PortalFormState);
  const errors = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.done) onSent(state.info ?? "");
  }, [state, onSent]);
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} aria-label={more ? "Send more about what is missing" : "Answer what is missing"}>
      <Messages state={state.done ? {} : state} />
      <input type="hidden" name="deficiencyId" value={deficiencyId} />
      <FieldFrame id="response" label={more ? "Anything more (optional if you attach documents)" : "Your answer"} hint="Correct or explain what we asked about." errors={errors.response}>
        {(aria) => <textarea {...aria} name="response" maxLength={2000} />}
      </FieldFrame>
      <FieldFrame id="files" label="Documents (PDF, JPEG or PNG, up to 5)" errors={errors.files}>
        {(aria) => <input {...aria} name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" />}
      </FieldFrame>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {more ? "Send more" : "Send my answer"}
        </button>
      </div>
    </form>
  );
}

/** Revoking an authorization, or withdrawing the patient's own request for access (`own`): the same step, in its own words. */
export function RevokeForm({ own = false }: { own?: boolean }) {
  const { state, onSubmit, pending } = useKeptForm(revokeAction, {} as PortalFormState);
  const errors = state.fieldErrors ?? {};
  if (state.done) return <Messages state={state} />;
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} aria-label={own ? "Withdraw this request" : "Revoke this authorization"}>
      <Messages state={state} />
      <FieldFrame id="signerName" label="Your full name (your signature)" errors={errors.signerName}>
        {(aria) => <input {...aria} name="signerName" type="text" autoComplete="name" maxLength={120} className="input-medium" required />}
      </FieldFrame>
      <FieldFrame id="statement" label="Anything you want to add (optional)" errors={errors.statement}>
        {(aria) => <textarea {...aria} name="statement" maxLength={1000} />}
      </FieldFrame>
      <div className={`field${errors.confirm ? " field-invalid" : ""}`}>
        {errors.confirm ? (
          <span className="field-error" id="confirm-error">
            {errors.confirm.join(" ")}
          </span>
        ) : null}
        <label className="choice">
          <input type="checkbox" name="confirm" aria-describedby={errors.confirm ? "confirm-error" : undefined} />{" "}
          {own ? "I withdraw this request. I understand that records already sent cannot be called back." : "I revoke this authorization. I understand that records already released cannot be called back."}
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="button-danger" disabled={pending}>
          {own ? "Withdraw the request" : "Revoke the authorization"}
        </button>
      </div>
    </form>
  );
}

export function NewLinkForm({ label = "Send me a new link" }: { label?: string }) {
  const { state, onSubmit, pending } = useKeptForm(newLinkAction, {} as PortalFormState);
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending}>
      <Messages state={state} />
      {state.done ? null : (
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {label}
          </button>
        </div>
      )}
    </form>
  );
}

export function AccountingForm() {
  const { state, onSubmit, pending } = useKeptForm(accountingAction, {} as PortalFormState);
  if (state.done) return <Messages state={state} />;
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} aria-label="Ask for an accounting of disclosures">
      <Messages state={state} />
      <div className="actions">
        <button type="submit" className="button-secondary" disabled={pending}>
          Ask for an accounting of disclosures
        </button>
      </div>
    </form>
  );
}
