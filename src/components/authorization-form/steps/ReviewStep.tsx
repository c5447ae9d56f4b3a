"use client";

import { useLocale, useTranslations } from "next-intl";

import { Fragment, type ReactNode } from "react";
import { useWatch } from "react-hook-form";
import { dueDateFor, paperReceivedAt } from "@/domain/deadlines";
import { formatAddress, formatDate, formatIsoDate } from "@/domain/format";
import type { Locale } from "@/i18n/locales";
import { ACCESS_FORMAT_DELIVERY, isAccessMode, isPaperMode, SPECIAL_CATEGORIES, type AuthorizationForm, type PaperAuthorizationForm } from "@/domain/authorization-form";
import { defaultMedium } from "@/domain/fees";
import { expectedByDay } from "@/domain/right-of-access";
import { FeeEstimateView } from "../FeeEstimate";
import { ACCESS_FORMAT_LABEL, AUTHORITY_IN_SENTENCE, DELIVERY_METHOD_LABEL, PURPOSE_LABEL, RECIPIENT_KIND_LABEL, RECORD_TYPE_LABEL, RELEASE_SOURCE_LABEL, SPECIAL_CATEGORY_LABEL } from "@/i18n/label-keys";
import { formatDay } from "@/i18n/translator";
import { useAttachedScan, useWizardMode, useWizardSteps } from "../mode";
import { signingDecision, toSubmission, type FormValues, type StepKey } from "../model";
import type { ChosenFiles } from "../uploads";
import { authorityInSentence } from "@/domain/authority-phrase";

