import { formatDateTime } from "@/domain/format";
import { deliveryMethodLabels } from "@/domain/labels";
import type { requestForStaff } from "@/server/staff/requests";
import { ActionForm } from "./ActionForm";
import { accountingSentAction } from "./actions";

type Request = NonNullable<Awaited<ReturnType<typeof requestForStaff>>>;

/**
 * Every release and disclosure of the request (45 CFR 164.528), whatever its status — kept on the
 * page after completion, revocation or rejection — with how each release went out.
 */
export function DisclosureSection({ r, canProcess }: { r: Request; canProcess: boolean }) {
  return (
    <section aria-labelledby="disclosures-heading" className="stack card">
      <h2 id="disclosures-heading">Disclosures</h2>
      {r.disclosures.length === 0 ? (
        <p>Nothing has been released or disclosed under this authorization.</p>
      ) : (
        <ul aria-label="Disclosures">
          {r.disclosures.map((d) => (
            <li key={d.id}>
              {formatDateTime(d.disclosedAt)}: {d.description} to {d.recipient}, by {deliveryMethodLabels[d.method].label.toLowerCase()}, for “{d.purpose}”
            </li>
          ))}
        </ul>
      )}
      {r.mailedAt ? (
        <p>
          Mailed {formatDateTime(r.mailedAt)}
          {r.mailTrackingNumber ? `, tracking number ${r.mailTrackingNumber}` : ""}.
        </p>
      ) : null}
      <p>
        <a href={`/staff/requests/${r.id}/accounting`}>Accounting of disclosures for this patient, last six years (PDF)</a> — every request for the same patient, as 45 CFR 164.528 requires.
      </p>
      {r.accountingRequests.map((a) => (
        <div key={a.id} className={a.fulfilledAt ? "" : "notice"} role={a.fulfilledAt ? undefined : "status"}>
          <p>
            The requester asked for an accounting of disclosures in the portal on {formatDateTime(a.requestedAt)}
            {a.fulfilledAt ? `; sent ${formatDateTime(a.fulfilledAt)}.` : ". Verify their identity, then send the PDF above within 60 days."}
          </p>
          {!a.fulfilledAt && canProcess ? (
            <ActionForm action={accountingSentAction} submitLabel="Mark the accounting as sent">
              <input type="hidden" name="requestId" value={r.id} />
              <input type="hidden" name="accountingRequestId" value={a.id} />
            </ActionForm>
          ) : null}
        </div>
      ))}
      {r.pickedUpAt ? (
        <p>
          Collected {formatDateTime(r.pickedUpAt)} by {r.pickedUpBy}; {r.pickupIdChecked} checked.
        </p>
      ) : null}
    </section>
  );
}
