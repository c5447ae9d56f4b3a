"use client";

import { useState } from "react";
import { useKeptForm } from "@/components/useKeptForm";
import { FieldFrame } from "@/components/FieldFrame";
import { formatUnitPrice } from "@/domain/fees";
import { formatCents } from "@/domain/format";
import { MAX_AT_COST_ITEMS } from "@/domain/payments";
import { computeFeesAction, issueInvoiceAction } from "./fee-actions";
import type { FeeFormState } from "./fee-state";

/**
 * Staff enter what was copied and posted, see the computation line by line (with the rule and the
 * Illinois schedule year behind each line), then issue exactly that invoice. Changing an input
 * after computing hides the issue button until the fees are computed again.
 */
export function FeeCalculator({
  requestId,
  version,
  pageCount,
  defaultMedium,
  reissue,
}: {
  requestId: string;
  version: number;
  pageCount: number;
  defaultMedium: "ELECTRONIC" | "PAPER";
  reissue: boolean;
}) {
  const [changedSinceCompute, setChanged] = useState(false);
  const { state, onSubmit: submit, pending } = useKeptForm(async (previous: FeeFormState, formData: FormData): Promise<FeeFormState> => {
    if (formData.get("intent") === "issue") {
      const result = await issueInvoiceAction(previous, formData);
      return result.done ? result : { ...previous, message: result.message, fieldErrors: result.fieldErrors };
    }
    return computeFeesAction(previous, formData);
  }, {} as FeeFormState, () => setChanged(false));
  const [items, setItems] = useState(0);
  const errors = state.fieldErrors ?? {};
  const computation = state.computation;

  return (
    <form onSubmit={submit} onChange={() => setChanged(true)} className="stack action-form" aria-busy={pending}>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <p>
        {pageCount} page{pageCount === 1 ? "" : "s"} attached. {reissue ? "Reissuing voids the open invoice." : null}
      </p>
      <fieldset>
        <legend className="field-label">Copies are</legend>
        {(["PAPER", "ELECTRONIC"] as const).map((medium) => (
          <label key={medium} className="choice">
            <input type="radio" name="medium" value={medium} defaultChecked={medium === defaultMedium} /> {medium === "PAPER" ? "Paper" : "Electronic (secure download, CD or USB)"}
          </label>
        ))}
      </fieldset>
      <FieldFrame id="microformPages" label="Pages copied from microfiche or microfilm" errors={errors.microformPages}>
        {(aria) => <input {...aria} name="microformPages" type="number" min={0} defaultValue={0} className="input-short" />}
      </FieldFrame>
      <FieldFrame id="postage" label="Actual postage or shipping, in dollars" errors={errors.postage}>
        {(aria) => <input {...aria} name="postage" type="text" inputMode="decimal" defaultValue="0.00" className="input-short" />}
      </FieldFrame>
      {Array.from({ length: items }, (_, i) => (
        <fieldset key={i}>
          <legend className="field-label">Item at cost {i + 1} (cannot be copied on a standard copier)</legend>
          <FieldFrame id={`item${i}Description`} label="What it is" errors={errors[`atCostItems.${i}.description`]}>
            {(aria) => <input {...aria} name={`item${i}Description`} type="text" maxLength={120} />}
          </FieldFrame>
          <FieldFrame id={`item${i}Amount`} label="Its cost, in dollars" errors={errors[`atCostItems.${i}.amount`]}>
            {(aria) => <input {...aria} name={`item${i}Amount`} type="text" inputMode="decimal" className="input-short" />}
          </FieldFrame>
        </fieldset>
      ))}
      {items < MAX_AT_COST_ITEMS ? (
        <p>
          <button type="button" className="button-secondary" onClick={() => setItems(items + 1)}>
            Add an item at cost (e.g. X-ray film copies)
          </button>
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" name="intent" value="compute" className="button-secondary" disabled={pending}>
          Compute the fees
        </button>
      </div>

      {computation ? (
        <div className="stack" aria-live="polite">
          {state.scheduleNotice ? (
            <div className="notice" role="status">
              <p>{state.scheduleNotice}</p>
            </div>
          ) : null}
          {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it (axe: scrollable-region-focusable). */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Fee computation, line by line">
            <table>
              <caption>
                Fee computation
                {computation.scheduleYear ? ` — Illinois schedule ${computation.scheduleYear}${state.receivedYear && state.receivedYear !== computation.scheduleYear ? ` (the ${state.receivedYear} schedule applies to this request but has not been entered; the latest earlier one is used)` : ""}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Rule</th>
                  <th scope="col" className="numeric">Qty</th>
                  <th scope="col" className="numeric">Unit price</th>
                  <th scope="col" className="numeric">Amount</th>
                </tr>
              </thead>
              <tbody>
                {computation.lines.map((l, i) => (
                  <tr key={i}>
                    <td>{l.description}</td>
                    <td>{l.rule}</td>
                    <td className="numeric">{l.quantity}</td>
                    <td className="numeric">{formatUnitPrice(l.unitCentiCents)}</td>
                    <td className="numeric">{formatCents(l.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    Total
                  </th>
                  <td className="numeric">
                    <strong>{formatCents(computation.totalCents)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          {changedSinceCompute ? (
            <p className="notice">You changed the inputs: compute the fees again before issuing.</p>
          ) : (
            <div className="actions">
              <input type="hidden" name="expectedTotalCents" value={computation.totalCents} />
              <button type="submit" name="intent" value="issue" className="button" disabled={pending}>
                {computation.totalCents === 0 ? "No charge: go on to release" : `Issue the invoice for ${formatCents(computation.totalCents)}`}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </form>
  );
}
