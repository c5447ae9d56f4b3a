/**
 * Translation outside React (e-mail templates, PDF generators, the worker, route handlers that
 * are not rendering a page): `translatorFor(locale, "email")("received.subject", { ... })`.
 * Same catalogues and ICU messages as the pages; no request context needed.
 */
import { createTranslator } from "use-intl/core";
import { CHICAGO, dateOnlyToDay } from "@/domain/chicago";
import { INTL_TAG, type Locale } from "./locales";
import { messagesFor, type Messages, type Namespace } from "./messages";
import { problemText } from "./problems";

export function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator<Messages, N>({ locale, messages: messagesFor(locale), namespace, timeZone: CHICAGO });
}

/** Dollars and cents in a language's format ("$6.50"). */
export function formatMoney(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { style: "currency", currency: "USD" }).format(cents / 100);
}

/** A calendar day (YYYY-MM-DD, never shifted by a zone) in words: "March 14, 1984" / "14 de marzo de 1984". */
export function formatDay(locale: Locale, day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: "UTC", dateStyle: "long" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A date-only column (`@db.Date`) in words. */
export function formatDateOnlyIn(locale: Locale, date: Date): string {
  return formatDay(locale, dateOnlyToDay(date));
}

/** A moment, in Chicago time: "March 14, 2026 at 3:05 PM CDT" / "14 de marzo de 2026, 15:05 CDT". */
export function formatInstant(locale: Locale, instant: Date): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: CHICAGO, dateStyle: "long", timeStyle: "short" }).format(instant);
}

/** The Chicago day of a moment, in words: "March 14, 2026" / "14 de marzo de 2026" (src/domain/format.ts formatDate, by locale). */
export function formatDateIn(locale: Locale, instant: Date): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: CHICAGO, dateStyle: "long" }).format(instant);
}

/** A validation problem (src/domain/problems.ts) as a sentence in a language, outside React. */
export function problemTextIn(locale: Locale, message: string): string {
  const t = createTranslator<Messages>({ locale, messages: messagesFor(locale), timeZone: CHICAGO });
  return problemText(t as unknown as Parameters<typeof problemText>[0], message);
}
