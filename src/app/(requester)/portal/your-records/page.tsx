import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { QuestionsLine } from "@/components/PhoneLink";
import { chicagoDay } from "@/domain/chicago";
import { ClientMessages } from "@/i18n/ClientMessages";
import { LocaleLink } from "@/i18n/LocaleLink";
import { formatDay } from "@/i18n/translator";
import { currentDownload } from "@/server/portal/downloads";
import { NewLinkForm } from "../PortalForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.records"))("title") };
}
export const dynamic = "force-dynamic";

/**
 * Where the e-mailed download link lands. The link opens this download only: the request's
 * details, invoices and signed authorization need a sign-in with the confirmation number, the
 * date of birth and an e-mailed code.
 */
export default async function YourRecordsPage() {
  const download = await currentDownload();
  const t = await getTranslations("portal.records");
  const request = await getTranslations("portal.request");
  const signIn = (chunks: React.ReactNode) => <LocaleLink href="/portal">{chunks}</LocaleLink>;
  if (!download) {
    return (
      <div className="container section stack">
        <h1>{t("unavailable")}</h1>
        <p className="lead">{t("unavailableLead")}</p>
        <ClientMessages namespaces={["portal", "common"]}>
          <NewLinkForm />
        </ClientMessages>
        <p>{t.rich("signInInstead", { link: signIn })}</p>
        <QuestionsLine />
      </div>
    );
  }
  const left = download.grant.maxDownloads - download.grant.downloadCount;
  const locale = await getLocale();
  return (
    <div className="container section stack">
      <h1>{t("heading", { number: download.confirmationNumber })}</h1>
      <section aria-labelledby="records-heading" id="records" className="stack card">
        <h2 id="records-heading">{request("recordsHeading")}</h2>
        <p>
          <a className="button" href="/portal/records">
            {request("download")}
          </a>
        </p>
        <p className="hint">{request("downloadsLeft", { count: left, date: formatDay(locale, chicagoDay(download.grant.expiresAt)) })}</p>
      </section>
      <p>{t.rich("seeStatus", { link: signIn })}</p>
      <QuestionsLine />
    </div>
  );
}
