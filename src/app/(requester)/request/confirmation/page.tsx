import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { HHS_FLAT_FEE_CAP_CENTS } from "@/domain/fees";
import { organization } from "@/domain/organization";
import { PhoneLink, QuestionsLine } from "@/components/PhoneLink";
import { RefreshWhilePending } from "@/components/RefreshWhilePending";
import { ResponseCommitment } from "@/components/ResponseCommitment";
import { ACCESS_FORMAT_LABEL, DELIVERY_METHOD_LABEL } from "@/i18n/label-keys";
import { LocaleLink } from "@/i18n/LocaleLink";
import { localizedPath } from "@/i18n/locales";
import { formatDateIn, formatMoney } from "@/i18n/translator";
import { confirmationView, requestFromReceipt } from "@/server/requests/confirmation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("confirmation");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** What happens next, by delivery method (message keys of the "confirmation" namespace). */
const nextSteps = {
  SECURE_EMAIL: ["stepReview", "stepMissing", "stepEmail"],
  MAIL: ["stepReview", "stepMissing", "stepMail"],
  PICKUP: ["stepReview", "stepPickupCall", "stepPickupId"],
} as const;

export default async function ConfirmationPage() {
  const t = await getTranslations("confirmation");
  const common = await getTranslations("common");
  const labels = await getTranslations();
  const locale = await getLocale();
  const requestId = await requestFromReceipt();
  const view = requestId ? await confirmationView(requestId) : null;

  if (!view) {
    return (
      <div className="container section stack">
        <h1>{t("noneHeading")}</h1>
        <p className="lead">{t("noneLead")}</p>
        <p>{t.rich("noneText", { phone: () => <PhoneLink />, hours: common("questionsHours") })}</p>
        <p>
          <LocaleLink href="/">{t("home")}</LocaleLink>
        </p>
      </div>
    );
  }

  const access = view.requestKind === "ACCESS";
  const fees = access
    ? t("feesAccess", { flatFee: formatMoney(locale, HHS_FLAT_FEE_CAP_CENTS), paymentPhone: organization.paymentPhone })
    : view.recipientKind === "MEDICAL_PROVIDER"
      ? t("feesProvider")
      : t("feesOthers", { paymentPhone: organization.paymentPhone });

  return (
    <div className="container section stack">
      <div className="notice notice-success" role="status">
        <h1 className="notice-title">{t("received")}</h1>
        <p>{t.rich("number", { number: view.confirmationNumber, strong: (chunks) => <strong className="confirmation-number">{chunks}</strong> })}</p>
      </div>

      <dl className="summary-list">
        <div>
          <dt>{t("receivedOn")}</dt>
          <dd>{formatDateIn(locale, view.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t("respondBy")}</dt>
          <dd>{formatDateIn(locale, view.dueAt)}</dd>
        </div>
        {access && view.accessFormat ? (
          <div>
            <dt>{t("formAndFormat")}</dt>
            <dd>{labels(ACCESS_FORMAT_LABEL[view.accessFormat])}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("deliveryMethod")}</dt>
          <dd>{labels(DELIVERY_METHOD_LABEL[view.deliveryMethod])}</dd>
        </div>
      </dl>
      <ResponseCommitment />

      <section aria-labelledby="next-heading" className="stack">
        <h2 id="next-heading">{t("nextHeading")}</h2>
        <ol>
          {nextSteps[view.deliveryMethod].map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ol>
        <p>{t("law", { days: organization.responseDays })}</p>
        {view.notifiedByEmail ? <p>{t("emailSent")}</p> : null}
        <p>{fees}</p>
        <p>{t.rich("portal", { link: (chunks) => <LocaleLink href="/portal">{chunks}</LocaleLink> })}</p>
      </section>

      <section aria-labelledby="copy-heading" className="stack">
        <h2 id="copy-heading">{access ? t("copyHeadingAccess") : t("copyHeading")}</h2>
        {view.signedPdfReady ? (
          <>
            <p>{access ? t("downloadTextAccess") : t("downloadText")}</p>
            <p>
              <a className="button" href={localizedPath(locale, "/request/confirmation/authorization.pdf")} download>
                {access ? t("downloadAccess") : t("download")}
              </a>
            </p>
          </>
        ) : (
          <p role="status">
            {access ? t("preparingAccess") : t("preparing")}
            <RefreshWhilePending />
          </p>
        )}
        <p className="muted small">{t("privacy")}</p>
      </section>

      <p>{t("myChart")}</p>
      <QuestionsLine />
    </div>
  );
}
