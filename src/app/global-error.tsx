"use client";

import { ErrorContent } from "@/components/ErrorContent";
import { SiteFooter, SiteHeader, SkipLink, siteName } from "@/components/SiteChrome";
import "./globals.css";

/** Errors in the root layout itself: this replaces the whole document. Never shows the message. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>{`Something went wrong · ${siteName}`}</title>
        <SkipLink />
        <SiteHeader />
        <main id="main" tabIndex={-1} className="site-main">
          <div className="container">
            <ErrorContent error={error} onRetry={retry} />
          </div>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
