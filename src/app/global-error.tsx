"use client";

import { errorDigest } from "@/components/ErrorContent";
import { organization } from "@/domain/organization";
import { siteName } from "@/components/SiteChrome";
import "./globals.css";

/**
 * Errors in the root layout itself: this replaces the whole document, with no language known and
 * no messages available — so it says the little it says in English and in Spanish, each marked
 * with its language. Never shows the message.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const reference = errorDigest(error);
  return (
    <html lang="en">
      <body>
        <title>{`Something went wrong · Algo salió mal · ${siteName}`}</title>
        <main id="main" tabIndex={-1} className="site-main">
          <div className="container">
            <h1>
              Something went wrong on our side · <span lang="es">Algo salió mal de nuestro lado</span>
            </h1>
            <p className="lead">We’re sorry — this page could not be shown. You can try again in a moment.</p>
            <p className="lead" lang="es">
              Lo sentimos: no pudimos mostrar esta página. Puede intentarlo de nuevo en un momento.
            </p>
            <div className="actions">
              <button type="button" className="button" onClick={retry}>
                Try again · <span lang="es">Intentar de nuevo</span>
              </button>
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a className="button-secondary" href="/">
                Home page · <span lang="es">Página principal</span>
              </a>
            </div>
            <p>
              Record Connect: <a href={organization.questionsPhoneHref}>{organization.questionsPhone}</a>
            </p>
            {reference ? (
              <p className="muted">
                Reference · <span lang="es">Referencia</span>: <strong>{reference}</strong>
              </p>
            ) : null}
          </div>
        </main>
      </body>
    </html>
  );
}
