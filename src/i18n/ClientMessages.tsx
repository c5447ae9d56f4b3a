import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { CHICAGO } from "@/domain/chicago";
import { type Namespace, pickMessages } from "./messages";

/**
 * Gives the client components below it the current language's messages of the named namespaces
 * only — never the whole catalogue, never another language (issue 15 part 5). Providers do not
 * merge: list every namespace the client components below use.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(locale, namespaces)} timeZone={CHICAGO}>
      {children}
    </NextIntlClientProvider>
  );
}
