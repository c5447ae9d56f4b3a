import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { QuestionsLine } from "@/components/PhoneLink";
import { RefreshWhilePending } from "@/components/RefreshWhilePending";
import { CLOSED_STATUSES, statusLabels } from "@/domain/lifecycle";
import { formatCents, formatDate, formatDateTime } from "@/domain/format";
import { deliveryMethodLabels } from "@/domain/labels";
import { organization } from "@/domain/organization";
import { portalCanRevoke } from "@/domain/revocation";
import { portalRequestId } from "@/server/portal/access";
import { currentGrant, LINK_DAYS, MAX_DOWNLOADS } from "@/server/portal/downloads";
import { portalView } from "@/server/portal/portal";
import { signOutAction } from "../actions";
import { thirdPartyKindLabels } from "@/domain/third-party";
import { AccountingForm, DeficiencyResponseForm, NewLinkForm, RevokeForm } from "../PortalForms";
import { PickupDetails } from "../PickupDetails";

export const metadata: Metadata = { title: "Your records request" };
export const dynamic = "force-dynamic";

const invoiceStatus = { ISSUED: "To pay", PAID: "Paid", VOID: "Void (replaced or cancelled)" } as const;

export default async function PortalRequestPage() {
  const requestId = await portalRequestId();
  const r = requestId ? await portalView(requestId) : null;
  if (!r) redirect("/portal");
  const own = r.requestKind === "ACCESS";
  const grant = r.deliveryMethod === "SECURE_EMAIL" && ["RELEASED", "COMPLETED"].includes(r.status) ? await currentGrant(r.id) : null;
  const openDeficiency = r.status === "DEFICIENT" ? r.deficiencies.find((d) => !d.resolvedAt) : undefined;
  const closed = CLOSED_STATUSES.includes(r.status);

  return (
    <div className="container section stack">
      <h1>
        Records request {r.confirmationNumber} <span className="badge">{statusLabels[r.status]}</span>
      </h1>
      <dl className="summary-list">
        {r.thirdPartyRequester ? (
          <div>
            <dt>Requested by</dt>
            <dd>
              {r.thirdPartyRequester.organization} ({thirdPartyKindLabels[r.thirdPartyRequester.kind].toLowerCase()}), signed by the patient
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Received</dt>
          <dd>{formatDate(r.receivedAt)}</dd>
        </div>
        {closed ? null : (
          <div>
            <dt>We will respond by</dt>
            <dd>
              {formatDate(r.dueAt)}
              {r.extendedAt ? ` (extended: ${r.extensionReason ?? ""})` : ""}
            </dd>
          </div>
        )}
        <div>
          <dt>Delivery</dt>
          <dd>
            {deliveryMethodLabels[r.deliveryMethod].label}
            {r.mailTrackingNumber ? ` — mailed ${r.mailedAt ? formatDate(r.mailedAt) : ""}, tracking number ${r.mailTrackingNumber}` : ""}
            {r.pickupScheduledFor && r.status === "PICKUP_SCHEDULED" ? ` — pickup scheduled for ${formatDateTime(r.pickupScheduledFor)}: where, when and what to bring below` : ""}
          </dd>
        </div>
      </dl>

      {r.pickupScheduledFor && r.status === "PICKUP_SCHEDULED" ? <PickupDetails at={r.pickupScheduledFor} /> : null}

      {openDeficiency ? (
        <section aria-labelledby="missing-heading" className="stack card">
          <h2 id="missing-heading">What we need from you</h2>
          <ul>
            {openDeficiency.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {openDeficiency.respondedAt ? (
            <p>We received your answer on {formatDate(openDeficiency.respondedAt)}. An associate will review it; you can send more below.</p>
          ) : null}
          <DeficiencyResponseForm deficiencyId={openDeficiency.id} />
        </section>
      ) : null}

      {r.deliveryMethod === "SECURE_EMAIL" && ["RELEASED", "COMPLETED"].includes(r.status) ? (
        <section aria-labelledby="records-heading" id="records" className="stack card">
          <h2 id="records-heading">Your records</h2>
          {grant ? (
            <>
              <p>
                <a className="button" href="/portal/records">
                  Download your records (PDF)
                </a>
              </p>
              <p className="hint">
                This link allows {MAX_DOWNLOADS - grant.downloadCount} more download{MAX_DOWNLOADS - grant.downloadCount === 1 ? "" : "s"} until {formatDate(grant.expiresAt)}. Keep the file in a
                safe place.
              </p>
            </>
          ) : (
            <>
              <p>To download your records, use the link in the e-mail we sent (it works for {LINK_DAYS} days), or get a new one.</p>
              <NewLinkForm />
            </>
          )}
        </section>
      ) : null}

      {r.invoices.length ? (
        <section aria-labelledby="invoices-heading" className="stack card">
          <h2 id="invoices-heading">Invoices</h2>
          <ul>
            {r.invoices.map((invoice) => {
              const paid = invoice.payments.reduce((s, p) => s + p.amountCents, 0);
              return (
                <li key={invoice.id}>
                  <a href={`/portal/invoices/${invoice.id}`}>Invoice {invoice.number} (PDF)</a>: {formatCents(invoice.totalCents)}, {invoiceStatus[invoice.status].toLowerCase()}
                  {invoice.status === "ISSUED" ? `, balance due ${formatCents(invoice.totalCents - paid)} by ${formatDate(invoice.dueAt)}` : ""}
                </li>
              );
            })}
          </ul>
          {r.invoices.some((i) => i.status === "ISSUED") ? (
            <>
              <h3>How to pay</h3>
              <ul>
                <li>
                  By credit card over the phone: call <a href={organization.paymentPhoneHref}>{organization.paymentPhone}</a>, {organization.questionsHours}, with the invoice number.
                </li>
                <li>
                  By check payable to {organization.checksPayableTo}, with the invoice number on it, mailed to {organization.paymentAddress.join(", ")}.
                </li>
              </ul>
              <p>
                <strong>Cash is never accepted.</strong> Your records are released once the invoice is paid.
              </p>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading" className="stack">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="timeline">
          {r.statusChanges.map((c) => (
            <li key={c.id}>
              <strong>{formatDateTime(c.at)}</strong>: {c.note ?? statusLabels[c.toStatus]}
            </li>
          ))}
        </ol>
      </section>

      {r.thirdPartyRequester ? (
        <section aria-labelledby="authorization-heading" className="stack">
          <h2 id="authorization-heading">The authorization</h2>
          <p>The patient signed the authorization naming {r.thirdPartyRequester.organization} as recipient. Only the patient or their legal representative can revoke it, in writing or by calling us.</p>
        </section>
      ) : (
      <section aria-labelledby="authorization-heading" className="stack">
        {/* An access request (45 CFR 164.524) is the patient's own request, not an authorization: it is withdrawn, not revoked. */}
        <h2 id="authorization-heading">{own ? "Your request" : "Your authorization"}</h2>
        {r._count.documents > 0 ? (
          <p>
            <a href="/portal/authorization.pdf">{own ? "The request you signed (PDF)" : "The authorization you signed (PDF)"}</a>
          </p>
        ) : (
          <p role="status">
            {own ? "The PDF of the request you signed is being prepared." : "The PDF of the authorization you signed is being prepared."} It appears here in a moment.
            <RefreshWhilePending />
          </p>
        )}
        {r.revocations.length ? (
          <p>{own ? "You withdrew this request" : "You revoked this authorization"} on {formatDate(r.revocations[0]!.signedAt)}.</p>
        ) : !closed && !["RELEASED"].includes(r.status) && !portalCanRevoke(r) ? (
          <p>{own ? "To withdraw this request" : "To revoke this authorization"}, the patient or their personal representative sends us a signed letter by mail or fax. Call us for the address.</p>
        ) : !closed && !["RELEASED"].includes(r.status) ? (
          <details>
            <summary>{own ? "Withdraw this request" : "Revoke this authorization"}</summary>
            <p>
              {own
                ? "You can withdraw your request at any time, in writing. Records already sent cannot be called back; nothing more will be sent."
                : "You can revoke your authorization at any time, in writing. Records already released cannot be called back; nothing more will be released."}
            </p>
            <RevokeForm own={own} />
          </details>
        ) : null}
      </section>
      )}

      <section aria-labelledby="accounting-heading" className="stack">
        <h2 id="accounting-heading">Who has received your health information</h2>
        <p>
          You can ask for an accounting of the disclosures of your health information we made in the last six years under authorizations like this one: when, to whom, what and why (45 CFR 164.528). We
          send it within 60 days.
        </p>
        {r.accountingRequests.some((a) => !a.fulfilledAt) ? (
          <p>You asked for an accounting on {formatDate(r.accountingRequests.find((a) => !a.fulfilledAt)!.requestedAt)}. We will send it within 60 days of that date.</p>
        ) : portalCanRevoke(r) ? (
          <AccountingForm />
        ) : (
          <p>Only the patient or their personal representative can ask for it: please call us.</p>
        )}
      </section>

      <form action={signOutAction}>
        <button type="submit" className="button-secondary">
          Sign out
        </button>
      </form>
      <QuestionsLine />
    </div>
  );
}
