import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { organization } from "@/domain/organization";
import { SiteFooter, SiteHeader, SkipLink, siteName } from "@/components/SiteChrome";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: siteName, template: `%s · ${siteName}` },
  description: `Request copies of your medical records from ${organization.name}, online or by paper form — for patients and their legal representatives.`,
  applicationName: siteName,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request headers makes every page render per request, which the per-request CSP
  // nonce (set by src/proxy.ts as x-nonce) requires: Next stamps that nonce on its own scripts.
  // Nothing here renders inline scripts or styles, so the nonce itself is not needed in markup.
  await headers();

  return (
    <html lang="en">
      <body>
        <SkipLink />
        <SiteHeader />
        <main id="main" tabIndex={-1} className="site-main">
          <div className="container">{children}</div>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
