import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuestionsLine } from "@/components/PhoneLink";
import { ClientMessages } from "@/i18n/ClientMessages";
import { LocaleLink } from "@/i18n/LocaleLink";
import { NewLinkForm } from "../PortalForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.linkExpired"))("title") };
}
export const dynamic = "force-dynamic";

const reasons = { expired: "expired", revoked: "revoked", used: "used", unknown: "unknown" } as const;

export default async function LinkExpiredPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const t = await getTranslations("portal.linkExpired");
  const records = await getTranslations("portal.records");
  const key = reasons[(reason ?? "unknown") as keyof typeof reasons] ?? reasons.unknown;
  return (
    <div className="container section stack">
      <h1>{t(key)}</h1>
      <p className="lead">{t("lead")}</p>
      <ClientMessages namespaces={["portal", "common"]}>
        <NewLinkForm />
      </ClientMessages>
      <p>{records.rich("signInInstead", { link: (chunks) => <LocaleLink href="/portal">{chunks}</LocaleLink> })}</p>
      <QuestionsLine />
    </div>
  );
}
