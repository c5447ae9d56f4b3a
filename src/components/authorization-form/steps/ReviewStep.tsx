"use client";

import { useTranslations } from "next-intl";

import { Fragment, type ReactNode } from "react";
import { useWatch } from "react-hook-form";
import { dueDateFor, paperReceivedAt } from "@/domain/deadlines";
import { formatAddress, formatDate, formatIsoDate } from "@/domain/format";
import { ACCESS_FORMAT_DELIVERY, isAccessMode, isPaperMode, SPECIAL_CATEGORIES, type AuthorizationForm, type PaperAuthorizationForm } from "@/domain/authorization-form";
import { defaultMedium } from "@/domain/fees";
import { accessFormatLabels, expectedByDay } from "@/domain/right-of-access";
import { FeeEstimateView } from "../FeeEstimate";
import {
  deliveryMethodLabels,
  psychotherapyNotesLabel,
  purposeLabels,
  recipientKindLabels,
  recordTypeLabels,
  specialCategoryLabels,
} from "@/domain/labels";
import { useAttachedScan, useWizardMode, useWizardSteps } from "../mode";
import { signingDecision, toSubmission, type FormValues, type StepKey } from "../model";
import type { ChosenFiles } from "../uploads";
import { authorityInSentence } from "@/domain/authority-phrase";

const releaseLabels: Record<string, string> = {
  THIS_GROUP: "Records held by DuPage Medical Group (all locations)",
  EDWARD_ELMHURST: "Records of Edward-Elmhurst Healthcare",
  TO_THIS_GROUP_FROM_ELSEWHERE: "Records sent to DuPage Medical Group from another facility",
};

type Row = [label: string, value: ReactNode];
type Address = Partial<AuthorizationForm["patient"]["address"]>;
/** What is about to be sent, in either mode. */
type Submission = Partial<Omit<AuthorizationForm, "signature">> & {
  paper?: Partial<PaperAuthorizationForm["paper"]>;
  signature?: Partial<Omit<AuthorizationForm["signature"], "method">> & Partial<Omit<PaperAuthorizationForm["signature"], "method">> & { method?: string };
};

const show = (v: unknown): ReactNode => (typeof v === "string" && v.trim() ? v.trim() : <span className="muted">Not given</span>);
const address = (a: Address | undefined) => (a?.line1 && a.city && a.state && a.postalCode ? formatAddress(a as Required<Address>) : show(""));
const dateText = (d: unknown) => (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatIsoDate(d) : String(d ?? ""));
const date = (d: unknown) => (typeof d === "string" && d ? dateText(d) : show(d));
const initialed = (v: unknown) => (typeof v === "string" && v.trim() ? `Include (initialed ${v.trim().toUpperCase()})` : "Not included");

