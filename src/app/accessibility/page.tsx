import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PhoneLink } from "@/components/PhoneLink";
import { organization } from "@/domain/organization";
import { LocaleLink } from "@/i18n/LocaleLink";
import { formatDay } from "@/i18n/translator";

/** The day the statement was last reviewed against the tests (docs/accessibility.md). */
const REVIEWED_ON = "2026-11-30";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("a11y");
  return { title: t("title") };
}

/**
 * The accessibility statement (issue 15 §4): the WCAG 2.2 AA target, what is tested and how, what
 * is known not to meet it, and how to get help or another format. Keep "How we test" and "Known
 * limitations" true to docs/accessibility.md and the tests it names.
 */
export default async function AccessibilityPage() {
  const t = await getTranslations("a11y");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const phone = () => <PhoneLink />;
  const formats = ["formatLargePrint", "formatReadAloud", "formatSpanish"] as const;
  const tested = ["testedAxe", "testedKeyboard", "testedTargetSize", "testedFocus", "testedAuthentication", "testedDragging", "testedHelp", "testedTree"] as const;
  const limits = ["limitDrawing", "limitPdf", "limitScans"] as const;
  return (
    <article className="stack">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <section aria-labelledby="a11y-help">
        <h2 id="a11y-help">{t("helpHeading")}</h2>
        <p>{t.rich("helpCall", { phone, hours: common("questionsHours") })}</p>
        <p>{t("helpPaper")}</p>
        <p>
          {organization.mailingAddress.map((line, i) => (
            <span key={line}>
              {i > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      </section>

      <section aria-labelledby="a11y-formats">
        <h2 id="a11y-formats">{t("formatsHeading")}</h2>
        <p>{t("formatsIntro")}</p>
        <ul>
          {formats.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <p>{t.rich("formatsPaperForms", { link: (chunks) => <LocaleLink href="/#paper-form">{chunks}</LocaleLink> })}</p>
      </section>

      <section aria-labelledby="a11y-target">
        <h2 id="a11y-target">{t("targetHeading")}</h2>
        <p>{t("targetStandard")}</p>
        <p>{t("targetStatus")}</p>
      </section>

      <section aria-labelledby="a11y-tested">
        <h2 id="a11y-tested">{t("testedHeading")}</h2>
        <p>{t("testedIntro")}</p>
        <ul>
          {tested.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <p>{t("testedNotDone")}</p>
      </section>

      <section aria-labelledby="a11y-limits">
        <h2 id="a11y-limits">{t("limitsHeading")}</h2>
        <ul>
          {limits.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="a11y-feedback">
        <h2 id="a11y-feedback">{t("feedbackHeading")}</h2>
        <p>{t.rich("feedbackCall", { phone })}</p>
        <p>{t.rich("feedbackComplaint", { link: (chunks) => <a href="https://www.hhs.gov/civil-rights/filing-a-complaint/index.html">{chunks}</a> })}</p>
      </section>

      <p className="muted">{t.rich("reviewed", { date: formatDay(locale, REVIEWED_ON), time: (chunks) => <time dateTime={REVIEWED_ON}>{chunks}</time> })}</p>
    </article>
  );
}
