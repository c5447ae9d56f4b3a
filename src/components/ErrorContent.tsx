import { useLocale, useTranslations } from "next-intl";
import { localizedPath } from "@/i18n/locales";
import { PhoneLink } from "./PhoneLink";

/**
 * The body of the error pages. It shows only the digest Next attaches to server errors, never the
 * error's message or stack: those can carry PHI (SECURITY.md §9).
 */
export function ErrorContent({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useTranslations("errorPage");
  const common = useTranslations("common");
  const locale = useLocale();
  const reference = errorDigest(error);
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      <div className="actions">
        <button type="button" className="button" onClick={onRetry}>
          {t("retry")}
        </button>
        {/* A full page load on purpose: after an error, nothing of the broken client state is reused. */}
        <a className="button-secondary" href={localizedPath(locale, "/")}>
          {t("home")}
        </a>
      </div>
      <p>{t.rich("callUs", { phone: () => <PhoneLink />, hours: common("questionsHours") })}</p>
      {reference ? <p className="muted">{t.rich("reference", { reference, strong: (chunks) => <strong>{chunks}</strong> })}</p> : null}
    </>
  );
}

/** Next's digest is an opaque hash; only a short token of safe characters is ever shown. */
export function errorDigest(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  const digest = error.digest;
  return typeof digest === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(digest) ? digest : null;
}
