import { formatDateTime } from "@/domain/format";
import { deliveryMethodLabels } from "@/domain/labels";
import type { requestForStaff } from "@/server/staff/requests";
import { ActionForm } from "./ActionForm";
import {
  attachRecordsAction,
  completeAction,
  revokeLinksAction,
  logCallAction,
  markMailedAction,
  prepareMailingAction,
  recordPickupAction,
  releaseSecureEmailAction,
  scheduleAction,
} from "./release-actions";

type Request = NonNullable<Awaited<ReturnType<typeof requestForStaff>>>;

const callOutcomes = [
  ["REACHED_SCHEDULED", "Reached — pickup scheduled"],
  ["REACHED_NOT_SCHEDULED", "Reached — not scheduled yet"],
  ["LEFT_VOICEMAIL", "Left a voicemail"],
  ["NO_ANSWER", "No answer"],
  ["WRONG_NUMBER", "Wrong number"],
] as const;

/** Attaching the records, then release by the Section 4 method, then completion. */
export function ReleaseSection({ r, releaseRequiresPayment }: { r: Request; releaseRequiresPayment: boolean }) {
  // Unpaid records wait, unless the organization turned the "release requires payment" policy off.
  const ready = r.status === "READY_TO_RELEASE" || (r.status === "AWAITING_PAYMENT" && !releaseRequiresPayment);
  const hidden = (
    <>
      <input type="hidden" name="requestId" value={r.id} />
      <input type="hidden" name="version" value={r.version} />
    </>
  );
  const doc = (kind: string) => r.documents.find((d) => d.kind === kind);
  const printable = ["COVER_LETTER", "MAILING_LABEL"].map(doc).filter((d) => d !== undefined);

  return (
    <section aria-labelledby="release-heading" className="stack card">
      <h2 id="release-heading">Release — {deliveryMethodLabels[r.deliveryMethod].label}</h2>
      {r.status === "AWAITING_PAYMENT" && releaseRequiresPayment ? <p>Waiting for the invoice to be paid: the records are released once it is paid.</p> : null}
      {r.status === "VERIFIED" && r.pageCount !== null ? (
        <p>
          Records attached: {r.pageCount} page{r.pageCount === 1 ? "" : "s"}. Next: issue the invoice below. To correct them, attach them again.
        </p>
      ) : null}
      {r.status === "VERIFIED" ? (
        <ActionForm action={attachRecordsAction} submitLabel={r.pageCount === null ? "Attach the records" : "Attach the records again"}>
          {hidden}
          <div className="field">
            <label htmlFor="records">Records to release (one PDF)</label>
            <input id="records" name="records" type="file" accept="application/pdf,.pdf" required />
          </div>
          <div className="field">
            <label htmlFor="pageCount">Number of pages</label>
            <input id="pageCount" name="pageCount" type="number" min={1} required className="input-short" />
          </div>
        </ActionForm>
      ) : null}

      {ready && r.deliveryMethod === "SECURE_EMAIL" ? (
        <ActionForm action={releaseSecureEmailAction} submitLabel="Release by secure e-mail">
          {hidden}
          <p>The requester gets an e-mail at {r.deliveryEmail} with a link to the secure download (no records in the e-mail).</p>
        </ActionForm>
      ) : null}

      {ready && r.deliveryMethod === "MAIL" ? (
        printable.length === 0 ? (
          <ActionForm action={prepareMailingAction} submitLabel="Create the cover letter and mailing label">
            {hidden}
          </ActionForm>
        ) : (
          <>
            <ul>
              {printable.map((d) => (
                <li key={d.id}>
                  <a href={`/staff/requests/${r.id}/documents/${d.id}`}>Print the {d.kind === "COVER_LETTER" ? "cover letter" : "mailing label"} (PDF)</a>
                </li>
              ))}
            </ul>
            <ActionForm action={markMailedAction} submitLabel="Mark as mailed">
              {hidden}
              <div className="field">
                <label htmlFor="tracking">Tracking number</label>
                <input id="tracking" name="tracking" required maxLength={40} />
              </div>
            </ActionForm>
          </>
        )
      ) : null}

      {r.deliveryMethod === "PICKUP" && (ready || r.status === "PICKUP_SCHEDULED") ? (
        <>
          <p>
            Call {r.pickupPhone}
            {r.pickupBestTimes ? ` (best: ${r.pickupBestTimes})` : ""}. Photo ID is required at pickup.
          </p>
          {r.pickupCalls.length ? (
            <ul aria-label="Call log">
              {r.pickupCalls.map((c) => (
                <li key={c.id}>
                  {formatDateTime(c.at)}: {callOutcomes.find(([v]) => v === c.outcome)?.[1]}
                  {c.note ? ` — ${c.note}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          <ActionForm action={logCallAction} submitLabel="Log the call">
            {hidden}
            <div className="field">
              <label htmlFor="outcome">How did the call go?</label>
              <select id="outcome" name="outcome" defaultValue="">
                <option value="" disabled>
                  Choose…
                </option>
                {callOutcomes.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="call-note">Note (optional)</label>
              <input id="call-note" name="note" maxLength={500} />
            </div>
          </ActionForm>
          {ready ? (
            <ActionForm action={scheduleAction} submitLabel="Schedule the pickup">
              {hidden}
              <div className="field">
                <label htmlFor="pickup-at">Pickup date and time (Central Time)</label>
                <input id="pickup-at" name="at" type="datetime-local" required />
              </div>
            </ActionForm>
          ) : (
            <ActionForm action={recordPickupAction} submitLabel="Record the pickup">
              {hidden}
              <p>Scheduled for {r.pickupScheduledFor ? formatDateTime(r.pickupScheduledFor) : "—"}.</p>
              <div className="field">
                <label htmlFor="collectedBy">Collected by (full name)</label>
                <input id="collectedBy" name="collectedBy" required maxLength={120} />
              </div>
              <div className="field">
                <label htmlFor="idChecked">Photo ID checked (kind, and last 4 characters of its number)</label>
                <input id="idChecked" name="idChecked" required maxLength={120} />
              </div>
            </ActionForm>
          )}
        </>
      ) : null}

      {r.deliveryMethod === "SECURE_EMAIL" && r.downloadGrants.some((g) => g.expiresAt > new Date()) ? (
        <ActionForm action={revokeLinksAction} submitLabel="Withdraw the download links" danger>
          {hidden}
          <p>
            {r.downloadGrants.length} open download link{r.downloadGrants.length === 1 ? "" : "s"} ({r.downloadGrants.map((g) => `${g.downloadCount} of ${g.maxDownloads} downloads used`).join("; ")}). Withdraw them if a link
            went to the wrong person: they stop working at once, and anyone signed in to this request&apos;s portal is signed out. The requester can ask for a new link to the e-mail address on file.
          </p>
        </ActionForm>
      ) : null}

      {r.status === "RELEASED" ? (
        <ActionForm action={completeAction} submitLabel="Mark complete">
          {hidden}
        </ActionForm>
      ) : null}

      {r.disclosures.length ? (
        <>
          <h3>Disclosures</h3>
          <ul>
            {r.disclosures.map((d) => (
              <li key={d.id}>
                {formatDateTime(d.disclosedAt)}: {d.description} to {d.recipient}, by {deliveryMethodLabels[d.method].label.toLowerCase()}, for “{d.purpose}”
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
