import "server-only";
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CHICAGO } from "@/domain/chicago";
import { DEFAULT_LOCALE, isLocale, LOCALE_HEADER } from "./locales";
import { messagesFor } from "./messages";

/**
 * next-intl's per-request configuration ("without i18n routing"): the locale src/proxy.ts resolved
 * and set in LOCALE_HEADER (it discards any client-sent copy), unless a caller asks for one
 * explicitly (`getTranslations({ locale, namespace })`). Server components, server actions and
 * route handlers all read it; the whole catalogue of that one language stays on the server.
 */
export default getRequestConfig(async ({ locale: requested }) => {
  const fromProxy = (await headers()).get(LOCALE_HEADER);
  const locale = isLocale(requested) ? requested : isLocale(fromProxy) ? fromProxy : DEFAULT_LOCALE;
  return { locale, messages: messagesFor(locale), timeZone: CHICAGO };
});
