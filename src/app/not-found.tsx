import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { QuestionsLine } from "@/components/PhoneLink";
import { LocaleLink } from "@/i18n/LocaleLink";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title") };
}

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      <div className="actions">
        <LocaleLink className="button" href="/">
          {t("home")}
        </LocaleLink>
      </div>
      <QuestionsLine />
    </>
  );
}
