import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/domain/format";
import { thirdPartyKindLabels } from "@/domain/third-party";
import { requireStaffPage } from "@/server/staff/session";
import { listPaperUploads } from "@/server/third-party/paper-uploads";

export const metadata: Metadata = { title: "Uploaded authorizations" };
export const dynamic = "force-dynamic";

type Row = NonNullable<Awaited<ReturnType<typeof listPaperUploads>>>["pending"][number];

/** The inbox of paper authorizations third parties uploaded, pending verification (docs/decisions/0017). */
export default async function PaperUploadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("request.key_paper");
  const lists = (await listPaperUploads(staff))!;
  const { sentBack } = await searchParams;
  return (
    <div className="container section stack">
      <h1>Uploaded authorizations</h1>
      {sentBack ? (
        <div className="notice notice-success" role="status">
          <p>Sent back. The organisation is e-mailed a notice with a link to see why and to upload a corrected copy.</p>
        </div>
      ) : null}
      <p>
        Authorizations a patient signed on paper, uploaded by the attorney, insurer or organisation that asks for the records. Open each, check the
        scan, then key it in — the same rules as any paper form decide who must sign — or send it back with what is wrong.
      </p>
      <section className="stack" aria-labelledby="pending-heading">
        <h2 id="pending-heading">Waiting for verification ({lists.pending.length})</h2>
        {lists.pending.length === 0 ? <p>No uploaded authorization is waiting.</p> : <UploadTable rows={lists.pending} caption="Uploaded authorizations waiting, oldest first" when="Uploaded" />}
      </section>
      <section className="stack" aria-labelledby="deficient-heading">
        <h2 id="deficient-heading">Sent back, waiting for a corrected copy ({lists.deficient.length})</h2>
        {lists.deficient.length === 0 ? <p>None.</p> : <UploadTable rows={lists.deficient} caption="Uploaded authorizations sent back, newest first" when="Sent back" />}
      </section>
    </div>
  );
}

function UploadTable({ rows, caption, when }: { rows: Row[]; caption: string; when: "Uploaded" | "Sent back" }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Requested by</th>
            <th scope="col">Patient</th>
            <th scope="col">{when}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/staff/paper-uploads/${r.id}`}>{r.confirmationNumber}</Link>
              </td>
              <td>
                {r.thirdPartyRequester.organization} ({thirdPartyKindLabels[r.thirdPartyRequester.kind].toLowerCase()})
              </td>
              <td>
                {r.patientLastName}, {r.patientFirstName}
              </td>
              <td>{formatDateTime(when === "Uploaded" ? r.receivedAt : (r.reviewedAt ?? r.receivedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