type Row = [label: string, value: ReactNode];
type Address = Partial<AuthorizationForm["patient"]["address"]>;
/** What is about to be sent, in either mode. */
type Submission = Partial<Omit<AuthorizationForm, "signature">> & {
  paper?: Partial<PaperAuthorizationForm["paper"]>;
  signature?: Partial<Omit<AuthorizationForm["signature"], "method">> & Partial<Omit<PaperAuthorizationForm["signature"], "method">> & { method?: string };
};

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
  const t = useTranslations("form.review");
  const tAll = useTranslations();
  const locale = useLocale() as Locale;
  const show = (value: unknown): ReactNode => (typeof value === "string" && value.trim() ? value.trim() : <span className="muted">{t("notGiven")}</span>);
  const address = (a: Address | undefined) => (a?.line1 && a.city && a.state && a.postalCode ? formatAddress(a as Required<Address>) : show(""));
  // Staff (paper) pages are English: their dates keep the English format.
  const dateText = (d: unknown) => (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDay(locale, d) : String(d ?? ""));
  const date = (d: unknown) => (typeof d === "string" && d ? dateText(d) : show(d));
  const initialed = (value: unknown) => (typeof value === "string" && value.trim() ? t("initialed", { initials: value.trim().toUpperCase() }) : t("notIncluded"));
  const fileNames = (list: File[]) => (list.length ? list.map((f) => f.name).join(", ") : <strong className="text-error">{t("noFile")}</strong>);
  // On paper, a separate photo ID or proof is optional: it may be in the scan.
  const optionalFiles = (list: File[]) => (list.length ? list.map((f) => f.name).join(", ") : <span className="muted">None attached separately</span>);
  const your = (label: string, key: "yourName" | "yourPhone" | "yourEmail") => (paper ? `Representative’s ${label}` : t(key));

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
    [paper ? "Who is asking" : t("youAre"), rep ? t("representative") : requester?.kind === "PATIENT" ? t("thePatient") : show("")],
  ];
  if (rep) {
    requesterRows.push(
      [your("name", "yourName"), show(rep.name)],
      [your("phone", "yourPhone"), show(rep.phone)],
      [your("e-mail", "yourEmail"), show(rep.email)],
      [t("relationship"), show(rep.relationship)],
      [t("legalAuthority"), rep.authority ? (paper ? authorityInSentence(rep.authority) : tAll(AUTHORITY_IN_SENTENCE[rep.authority])) : show("")],
    );
    if (rep.authority === "OTHER") requesterRows.push([t("authorityDescribed"), show(rep.authorityDetail)]);
  }
  const attached = paper ? optionalFiles : fileNames;
  requesterRows.push([paper ? "Copy of a photo ID" : t("photoId"), attached(files.photoId ? [files.photoId] : [])]);
  if (rep) requesterRows.push([t("proofOfAuthority"), attached(files.authorityProof)]);

  const patientRows: Row[] = [
    [t("name"), show([patient?.firstName, patient?.middleName, patient?.lastName].filter(Boolean).join(" "))],
    [t("otherNames"), show(patient?.otherNames)],
    [t("dateOfBirth"), date(patient?.dateOfBirth)],
    [t("phone"), show(patient?.phone)],
    [t("email"), show(patient?.email)],
    [t("address"), address(patient?.address)],
    [t("mrn"), show(patient?.mrn)],
  ];
  if (rep) patientRows.push([t("deceased"), patient?.deceased ? t("yes") : t("no")]);

  const recipientRows: Row[] = [[t("recordsGoTo"), recipient?.kind ? tAll(RECIPIENT_KIND_LABEL[recipient.kind]) : show("")]];
  if (recipient?.kind === "MEDICAL_PROVIDER")
    recipientRows.push([t("name"), show(recipient.name)], [t("address"), address(recipient.address)], [t("phone"), show(recipient.phone)], [t("fax"), show(recipient.fax)]);
  if (recipient?.kind === "THIRD_PARTY") recipientRows.push([t("name"), show(recipient.name)], [t("address"), address(recipient.address)], [t("email"), show(recipient.email)]);

  const types = info?.recordTypes ?? [];
  const infoRows: Row[] = [
    [
      t("records"),
      info?.completeRecord
        ? t("completeRecord")
        : types.length
          ? types.map((type) => (type === "OTHER" ? t("otherType", { text: info?.recordTypesOther ?? "" }) : tAll(RECORD_TYPE_LABEL[type]))).join("; ")
          : show(""),
    ],
    [
      t("datesOfCare"),
      info?.dateFrom || info?.dateTo
        ? t("dateRange", { hasFrom: info.dateFrom ? "yes" : "no", from: info.dateFrom ? dateText(info.dateFrom) : "", hasTo: info.dateTo ? "yes" : "no", to: info.dateTo ? dateText(info.dateTo) : "" })
        : t("allDates"),
    ],
    ...SPECIAL_CATEGORIES.map((c): Row => [tAll(SPECIAL_CATEGORY_LABEL[c]), initialed(info?.specialCategories?.[c])]),
    [tAll("labels.psychotherapyNotes"), initialed(info?.psychotherapyNotes)],
  ];

  const purpose = v.purpose;
  const expiration = v.expiration;
  const purposeRows: Row[] = [
    [t("purpose"), purpose?.purpose ? (purpose.purpose === "OTHER" ? t("otherType", { text: purpose.purposeOther ?? "" }) : tAll(PURPOSE_LABEL[purpose.purpose])) : show("")],
    [
      t("ends"),
      expiration?.kind === "DATE" ? t("endsOn", { date: dateText(expiration.date) }) : expiration?.kind === "EVENT" ? t("endsEvent", { event: expiration.event ?? "" }) : show(""),
    ],
  ];

  const deliveryRows: Row[] = [[t("method"), delivery?.method ? tAll(DELIVERY_METHOD_LABEL[delivery.method]) : show("")]];
  if (delivery?.method === "SECURE_EMAIL") deliveryRows.push([t("secureLinkEmail"), show(delivery.email)]);
  if (delivery?.method === "MAIL") deliveryRows.push([t("mailingAddress"), address(delivery.address)]);
  if (delivery?.method === "PICKUP") deliveryRows.push([t("phoneToCall"), show(delivery.phone)], [t("bestTimes"), show(delivery.bestTimes)]);

  const feeRows: Row[] = [
    [t("expectedCost"), recipient?.kind === "MEDICAL_PROVIDER" ? t("costFree") : t("costMaybe")],
    [t("howFeesWork"), sig?.acknowledgeFees ? t("read") : show("")],
  ];

  const paperSignatureRows: Row[] = [
    ["Name as signed", show(sig?.signerName)],
    ["Date signed", date(sig?.signedOn)],
  ];
  const decision = signingDecision(raw, today);
  if (decision?.minorSignature) paperSignatureRows.push(["Patient’s own signature (name as signed)", show(sig?.minorName)]);

  const signatureRows: Row[] = [
    [t("statements"), sig?.acknowledgeRevocation && sig.acknowledgeNoConditioning && sig.acknowledgeRedisclosure ? t("allThreeRead") : show("")],
    [t("typedName"), show(sig?.typedName)],
    [
      t("signature"),
      sig?.method === "TYPED" ? (
        t("yourTypedName")
      ) : sig?.drawn ? (
        // A data: URL of the drawing made on this page (the CSP allows data: images).
        // eslint-disable-next-line @next/next/no-img-element
        <img className="signature-preview" src={sig.drawn} alt={t("drawnAlt")} />
      ) : (
        <strong className="text-error">{t("notSigned")}</strong>
      ),
    ],
  ];
  if (decision?.mentalHealthStatements) signatureRows.push([t("mentalHealthStatements"), sig?.acknowledgeMentalHealth ? t("read") : show("")]);
  if (decision?.minorSignature) {
    const minor = sig?.minor;
    signatureRows.push([
      t("patientSignature"),
      minor?.method === "DRAWN" && minor.drawn ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img className="signature-preview" src={minor.drawn} alt={t("patientDrawnAlt", { name: minor.typedName ?? "" })} />
      ) : minor?.typedName ? (
        t("patientTyped", { name: minor.typedName })
      ) : (
        <strong className="text-error">{t("notSigned")}</strong>
      ),
    ]);
  }
  signatureRows.push([t("dateSigned"), formatDay(locale, today)]);

  if (access) {
    const included = Array.isArray(raw.information?.includeSpecial) ? raw.information.includeSpecial : [];
    const accessInfoRows: Row[] = [
      infoRows[0]!,
      infoRows[1]!,
      [t("specialOwn"), included.length ? SPECIAL_CATEGORIES.filter((c) => included.includes(c)).map((c) => tAll(SPECIAL_CATEGORY_LABEL[c])).join("; ") : t("none")],
    ];
    const format = raw.format;
    const method = format ? ACCESS_FORMAT_DELIVERY[format] : undefined;
    const formatRows: Row[] = [[t("formAndFormat"), format ? tAll(ACCESS_FORMAT_LABEL[format]) : show("")], ...deliveryRows.slice(1)];
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
        <p>{t("checkAccess")}</p>
        <Section step="requester" rows={requesterRows} onChange={onChange} />
        <Section step="patient" rows={patientRows} onChange={onChange} />
        <Section step="accessInformation" rows={accessInfoRows} onChange={onChange} />
        <Section step="format" rows={formatRows} onChange={onChange} />
        <Section step="signature" rows={signatureRows.slice(1)} onChange={onChange} />
        {method && (
          <section aria-labelledby="review-fee-heading">
            <h3 id="review-fee-heading">{t("feeHeading")}</h3>
            <FeeEstimateView recipient="PATIENT" medium={defaultMedium(method)} mailed={method === "MAIL"} headingLevel={4} />
            <p>{t.rich("expectBy", { date: formatDay(locale, expectedByDay(today)), strong: (chunks) => <strong>{chunks}</strong> })}</p>
          </section>
        )}
        <p>{t("signAccess")}</p>
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
      <p>{t("checkOnline")}</p>
      <Section step="release" rows={[[t("recordsFrom"), v.release?.source ? tAll(RELEASE_SOURCE_LABEL[v.release.source]) : show("")]]} onChange={onChange} />
      <Section step="requester" rows={requesterRows} onChange={onChange} />
      <Section step="patient" rows={patientRows} onChange={onChange} />
      <Section step="recipient" rows={recipientRows} onChange={onChange} />
      <Section step="information" rows={infoRows} onChange={onChange} />
      <Section step="purpose" rows={purposeRows} onChange={onChange} />
      <Section step="delivery" rows={deliveryRows} onChange={onChange} />
      <Section step="fees" rows={feeRows} onChange={onChange} />
      <Section step="signature" rows={signatureRows} onChange={onChange} />
      <p>{t("signOnline")}</p>
    </>
  );
}
