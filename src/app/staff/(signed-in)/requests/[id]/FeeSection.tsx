import { todayInChicago } from "@/domain/chicago";
import { defaultMedium } from "@/domain/fees";
import { formatCents, formatDate, formatDateOnly } from "@/domain/format";
import { can, type StaffRole } from "@/domain/staff-access";
import type { requestForStaff } from "@/server/staff/requests";
import { ActionForm } from "./ActionForm";
import { voidInvoiceAction } from "./fee-actions";
import { FeeCalculator } from "./FeeCalculator";
import { PaymentForm } from "./PaymentForm";

type Request = NonNullable<Awaited<ReturnType<typeof requestForStaff>>>;

const invoiceStatusLabels = { ISSUED: "Open", PAID: "Paid", VOID: "Void" } as const;
const methodLabels = { CHECK: "Check", CARD_BY_PHONE: "Card by phone" } as const;

/** Fees for records to anyone but a medical provider: the computation, the invoice, its payments. */
export function FeeSection({ r, role, releaseRequiresPayment }: { r: Request; role: StaffRole; releaseRequiresPayment: boolean }) {
  const calculate = can(role, "invoice.issue") && (r.recipientKind !== "MEDICAL_PROVIDER" || !r.providerAddressVerifiedAt) && r.pageCount !== null && (r.status === "VERIFIED" || r.status === "AWAITING_PAYMENT");
  if (!calculate && r.invoices.length === 0) return null;
  const calculator = calculate ? (
    <FeeCalculator key={r.version} requestId={r.id} version={r.version} pageCount={r.pageCount ?? 0} defaultMedium={defaultMedium(r.deliveryMethod)} reissue={r.status === "AWAITING_PAYMENT"} />
  ) : null;

  return (
    <section aria-labelledby="fees-heading" className="stack card">
      <h2 id="fees-heading">Fees and invoice</h2>
      {r.status === "VERIFIED" && calculator ? (
        <>
          <p>
            Records to this recipient are invoiced{releaseRequiresPayment ? " and released once the invoice is paid" : ""}. Enter what was copied and posted, check the computation, then issue it.
          </p>
          {calculator}
        </>
      ) : null}

      {r.invoices.map((invoice) => {
        const paid = invoice.payments.reduce((s, p) => s + p.amountCents, 0);
        const balance = invoice.totalCents - paid;
        return (
          <article key={invoice.id} className="stack" aria-labelledby={`invoice-${invoice.id}`}>
            <h3 id={`invoice-${invoice.id}`}>
              Invoice {invoice.number} <span className="badge">{invoiceStatusLabels[invoice.status]}</span>
            </h3>
            <dl className="summary-list">
              <div>
                <dt>Issued</dt>
                <dd>
                  {formatDate(invoice.issuedAt)}, due {formatDate(invoice.dueAt)}
                  {invoice.feeYear ? ` (Illinois schedule ${invoice.feeYear})` : ""}
                </dd>
              </div>
              <div>
                <dt>Total</dt>
                <dd>{formatCents(invoice.totalCents)}</dd>
              </div>
              <div>
                <dt>Paid</dt>
                <dd>
                  {formatCents(paid)}
                  {invoice.status === "ISSUED" ? ` — balance due ${formatCents(balance)}` : ""}
                </dd>
              </div>
              {invoice.voidReason ? (
                <div>
                  <dt>Voided</dt>
                  <dd>{invoice.voidReason}</dd>
                </div>
              ) : null}
            </dl>
            <p>
              <a href={`/staff/requests/${r.id}/invoices/${invoice.id}`}>Invoice {invoice.number} (PDF)</a>
            </p>
            {invoice.payments.length ? (
              <ul aria-label={`Payments on invoice ${invoice.number}`}>
                {invoice.payments.map((p) => (
                  <li key={p.id}>
                    {formatDateOnly(p.receivedOn)}: {formatCents(p.amountCents)} by {methodLabels[p.method].toLowerCase()}
                    {p.checkNumber ? ` no. ${p.checkNumber}` : ""}
                    {p.cardLast4 ? ` ending ${p.cardLast4}, authorization ${p.cardAuthCode}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {invoice.status === "ISSUED" && can(role, "payment.record") ? (
              <PaymentForm key={r.version} requestId={r.id} version={r.version} invoiceId={invoice.id} balance={(balance / 100).toFixed(2)} today={todayInChicago()} />
            ) : null}
            {invoice.status === "ISSUED" && paid === 0 && can(role, "invoice.issue") && r.status === "AWAITING_PAYMENT" ? (
              <details>
                <summary>Void or reissue this invoice</summary>
                <ActionForm action={voidInvoiceAction} submitLabel="Void the invoice" danger>
                  <input type="hidden" name="requestId" value={r.id} />
                  <input type="hidden" name="version" value={r.version} />
                  <input type="hidden" name="invoiceId" value={invoice.id} />
                  <div className="field">
                    <label htmlFor={`void-reason-${invoice.id}`}>Why it is voided</label>
                    <input id={`void-reason-${invoice.id}`} name="reason" type="text" required maxLength={500} />
                  </div>
                </ActionForm>
                <h4>Or compute and issue a replacement</h4>
                {calculator}
              </details>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
