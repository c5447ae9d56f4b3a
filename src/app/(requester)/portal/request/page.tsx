import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PhoneLink, QuestionsLine } from "@/components/PhoneLink";
import { RefreshWhilePending } from "@/components/RefreshWhilePending";
import { chicagoDay } from "@/domain/chicago";
import { EXTENSION_REASONS } from "@/domain/extension";
import { CLOSED_STATUSES } from "@/domain/lifecycle";
import { organization } from "@/domain/organization";
import { ClientMessages } from "@/i18n/ClientMessages";
import { localeRedirect } from "@/i18n/navigation";
import { formatDay, formatInstant, formatMoney } from "@/i18n/translator";
import { portalCanRevoke } from "@/domain/revocation";
import { portalRequestId } from "@/server/portal/access";
import { currentGrant, LINK_DAYS, MAX_DOWNLOADS } from "@/server/portal/downloads";
import { portalView } from "@/server/portal/portal";
import { signOutAction } from "../actions";
import { AccountingForm, DeficiencyResponseForm, NewLinkForm, RevokeForm } from "../PortalForms";
import { PickupDetails } from "../PickupDetails";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.request"))("title") };
}
export const dynamic = "force-dynamic";

/* Words picked by value (the catalogue's key test reads these literals). */
const statusKeys = {
  SUBMITTED: "status.SUBMITTED",
  IN_REVIEW: "status.IN_REVIEW",
  DEFICIENT: "status.DEFICIENT",
  VERIFIED: "status.VERIFIED",
  AWAITING_PAYMENT: "status.AWAITING_PAYMENT",
  READY_TO_RELEASE: "status.READY_TO_RELEASE",
  PICKUP_SCHEDULED: "status.PICKUP_SCHEDULED",
  RELEASED: "status.RELEASED",
  COMPLETED: "status.COMPLETED",
  REJECTED: "status.REJECTED",
  REVOKED: "status.REVOKED",
} as const;
const invoiceStatusKeys = { ISSUED: "invoiceStatus.ISSUED", PAID: "invoiceStatus.PAID", VOID: "invoiceStatus.VOID" } as const;
const deliveryKeys = { SECURE_EMAIL: "delivery.SECURE_EMAIL", MAIL: "delivery.MAIL", PICKUP: "delivery.PICKUP" } as const;
const thirdPartyKindKeys = { ATTORNEY: "thirdPartyKind.ATTORNEY", INSURER: "thirdPartyKind.INSURER", OTHER: "thirdPartyKind.OTHER" } as const;
const extensionReasonKeys = {
  RECORDS_OFFSITE: "extensionReason.RECORDS_OFFSITE",
  SEVERAL_LOCATIONS: "extensionReason.SEVERAL_LOCATIONS",
  LARGE_VOLUME: "extensionReason.LARGE_VOLUME",
  FORMAT_CONVERSION: "extensionReason.FORMAT_CONVERSION",
} as const;

