"use client";

import { useActionState } from "react";
import { STAFF_ROLES, staffRoleLabels } from "@/domain/staff-access";
import { type AccountFormState, createAccountAction } from "./actions";

export function NewAccountForm() {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(createAccountAction, {});
  return (
    <section aria-labelledby="new-account" className="stack card">
      <h2 id="new-account">Add a staff member</h2>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.created ? (
        <div className="notice notice-success" role="status">
          <p>
            Account created for {state.created.email}. Give them this one-time password in person or by phone, never by e-mail:{" "}
            <code>{state.created.temporaryPassword}</code>. At first sign-in they choose their own password and set up their second factor.
          </p>
        </div>
      ) : null}
      <form action={action} className="stack" aria-busy={pending}>
        <div className="field">
          <label htmlFor="new-name">Name</label>
          <input id="new-name" name="name" required maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="new-email">Work e-mail</label>
          <input id="new-email" name="email" type="email" required />
        </div>
        <div className="field">
          <label htmlFor="new-role">Role</label>
          <select id="new-role" name="role" defaultValue="ASSOCIATE">
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {staffRoleLabels[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            Add staff member
          </button>
        </div>
      </form>
    </section>
  );
}
