"use client";

import { useActionState, useEffect, useRef } from "react";
import { STAFF_PASSWORD_MIN } from "@/domain/staff-access";
import { changePasswordAction, type PasswordFormState } from "./actions";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<PasswordFormState, FormData>(changePasswordAction, {});
  const form = useRef<HTMLFormElement>(null);
  // After a refused try, the first field in error gets the focus (its message is read with it).
  useEffect(() => {
    const field = (["currentPassword", "newPassword", "confirmPassword"] as Field[]).find((f) => state.errors?.[f]);
    if (field) form.current?.querySelector<HTMLInputElement>(`#${field}`)?.focus();
  }, [state]);

  const input = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const error = state.errors?.[name];
    const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
    return (
      <div className={error ? "field field-invalid" : "field"}>
        <label htmlFor={name}>{label}</label>
        {hint ? (
          <span id={`${name}-hint`} className="hint">
            {hint}
          </span>
        ) : null}
        {error ? (
          <span id={`${name}-error`} className="field-error">
            <span className="visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        <input
          id={name}
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          maxLength={1000}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
    );
  };

  return (
    <form ref={form} action={action} className="stack" aria-busy={pending}>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.done ? (
        <div className="notice notice-success" role="status">
          <p>Your password is changed. Your other sessions were signed out.</p>
        </div>
      ) : null}
      {input("currentPassword", "Current password", "current-password")}
      {input("newPassword", "New password", "new-password", `At least ${STAFF_PASSWORD_MIN} characters. A few unrelated words make a good one.`)}
      {input("confirmPassword", "New password again", "new-password")}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          Change password
        </button>
      </div>
    </form>
  );
}
