import { getTranslations } from "next-intl/server";
import { PhoneLink } from "@/components/PhoneLink";
import { CHICAGO } from "@/domain/chicago";
import { PICKUP_WINDOW_MINUTES, pickupInstructions } from "@/domain/pickup";
import { organization } from "@/domain/organization";
import { INTL_TAG, type Locale } from "@/i18n/locales";

/** Where and when to collect scheduled records, what to bring, and who may collect (issue 13), in the page's language. */
export async function PickupDetails({ at, locale, now = new Date() }: { at: Date; locale: Locale; now?: Date }) {
  const p = pickupInstructions(at, now);
  const t = await getTranslations("portal.pickup");
  const pickup = await getTranslations("pickup");
  const common = await getTranslations("common");
  const day = new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: CHICAGO, weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(at);
  const time = (d: Date) => new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: CHICAGO, hour: "numeric", minute: "2-digit" }).format(d);
  const end = new Date(at.getTime() + PICKUP_WINDOW_MINUTES * 60_000);
  const heading = p.soon === "today" ? t("headingToday") : p.soon === "tomorrow" ? t("headingTomorrow") : t("heading");
  return (
    <section aria-labelledby="pickup-heading" id="pickup" className="stack card">
      <h2 id="pickup-heading">{heading}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t("where")}</dt>
          <dd>{p.where}</dd>
        </div>
        <div>
          <dt>{t("when")}</dt>
          <dd>{t("whenValue", { day, start: time(at), end: time(end) })}</dd>
        </div>
        <div>
          <dt>{t("who")}</dt>
          <dd>{pickup("who")}</dd>
        </div>
      </dl>
      <h3>{t("bring")}</h3>
      <ul>
        <li>{pickup("bringId")}</li>
        <li>{pickup("bringProof")}</li>
        <li>{pickup("bringPayment", { phone: organization.paymentPhone })}</li>
      </ul>
      <p>{t.rich("cannotCome", { phone: () => <PhoneLink />, hours: common("questionsHours") })}</p>
    </section>
  );
}
