"use client";

import { usePathname } from "next/navigation";
import { useLocale } from "next-intl";
import { LANGUAGE_NAME, LOCALES } from "@/i18n/locales";

/**
 * "Español" on English pages, "English" on Spanish ones: a plain link (keyboard and screen reader
 * usable, works without JavaScript) to /language, which remembers the choice and reloads this page
 * in the other language. A full page load on purpose: the whole document, `<html lang>` included,
 * changes language. The form keeps its answers in the tab's draft (useDraft.ts), saved on the way out.
 */
export function LanguageSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const others = LOCALES.filter((l) => l !== locale);
  return (
    <nav className="language-switch" aria-label={label}>
      {others.map((other) => (
        <a key={other} href={`/language?to=${other}&next=${encodeURIComponent(pathname)}`} lang={other} hrefLang={other}>
          {LANGUAGE_NAME[other]}
        </a>
      ))}
    </nav>
  );
}
