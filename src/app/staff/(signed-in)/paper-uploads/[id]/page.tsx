import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { dateOnlyToDay } from "@/domain/chicago";
import { formatDateTime, formatIsoDate } from "@/domain/format";
import { requestedByLine } from "@/domain/third-party";
import { requireStaffPage } from "@/server/staff/session";
import { paperUploadForStaff } from "@/server/third-party/paper-uploads";
import { DeficientForm } from "./DeficientForm";

export const metadata: Metadata = { title: "Uploaded authorization" };
export const dynamic = "force-dynamic";

const statusText = { PENDING: "Waiting for verification", DEFICIENT: "Sent back, waiting for a corrected copy", KEYED: "Keyed in" } as const;

/** One uploaded authorization: what the organisation gave, the scans (viewed inline, audited), and the two ways on. */
export default async function PaperUploadPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("request.key_paper");
  const { id } = await params;
  const upload = /^[0-9a-f-]{36}$/i.test(id) ? await paperUploadForStaff(staff, id) : null;
  if (!upload) notFound();
  const tp = upload.thirdPartyRequester;
  return (
    <div className="container section stack">
      <p>
        <Link href="/staff/paper-uploads">Back to uploaded authorizations</Link>
      </p>
      <h1>Uploaded authorization {upload.confirmationNumber}</h1>
      <p className="lead">{requestedByLine(tp.kind, tp.organization)}</p>
      <dl className="summary-list">
        <dt>Status</dt>
        <dd>{statusText[upload.status]}</dd>
        <dt>Uploaded</dt>
        <dd>{formatDateTime(upload.receivedAt)}</dd>
        <dt>Contact</dt>
        <dd>
          {tp.contactName}, {tp.email}, {tp.phone}
          {tp.matterReference ? ` (their reference ${tp.matterReference})` : ""}
        </dd>
        <dt>Patient, as the organisation gave it</dt>
        <dd>
          {upload.patientFirstName} {upload.patientLastName}, born {formatIsoDate(dateOnlyToDay(upload.patientDateOfBirth))}
        </dd>
        <dt>Records asked for</dt>
        <dd>{upload.recordsRequested}</dd>
        <dt>Purpose</dt>
        <dd>{upload.purpose}</dd>
        {upload.deficiencyReason && upload.status === "DEFICIENT" ? (
          <>
            <dt>Sent back because</dt>
            <dd>{upload.deficiencyReason}</dd>
          </>
        ) : null}
      </dl>
      <section className="stack" aria-labelledby="scans-heading">
        <h2 id="scans-heading">Scans</h2>
        <ul>
          {upload.scans.map((s, i) => (
            <li key={s.id}>
              <a href={`/staff/paper-uploads/${upload.id}/scans/${s.id}`} target="_blank" rel="noopener">
                {i === 0 ? "Open the scan" : "Open an earlier scan"} ({s.contentType === "application/pdf" ? "PDF" : "image"}, uploaded {formatDateTime(s.createdAt)}; opens in a new tab)
              </a>
            </li>
          ))}
        </ul>
      </section>
      {upload.status === "PENDING" ? (
        <>
          <section className="stack" aria-labelledby="key-heading">
            <h2 id="key-heading">Key it in</h2>
            <p>
              If the scan is a complete authorization signed by the patient (or their legal representative) naming {tp.organization} as recipient,
              key it in. The same rules as any paper form decide who must sign and what it may release.
            </p>
            <p>
              <Link className="button" href={`/staff/requests/new?upload=${upload.id}`}>
                Key in this authorization
              </Link>
            </p>
          </section>
          <section className="stack" aria-labelledby="back-heading">
            <h2 id="back-heading">Send it back</h2>
            <p>The organisation is e-mailed a notice with a secure link (no details in the e-mail), which shows your reason and lets it upload a corrected copy.</p>
            <DeficientForm uploadId={upload.id} />
          </section>
        </>
      ) : null}
      {upload.status === "KEYED" && upload.requestId ? (
        <p>
          <Link href={`/staff/requests/${upload.requestId}`}>Open the request it became</Link>
        </p>
      ) : null}
    </div>
  );
}
