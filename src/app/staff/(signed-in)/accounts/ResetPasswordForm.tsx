"use client";

import { useActionState } from "react";
import { resetPasswordAction, type ResetFormState } from "./actions";

/** Per account: a new one-time password, shown once, here only. */
export function ResetPasswordForm({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState<ResetFormState, FormData>(resetPasswordAction, {});
  return (
    <div className="stack">
      <form action={action} className="inline-form" aria-busy={pending}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" className="button-secondary" disabled={pending}>
          Reset password<span className="visually-hidden"> of {name}</span>
        </button>
      </form>
      <div role="status">
        {state.reset ? (
          <p className="notice notice-success">
            New one-time password for {state.reset.name}: <code>{state.reset.temporaryPassword}</code>. Give it in person or by phone, never by e-mail. Their
            sessions were signed out; they choose their own password at the next sign-in.
          </p>
        ) : null}
        {state.message ? <p className="notice notice-error">{state.message}</p> : null}
      </div>
    </div>
  );
}
