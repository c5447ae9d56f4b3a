import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/i18n/LocaleLink";
import { RightOfAccessList } from "@/components/RightOfAccessList";
import { connection } from "next/server";
import { todayInChicago } from "@/domain/chicago";
import { organization } from "@/domain/organization";
import { QuestionsLine } from "@/components/PhoneLink";
import { AuthorizationForm } from "@/components/authorization-form/AuthorizationForm";
import { feeFactsNow } from "@/server/fee-facts";
import { submitAuthorization } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("doors");
  return { title: t("ownTitle") };
}

/**
 * The right-of-access door (issue 17; 45 CFR 164.524; docs/decisions/0018-right-of-access.md): the
 * patient, or their personal representative, asks for the patient's own records. The right is
 * stated before anything is asked; the form asks only what access needs.
 */
export default async function OwnRecordsPage() {
  await connection();
  const today = todayInChicago();
  const fees = await feeFactsNow();
  const t = await getTranslations("doors");
  return (
    <>
      <h1>{t("ownTitle")}</h1>
      <p className="lead">{t("ownLead", { organization: organization.name })}</p>
      <details className="details right-of-access">
        <summary>{t("ownRight")}</summary>
        <RightOfAccessList newTab />
      </details>
      <p>{t.rich("ownElsewhere", { link: (chunks) => <LocaleLink href="/request">{chunks}</LocaleLink> })}</p>
      <QuestionsLine />
      <AuthorizationForm today={today} mode="access" action={submitAuthorization} fees={fees} />
    </>
  );
}
