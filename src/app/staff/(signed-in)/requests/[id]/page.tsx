import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { daysRemaining } from "@/domain/deadlines";
import { EXTENSION_REASONS } from "@/domain/extension";
import { formatAddress, formatDate, formatDateOnly, formatDateTime } from "@/domain/format";
import { availableEvents, statusLabels, type LifecycleEvent } from "@/domain/lifecycle";
import { todayInChicago } from "@/domain/authorization-form";
import { thirdPartyKindLabels } from "@/domain/third-party";
import { deliveryMethodLabels, recipientKindLabels, recordTypeLabels, representativeAuthorityLabels, specialCategoryLabels, survivingRelationshipLabels } from "@/domain/labels";
import { decideStoredRequest, WITNESS_METHODS } from "@/domain/signing-rules";
import { verificationChecklist } from "@/domain/verification-checklist";
import { accessFormatLabels } from "@/domain/right-of-access";
import { can } from "@/domain/staff-access";
import { releaseRequiresPayment } from "@/server/settings";
import { requestForStaff } from "@/server/staff/requests";
import { notifyAddress } from "@/server/staff/step";
import { requireStaffPage } from "@/server/staff/session";
import { ActionForm } from "./ActionForm";
import { claimAction, extendAction, extensionLetterMailedAction, recordRevocationAction, transitionAction } from "./actions";
import { DisclosureSection } from "./DisclosureSection";
import { FeeSection } from "./FeeSection";
import { ReleaseSection } from "./ReleaseSection";
import { CommitmentDue } from "../../CommitmentDue";
import { nextStep } from "@/domain/next-step";

export const metadata: Metadata = { title: "Request" };
export const dynamic = "force-dynamic";

const eventLabels: Partial<Record<LifecycleEvent, string>> = {
  START_REVIEW: "Start review",
  RESUME_REVIEW: "Resume review",
};

/** Steps that need a reason the requester is told. */
const reasonSteps = [
  { event: "MARK_DEFICIENT", submit: "Mark deficient", label: "What is missing (the requester is told)" },
  { event: "REJECT", submit: "Reject the request", label: "Reason for rejecting (the requester is told)" },
] as const;


