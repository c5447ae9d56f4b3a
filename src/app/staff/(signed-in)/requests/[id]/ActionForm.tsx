"use client";

import { type ReactNode, useActionState } from "react";
import type { ActionState } from "./respond";

/** A staff action form that shows the server's answer (a refusal, or a stale-version message) beside it. */
export function ActionForm({
  action,
  children,
  submitLabel,
  danger = false,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children?: ReactNode;
  submitLabel: string;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack action-form" aria-busy={pending}>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      {children}
      <div className="actions">
        <button type="submit" className={danger ? "button-danger" : "button"} disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