function Section({ step, rows, onChange }: { step: StepKey; rows: Row[]; onChange: (step: number) => void }) {
  const steps = useWizardSteps();
  const index = steps.index(step);
  const t = useTranslations();
  const titleKey = steps.list[index]?.title;
  const title = titleKey ? t(titleKey as never) : step;
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <div className="review-section-header">
        <h3 id={`review-${step}`}>{title}</h3>
        <button type="button" className="button-link" onClick={() => onChange(index)}>
          {t("form.change")}<span className="visually-hidden"> {title.toLowerCase()}</span>
        </button>
      </div>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

/** The last step: every answer, as it will be sent, grouped by step, each with a way back to change it. */
export function ReviewStep({ today, files, onChange }: { today: string; files: ChosenFiles; onChange: (step: number) => void }) {
  const raw = useWatch<FormValues>();
  const mode = useWizardMode();
  const paper = isPaperMode(mode);
  const access = isAccessMode(mode);
  const scanOnFile = useAttachedScan();
  // Exactly what will be submitted: hidden answers of unchosen branches are not shown.
  const v = toSubmission(raw, today, mode) as unknown as Submission;
  const requester = v.requester;
  const rep = requester?.kind === "REPRESENTATIVE" ? requester.representative : undefined;
  const patient = v.patient;
  const recipient = v.recipient;
  const info = v.information;
  const delivery = v.delivery;
  const sig = v.signature;
  const fileNames = (list: File[]) => (list.length ? list.map((f) => f.name).join(", ") : <strong className="text-error">No file chosen: please choose it again</strong>);
  // On paper, a separate photo ID or proof is optional: it may be in the scan.
  const optionalFiles = (list: File[]) => (list.length ? list.map((f) => f.name).join(", ") : <span className="muted">None attached separately</span>);
  const your = (label: string) => (paper ? `Representative’s ${label}` : `Your ${label}`);

  const receivedOn = v.paper?.receivedOn;
  const received = typeof receivedOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(receivedOn) ? receivedOn : null;
  const due = received ? formatDate(dueDateFor(paperReceivedAt(received))) : null;
  const paperRows: Row[] = [
    ["Scan of the signed form", scanOnFile ? `Uploaded by ${scanOnFile.organization}` : fileNames(files.paperFormScan ? [files.paperFormScan] : [])],
    ["Date received", date(receivedOn)],
    ["How it arrived", v.paper?.receivedVia === "FAX" ? "By fax" : v.paper?.receivedVia === "MAIL" ? "By mail" : v.paper?.receivedVia === "UPLOAD" ? "Uploaded by the organisation" : show("")],
    ["Due", due ? `${due} (30 days after receipt)` : show("")],
  ];

  const requesterRows: Row[] = [
    [paper ? "Who is asking" : "You are", rep ? "A legal representative acting for the patient" : requester?.kind === "PATIENT" ? "The patient" : show("")],
  ];
  if (rep) {
    requesterRows.push(
      [your("name"), show(rep.name)],
      [your("phone"), show(rep.phone)],
      [your("e-mail"), show(rep.email)],
      ["Relationship", show(rep.relationship)],
      ["Legal authority", rep.authority ? authorityInSentence(rep.authority) : show("")],
    );
    if (rep.authority === "OTHER") requesterRows.push(["Authority described", show(rep.authorityDetail)]);
  }
  const attached = paper ? optionalFiles : fileNames;
  requesterRows.push([paper ? "Copy of a photo ID" : "Photo ID", attached(files.photoId ? [files.photoId] : [])]);
  if (rep) requesterRows.push(["Proof of authority", attached(files.authorityProof)]);

  const patientRows: Row[] = [
    ["Name", show([patient?.firstName, patient?.middleName, patient?.lastName].filter(Boolean).join(" "))],
    ["Other names used", show(patient?.otherNames)],
    ["Date of birth", date(patient?.dateOfBirth)],
    ["Phone", show(patient?.phone)],
    ["E-mail", show(patient?.email)],
    ["Address", address(patient?.address)],
    ["Medical record number", show(patient?.mrn)],
  ];
  if (rep) patientRows.push(["The patient has died", patient?.deceased ? "Yes" : "No"]);

  const recipientRows: Row[] = [["Records go to", recipient?.kind ? recipientKindLabels[recipient.kind] : show("")]];
  if (recipient?.kind === "MEDICAL_PROVIDER")
    recipientRows.push(["Name", show(recipient.name)], ["Address", address(recipient.address)], ["Phone", show(recipient.phone)], ["Fax", show(recipient.fax)]);
  if (recipient?.kind === "THIRD_PARTY") recipientRows.push(["Name", show(recipient.name)], ["Address", address(recipient.address)], ["E-mail", show(recipient.email)]);

  const types = info?.recordTypes ?? [];
  const infoRows: Row[] = [
    [
      "Records",
      info?.completeRecord
        ? "The complete medical record"
        : types.length
          ? types.map((t) => (t === "OTHER" ? `Other: ${info?.recordTypesOther ?? ""}` : recordTypeLabels[t])).join("; ")
          : show(""),
    ],
    ["Dates of care", info?.dateFrom || info?.dateTo ? `From ${info.dateFrom ? dateText(info.dateFrom) : "the earliest records"} to ${info.dateTo ? dateText(info.dateTo) : "today"}` : "All dates"],
    ...SPECIAL_CATEGORIES.map((c): Row => [specialCategoryLabels[c].label, initialed(info?.specialCategories?.[c])]),
    [psychotherapyNotesLabel, initialed(info?.psychotherapyNotes)],
  ];

  const purpose = v.purpose;
  const expiration = v.expiration;
  const purposeRows: Row[] = [
    ["Purpose", purpose?.purpose ? (purpose.purpose === "OTHER" ? `Other: ${purpose.purposeOther ?? ""}` : purposeLabels[purpose.purpose]) : show("")],
    ["Ends", expiration?.kind === "DATE" ? `On ${dateText(expiration.date)}` : expiration?.kind === "EVENT" ? `When this happens: ${expiration.event}` : show("")],
  ];

  const deliveryRows: Row[] = [["Method", delivery?.method ? deliveryMethodLabels[delivery.method].label : show("")]];
  if (delivery?.method === "SECURE_EMAIL") deliveryRows.push(["E-mail for the secure link", show(delivery.email)]);
  if (delivery?.method === "MAIL") deliveryRows.push(["Mailing address", address(delivery.address)]);
  if (delivery?.method === "PICKUP") deliveryRows.push(["Phone to call", show(delivery.phone)], ["Best times to call", show(delivery.bestTimes)]);

  const feeRows: Row[] = [
    ["Expected cost", recipient?.kind === "MEDICAL_PROVIDER" ? "Free: the records go to a medical provider" : "There may be a fee; you get an invoice first"],
    ["How fees work", sig?.acknowledgeFees ? "Read" : show("")],
  ];

  const paperSignatureRows: Row[] = [
    ["Name as signed", show(sig?.signerName)],
    ["Date signed", date(sig?.signedOn)],
  ];
  const decision = signingDecision(raw, today);
  if (decision?.minorSignature) paperSignatureRows.push(["Patient’s own signature (name as signed)", show(sig?.minorName)]);

  const signatureRows: Row[] = [
    ["Statements", sig?.acknowledgeRevocation && sig.acknowledgeNoConditioning && sig.acknowledgeRedisclosure ? "All three read" : show("")],
    ["Typed name", show(sig?.typedName)],
    [
      "Signature",
      sig?.method === "TYPED" ? (
        "Your typed name"
      ) : sig?.drawn ? (
        // A data: URL of the drawing made on this page (the CSP allows data: images).
        // eslint-disable-next-line @next/next/no-img-element
        <img className="signature-preview" src={sig.drawn} alt="Your drawn signature" />
      ) : (
        <strong className="text-error">Not signed yet</strong>
      ),
    ],
  ];
  if (decision?.mentalHealthStatements) signatureRows.push(["Mental health statements", sig?.acknowledgeMentalHealth ? "Read" : show("")]);
  if (decision?.minorSignature) {
    const minor = sig?.minor;
    signatureRows.push([
      "Patient’s own signature",
      minor?.method === "DRAWN" && minor.drawn ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img className="signature-preview" src={minor.drawn} alt={`The patient’s drawn signature (${minor.typedName ?? ""})`} />
      ) : minor?.typedName ? (
        `${minor.typedName} (typed by the patient)`
      ) : (
        <strong className="text-error">Not signed yet</strong>
      ),
    ]);
  }
  signatureRows.push(["Date signed", formatIsoDate(today)]);

  if (access) {
    const included = Array.isArray(raw.information?.includeSpecial) ? raw.information.includeSpecial : [];
    const accessInfoRows: Row[] = [
      infoRows[0]!,
      infoRows[1]!,
      ["Specially protected records of your own care", included.length ? SPECIAL_CATEGORIES.filter((c) => included.includes(c)).map((c) => specialCategoryLabels[c].label).join("; ") : "None"],
    ];
    const format = raw.format;
    const method = format ? ACCESS_FORMAT_DELIVERY[format] : undefined;
    const formatRows: Row[] = [["Form and format", format ? accessFormatLabels[format].label : show("")], ...deliveryRows.slice(1)];
    if (paper) {
      // A printed own-records request keyed in by staff (decision 0018).
      return (
        <>
          <p>Check what you keyed in against the paper form. To change an answer, choose “Change” next to it.</p>
          <Section step="paper" rows={paperRows} onChange={onChange} />
          <Section step="requester" rows={requesterRows} onChange={onChange} />
          <Section step="patient" rows={patientRows} onChange={onChange} />
          <Section step="accessInformation" rows={accessInfoRows} onChange={onChange} />
          <Section step="format" rows={formatRows} onChange={onChange} />
          <Section step="signature" rows={paperSignatureRows} onChange={onChange} />
          <p>
            Choosing “Save the paper request” adds it to the queue as the patient’s own request for access, received {received ? `on ${formatIsoDate(received)}` : "on the date given"}
            {due ? `, due ${due}` : ""}, with the scan as its signed original.
          </p>
        </>
      );
    }
    return (
      <>
        <p>Check your answers. To change one, choose “Change” next to it.</p>
        <Section step="requester" rows={requesterRows} onChange={onChange} />
        <Section step="patient" rows={patientRows} onChange={onChange} />
        <Section step="accessInformation" rows={accessInfoRows} onChange={onChange} />
        <Section step="format" rows={formatRows} onChange={onChange} />
        <Section step="signature" rows={signatureRows.slice(1)} onChange={onChange} />
        {method && (
          <section aria-labelledby="review-fee-heading">
            <h3 id="review-fee-heading">Fee and date</h3>
            <FeeEstimateView recipient="PATIENT" medium={defaultMedium(method)} mailed={method === "MAIL"} headingLevel={4} />
            <p>
              Expect your records by <strong>{formatIsoDate(expectedByDay(today))}</strong> at the latest.
            </p>
          </section>
        )}
        <p>By choosing “Sign and send my request”, you sign this request for your records electronically and send it to Record Connect.</p>
      </>
    );
  }

  if (paper) {
    return (
      <>
        <p>Check what you keyed in against the paper form. To change an answer, choose “Change” next to it.</p>
        <Section step="paper" rows={paperRows} onChange={onChange} />
        <Section step="requester" rows={requesterRows} onChange={onChange} />
        <Section step="patient" rows={patientRows} onChange={onChange} />
        <Section step="recipient" rows={recipientRows} onChange={onChange} />
        <Section step="information" rows={infoRows} onChange={onChange} />
        <Section step="purpose" rows={purposeRows} onChange={onChange} />
        <Section step="delivery" rows={deliveryRows} onChange={onChange} />
        <Section step="signature" rows={paperSignatureRows} onChange={onChange} />
        <p>
          Choosing “Save the paper request” adds it to the queue as received {received ? `on ${formatIsoDate(received)}` : "on the date given"}
          {due ? `, due ${due}` : ""}, with the scan as its signed original.
        </p>
      </>
    );
  }

  return (
    <>
      <p>Check your answers. To change one, choose “Change” next to it. When everything is right, sign and submit the request.</p>
      <Section step="release" rows={[["Records from", v.release?.source ? (releaseLabels[v.release.source] ?? v.release.source) : show("")]]} onChange={onChange} />
      <Section step="requester" rows={requesterRows} onChange={onChange} />
      <Section step="patient" rows={patientRows} onChange={onChange} />
      <Section step="recipient" rows={recipientRows} onChange={onChange} />
      <Section step="information" rows={infoRows} onChange={onChange} />
      <Section step="purpose" rows={purposeRows} onChange={onChange} />
      <Section step="delivery" rows={deliveryRows} onChange={onChange} />
      <Section step="fees" rows={feeRows} onChange={onChange} />
      <Section step="signature" rows={signatureRows} onChange={onChange} />
      <p>
        By choosing “Sign and submit request”, you sign this Authorization for Release of Health Information electronically and
        send it to Record Connect.
      </p>
    </>
  );
}
