import type { Metadata } from "next";
import { QuestionsLine } from "@/components/PhoneLink";
import { formatDate } from "@/domain/format";
import { currentDownload } from "@/server/portal/downloads";
import { NewLinkForm } from "../PortalForms";

export const metadata: Metadata = { title: "Your records" };
export const dynamic = "force-dynamic";

/**
 * Where the e-mailed download link lands. The link opens this download only: the request's
 * details, invoices and signed authorization need a sign-in with the confirmation number, the
 * date of birth and an e-mailed code.
 */
export default async function YourRecordsPage() {
  const download = await currentDownload();
  if (!download) {
    return (
      <div className="container section stack">
        <h1>This download is not available</h1>
        <p className="lead">The link may have expired, been used as many times as it allows, or been withdrawn. We can send a new one to the e-mail address on file.</p>
        <NewLinkForm />
        <p>
          You can also <a href="/portal">sign in with your confirmation number</a> to see your request.
        </p>
        <QuestionsLine />
      </div>
    );
  }
  const left = download.grant.maxDownloads - download.grant.downloadCount;
  return (
    <div className="container section stack">
      <h1>Your records for request {download.confirmationNumber}</h1>
      <section aria-labelledby="records-heading" id="records" className="stack card">
        <h2 id="records-heading">Your records</h2>
        <p>
          <a className="button" href="/portal/records">
            Download your records (PDF)
          </a>
        </p>
        <p className="hint">
          This link allows {left} more download{left === 1 ? "" : "s"} until {formatDate(download.grant.expiresAt)}. Keep the file in a safe place.
        </p>
      </section>
      <p>
        To see the status of your request, its invoices or the authorization you signed, <a href="/portal">sign in with your confirmation number</a>.
      </p>
      <QuestionsLine />
    </div>
  );
}
