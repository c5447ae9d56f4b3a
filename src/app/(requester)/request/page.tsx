import type { Metadata } from "next";
import { connection } from "next/server";
import { todayInChicago } from "@/domain/chicago";
import { organization } from "@/domain/organization";
import { QuestionsLine } from "@/components/PhoneLink";
import { AuthorizationForm } from "@/components/authorization-form/AuthorizationForm";
import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/i18n/LocaleLink";
import { feeFactsNow } from "@/server/fee-facts";
import { submitAuthorization } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("doors");
  return { title: t("sendTitle") };
}

/** The online Authorization for Release of Health Information (RULES.md §1–§4). */
export default async function RequestPage() {
  // Signing day in Chicago, per request (never baked in at build time).
  await connection();
  const today = todayInChicago();
  const fees = await feeFactsNow();
  const t = await getTranslations("doors");
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <h1>{t("sendTitle")}</h1>
      <p className="lead">{t("sendLead", { organization: organization.name })}</p>
      <div className="notice notice-info">
        <p>{t.rich("sendOwn", { strong, link: (chunks) => <LocaleLink href="/request/own">{chunks}</LocaleLink> })}</p>
      </div>
      <p>{t.rich("sendMyChart", { strong })}</p>
      <QuestionsLine />
      <AuthorizationForm today={today} action={submitAuthorization} fees={fees} />
    </>
  );
}
