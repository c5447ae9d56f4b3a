"use client";

import { type FormEvent, type ReactNode, useActionState, useTransition } from "react";
import { finishSignInAction, newLinkAction, type PortalFormState, respondAction, revokeAction, startSignInAction } from "./actions";

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

/** A labelled field with its hint and error, wired for screen readers. */
function Field({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: (aria: Record<string, unknown>) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {errors?.length ? (
        <span className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </span>
      ) : null}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": errors?.length ? true : undefined })}
    </div>
  );
}

/** Keeps what was typed when the server answers with an error (React resets forms after an action). */
function useKeptForm(action: (state: PortalFormState, formData: FormData) => Promise<PortalFormState>, initial: PortalFormState = {}) {
  const [state, dispatch, pending] = useActionState(action, initial);
  const [, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, onSubmit, pending };
}

/** Signing in: confirmation number and date of birth, then the code from the e-mail. */
export function PortalSignIn() {
  const details = useKeptForm(startSignInAction);
  const code = useKeptForm(finishSignInAction);
  const errors = details.state.fieldErrors ?? {};
  if (details.state.step === "code") {
    return (
      <form onSubmit={code.onSubmit} className="stack" aria-busy={code.pending} noValidate>
        <Messages state={{ info: details.state.info }} />
        <Messages state={{ message: code.state.message }} />
        <Field id="code" label="6-digit code from the e-mail" hint="The code expires 10 minutes after we send it." errors={undefined}>
          {(aria) => <input {...aria} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="input-short" required />}
        </Field>
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
    <form onSubmit={details.onSubmit} className="stack" aria-busy={details.pending} noValidate>
      <Messages state={{ message: details.state.message }} />
      <Field id="confirmationNumber" label="Confirmation number" hint="From your confirmation page or e-mail, like RC-7K3M-Q9PX." errors={errors.confirmationNumber}>
        {(aria) => <input {...aria} name="confirmationNumber" type="text" autoComplete="off" spellCheck={false} className="input-medium" required />}
      </Field>
      <Field id="dateOfBirth" label="Patient's date of birth" errors={errors.dateOfBirth}>
        {(aria) => <input {...aria} name="dateOfBirth" type="date" className="input-short" required />}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={details.pending}>
          Send me a sign-in code
        </button>
      </div>
    </form>
  );
}

export function DeficiencyResponseForm({ deficiencyId }: { deficiencyId: string }) {
  const { state, onSubmit, pending } = useKeptForm(respondAction);
  const errors = state.fieldErrors ?? {};
  if (state.done) return <Messages state={state} />;
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} aria-label="Answer what is missing">
      <Messages state={state} />
      <input type="hidden" name="deficiencyId" value={deficiencyId} />
      <Field id="response" label="Your answer" hint="Correct or explain what we asked about." errors={errors.response}>
        {(aria) => <textarea {...aria} name="response" maxLength={2000} />}
      </Field>
      <Field id="files" label="Documents (PDF, JPEG or PNG, up to 5)" errors={errors.files}>
        {(aria) => <input {...aria} name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" />}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          Send my answer
        </button>
      </div>
    </form>
  );
}

export function RevokeForm() {
  const { state, onSubmit, pending } = useKeptForm(revokeAction);
  const errors = state.fieldErrors ?? {};
  if (state.done) return <Messages state={state} />;
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} aria-label="Revoke this authorization">
      <Messages state={state} />
      <Field id="signerName" label="Your full name (your signature)" errors={errors.signerName}>
        {(aria) => <input {...aria} name="signerName" type="text" autoComplete="name" maxLength={120} className="input-medium" required />}
      </Field>
      <Field id="statement" label="Anything you want to add (optional)" errors={errors.statement}>
        {(aria) => <textarea {...aria} name="statement" maxLength={1000} />}
      </Field>
      <div className={`field${errors.confirm ? " field-invalid" : ""}`}>
        {errors.confirm ? (
          <span className="field-error" id="confirm-error">
            {errors.confirm.join(" ")}
          </span>
        ) : null}
        <label className="choice">
          <input type="checkbox" name="confirm" aria-describedby={errors.confirm ? "confirm-error" : undefined} /> I revoke this authorization. I understand that records already released cannot be called back.
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="button-danger" disabled={pending}>
          Revoke the authorization
        </button>
      </div>
    </form>
  );
}

export function NewLinkForm({ label = "Send me a new link" }: { label?: string }) {
  const { state, onSubmit, pending } = useKeptForm(newLinkAction);
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
