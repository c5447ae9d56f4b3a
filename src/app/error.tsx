"use client";

import { useTranslations } from "next-intl";
import { ErrorContent } from "@/components/ErrorContent";

/** Errors below the root layout: the header and footer stay in place. Never shows the message. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  const common = useTranslations("common");
  return (
    <>
      <title>{t("title", { siteName: common("siteName") })}</title>
      <ErrorContent error={error} onRetry={retry} />
    </>
  );
}
