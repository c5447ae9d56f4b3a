"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FieldFrame } from "@/components/FieldFrame";
import { useKeptForm } from "@/components/useKeptForm";
import { LocaleLink } from "@/i18n/LocaleLink";
import { accountingAction, finishSignInAction, newLinkAction, type PortalFormState, respondAction, revokeAction, startSignInAction } from "./actions";

function Messages({ state }: { state: PortalFormState }) {
  return (
    <>
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.info ? (
        <div className="notice notice-success" role="status">
          <p>{state.info}</p>
        </div>
      ) : null}
    </>
  );
}

/** Signing in: confirmation number and date of birth, then the code from the e-mail. */
export function PortalSignIn() {
  const t = useTranslations("portal.signIn");
  const details = useKeptForm(startSignInAction, {} as PortalFormState);
  const code = useKeptForm(finishSignInAction, {} as PortalFormState);
  const errors = details.state.fieldErrors ?? {};
  if (details.state.step === "code") {
    return (
      // Its own key: without it React reuses the date-of-birth <input> (same place in the tree) for
      // the code, and the code field opens already holding the date of birth.
      <form key="code" onSubmit={code.onSubmit} className="stack" aria-busy={code.pending} noValidate>
        <Messages state={{ info: details.state.info }} />
        <Messages state={{ message: code.state.message }} />
        <FieldFrame id="code" label={t("code")} hint={t("codeHint")} errors={undefined}>
          {(aria) => <input {...aria} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={16} spellCheck={false} defaultValue="" className="input-short" required />}
        </FieldFrame>
        <div className="actions">
          <button type="submit" className="button" disabled={code.pending}>
            {t("submit")}
          </button>
        </div>
        <p>{t.rich("noEmail", { link: (chunks) => <LocaleLink href="/portal">{chunks}</LocaleLink> })}</p>
      </form>
    );
  }
  return (
    <form key="details" onSubmit={details.onSubmit} className="stack" aria-busy={details.pending} noValidate>
      <Messages state={{ message: details.state.message }} />
      <FieldFrame id="confirmationNumber" label={t("confirmationNumber")} hint={t("confirmationNumberHint")} errors={errors.confirmationNumber}>
        {(aria) => <input {...aria} name="confirmationNumber" type="text" autoComplete="off" spellCheck={false} className="input-medium" required />}
      </FieldFrame>
      <FieldFrame id="dateOfBirth" label={t("dateOfBirth")} errors={errors.dateOfBirth}>
        {(aria) => <input {...aria} name="dateOfBirth" type="date" className="input-short" required />}
      </FieldFrame>
      <div className="actions">
        <button type="submit" className="button" disabled={details.pending}>
          {t("sendCode")}
        </button>
      </div>
    </form>
  );
}

/**
 * The answer to what is missing. After each answer the thanks stays and an empty form is there
 * for more ("you can send more below"), without reloading the page.
 */
export function DeficiencyResponseForm({ deficiencyId }: { deficiencyId: string }) {
  const [sent, setSent] = useState<{ round: number; info?: string }>({ round: 0 });
  return (
    <>
      {sent.info ? <Messages state={{ info: sent.info }} /> : null}
      <DeficiencyAnswer key={sent.round} deficiencyId={deficiencyId} more={sent.round > 0} onSent={(info) => setSent((s) => ({ round: s.round + 1, info }))} />
    </>
  );
}

function DeficiencyAnswer({ deficiencyId, more, onSent }: { deficiencyId: string; more: boolean; onSent: (info: string) => void }) {
  const t = useTranslations("portal.forms");
  const { state, onSubmit, pending } = useKeptForm(respondAction, {} as PortalFormState);
  const errors = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.done) onSent(state.info ?? "");
  }, [state, onSent]);
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} aria-label={more ? t("moreLabel") : t("answerLabel")}>
      <Messages state={state.done ? {} : state} />
      <input type="hidden" name="deficiencyId" value={deficiencyId} />
      <FieldFrame id="response" label={more ? t("responseMore") : t("response")} hint={t("responseHint")} errors={errors.response}>
        {(aria) => <textarea {...aria} name="response" maxLength={2000} />}
      </FieldFrame>
      <FieldFrame id="files" label={t("files")} errors={errors.files}>
        {(aria) => <input {...aria} name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" />}
      </FieldFrame>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {more ? t("sendMore") : t("send")}
        </button>
      </div>
    </form>
  );
}

/** Revoking an authorization, or withdrawing the patient's own request for access (`own`): the same step, in its own words. */
export function RevokeForm({ own = false }: { own?: boolean }) {
  const t = useTranslations("portal.forms");
  const { state, onSubmit, pending } = useKeptForm(revokeAction, {} as PortalFormState);
  const errors = state.fieldErrors ?? {};
  if (state.done) return <Messages state={state} />;
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} aria-label={own ? t("withdrawLabel") : t("revokeLabel")}>
      <Messages state={state} />
      <FieldFrame id="signerName" label={t("signerName")} errors={errors.signerName}>
        {(aria) => <input {...aria} name="signerName" type="text" autoComplete="name" maxLength={120} className="input-medium" required />}
      </FieldFrame>
      <FieldFrame id="statement" label={t("statement")} errors={errors.statement}>
        {(aria) => <textarea {...aria} name="statement" maxLength={1000} />}
      </FieldFrame>
      <div className={`field${errors.confirm ? " field-invalid" : ""}`}>
        {errors.confirm ? (
          <span className="field-error" id="confirm-error">
            {errors.confirm.join(" ")}
          </span>
        ) : null}
        <label className="choice">
          <input type="checkbox" name="confirm" aria-describedby={errors.confirm ? "confirm-error" : undefined} />{" "}
          {own ? t("withdrawConfirm") : t("revokeConfirm")}
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="button-danger" disabled={pending}>
          {own ? t("withdrawButton") : t("revokeButton")}
        </button>
      </div>
    </form>
  );
}

export function NewLinkForm({ label }: { label?: string }) {
  const t = useTranslations("portal.forms");
  const { state, onSubmit, pending } = useKeptForm(newLinkAction, {} as PortalFormState);
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending}>
      <Messages state={state} />
      {state.done ? null : (
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {label ?? t("newLink")}
          </button>
        </div>
      )}
    </form>
  );
}

export function AccountingForm() {
  const t = useTranslations("portal.forms");
  const { state, onSubmit, pending } = useKeptForm(accountingAction, {} as PortalFormState);
  if (state.done) return <Messages state={state} />;
  return (
    <form onSubmit={onSubmit} className="stack" aria-busy={pending} aria-label={t("accountingLabel")}>
      <Messages state={state} />
      <div className="actions">
        <button type="submit" className="button-secondary" disabled={pending}>
          {t("accountingLabel")}
        </button>
      </div>
    </form>
  );
}
