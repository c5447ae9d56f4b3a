"use client";

import { type RefObject, useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { authorityInSentence } from "@/domain/authority-phrase";
import { useLocale, useTranslations } from "next-intl";
import { formatDay } from "@/i18n/translator";
import { Checkbox, cx, ErrorText, TextField, useFieldError } from "../fields";
import { signingDecision, type FormValues } from "../model";
import { SignaturePad, type Stroke } from "../SignaturePad";
import { useWizardMode } from "../mode";

/** The required statements (RULES.md §2): message keys of the "form.statements" and "statements" namespaces. */
const STATEMENTS = [
  { name: "signature.acknowledgeRevocation", title: "form.statements.revocationTitle", text: "statements.revocation", label: "form.statements.revocationLabel" },
  { name: "signature.acknowledgeNoConditioning", title: "form.statements.noConditioningTitle", text: "statements.noConditioning", label: "form.statements.noConditioningLabel" },
  { name: "signature.acknowledgeRedisclosure", title: "form.statements.redisclosureTitle", text: "statements.redisclosure", label: "form.statements.redisclosureLabel" },
] as const;

/** The statements 740 ILCS 110/5 adds for mental health records. */
const MENTAL_HEALTH_STATEMENTS = [
  "statements.mentalHealthInspect",
  "statements.mentalHealthRefusal",
  "statements.mentalHealthExpiry",
  "statements.mentalHealthRevoke",
  "statements.mentalHealthWitness",
] as const;

/** Step 9: the required statements (RULES.md §2), and the signature — drawn, or the typed name. */
export function SignatureStep({ today, strokesRef }: { today: string; strokesRef: RefObject<Stroke[]> }) {
  const { setValue, clearErrors, trigger } = useFormContext<FormValues>();
  const values = useWatch<FormValues>();
  const drawnError = useFieldError("signature.drawn");

  const requester = values.requester;
  const patientName = [values.patient?.firstName, values.patient?.lastName].filter(Boolean).join(" ").trim();
  const representative = requester?.kind === "REPRESENTATIVE" ? requester.representative : undefined;
  const authority = representative?.authority ? authorityInSentence(representative.authority, representative.authorityDetail) : undefined;
  const signerName = (representative ? representative.name : patientName)?.trim();
  const typed = values.signature?.method === "TYPED";
  const decision = signingDecision(values, today);
  const minorStrokes = useRef<Stroke[]>([]);
  const minorDrawnError = useFieldError("signature.minor.drawn");
  const minorTyped = values.signature?.minor?.method !== "DRAWN";
  // The patient's own request (issue 17) is not an authorization: none of its statements to acknowledge.
  const access = useWizardMode() === "access";
  const t = useTranslations();
  const locale = useLocale();

  return (
    <>
      {access ? (
        <p>{t("form.sign.accessIntro", { hasName: patientName ? "yes" : "no", patientName })}</p>
      ) : (
      <>
      <h3>{t("form.statements.pleaseRead")}</h3>
      {STATEMENTS.map((s) => {
        const textId = `${s.name.replace(/\./g, "-")}-statement`;
        return (
          <div className="statement" key={s.name}>
            <p className="statement-title">{t(s.title)}</p>
            <p id={textId}>{t(s.text)}</p>
            <Checkbox name={s.name} label={t(s.label)} describedById={textId} />
          </div>
        );
      })}
      {decision?.mentalHealthStatements && (
        <div className="statement">
          <p className="statement-title">{t("form.statements.mentalHealthTitle")}</p>
          <ul id="signature-acknowledgeMentalHealth-statement">
            {MENTAL_HEALTH_STATEMENTS.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
            {values.expiration?.kind === "DATE" && values.expiration.date && (
              <li>{t("form.statements.mentalHealthExpiresOn", { date: formatDay(locale, values.expiration.date) })}</li>
            )}
          </ul>
          <Checkbox
            name="signature.acknowledgeMentalHealth"
            label={t("form.statements.mentalHealthLabel")}
            describedById="signature-acknowledgeMentalHealth-statement"
          />
        </div>
      )}
      <p>{t("statements.copy")}</p>
      </>
      )}

      <h3>{t("form.sign.heading")}</h3>
      {representative && (
        <div className="notice notice-info">
          <p>
            You are signing as <strong>{authority ? authority.toLowerCase() : "a legal representative"}</strong> for{" "}
            <strong>{patientName || "the patient"}</strong>.
          </p>
        </div>
      )}
      <TextField
        name="signature.typedName"
        label={t("form.sign.typedName")}
        autoComplete="name"
        spellCheck={false}
        hint={t("form.sign.typedNameHint", { hasName: signerName ? "yes" : "no", signerName: signerName ?? "" })}
      />

      <div className="field">
        <div className="choice">
          <input
            id="signature-method"
            type="checkbox"
            checked={typed}
            aria-describedby="signature-method-hint"
            onChange={(event) => {
              setValue("signature.method", event.target.checked ? "TYPED" : "DRAWN", { shouldDirty: true, shouldTouch: true });
              clearErrors("signature.drawn");
            }}
          />
          <div>
            <label htmlFor="signature-method">{t("form.sign.useTyped")}</label>
            <div id="signature-method-hint" className="hint">
              {t("form.sign.useTypedHint")}
            </div>
          </div>
        </div>
      </div>

      {!typed && (
        <div className={cx("field", drawnError && "field-invalid")}>
          <p className="field-label" id="signature-drawn-label">
            {t("form.sign.draw")}
          </p>
          <div id="signature-drawn-hint" className="hint">
            {t("form.sign.drawHint")}
          </div>
          {drawnError && <ErrorText id="signature-drawn-error" message={drawnError} />}
          <SignaturePad
            id="signature-drawn"
            strokesRef={strokesRef}
            signed={!!values.signature?.drawn}
            describedBy={cx("signature-drawn-hint", drawnError && "signature-drawn-error")}
            onChange={(png) => {
              setValue("signature.drawn", png, { shouldDirty: true });
              if (drawnError) void trigger("signature.drawn");
            }}
          />
        </div>
      )}

      {decision?.minorSignature && (
        <fieldset className="minor-signature" aria-describedby="signature-minor-reason">
          <legend>The patient’s own signature</legend>
          <p id="signature-minor-reason" className="hint">
            {decision.minorSignature.reason} Hand the device to {patientName || "the patient"}: they sign here themself.
          </p>
          <TextField
            name="signature.minor.typedName"
            label="Patient: your full name"
            autoComplete="off"
            spellCheck={false}
            hint={patientName ? `The patient types their own name: ${patientName}.` : undefined}
          />
          <div className="field">
            <div className="choice">
              <input
                id="signature-minor-method"
                type="checkbox"
                checked={minorTyped}
                aria-describedby="signature-minor-method-hint"
                onChange={(event) => {
                  setValue("signature.minor.method", event.target.checked ? "TYPED" : "DRAWN", { shouldDirty: true, shouldTouch: true });
                  clearErrors("signature.minor.drawn");
                }}
              />
              <div>
                <label htmlFor="signature-minor-method">Patient: sign with my typed name</label>
                <div id="signature-minor-method-hint" className="hint">
                  Your typed name is then your electronic signature. Uncheck this to draw your signature instead.
                </div>
              </div>
            </div>
          </div>
          {!minorTyped && (
            <div className={cx("field", minorDrawnError && "field-invalid")}>
              <p className="field-label">Patient: draw your signature</p>
              {minorDrawnError && <ErrorText id="signature-minor-drawn-error" message={minorDrawnError} />}
              <SignaturePad
                id="signature-minor-drawn"
                label="The patient’s signature drawing area"
                strokesRef={minorStrokes}
                signed={!!values.signature?.minor?.drawn}
                describedBy={cx("signature-minor-reason", minorDrawnError && "signature-minor-drawn-error")}
                onChange={(png) => {
                  setValue("signature.minor.drawn", png, { shouldDirty: true });
                  if (minorDrawnError) void trigger("signature.minor.drawn");
                }}
              />
            </div>
          )}
        </fieldset>
      )}

      <dl className="summary-list">
        <dt>{t("form.sign.dateSigned")}</dt>
        <dd>{formatDay(locale, today)}</dd>
      </dl>
    </>
  );
}
