import type { Metadata } from "next";
import Link from "next/link";
import { AuthorizationForm } from "@/components/authorization-form/AuthorizationForm";
import { todayInChicago } from "@/domain/chicago";
import { requireStaffPage } from "@/server/staff/session";
import { keyInPrefill, paperUploadForStaff } from "@/server/third-party/paper-uploads";
import { keyPaperFormAction } from "./actions";

export const metadata: Metadata = { title: "Key in a paper form" };
export const dynamic = "force-dynamic";

/**
 * A signed paper form received by mail or fax, keyed in by staff (RULES.md §1): first which form
 * (the authorization, or the patient's own request for access — decision 0018), then the online
 * wizard of that door in paper mode — the same sections and rules, with the scan attached.
 */
export default async function KeyPaperFormPage({ searchParams }: { searchParams: Promise<{ upload?: string | string[]; form?: string | string[] }> }) {
  const staff = await requireStaffPage("request.key_paper");
  // Keying-in day in Chicago, per request.
  const today = todayInChicago();
  const { upload: uploadParam, form } = await searchParams;
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
        <AuthorizationForm
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
  // Which printed form the associate holds (decision 0018): the authorization, or the patient's own request for access.
  const chosen = form === "authorization" || form === "access" ? form : null;
  if (!chosen) {
    return (
      <div className="container section stack">
        <p>
          <Link href="/staff">Back to the queue</Link>
        </p>
        <h1>Key in a paper form</h1>
        <form method="get" action="/staff/requests/new" className="stack">
          <fieldset>
            <legend>Which paper form do you hold?</legend>
            <div className="choice">
              <input type="radio" id="form-authorization" name="form" value="authorization" required aria-describedby="form-authorization-hint" />
              <div>
                <label htmlFor="form-authorization">Authorization for Release of Health Information</label>
                <div className="hint" id="form-authorization-hint">
                  Records sent to someone else: it states a purpose and an expiry.
                </div>
              </div>
            </div>
            <div className="choice">
              <input type="radio" id="form-access" name="form" value="access" required aria-describedby="form-access-hint" />
              <div>
                <label htmlFor="form-access">Request for access to my own health records</label>
                <div className="hint" id="form-access-hint">
                  The patient (or their personal representative) asks for the patient’s own records: no purpose, no expiry.
                </div>
              </div>
            </div>
          </fieldset>
          <div className="actions">
            <button type="submit" className="button">
              Continue
            </button>
          </div>
        </form>
      </div>
    );
  }
  const access = chosen === "access";
  return (
    <div className="container section stack">
      <p>
        <Link href="/staff/requests/new">Choose another paper form</Link>
      </p>
      <h1>{access ? "Key in a request for access to own records" : "Key in a paper form"}</h1>
      <p className="lead">
        {access
          ? "A Request for access to my own health records that came by mail or fax: attach the scan, then key in each section as written on the form. It is the patient’s own request (no purpose, no expiry) and joins the queue, due 30 days after the day it arrived."
          : "An Authorization for Release of Health Information that came by mail or fax: attach the scan, then key in each section as written on the form. The request joins the queue, due 30 days after the day it arrived."}
      </p>
      <AuthorizationForm key={chosen} mode={access ? "paper-access" : "paper"} today={today} action={keyPaperFormAction} />
    </div>
  );
}
