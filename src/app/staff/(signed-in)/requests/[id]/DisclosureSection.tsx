import { formatDateTime } from "@/domain/format";
import { deliveryMethodLabels } from "@/domain/labels";
import type { requestForStaff } from "@/server/staff/requests";

type Request = NonNullable<Awaited<ReturnType<typeof requestForStaff>>>;

/**
 * Every release and disclosure of the request (45 CFR 164.528), whatever its status — kept on the
 * page after completion, revocation or rejection — with how each release went out.
 */
export function DisclosureSection({ r }: { r: Request }) {
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
      {r.pickedUpAt ? (
        <p>
          Collected {formatDateTime(r.pickedUpAt)} by {r.pickedUpBy}; {r.pickupIdChecked} checked.
        </p>
      ) : null}
    </section>
  );
}
