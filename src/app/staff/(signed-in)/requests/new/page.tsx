import type { Metadata } from "next";
import Link from "next/link";
import { AuthorizationWizard } from "@/components/authorization-form/Wizard";
import { todayInChicago } from "@/domain/chicago";
import { requireStaffPage } from "@/server/staff/session";
import { keyInPrefill, paperUploadForStaff } from "@/server/third-party/paper-uploads";
import { keyPaperFormAction } from "./actions";

export const metadata: Metadata = { title: "Key in a paper form" };
export const dynamic = "force-dynamic";

/**
 * A signed paper authorization received by mail or fax, keyed in by staff (RULES.md §1): the
 * online form's wizard in paper mode — the same sections and rules, with the scan attached.
 */
export default async function KeyPaperFormPage({ searchParams }: { searchParams: Promise<{ upload?: string | string[] }> }) {
  const staff = await requireStaffPage("request.key_paper");
  // Keying-in day in Chicago, per request.
  const today = todayInChicago();
  const { upload: uploadParam } = await searchParams;
  if (uploadParam !== undefined) {
    // An authorization a third party uploaded (docs/decisions/0017): the scan is on file, the patient and the organisation pre-filled.
    const id = typeof uploadParam === "string" && /^[0-9a-f-]{36}$/i.test(uploadParam) ? uploadParam : null;
    const upload = id ? await paperUploadForStaff(staff, id) : null;
    const scan = upload?.scans[0];
    if (!upload || upload.status !== "PENDING" || !scan) {
      return (
        <div className="container section stack">
          <h1>Key in an uploaded authorization</h1>
          <div className="notice notice-error" role="alert">
            <p>This upload is not waiting to be keyed in: it was keyed in or sent back already, or the link is wrong.</p>
          </div>
          <p>
            <Link href="/staff/paper-uploads">Back to uploaded authorizations</Link>
          </p>
        </div>
      );
    }
    const tp = upload.thirdPartyRequester;
    return (
      <div className="container section stack">
        <p>
          <Link href={`/staff/paper-uploads/${upload.id}`}>Back to the upload</Link>
        </p>
        <h1>Key in an uploaded authorization</h1>
        <p className="lead">
          {tp.organization} uploaded an authorization the patient signed on paper (reference {upload.confirmationNumber}). Key in each section as
          written on the scan; the same rules decide who must sign. The organisation is the recipient, and the request joins the queue as its
          request, due 30 days after the day of the upload.
        </p>
        <AuthorizationWizard
          mode="paper"
          today={today}
          action={keyPaperFormAction}
          prefill={keyInPrefill(upload)}
          draftKey={`paper-upload-${upload.id}`}
          attachedScan={{ uploadId: upload.id, href: `/staff/paper-uploads/${upload.id}/scans/${scan.id}`, organization: tp.organization, receivedOn: keyInPrefill(upload).paper.receivedOn }}
        />
      </div>
    );
  }
  return (
    <div className="container section stack">
      <p>
        <Link href="/staff">Back to the queue</Link>
      </p>
      <h1>Key in a paper form</h1>
      <p className="lead">
        An Authorization for Release of Health Information that came by mail or fax: attach the scan, then key in each section as written
        on the form. The request joins the queue, due 30 days after the day it arrived.
      </p>
      <AuthorizationWizard mode="paper" today={today} action={keyPaperFormAction} />
    </div>
  );
}
