"use client";

/**
 * The fee estimate shown before submitting (issue 13; issue 17 item 2): the estimate that applies
 * to this requester, recipient and delivery, from the same calculator staff invoice with
 * (src/domain/fees.ts `feeEstimate` → `computeFees`), with the Illinois schedule in force today and
 * the organization's fee policy, which the page reads from the database and passes down.
 */
import { createContext, useContext } from "react";
import { type FeeMedium, type FeePolicy, type FeeRecipient, type FeeSchedule, feeEstimate } from "@/domain/fees";
import { formatCents } from "@/domain/format";

export type FeeFacts = { schedule: FeeSchedule | null; policy: FeePolicy };
export const FeeFactsContext = createContext<FeeFacts | null>(null);

export function FeeEstimateView({ recipient, medium, mailed, headingLevel = 3 }: { recipient: FeeRecipient; medium: FeeMedium; mailed: boolean; headingLevel?: 3 | 4 }) {
  const facts = useContext(FeeFactsContext);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  if (!facts) return null;
  const estimate = feeEstimate({ recipient, medium, mailed }, facts.schedule, facts.policy);
  switch (estimate.kind) {
    case "FREE":
      return (
        <div className="notice notice-success" data-testid="fee-estimate">
          <p className="notice-title">No fee</p>
          <p>Records sent directly to another medical provider are free, once we confirm the address is the provider’s own.</p>
        </div>
      );
    case "FLAT":
      return (
        <div className="notice notice-info" data-testid="fee-estimate">
          <p className="notice-title">Fee: {formatCents(estimate.cents)}, everything included</p>
          <p>
            {recipient === "PATIENT"
              ? `Your own electronic copy costs a flat ${formatCents(estimate.cents)}, however many pages — nothing is added for postage, labor or supplies (federal law, 45 CFR 164.524(c)(4)).`
              : `A flat ${formatCents(estimate.cents)}.`}{" "}
            You get an invoice before anything is charged.
          </p>
        </div>
      );
    case "UNAVAILABLE":
      return (
        <div className="notice notice-info" data-testid="fee-estimate">
          <p className="notice-title">Fee: set by Illinois law</p>
          <p>We cannot show an estimate right now. The fee is at most the Illinois maximum (735 ILCS 5/8-2001); you get an invoice before anything is charged.</p>
        </div>
      );
    case "BY_PAGES":
      return (
        <div className="fee-estimate" data-testid="fee-estimate">
          <Heading>Estimated fee, by number of pages</Heading>
          <p>
            {recipient === "PATIENT"
              ? "Your own paper copy is charged at cost per page, never more than Illinois allows, with no search or handling fee."
              : `Records to someone other than you or a medical provider are charged the Illinois maximums${estimate.scheduleYear ? ` (${estimate.scheduleYear} schedule)` : ""}, including a handling charge of ${formatCents(estimate.handlingCents)}.`}{" "}
            {estimate.postageAdded ? "Actual postage is added." : ""} We count the pages when we copy the records, and send an invoice before anything is charged.
          </p>
          <table className="fee-estimate-table">
            <caption className="visually-hidden">Estimated fee for each number of pages</caption>
            <thead>
              <tr>
                <th scope="col">Pages</th>
                <th scope="col">Fee</th>
              </tr>
            </thead>
            <tbody>
              {estimate.rows.map((r) => (
                <tr key={r.pages}>
                  <th scope="row">{r.pages}</th>
                  <td>{formatCents(r.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
