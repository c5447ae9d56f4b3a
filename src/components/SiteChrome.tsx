import { useTranslations } from "next-intl";
import { organization } from "@/domain/organization";
import { LocaleLink } from "@/i18n/LocaleLink";
import { LanguageSwitch } from "./LanguageSwitch";
import { PhoneLink } from "./PhoneLink";

/** The product's name as shown in the header and page titles (English; staff screens and logs). */
export const siteName = `${organization.serviceName} Requests`;

/*
 * Header and footer of the root layout, in the page's language (issue 15): `useTranslations`
 * works in server components, and client ones under the root layout's provider (common namespace).
 */

export function SkipLink() {
  const t = useTranslations("common");
  return (
    <a className="skip-link" href="#main">
      {t("skipToMain")}
    </a>
  );
}

export function SiteHeader({ localized = true }: { localized?: boolean }) {
  const t = useTranslations("common");
  return (
    <header className="site-header">
      <div className="container">
        <LocaleLink className="site-brand" href="/">
          <span className="site-name">{t("siteName")}</span>
          <span className="site-org">{organization.name}</span>
        </LocaleLink>
        <div className="site-header-tools">
          {localized ? <LanguageSwitch label={t("languageSwitchLabel")} /> : null}
          <p className="site-header-help">{t.rich("headerQuestions", { phone: () => <PhoneLink /> })}</p>
        </div>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const t = useTranslations("common");
  // The accessibility statement's link (issue 15 §4; its words in the a11y namespace).
  const a11y = useTranslations("a11y");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t.rich("footerQuestions", { phone: () => <PhoneLink />, hours: t("questionsHours") })}</p>
        <p>{a11y.rich("footerLink", { link: (chunks) => <LocaleLink href="/accessibility">{chunks}</LocaleLink> })}</p>
        <p>{t.rich("footerEmergency", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p className="muted">{t("footerAbout", { siteName: t("siteName"), organization: organization.name })}</p>
      </div>
    </footer>
  );
}
