import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteFooter, SiteHeader, SkipLink } from "@/components/SiteChrome";
import { ClientMessages } from "@/i18n/ClientMessages";
import { isLocalizablePath } from "@/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  const siteName = t("siteName");
  return {
    title: { default: siteName, template: `%s · ${siteName}` },
    description: t("metaDescription"),
    applicationName: siteName,
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request headers makes every page render per request, which the per-request CSP
  // nonce (set by src/proxy.ts as x-nonce) requires: Next stamps that nonce on its own scripts.
  // Nothing here renders inline scripts or styles, so the nonce itself is not needed in markup.
  const requestHeaders = await headers();
  // The page's language (issue 15): src/proxy.ts resolved it; staff screens are always English.
  const locale = await getLocale();
  const localized = isLocalizablePath(requestHeaders.get("x-pathname") ?? "/");

  return (
    <html lang={locale}>
      <body>
        {/* Client components under the layout (language switch, links) get only this namespace; the error page loads its own (src/app/error.tsx). */}
        <ClientMessages namespaces={["common"]}>
          <SkipLink />
          <SiteHeader localized={localized} />
          <main id="main" tabIndex={-1} className="site-main">
            <div className="container">{children}</div>
          </main>
          <SiteFooter />
        </ClientMessages>
      </body>
    </html>
  );
}
