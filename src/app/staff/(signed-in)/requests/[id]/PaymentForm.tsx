"use client";

import { useState } from "react";
import { useKeptForm } from "@/components/useKeptForm";
import { type FieldAria, FieldFrame } from "@/components/FieldFrame";
import { CardLastFourInput } from "./CardLastFourInput";
import { recordPaymentAction } from "./fee-actions";
import type { PaymentFormState } from "./fee-state";

/** Records a check or a card payment taken by phone against an open invoice. Cash is never accepted. */
export function PaymentForm({ requestId, version, invoiceId, balance, today }: { requestId: string; version: number; invoiceId: string; balance: string; today: string }) {
  const { state, onSubmit: submit, pending } = useKeptForm(recordPaymentAction, {} as PaymentFormState);
  const [method, setMethod] = useState<"CHECK" | "CARD_BY_PHONE">("CHECK");
  const errors = state.fieldErrors ?? {};
  const field = (name: string, label: string, control: (aria: FieldAria) => React.ReactNode, hint?: string) => (
    <FieldFrame id={`${invoiceId}-${name}`} label={label} hint={hint} errors={errors[name]}>
      {(aria) => control(aria)}
    </FieldFrame>
  );
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
        (aria) => <select {...aria} name="method" value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
          <option value="CHECK">Check (mailed)</option>
          <option value="CARD_BY_PHONE">Card, by phone</option>
        </select>,
      )}
      {field("amount", "Amount received, in dollars", (aria) => <input {...aria} name="amount" type="text" inputMode="decimal" defaultValue={balance} className="input-short" required />, `Balance due: $${balance}`)}
      {field("receivedOn", "Date received", (aria) => <input {...aria} name="receivedOn" type="date" defaultValue={today} max={today} className="input-short" required />)}
      {method === "CHECK"
        ? field("checkNumber", "Check number", (aria) => <input {...aria} name="checkNumber" type="text" maxLength={20} className="input-short" required />)
        : (
          <>
            {field("cardLast4", "Card's last four digits", (aria) => <CardLastFourInput aria={aria} id={`${invoiceId}-cardLast4`} />, "Never write down the full card number.")}
            {field("cardAuthCode", "Authorization code", (aria) => <input {...aria} name="cardAuthCode" type="text" maxLength={12} autoComplete="off" className="input-short" required />)}
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
