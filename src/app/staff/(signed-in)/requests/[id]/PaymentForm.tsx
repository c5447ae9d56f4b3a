"use client";

import { type FormEvent, useActionState, useState, useTransition } from "react";
import { recordPaymentAction } from "./fee-actions";
import type { PaymentFormState } from "./fee-state";

/** Records a check or a card payment taken by phone against an open invoice. Cash is never accepted. */
export function PaymentForm({ requestId, version, invoiceId, balance, today }: { requestId: string; version: number; invoiceId: string; balance: string; today: string }) {
  const [state, formAction, pending] = useActionState(recordPaymentAction, {} as PaymentFormState);
  const [, startTransition] = useTransition();
  const [method, setMethod] = useState<"CHECK" | "CARD_BY_PHONE">("CHECK");
  const errors = state.fieldErrors ?? {};
  const field = (name: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className={`field${errors[name] ? " field-invalid" : ""}`}>
      <label htmlFor={`${invoiceId}-${name}`}>{label}</label>
      {hint ? (
        <span className="hint" id={`${invoiceId}-${name}-hint`}>
          {hint}
        </span>
      ) : null}
      {errors[name] ? (
        <span className="field-error" id={`${invoiceId}-${name}-error`}>
          {errors[name].join(" ")}
        </span>
      ) : null}
      {input}
    </div>
  );
  const described = (name: string, hint = false) => ({
    id: `${invoiceId}-${name}`,
    name,
    "aria-invalid": errors[name] ? (true as const) : undefined,
    "aria-describedby": [hint ? `${invoiceId}-${name}-hint` : "", errors[name] ? `${invoiceId}-${name}-error` : ""].filter(Boolean).join(" ") || undefined,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };

  return (
    <form onSubmit={submit} className="stack action-form" aria-busy={pending} aria-label="Record a payment">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <p className="hint">Payment is by check or by card over the phone only. Cash is never accepted.</p>
      {field(
        "method",
        "Paid by",
        <select {...described("method")} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
          <option value="CHECK">Check (mailed)</option>
          <option value="CARD_BY_PHONE">Card, by phone</option>
        </select>,
      )}
      {field("amount", "Amount received, in dollars", <input {...described("amount", true)} type="text" inputMode="decimal" defaultValue={balance} className="input-short" required />, `Balance due: $${balance}`)}
      {field("receivedOn", "Date received", <input {...described("receivedOn")} type="date" defaultValue={today} max={today} className="input-short" required />)}
      {method === "CHECK"
        ? field("checkNumber", "Check number", <input {...described("checkNumber")} type="text" maxLength={20} className="input-short" required />)
        : (
          <>
            {field("cardLast4", "Card's last four digits", <input {...described("cardLast4", true)} type="text" inputMode="numeric" maxLength={4} autoComplete="off" className="input-short" required />, "Never write down the full card number.")}
            {field("cardAuthCode", "Authorization code", <input {...described("cardAuthCode")} type="text" maxLength={12} autoComplete="off" className="input-short" required />)}
          </>
        )}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          Record the payment
        </button>
      </div>
    </form>
  );
}
