/**
 * The requester's language (issue 15; docs/decisions/0023-spanish-and-i18n.md). Pure: the proxy,
 * server code, client components and unit tests all use it.
 *
 * - English is unprefixed (every existing address keeps working); Spanish is `/es/...`.
 * - src/proxy.ts resolves the locale — URL prefix, then the remembered explicit choice (cookie set
 *   by the language switch), then Accept-Language, then English — and hands it to the app in
 *   LOCALE_HEADER, a header it always sets itself (a client-sent copy is discarded).
 * - Staff screens are never localized.
 */

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Set by src/proxy.ts on every request it passes on; any copy a client sends is replaced. */
export const LOCALE_HEADER = "x-record-connect-locale";
/** The explicit choice made with the language switch (not a secret; a preference only). */
export const LOCALE_COOKIE = "record-connect-locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The BCP 47 tag used for Intl formatting (dates, money, plurals) and for `<html lang>`. */
export const INTL_TAG: Record<Locale, string> = { en: "en-US", es: "es-US" };
/** Each language's own name, as the switch shows it. */
export const LANGUAGE_NAME: Record<Locale, string> = { en: "English", es: "Español" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** At most this much of an Accept-Language header is read (a hostile header cannot cost more). */
const MAX_ACCEPT_LANGUAGE_CHARS = 1_000;
const MAX_ACCEPT_LANGUAGE_ENTRIES = 32;
const LANGUAGE_RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/i;
const QUALITY = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/**
 * The supported language a browser prefers most (RFC 9110 §12.5.4), or null when it names none
 * of ours. Ranges are matched by their primary subtag ("es-MX" → es); q=0 means "not this one";
 * among equal qualities the earlier wins; malformed entries are skipped; "*" is not a choice.
 */
export function parseAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  let best: { locale: Locale; q: number } | null = null;
  const refused = new Set<Locale>();
  const entries = header.slice(0, MAX_ACCEPT_LANGUAGE_CHARS).split(",").slice(0, MAX_ACCEPT_LANGUAGE_ENTRIES);
  for (const entry of entries) {
    const [rangePart, ...params] = entry.split(";").map((part) => part.trim());
    if (!rangePart || !LANGUAGE_RANGE.test(rangePart) || rangePart === "*") continue;
    let q = 1;
    let malformed = false;
    for (const param of params) {
      if (/^q=/i.test(param)) {
        if (!QUALITY.test(param)) malformed = true;
        else q = Number(param.slice(2));
      }
    }
    if (malformed) continue;
    const primary = rangePart.split("-")[0]!.toLowerCase();
    if (!isLocale(primary)) continue;
    if (q === 0) {
      refused.add(primary);
      continue;
    }
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best && !refused.has(best.locale) ? best.locale : null;
}

/** `/es/request/own` → { es, "/request/own" }; `/es` → { es, "/" }; anything else → { null, unchanged }. */
export function splitLocalePrefix(pathname: string): { prefix: Locale | null; pathname: string } {
  if (pathname === "/es") return { prefix: "es", pathname: "/" };
  if (pathname.startsWith("/es/")) return { prefix: "es", pathname: pathname.slice(3) };
  return { prefix: null, pathname };
}

/** Addresses never localized: staff screens, APIs, development tools and the switch itself. */
export function isLocalizablePath(pathname: string): boolean {
  return !/^\/(?:staff|api|dev|language|bench-baseline|_next)(?:\/|$)/.test(pathname);
}

/**
 * An in-site address in a language: English unchanged, Spanish with the `/es` prefix
 * ("/" → "/es", "/request?x=1#y" → "/es/request?x=1#y"). Anything that is not a plain in-site
 * path (another site, "//host", a fragment alone) and addresses never localized are unchanged.
 */
export function localizedPath(locale: Locale, href: string): string {
  if (locale === DEFAULT_LOCALE || !href.startsWith("/") || href.startsWith("//") || href.startsWith("/\\")) return href;
  const pathEnd = href.search(/[?#]/);
  const pathname = pathEnd === -1 ? href : href.slice(0, pathEnd);
  const rest = pathEnd === -1 ? "" : href.slice(pathEnd);
  if (splitLocalePrefix(pathname).prefix || !isLocalizablePath(pathname)) return href;
  return `/${locale}${pathname === "/" ? "" : pathname}${rest}`;
}

/**
 * The request's language: the URL's prefix, else the remembered explicit choice, else the
 * browser's Accept-Language, else English. Addresses never localized are always English.
 */
export function resolveLocale(input: { pathname: string; cookie?: string | null; acceptLanguage?: string | null }): { locale: Locale; prefix: Locale | null; pathname: string } {
  const { prefix, pathname } = splitLocalePrefix(input.pathname);
  if (!isLocalizablePath(pathname)) return { locale: DEFAULT_LOCALE, prefix, pathname };
  if (prefix) return { locale: prefix, prefix, pathname };
  const remembered = isLocale(input.cookie) ? input.cookie : null;
  return { locale: remembered ?? parseAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE, prefix, pathname };
}

/** A safe in-site path to go back to after switching language (an open redirect is impossible). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2_000 || !value.startsWith("/") || value.startsWith("//") || /[\\\s]/.test(value)) return "/";
  const { pathname } = splitLocalePrefix(value.split(/[?#]/)[0]!);
  if (!isLocalizablePath(pathname)) return "/";
  const bare = /^\/es(?=$|[/?#])/.test(value) ? value.slice(3) : value;
  return bare.startsWith("/") ? bare : `/${bare}`;
}
