"use client";

import { useEffect, useState } from "react";
import { NextIntlClientProvider, useLocale, useMessages, useTranslations } from "next-intl";
import { ErrorContent } from "@/components/ErrorContent";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";

/**
 * The error page's words are loaded only when an error is shown, in the page's language: kept
 * out of every page's payload (which would then always say "something went wrong", and cost
 * every page the bytes). A chunk per language, fetched from our own origin.
 */
const LOAD: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("../../messages/en.json"),
  es: () => import("../../messages/es.json"),
};

/** Errors below the root layout: the header and footer stay in place. Never shows the message. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useLocale();
  const rootMessages = useMessages();
  const [errorPage, setErrorPage] = useState<Messages["errorPage"] | null>(null);
  useEffect(() => {
    let live = true;
    void LOAD[locale]().then((catalogue) => live && setErrorPage(catalogue.default.errorPage));
    return () => {
      live = false;
    };
  }, [locale]);
  if (!errorPage) return null;
  return (
    <NextIntlClientProvider locale={locale} messages={{ ...rootMessages, errorPage }}>
      <ErrorTitle />
      <ErrorContent error={error} onRetry={retry} />
    </NextIntlClientProvider>
  );
}

function ErrorTitle() {
  const t = useTranslations("errorPage");
  const common = useTranslations("common");
  return <title>{t("title", { siteName: common("siteName") })}</title>;
}