export default async function PortalRequestPage() {
  const requestId = await portalRequestId();
  const r = requestId ? await portalView(requestId) : null;
  if (!r) return localeRedirect("/portal");
  const locale = await getLocale();
  const portal = await getTranslations("portal");
  const t = await getTranslations("portal.request");
  const email = await getTranslations("email");
  const common = await getTranslations("common");
  const day = (d: Date) => formatDay(locale, chicagoDay(d));
  const moment = (d: Date) => formatInstant(locale, d);
  const money = (cents: number) => formatMoney(locale, cents);
  const delivery = portal(deliveryKeys[r.deliveryMethod]);
  const reasonKey = (Object.keys(EXTENSION_REASONS) as (keyof typeof EXTENSION_REASONS)[]).find((k) => EXTENSION_REASONS[k] === r.extensionReason);
  const extensionReason = reasonKey ? email(extensionReasonKeys[reasonKey]) : (r.extensionReason ?? "");
  const own = r.requestKind === "ACCESS";
  const grant = r.deliveryMethod === "SECURE_EMAIL" && ["RELEASED", "COMPLETED"].includes(r.status) ? await currentGrant(r.id) : null;
  const openDeficiency = r.status === "DEFICIENT" ? r.deficiencies.find((d) => !d.resolvedAt) : undefined;
  const closed = CLOSED_STATUSES.includes(r.status);

  return (
    <div className="container section stack">
      <h1>
        {t("heading", { number: r.confirmationNumber })} <span className="badge">{portal(statusKeys[r.status])}</span>
      </h1>
      <dl className="summary-list">
        {r.thirdPartyRequester ? (
          <div>
            <dt>{t("requestedBy")}</dt>
            <dd>{t("requestedByValue", { organization: r.thirdPartyRequester.organization, kind: portal(thirdPartyKindKeys[r.thirdPartyRequester.kind]) })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("received")}</dt>
          <dd>{day(r.receivedAt)}</dd>
        </div>
        {closed ? null : (
          <div>
            <dt>{t("respondBy")}</dt>
            <dd>{r.extendedAt ? t("extended", { date: day(r.dueAt), reason: extensionReason }) : day(r.dueAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t("delivery")}</dt>
          <dd>
            {r.mailTrackingNumber
              ? t("mailed", { method: delivery, date: r.mailedAt ? day(r.mailedAt) : "", tracking: r.mailTrackingNumber })
              : r.pickupScheduledFor && r.status === "PICKUP_SCHEDULED"
                ? t("pickupScheduled", { method: delivery, when: moment(r.pickupScheduledFor) })
                : delivery}
          </dd>
        </div>
      </dl>

      {r.pickupScheduledFor && r.status === "PICKUP_SCHEDULED" ? <PickupDetails at={r.pickupScheduledFor} locale={locale} /> : null}

      {openDeficiency ? (
        <section aria-labelledby="missing-heading" className="stack card">
          <h2 id="missing-heading">{t("missingHeading")}</h2>
          <ul>
            {openDeficiency.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {openDeficiency.respondedAt ? (
            <p>{t("answerReceivedOn", { date: day(openDeficiency.respondedAt) })}</p>
          ) : null}
          <ClientMessages namespaces={["portal", "common"]}>
            <DeficiencyResponseForm deficiencyId={openDeficiency.id} />
          </ClientMessages>
        </section>
      ) : null}

      {r.deliveryMethod === "SECURE_EMAIL" && ["RELEASED", "COMPLETED"].includes(r.status) ? (
        <section aria-labelledby="records-heading" id="records" className="stack card">
          <h2 id="records-heading">{t("recordsHeading")}</h2>
          {grant ? (
            <>
              <p>
                <a className="button" href="/portal/records">
                  {t("download")}
                </a>
              </p>
              <p className="hint">{t("downloadsLeft", { count: MAX_DOWNLOADS - grant.downloadCount, date: day(grant.expiresAt) })}</p>
            </>
          ) : (
            <>
              <p>{t("useEmailLink", { days: LINK_DAYS })}</p>
              <ClientMessages namespaces={["portal", "common"]}>
                <NewLinkForm />
              </ClientMessages>
            </>
          )}
        </section>
      ) : null}

      {r.invoices.length ? (
        <section aria-labelledby="invoices-heading" className="stack card">
          <h2 id="invoices-heading">{t("invoicesHeading")}</h2>
          <ul>
            {r.invoices.map((invoice) => {
              const paid = invoice.payments.reduce((s, p) => s + p.amountCents, 0);
              const link = (chunks: React.ReactNode) => <a href={`/portal/invoices/${invoice.id}`}>{chunks}</a>;
              return (
                <li key={invoice.id}>
                  {invoice.status === "ISSUED"
                    ? t.rich("invoiceLineDue", {
                        link,
                        number: invoice.number,
                        total: money(invoice.totalCents),
                        status: portal(invoiceStatusKeys[invoice.status]),
                        balance: money(invoice.totalCents - paid),
                        date: day(invoice.dueAt),
                      })
                    : t.rich("invoiceLine", { link, number: invoice.number, total: money(invoice.totalCents), status: portal(invoiceStatusKeys[invoice.status]) })}
                </li>
              );
            })}
          </ul>
          {r.invoices.some((i) => i.status === "ISSUED") ? (
            <>
              <h3>{t("howToPay")}</h3>
              <ul>
                <li>{t.rich("payByCard", { phone: () => <PhoneLink line="payment" />, hours: common("questionsHours") })}</li>
                <li>{t("payByCheck", { payee: organization.checksPayableTo, address: organization.paymentAddress.join(", ") })}</li>
              </ul>
              <p>{t.rich("cashNever", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading" className="stack">
        <h2 id="timeline-heading">{t("timelineHeading")}</h2>
        <ol className="timeline">
          {r.statusChanges.map((c) => (
            <li key={c.id}>
              {/* Staff notes are written in English; a Spanish page gives the status in Spanish instead. */}
              <strong>{moment(c.at)}</strong>: {locale === "en" ? (c.note ?? portal(statusKeys[c.toStatus])) : portal(statusKeys[c.toStatus])}
            </li>
          ))}
        </ol>
      </section>

      {r.thirdPartyRequester ? (
        <section aria-labelledby="authorization-heading" className="stack">
          <h2 id="authorization-heading">{t("authorizationHeading")}</h2>
          <p>{t("thirdPartyAuthorization", { organization: r.thirdPartyRequester.organization })}</p>
        </section>
      ) : (
      <section aria-labelledby="authorization-heading" className="stack">
        {/* An access request (45 CFR 164.524) is the patient's own request, not an authorization: it is withdrawn, not revoked. */}
        <h2 id="authorization-heading">{own ? t("yourRequest") : t("yourAuthorization")}</h2>
        {r._count.documents > 0 ? (
          <p>
            <a href="/portal/authorization.pdf">{own ? t("signedRequestPdf") : t("signedAuthorizationPdf")}</a>
          </p>
        ) : (
          <p role="status">
            {own ? t("requestPdfPreparing") : t("authorizationPdfPreparing")}
            <RefreshWhilePending />
          </p>
        )}
        {r.revocations.length ? (
          <p>{own ? t("withdrewOn", { date: day(r.revocations[0]!.signedAt) }) : t("revokedOn", { date: day(r.revocations[0]!.signedAt) })}</p>
        ) : !closed && !["RELEASED"].includes(r.status) && !portalCanRevoke(r) ? (
          <p>{own ? t("withdrawByLetter") : t("revokeByLetter")}</p>
        ) : !closed && !["RELEASED"].includes(r.status) ? (
          <details>
            <summary>{own ? t("withdrawSummary") : t("revokeSummary")}</summary>
            <p>{own ? t("withdrawExplain") : t("revokeExplain")}</p>
            <ClientMessages namespaces={["portal", "common"]}>
              <RevokeForm own={own} />
            </ClientMessages>
          </details>
        ) : null}
      </section>
      )}

      <section aria-labelledby="accounting-heading" className="stack">
        <h2 id="accounting-heading">{t("accountingHeading")}</h2>
        <p>{t("accountingExplain")}</p>
        {r.accountingRequests.some((a) => !a.fulfilledAt) ? (
          <p>{t("accountingAsked", { date: day(r.accountingRequests.find((a) => !a.fulfilledAt)!.requestedAt) })}</p>
        ) : portalCanRevoke(r) ? (
          <ClientMessages namespaces={["portal", "common"]}>
            <AccountingForm />
          </ClientMessages>
        ) : (
          <p>{t("accountingCall")}</p>
        )}
      </section>

      <form action={signOutAction}>
        <button type="submit" className="button-secondary">
          {t("signOut")}
        </button>
      </form>
      <QuestionsLine />
    </div>
  );
}
