import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PhoneLink } from "@/components/PhoneLink";
import { ClientMessages } from "@/i18n/ClientMessages";
import { localeRedirect } from "@/i18n/navigation";
import { portalRequestId } from "@/server/portal/access";
import { PortalSignIn } from "./PortalForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.signIn"))("title") };
}
export const dynamic = "force-dynamic";

export default async function PortalSignInPage() {
  if (await portalRequestId()) await localeRedirect("/portal/request");
  const t = await getTranslations("portal.signIn");
  const common = await getTranslations("common");
  return (
    <div className="container section stack">
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>{t("explain")}</p>
      <ClientMessages namespaces={["portal", "common"]}>
        <PortalSignIn />
      </ClientMessages>
      <p>{t.rich("help", { phone: () => <PhoneLink />, hours: common("questionsHours") })}</p>
    </div>
  );
}
