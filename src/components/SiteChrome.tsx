import Link from "next/link";
import { organization } from "@/domain/organization";
import { PhoneLink } from "./PhoneLink";

/** The product's name as shown in the header and page titles. */
export const siteName = `${organization.serviceName} Requests`;

/*
 * Header and footer shared by the root layout and global-error (which renders its own document).
 * Plain anchors, not next/link, so global-error can use them even when the router is broken.
 */

export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container">
        <Link className="site-brand" href="/">
          <span className="site-name">{siteName}</span>
          <span className="site-org">{organization.name}</span>
        </Link>
        <p className="site-header-help">
          Questions? <PhoneLink />
        </p>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Questions about a records request: call <PhoneLink />, {organization.questionsHours}.
        </p>
        <p>
          <a href="/accessibility">Accessibility</a>: how to get help using this site, and other formats.
        </p>
        <p>
          <strong>This site is not for emergencies.</strong> If you have a medical emergency, call 911.
        </p>
        <p className="muted">
          {siteName} is the online records request service of {organization.name}.
        </p>
      </div>
    </footer>
  );
}
