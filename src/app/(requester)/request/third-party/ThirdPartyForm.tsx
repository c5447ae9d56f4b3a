"use client";

import { type FormEvent, useActionState, useRef, useState, useTransition } from "react";
import { FieldFrame } from "@/components/FieldFrame";
import { ACCEPT_ATTRIBUTE } from "@/components/authorization-form/uploads";
import { newIdempotencyKey } from "@/components/authorization-form/useDraft";
import { US_STATES } from "@/domain/authorization-form";
import { type SigningPath, THIRD_PARTY_KINDS, thirdPartyKindLabels } from "@/domain/third-party";
import { startThirdPartyAction, type ThirdPartyFormState } from "./actions";

/**
 * The organisation's request: who it is, the patient it names, what it asks for, and how the
 * patient signs — online through a link we e-mail them, or on paper the organisation uploads.
 * A random key made once per form goes with every send: a double click or a retry stores one
 * request (decision 0009). What was typed stays when the server answers with an error.
 */
export function ThirdPartyForm() {
  const [state, dispatch, pending] = useActionState(startThirdPartyAction, {} as ThirdPartyFormState);
  const [, startTransition] = useTransition();
  const key = useRef<string | null>(null);
  const [path, setPath] = useState<SigningPath | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    formData.set("idempotencyKey", (key.current ??= newIdempotencyKey()));
    startTransition(() => dispatch(formData));
  };
  const e = state.fieldErrors ?? {};
  if (state.confirmationNumber && state.path === "PAPER") {
    return (
      <div className="notice notice-success" role="status">
        <h2>We received the signed authorization</h2>
        <p>
          Your reference is <strong className="confirmation-number">{state.confirmationNumber}</strong>. Keep it: it becomes the request&apos;s
          confirmation number once our staff have verified the authorization.
        </p>
        <p>
          Our staff check that the patient (or their legal representative) signed it and that it covers what you ask for. If something is
          missing, we e-mail you a secure link to see what and to upload a corrected copy. Nothing is released before it is verified.
        </p>
      </div>
    );
  }
  if (state.confirmationNumber) {
    return (
      <div className="notice notice-success" role="status">
        <h2>We e-mailed the patient</h2>
        <p>
          Your reference is <strong className="confirmation-number">{state.confirmationNumber}</strong>. Keep it: it becomes the request&apos;s
          confirmation number once the patient signs.
        </p>
        <p>
          The patient received a secure link to review your request and sign the authorization. Nothing is released unless they sign. If
          they prefer paper, they can sign the paper form and you can send it to us.
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} noValidate>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
          {Object.keys(e).length ? (
            <ul>
              {Object.entries(e).map(([field, messages]) => (
                <li key={field}>
                  <a href={`#${field.replace(/\./g, "-")}`}>{messages[0]}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <fieldset>
        <legend>Your organisation</legend>
        <fieldset id="kind" aria-describedby={e.kind ? "kind-error" : undefined}>
          <legend>Kind of organisation</legend>
          {e.kind ? (
            <p id="kind-error" className="field-error">
              {e.kind[0]}
            </p>
          ) : null}
          {THIRD_PARTY_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" value={k} /> {thirdPartyKindLabels[k]}
            </label>
          ))}
        </fieldset>
        <FieldFrame id="organization" label="Organisation name" errors={e.organization}>
          {(aria) => <input {...aria} name="organization" type="text" autoComplete="organization" maxLength={120} />}
        </FieldFrame>
        <FieldFrame id="contactName" label="Your name" errors={e.contactName}>
          {(aria) => <input {...aria} name="contactName" type="text" autoComplete="name" maxLength={80} />}
        </FieldFrame>
        <FieldFrame id="email" label="Your e-mail address" hint="Records and updates for this request go here." errors={e.email}>
          {(aria) => <input {...aria} name="email" type="email" autoComplete="email" maxLength={254} />}
        </FieldFrame>
        <FieldFrame id="phone" label="Your phone number" errors={e.phone}>
          {(aria) => <input {...aria} name="phone" type="tel" autoComplete="tel" maxLength={30} className="input-medium" />}
        </FieldFrame>
        <fieldset>
          <legend>Organisation address</legend>
          <FieldFrame id="address-line1" label="Address line 1" errors={e["address.line1"]}>
            {(aria) => <input {...aria} name="address.line1" type="text" autoComplete="address-line1" maxLength={120} />}
          </FieldFrame>
          <FieldFrame id="address-line2" label="Address line 2 (optional)" errors={e["address.line2"]}>
            {(aria) => <input {...aria} name="address.line2" type="text" autoComplete="address-line2" maxLength={120} />}
          </FieldFrame>
          <FieldFrame id="address-city" label="City" errors={e["address.city"]}>
            {(aria) => <input {...aria} name="address.city" type="text" autoComplete="address-level2" maxLength={60} />}
          </FieldFrame>
          <FieldFrame id="address-state" label="State" errors={e["address.state"]}>
            {(aria) => (
              <select {...aria} name="address.state" defaultValue="" autoComplete="address-level1">
                <option value="">Choose…</option>
                {US_STATES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
          <FieldFrame id="address-postalCode" label="ZIP code" errors={e["address.postalCode"]}>
            {(aria) => <input {...aria} name="address.postalCode" type="text" inputMode="numeric" autoComplete="postal-code" maxLength={10} className="input-short" />}
          </FieldFrame>
        </fieldset>
        <FieldFrame id="matterReference" label="Your reference (optional)" hint="A claim or matter number, to find the request in your files." errors={e.matterReference}>
          {(aria) => <input {...aria} name="matterReference" type="text" maxLength={80} className="input-medium" />}
        </FieldFrame>
      </fieldset>
      <fieldset id="signingPath" aria-describedby={e.signingPath ? "signingPath-error" : undefined}>
        <legend>How does the patient sign the authorization?</legend>
        {e.signingPath ? (
          <p id="signingPath-error" className="field-error">
            {e.signingPath[0]}
          </p>
        ) : null}
        <label className="choice">
          <input type="radio" name="signingPath" value="ONLINE" checked={path === "ONLINE"} onChange={() => setPath("ONLINE")} /> The patient will sign online (we
          e-mail them a link)
        </label>
        <label className="choice">
          <input type="radio" name="signingPath" value="PAPER" checked={path === "PAPER"} onChange={() => setPath("PAPER")} /> We have an authorization the
          patient signed on paper — upload it
        </label>
      </fieldset>
      <fieldset>
        <legend>The patient</legend>
        {path === "PAPER" ? (
          <p>As written on the authorization the patient signed. Our staff check the scan against it.</p>
        ) : (
          <p>We e-mail the patient a secure link. They confirm their date of birth, review your request and sign if they agree.</p>
        )}
        <FieldFrame id="patientFirstName" label="Patient's first name" errors={e.patientFirstName}>
          {(aria) => <input {...aria} name="patientFirstName" type="text" autoComplete="off" maxLength={80} />}
        </FieldFrame>
        <FieldFrame id="patientLastName" label="Patient's last name" errors={e.patientLastName}>
          {(aria) => <input {...aria} name="patientLastName" type="text" autoComplete="off" maxLength={80} />}
        </FieldFrame>
        <FieldFrame id="patientDateOfBirth" label="Patient's date of birth" errors={e.patientDateOfBirth}>
          {(aria) => <input {...aria} name="patientDateOfBirth" type="date" className="input-short" />}
        </FieldFrame>
        {path !== "PAPER" ? (
          <FieldFrame id="patientEmail" label="Patient's e-mail address" hint="The patient's own address: the link to sign goes there." errors={e.patientEmail}>
            {(aria) => <input {...aria} name="patientEmail" type="email" autoComplete="off" maxLength={254} />}
          </FieldFrame>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>What you are asking for</legend>
        <FieldFrame id="recordsRequested" label="Records you are asking for" hint="For example: all records of treatment for a knee injury since March 2025." errors={e.recordsRequested}>
          {(aria) => <textarea {...aria} name="recordsRequested" maxLength={500} />}
        </FieldFrame>
        <FieldFrame id="purpose" label="Purpose of the request" hint="For example: personal injury claim." errors={e.purpose}>
          {(aria) => <input {...aria} name="purpose" type="text" maxLength={300} />}
        </FieldFrame>
      </fieldset>
      {path === "PAPER" ? (
        <>
          <FieldFrame
            id="scan"
            label="Scan of the signed authorization"
            hint="Every page of the authorization the patient (or their legal representative) signed, naming your organisation as recipient: one PDF, or a photo or scan of a single page. PDF, JPG or PNG, up to 10 MB and 50 pages."
            errors={e.scan}
          >
            {(aria) => <input {...aria} name="scan" type="file" accept={ACCEPT_ATTRIBUTE} />}
          </FieldFrame>
          <div id="confirmsPatientSigned">
            {e.confirmsPatientSigned ? <p className="field-error">{e.confirmsPatientSigned[0]}</p> : null}
            <label className="choice">
              <input type="checkbox" name="confirmsPatientSigned" value="yes" /> I confirm that the patient (or their legal representative) signed
              this authorization, not our organisation, and that we are invoiced under the Illinois fee schedule for copies sent to a third party.
            </label>
          </div>
        </>
      ) : (
        <div id="understandsPatientSigns">
          {e.understandsPatientSigns ? <p className="field-error">{e.understandsPatientSigns[0]}</p> : null}
          <label className="choice">
            <input type="checkbox" name="understandsPatientSigns" value="yes" /> I understand that the patient (or their legal representative)
            signs the authorization, not me, and that we are invoiced under the Illinois fee schedule for copies sent to a third party.
          </label>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {path === "PAPER" ? "Upload the signed authorization" : "Send the request to the patient to sign"}
        </button>
      </div>
    </form>
  );
}