const day = (d: Date | null) => (d ? formatDateOnly(d) : "—");
const channel = { MAIL: "mail", FAX: "fax", UPLOAD: "upload by the requesting organisation" } as const;
/** The scan of a paper form is its signed original: listed first. */
const documentOrder = (kind: string) => (kind === "PAPER_FORM_SCAN" ? 0 : 1);
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("request.view");
  const id = z.uuid().safeParse((await params).id);
  const r = id.success ? await requestForStaff(staff, id.data) : null;
  if (!r) notFound();

  const paper = r.source === "PAPER";
  // Who signs what, judged on the day it was signed: the same decision the form made (src/domain/signing-rules.ts).
  const signing = decideStoredRequest(r, todayInChicago(r.signedAt));
  const access = r.requestKind === "ACCESS";
  const minorSignatureImage = r.documents.find((d) => d.kind === "MINOR_SIGNATURE_IMAGE");
  const signatureImage = r.documents.find((d) => d.kind === "SIGNATURE_IMAGE");
  const events = availableEvents(r.status, staff.role);
  const paymentFirst = await releaseRequiresPayment();
  const left = daysRemaining(r.dueAt, new Date());
  const notifyTo = notifyAddress(r);
  const revocable = !r.closedAt && r.revocations.length === 0;
  const extensionLetter = r.documents.find((d) => d.kind === "EXTENSION_LETTER");
  const now = new Date();
  // The one next step (src/domain/next-step.ts), shown first; every other action comes below it.
  const next = nextStep({
    status: r.status,
    assigned: Boolean(r.assignee),
    deliveryMethod: r.deliveryMethod,
    recipientKind: r.recipientKind,
    providerAddressVerified: Boolean(r.providerAddressVerifiedAt),
    recordsAttached: r.pageCount !== null,
    deficiencyAnswered: r.deficiencies.some((d) => d.respondedAt && !d.resolvedAt),
    mailingPrepared: r.documents.some((d) => d.kind === "COVER_LETTER"),
    extensionLetterWaiting: Boolean(extensionLetter && !r.extensionLetterMailedAt),
    releaseRequiresPayment: paymentFirst,
  });
  const canProcess = can(staff.role, "request.process");
  /** Images of the photo ID and proof of authority, shown in the page (each view audited); PDFs are listed with the documents. */
  const idImages = can(staff.role, "document.view") ? r.documents.filter((d) => (d.kind === "PHOTO_ID" || d.kind === "AUTHORITY_PROOF") && d.contentType.startsWith("image/")) : [];
  const idPdfs = can(staff.role, "document.view") ? r.documents.filter((d) => (d.kind === "PHOTO_ID" || d.kind === "AUTHORITY_PROOF") && d.contentType === "application/pdf") : [];
  const hidden = (
    <>
      <input type="hidden" name="requestId" value={r.id} />
      <input type="hidden" name="version" value={r.version} />
    </>
  );
  const address = (line1: string | null, line2: string | null, city: string | null, state: string | null, postalCode: string | null) =>
    line1 && city && state && postalCode ? formatAddress({ line1, line2: line2 ?? undefined, city, state, postalCode }) : "—";

  return (
    <div className="container section stack">
      <h1>
        Request {r.confirmationNumber} <span className="badge">{statusLabels[r.status]}</span>
        {paper ? <span className="badge badge-paper">Paper</span> : null}
        <span className="badge">{access ? "Own records (right of access)" : "Authorization"}</span>
      </h1>
      <dl className="summary-list">
        <div>
          <dt>Door</dt>
          <dd>
            {access
              ? "Get my own records — the patient's right of access (45 CFR 164.524): no purpose or expiry; the fee is the patient's own-copy fee"
              : "Send records to someone else — an authorization (45 CFR 164.508)"}
          </dd>
        </div>
        <div>
          {/* Issue 15: staff screens stay English; the requester's e-mails, PDFs and portal follow this. */}
          <dt>Requester&apos;s language</dt>
          <dd>{r.locale === "es" ? "Spanish (español): their e-mails, PDFs and portal are in Spanish" : "English"}</dd>
        </div>
        {access && r.accessFormat ? (
          <div>
            <dt>Form and format</dt>
            <dd>
              {accessFormatLabels[r.accessFormat].label}
              {r.accessFormat === "EHI_EXPORT" ? " — produce the full electronic health information export from the EHR and attach it as the records" : ""}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Received</dt>
          <dd>
            {paper
              ? `${formatDate(r.receivedAt)} (paper form, by ${r.receivedVia ? channel[r.receivedVia] : "mail or fax"}; keyed in ${formatDateTime(r.createdAt)})`
              : `${formatDateTime(r.receivedAt)} (online)`}
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            {formatDate(r.dueAt)} {left < 0 ? <strong className="badge-danger">Overdue by {-left} days</strong> : <span>({left} days left)</span>}
            {r.extendedAt ? ` — extended: ${r.extensionReason ?? ""}` : null}
          </dd>
        </div>
        <div>
          <dt>Our commitment</dt>
          <dd>
            <CommitmentDue commitmentDueAt={r.commitmentDueAt} releasedAt={r.releasedAt} now={now} />
            {r.commitmentDueAt ? null : " (received before we stated one)"}
          </dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>{r.assignee?.name ?? "Unassigned"}</dd>
        </div>
        {r.mailedAt ? (
          <div>
            <dt>Mailed</dt>
            <dd>
              {formatDate(r.mailedAt)}
              {r.mailTrackingNumber ? `, tracking number ${r.mailTrackingNumber}` : ", no tracking number"}
            </dd>
          </div>
        ) : null}
      </dl>

      {r.revocations.map((v) => {
        const before = r.disclosures.filter((d) => d.disclosedAt.getTime() < v.receivedAt.getTime());
        const scan = v.documentId ? r.documents.find((d) => d.id === v.documentId) : undefined;
        return (
          <section key={v.id} className="notice notice-error stack" aria-label="Revocation">
            <p>
              <strong>Authorization revoked in writing</strong> by {v.signerName} ({v.signerKind === "REPRESENTATIVE" ? "personal representative" : "patient"}),{" "}
              {v.receivedVia === "PORTAL" ? `signed in the portal ${formatDateTime(v.signedAt)}` : `letter dated ${formatDate(v.signedAt)}, received by ${v.receivedVia === "MAIL" ? "mail" : "fax"} and recorded ${formatDateTime(v.receivedAt)}`}
              {v.statement ? `: “${v.statement}”` : ""}. Release nothing more under it.
              {scan ? (
                <>
                  {" "}
                  <a href={`/staff/requests/${r.id}/documents/${scan.id}`}>Open the signed letter</a>
                </>
              ) : null}
            </p>
            {before.length ? (
              <>
                <p>Disclosed before the revocation (a revocation does not undo these):</p>
                <ul aria-label="Disclosed before the revocation">
                  {before.map((d) => (
                    <li key={d.id}>
                      {formatDateTime(d.disclosedAt)}: {d.description} to {d.recipient}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>Nothing was disclosed before the revocation.</p>
            )}
          </section>
        );
      })}
      {r.deficiencies.some((d) => d.respondedAt && !d.resolvedAt) ? (
        <div className="notice" role="status">
          <p>
            <strong>The requester answered the deficiency.</strong> Review their answer under History, then resume the review.
          </p>
        </div>
      ) : null}

      <section aria-labelledby="next-step-heading" className="stack card next-step">
        <h2 id="next-step-heading">Next step: {next.title}</h2>
        <p>{next.detail}</p>
        {!canProcess && next.place ? <p>Your role does not take this step.</p> : null}
        {canProcess && next.key === "CLAIM" && !r.assignee ? (
          <ActionForm action={claimAction} submitLabel="Claim this request">
            {hidden}
          </ActionForm>
        ) : null}
        {canProcess && (next.key === "START_REVIEW" || next.key === "RESUME_REVIEW") && events.includes(next.key) ? (
          <ActionForm action={transitionAction} submitLabel={eventLabels[next.key]!}>
            {hidden}
            <input type="hidden" name="event" value={next.key} />
          </ActionForm>
        ) : null}
        {canProcess && next.key === "MAIL_EXTENSION_LETTER" ? (
          <ActionForm action={extensionLetterMailedAction} submitLabel="Mark the extension letter as mailed">
            {hidden}
          </ActionForm>
        ) : null}
        {next.key === "VERIFY" && events.includes("VERIFY") ? (
          <ActionForm action={transitionAction} submitLabel={access ? "Verify the request" : "Verify the authorization"}>
            {hidden}
            <input type="hidden" name="event" value="VERIFY" />
            <fieldset>
              <legend>Verification checklist</legend>
              <p className="hint">Who signs: {signing.whoSigns}.</p>
              {verificationChecklist(signing, { representative: r.requesterKind === "REPRESENTATIVE", paper }).map(([name, label]) => (
                <div className="choice" key={name}>
                  <input type="checkbox" id={name} name={name} />
                  <label htmlFor={name}>{label}</label>
                </div>
              ))}
            </fieldset>
            {signing.witness ? (
              <fieldset>
                <legend>Witness to the signer&apos;s identity (740 ILCS 110/5)</legend>
                <p className="hint">Mental health records are released only once someone attested to the signer&apos;s identity: record who, and how.</p>
                <div className="field">
                  <label htmlFor="witnessName">Who attested to the signer&apos;s identity</label>
                  <input id="witnessName" name="witnessName" maxLength={120} autoComplete="off" />
                </div>
                <div className="field">
                  <label htmlFor="witnessMethod">How</label>
                  <select id="witnessMethod" name="witnessMethod" defaultValue="">
                    <option value="" disabled>
                      Choose how
                    </option>
                    {Object.entries(WITNESS_METHODS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            ) : null}
          </ActionForm>
        ) : null}
        {next.place === "release" ? <p className="hint">Its controls are in the release section just below.</p> : null}
        {next.place === "fees" ? <p className="hint">Its controls are in the fees and invoice section just below.</p> : null}
      </section>

      {next.place === "release" && canProcess && ["VERIFIED", "AWAITING_PAYMENT", "READY_TO_RELEASE", "PICKUP_SCHEDULED", "RELEASED"].includes(r.status) ? (
        <ReleaseSection r={r} releaseRequiresPayment={paymentFirst} />
      ) : null}
      {next.place === "fees" ? <FeeSection r={r} role={staff.role} releaseRequiresPayment={paymentFirst} /> : null}

      {idImages.length || idPdfs.length ? (
        <section aria-labelledby="id-heading" className="stack">
          <h2 id="id-heading">Photo ID and proof of authority</h2>
          {idImages.length ? (
            <ul className="id-images">
              {idImages.map((d) => (
                <li key={d.id}>
                  <figure>
                    {/* eslint-disable-next-line @next/next/no-img-element -- an authorized, audited, never-cached file: not for Next's image optimizer */}
                    <img src={`/staff/requests/${r.id}/documents/${d.id}?view=inline`} alt={d.kind === "PHOTO_ID" ? "The photo ID the requester sent" : "The proof of authority the requester sent"} />
                    <figcaption>
                      {d.kind === "PHOTO_ID" ? "Photo ID" : "Proof of authority"} — <a href={`/staff/requests/${r.id}/documents/${d.id}`}>download</a>
                    </figcaption>
                  </figure>
                </li>
              ))}
            </ul>
          ) : null}
          {idPdfs.map((d) => (
            <p key={d.id}>
              {d.kind === "PHOTO_ID" ? "Photo ID" : "Proof of authority"} (PDF): <a href={`/staff/requests/${r.id}/documents/${d.id}`}>open it</a>
            </p>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="actions-heading" className="stack card">
        <h2 id="actions-heading">Other actions</h2>
        {!r.assignee && canProcess && next.key !== "CLAIM" ? (
          <ActionForm action={claimAction} submitLabel="Claim this request">
            {hidden}
          </ActionForm>
        ) : null}
        {events
          .filter((e) => eventLabels[e] && e !== next.key)
          .map((e) => (
            <ActionForm key={e} action={transitionAction} submitLabel={eventLabels[e]!}>
              {hidden}
              <input type="hidden" name="event" value={e} />
            </ActionForm>
          ))}
        {reasonSteps
          .filter((step) => events.includes(step.event))
          .map((step) => (
            <ActionForm key={step.event} action={transitionAction} submitLabel={step.submit} danger={step.event === "REJECT"}>
              {hidden}
              <input type="hidden" name="event" value={step.event} />
              <div className="field">
                <label htmlFor={`${step.event}-reason`}>{step.label}</label>
                <textarea id={`${step.event}-reason`} name="reason" rows={2} maxLength={1000} />
              </div>
            </ActionForm>
          ))}
        {can(staff.role, "request.extend") && !r.extendedAt && !r.closedAt && left >= 0 ? (
          <ActionForm action={extendAction} submitLabel="Extend the deadline">
            {hidden}
            <div className="field">
              <label htmlFor="extend-days">Extra days (at most 30, once, before the deadline)</label>
              <input id="extend-days" name="days" type="number" min={1} max={30} defaultValue={30} className="input-short" />
            </div>
            <div className="field">
              <label htmlFor="extend-reason">Reason (the requester is told it in writing, with the new date)</label>
              <select id="extend-reason" name="reason" defaultValue="" required>
                <option value="" disabled>
                  Choose…
                </option>
                {Object.entries(EXTENSION_REASONS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <p>{notifyTo ? `The notice is e-mailed to ${notifyTo}.` : "There is no e-mail address: a letter is prepared for you to print and mail."}</p>
          </ActionForm>
        ) : null}
        {can(staff.role, "request.extend") && !r.extendedAt && !r.closedAt && left < 0 ? (
          <p>The deadline has passed: an extension can no longer be taken (it must be decided within the first 30 days). Respond to the request now.</p>
        ) : null}
        {r.extendedAt ? (
          <div className="stack">
            <p>
              Extended on {formatDateTime(r.extendedAt)} to {formatDate(r.dueAt)}. Reason given: {r.extensionReason}
            </p>
            {extensionLetter ? (
              <>
                <p>
                  <a href={`/staff/requests/${r.id}/documents/${extensionLetter.id}`}>Print the extension letter (PDF)</a>
                  {r.extensionLetterMailedAt ? ` — mailed ${formatDateTime(r.extensionLetterMailedAt)}.` : " — waiting to be mailed."}
                </p>
                {!r.extensionLetterMailedAt && canProcess && next.key !== "MAIL_EXTENSION_LETTER" ? (
                  <ActionForm action={extensionLetterMailedAction} submitLabel="Mark the extension letter as mailed">
                    {hidden}
                  </ActionForm>
                ) : null}
              </>
            ) : null}
          </div>
        ) : null}
        {can(staff.role, "request.process") && revocable ? (
          <details>
            <summary>Record a revocation received by mail or fax</summary>
            <ActionForm action={recordRevocationAction} submitLabel="Record the revocation" danger>
              {hidden}
              <fieldset>
                <legend>Who signed the letter</legend>
                <div className="choice">
                  <input type="radio" id="revoker-patient" name="signerKind" value="PATIENT" required />
                  <label htmlFor="revoker-patient">
                    The patient ({r.patientFirstName} {r.patientLastName})
                  </label>
                </div>
                {r.requesterKind === "REPRESENTATIVE" && r.representativeName ? (
                  <div className="choice">
                    <input type="radio" id="revoker-rep" name="signerKind" value="REPRESENTATIVE" />
                    <label htmlFor="revoker-rep">The personal representative ({r.representativeName})</label>
                  </div>
                ) : null}
              </fieldset>
              <div className="field">
                <label htmlFor="revoker-name">Name as signed on the letter</label>
                <input id="revoker-name" name="signerName" required maxLength={120} />
              </div>
              <div className="field">
                <label htmlFor="revoked-on">Date on the letter</label>
                <input id="revoked-on" name="signedOn" type="date" required className="input-short" />
              </div>
              <div className="field">
                <label htmlFor="revoked-via">How it came</label>
                <select id="revoked-via" name="receivedVia" defaultValue="" required>
                  <option value="" disabled>
                    Choose…
                  </option>
                  <option value="MAIL">Mail</option>
                  <option value="FAX">Fax</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="revocation-scan">Scan of the signed letter (PDF or image)</label>
                <input id="revocation-scan" name="scan" type="file" accept="application/pdf,image/png,image/jpeg" required />
              </div>
              <div className="choice">
                <input type="checkbox" id="revoker-identity" name="identityChecked" />
                <label htmlFor="revoker-identity">I compared the signature with the authorization&apos;s and it is the same person</label>
              </div>
            </ActionForm>
          </details>
        ) : null}
      </section>

      {next.place !== "release" && canProcess && ["VERIFIED", "AWAITING_PAYMENT", "READY_TO_RELEASE", "PICKUP_SCHEDULED", "RELEASED"].includes(r.status) ? (
        <ReleaseSection r={r} releaseRequiresPayment={paymentFirst} />
      ) : null}
      <DisclosureSection r={r} canProcess={canProcess} />
      {next.place !== "fees" ? <FeeSection r={r} role={staff.role} releaseRequiresPayment={paymentFirst} /> : null}


      <section aria-labelledby="submitted-heading" className="stack">
        <h2 id="submitted-heading">What was submitted</h2>
        <dl className="summary-list">
          <div>
            <dt>Patient</dt>
            <dd>
              {[r.patientFirstName, r.patientMiddleName, r.patientLastName].filter(Boolean).join(" ")}
              {r.patientOtherNames ? ` (also ${r.patientOtherNames})` : ""}, born {isoDay(r.patientDateOfBirth)}
              {r.patientDeceased ? ", deceased" : ""}
            </dd>
          </div>
          <div>
            <dt>Patient contact</dt>
            <dd>
              {r.patientPhone}
              {r.patientEmail ? `, ${r.patientEmail}` : ""}; {address(r.patientAddressLine1, r.patientAddressLine2, r.patientCity, r.patientState, r.patientPostalCode)}
              {r.patientMrn ? `; MRN ${r.patientMrn}` : ""}
            </dd>
          </div>
          <div>
            <dt>Requester</dt>
            <dd>
              {r.requesterKind === "PATIENT"
                ? "The patient"
                : `${r.representativeName} — ${r.representativeAuthority ? representativeAuthorityLabels[r.representativeAuthority].label : ""}${r.representativeAuthorityDetail ? `: ${r.representativeAuthorityDetail}` : ""}; ${r.representativePhone ?? ""} ${r.representativeEmail ?? ""}`}
            </dd>
          </div>
          {r.thirdPartyRequester ? (
            <div>
              <dt>Requested by (third party)</dt>
              <dd>
                {r.thirdPartyRequester.organization} ({thirdPartyKindLabels[r.thirdPartyRequester.kind].toLowerCase()}), {r.thirdPartyRequester.contactName};{" "}
                {r.thirdPartyRequester.phone} {r.thirdPartyRequester.email}
                {r.thirdPartyRequester.matterReference ? `; reference ${r.thirdPartyRequester.matterReference}` : ""}. The patient signed online
                through the invitation e-mailed to them.
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Recipient</dt>
            <dd>
              {recipientKindLabels[r.recipientKind]}
              {r.recipientName ? `: ${r.recipientName}, ${address(r.recipientAddressLine1, r.recipientAddressLine2, r.recipientCity, r.recipientState, r.recipientPostalCode)}` : ""}
              {r.recipientPhone ? `, phone ${r.recipientPhone}` : ""}
              {r.recipientFax ? `, fax ${r.recipientFax}` : ""}
              {r.recipientEmail ? `, ${r.recipientEmail}` : ""}
            </dd>
          </div>
          <div>
            <dt>Records</dt>
            <dd>
              {r.completeRecord ? "Complete record" : r.recordTypes.map((t) => recordTypeLabels[t]).join("; ")}
              {r.recordTypesOther ? ` (${r.recordTypesOther})` : ""}; dates {isoDay(r.recordsFrom) ?? "any"} to {isoDay(r.recordsTo) ?? "present"}
            </dd>
          </div>
          <div>
            <dt>Specially protected</dt>
            <dd>
              {access
                ? r.accessCategories.length
                  ? `${r.accessCategories.map((c) => (c === "PSYCHOTHERAPY_NOTES" ? "Psychotherapy notes" : specialCategoryLabels[c].label)).join("; ")} — the patient's own care, included without initials (right of access)`
                  : "None included"
                : r.specialConsents.length
                ? r.specialConsents
                    .map((c) => `${c.category === "PSYCHOTHERAPY_NOTES" ? "Psychotherapy notes" : specialCategoryLabels[c.category].label} (initialed ${c.initials})`)
                    .join("; ")
                : "None authorized"}
            </dd>
          </div>
          {r.minorSignatureRequired || r.minorConsentName ? (
            <div>
              <dt>The patient&apos;s own signature</dt>
              <dd>
                {r.minorConsentName
                  ? `${r.minorConsentName} (${r.minorSignatureMethod === "WET_INK" ? "by hand on the paper form" : r.minorSignatureMethod === "DRAWN" ? "drawn" : "typed name"})`
                  : "Missing"}
                {minorSignatureImage ? (
                  <>
                    {" "}
                    — <a href={`/staff/requests/${r.id}/documents/${minorSignatureImage.id}`}>see the patient&apos;s drawn signature</a>
                  </>
                ) : null}
                {signing.minorSignature ? <span className="hint"> {signing.minorSignature.reason}</span> : null}
              </dd>
            </div>
          ) : null}
          {r.minorNonObjectionRequired ? (
            <div>
              <dt>Patient informed, did not object</dt>
              <dd>{r.minorInformedRecordedAt ? `Recorded ${formatDateTime(r.minorInformedRecordedAt)}` : "Not recorded yet (740 ILCS 110/4)"}</dd>
            </div>
          ) : null}
          {r.witnessRequired ? (
            <div>
              <dt>Identity witnessed</dt>
              <dd>
                {r.witnessName && r.witnessMethod
                  ? `${r.witnessName} — ${WITNESS_METHODS[r.witnessMethod as keyof typeof WITNESS_METHODS] ?? r.witnessMethod}${r.witnessRecordedAt ? `, recorded ${formatDateTime(r.witnessRecordedAt)}` : ""}`
                  : "Not recorded yet (740 ILCS 110/5): mental health records wait for it"}
              </dd>
            </div>
          ) : null}
          {r.relativeRelationship ? (
            <div>
              <dt>Surviving relative</dt>
              <dd>
                {survivingRelationshipLabels[r.relativeRelationship]}. Statement: {r.relativeStatement}
              </dd>
            </div>
          ) : null}
          {r.patientEmancipated ? (
            <div>
              <dt>Emancipated minor</dt>
              <dd>Yes: the patient signs as an adult; check the court&apos;s emancipation order</dd>
            </div>
          ) : null}
          {access ? (
            <div>
              <dt>Purpose and expiry</dt>
              <dd>None: a request for the patient&apos;s own records states no purpose and does not expire (45 CFR 164.524)</dd>
            </div>
          ) : (
            <>
              <div>
                <dt>Purpose</dt>
                <dd>{r.purpose}</dd>
              </div>
              <div>
                <dt>Expires</dt>
                <dd>{r.expirationKind === "DATE" ? day(r.expirationDate) : r.expirationEvent}</dd>
              </div>
            </>
          )}
          <div>
            <dt>Delivery (Section 4)</dt>
            <dd>
              {deliveryMethodLabels[r.deliveryMethod].label}:{" "}
              {r.deliveryMethod === "SECURE_EMAIL"
                ? r.deliveryEmail
                : r.deliveryMethod === "MAIL"
                  ? address(r.mailAddressLine1, r.mailAddressLine2, r.mailCity, r.mailState, r.mailPostalCode)
                  : `call ${r.pickupPhone}${r.pickupBestTimes ? ` (${r.pickupBestTimes})` : ""}`}
            </dd>
          </div>
          <div>
            <dt>Signed</dt>
            <dd>
              {r.signatureMethod === "WET_INK"
                ? `${r.signerName}, ${formatDate(r.signedAt)} (signed by hand on the paper form: see its scan)`
                : `${r.signerName}, ${formatDateTime(r.signedAt)} (${r.signatureMethod === "DRAWN" ? "drawn signature" : "typed name as signature"})`}
              {r.signerAuthorityStatement ? ` as ${r.signerAuthorityStatement.toLowerCase()}` : ""}
              {signatureImage ? (
                <>
                  {" "}
                  — <a href={`/staff/requests/${r.id}/documents/${signatureImage.id}`}>see the drawn signature</a>
                </>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="documents-heading" className="stack">
        <h2 id="documents-heading">Documents</h2>
        {can(staff.role, "document.view") ? (
          <ul>
            {[...r.documents].sort((a, b) => documentOrder(a.kind) - documentOrder(b.kind)).map((d) => (
              <li key={d.id}>
                <a href={`/staff/requests/${r.id}/documents/${d.id}`}>{d.kind.replace(/_/g, " ").toLowerCase()}</a> ({d.contentType},{" "}
                {Math.ceil(d.sizeBytes / 1024)} KB{d.originalName ? `, “${d.originalName}”` : ""})
              </li>
            ))}
          </ul>
        ) : (
          <p>Your role does not open documents.</p>
        )}
      </section>

      <section aria-labelledby="history-heading" className="stack">
        <h2 id="history-heading">History</h2>
        <ol>
          {r.statusChanges.map((s) => (
            <li key={s.id}>
              {formatDateTime(s.at)}: {s.fromStatus ? `${statusLabels[s.fromStatus]} → ` : ""}
              {statusLabels[s.toStatus]}
            </li>
          ))}
        </ol>
        {r.deficiencies.length ? (
          <ul>
            {r.deficiencies.map((d) => (
              <li key={d.id}>
                Deficiency {formatDate(d.createdAt)}: {d.reasons.join("; ")} {d.resolvedAt ? "(resolved)" : "(open)"}
                {d.respondedAt ? (
                  <>
                    {" "}
                    — <strong>the requester answered on {formatDateTime(d.respondedAt)}</strong>
                    {d.response ? `: “${d.response}”` : ""} (documents they sent are listed above as “deficiency response”)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
