import { useLocale, useTranslations } from "next-intl";
import { organization } from "@/domain/organization";
import { HHS_FLAT_FEE_CAP_CENTS } from "@/domain/fees";
import { PhoneLink } from "@/components/PhoneLink";
import { PRINTABLE_FORMS } from "@/domain/printable-forms";
import { ResponseCommitment } from "@/components/ResponseCommitment";
import { RightOfAccessList } from "@/components/RightOfAccessList";
import { LocaleLink } from "@/i18n/LocaleLink";
import { localizedPath } from "@/i18n/locales";
import { formatMoney } from "@/i18n/translator";

/** Public home page: how to ask Record Connect for copies of medical records (RULES.md §1, §4–§6), in the page's language. */
export default function HomePage() {
  const t = useTranslations("home");
  const common = useTranslations("common");
  const locale = useLocale();
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const flatFee = formatMoney(locale, HHS_FLAT_FEE_CAP_CENTS);
  return (
    <>
      <div className="hero">
        <h1>{t("heading")}</h1>
        <p className="lead">{t("lead", { organization: organization.name })}</p>
        <ResponseCommitment />
        {/* Two doors (issue 17): the patient's own right of access, and an authorization to send records elsewhere. */}
        <div className="actions">
          <LocaleLink className="button" href="/request/own">
            {t("ownRecords")}
          </LocaleLink>
          <LocaleLink className="button" href="/request">
            {t("sendElsewhere")}
          </LocaleLink>
          <a className="button-secondary" href="#paper-form">
            {t("usePaper")}
          </a>
          <LocaleLink className="button-secondary" href="/portal">
            {t("checkRequest")}
          </LocaleLink>
        </div>
      </div>

      <section className="notice notice-info" aria-labelledby="mychart-heading">
        <h2 id="mychart-heading" className="notice-title">
          {t("myChartHeading")}
        </h2>
        <p>
          {t.rich("myChartText", {
            portal: organization.patientPortalName,
            strong,
            link: (chunks) => <a href={organization.patientPortalUrl}>{chunks}</a>,
          })}
        </p>
      </section>

      <nav className="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">{t("tocHeading")}</h2>
        <ul>
          <li>
            <a href="#how-to-request">{t("tocHow")}</a>
          </li>
          <li>
            <a href="#right-of-access">{t("tocRight")}</a>
          </li>
          <li>
            <a href="#not-handled">{t("tocNotHandled")}</a>
          </li>
          <li>
            <a href="#who-may-request">{t("tocWho")}</a>
          </li>
          <li>
            <a href="#delivery">{t("tocDelivery")}</a>
          </li>
          <li>
            <a href="#timing">{t("tocTiming")}</a>
          </li>
          <li>
            <a href="#fees">{t("tocFees")}</a>
          </li>
          <li>
            <a href="#questions">{t("tocQuestions")}</a>
          </li>
        </ul>
      </nav>

      <section className="section" aria-labelledby="how-to-request">
        <h2 id="how-to-request">{t("tocHow")}</h2>
        <p>{t("howLead")}</p>
        <ul className="card-grid">
          <li className="card card-primary">
            <h3>{t("ownRecords")}</h3>
            <p>{t("ownCardText")}</p>
            <p>
              <LocaleLink className="button" href="/request/own">
                {t("ownRecords")}
              </LocaleLink>
            </p>
          </li>
          <li className="card card-primary">
            <h3>{t("sendElsewhere")}</h3>
            <p>{t("sendCardText")}</p>
            <p>
              <LocaleLink className="button" href="/request">
                {t("sendElsewhere")}
              </LocaleLink>
            </p>
            <p>
              {t.rich("organizationDoor", { link: (chunks) => <LocaleLink href="/request/third-party">{chunks}</LocaleLink> })}
            </p>
          </li>
          <li className="card" id="paper-form">
            <h3>{t("paperHeading")}</h3>
            <p>{t.rich("paperText", { strong })}</p>
            <p>
              <a href={localizedPath(locale, PRINTABLE_FORMS.ownRecords.path)}>{t("paperOwnLink")}</a>
            </p>
            <p>
              <a href={localizedPath(locale, PRINTABLE_FORMS.authorization.path)}>{t("paperAuthorizationLink")}</a>
            </p>
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="right-of-access">
        <h2 id="right-of-access">{t("tocRight")}</h2>
        <RightOfAccessList />
      </section>

      <section className="section" aria-labelledby="not-handled">
        <h2 id="not-handled">{t("tocNotHandled")}</h2>
        <ul>
          <li>
            <strong>{t("notHandledEdwardTitle")}</strong> {t("notHandledEdward", { organization: organization.name })}
          </li>
          <li>
            <strong>{t("notHandledToUsTitle", { organization: organization.name })}</strong>{" "}
            {t.rich("notHandledToUs", { organization: organization.name, em: (chunks) => <em>{chunks}</em> })}
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="who-may-request">
        <h2 id="who-may-request">{t("tocWho")}</h2>
        <ul>
          <li>
            <strong>{t("whoPatient")}</strong>
          </li>
          <li>
            {t.rich("whoRepresentative", { strong })}
            <ul>
              <li>{t("whoParent")}</li>
              <li>{t("whoGuardian")}</li>
              <li>{t("whoAgent")}</li>
              <li>{t("whoExecutor")}</li>
            </ul>
          </li>
        </ul>
        <p>{t.rich("whoId", { strong })}</p>
        <p>{t("whoOthers")}</p>
      </section>

      <section className="section" aria-labelledby="delivery">
        <h2 id="delivery">{t("tocDelivery")}</h2>
        <p>{t("deliveryLead")}</p>
        <ul className="delivery-list">
          <li>{t.rich("deliveryEmail", { strong })}</li>
          <li>{t.rich("deliveryMail", { strong })}</li>
          <li>{t.rich("deliveryPickup", { strong })}</li>
        </ul>
      </section>

      <section className="section" aria-labelledby="timing">
        <h2 id="timing">{t("tocTiming")}</h2>
        <p>{t.rich("timing", { days: organization.responseDays, strong })}</p>
        <p>{t("timingExtension", { days: organization.responseDays })}</p>
      </section>

      <section className="section" aria-labelledby="fees">
        <h2 id="fees">{t("tocFees")}</h2>
        <ul>
          <li>{t.rich("feesProvider", { strong })}</li>
          <li>{t.rich("feesOthers", { strong, flatFee })}</li>
          <li>{t("feesInvoice")}</li>
        </ul>
        <h3>{t("payHeading")}</h3>
        <ul>
          <li>{t.rich("payCard", { phone: () => <PhoneLink line="payment" /> })}</li>
          <li>{t("payCheck")}</li>
        </ul>
        <p className="notice notice-warning">{t.rich("noCash", { strong })}</p>
      </section>

      <section className="section" aria-labelledby="questions">
        <h2 id="questions">{t("tocQuestions")}</h2>
        <p className="phone-line">{t.rich("callUs", { phone: () => <PhoneLink /> })}</p>
        <p>{common("questionsHours")}</p>
      </section>
    </>
  );
}
