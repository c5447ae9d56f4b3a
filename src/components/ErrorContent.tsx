import { organization } from "@/domain/organization";
import { PhoneLink } from "./PhoneLink";

/**
 * The body of the error pages. It shows only the digest Next attaches to server errors, never the
 * error's message or stack: those can carry PHI (SECURITY.md §9).
 */
export function ErrorContent({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const reference = errorDigest(error);
  return (
    <>
      <h1>Something went wrong on our side</h1>
      <p className="lead">
        We’re sorry — this page could not be shown. You can try again in a moment.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
        {/* A full page load on purpose: after an error, nothing of the broken client state is reused. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a className="button-secondary" href="/">
          Go to the home page
        </a>
      </div>
      <p>
        If the problem continues, call Record Connect at <PhoneLink />, {organization.questionsHours}.
      </p>
      {reference ? (
        <p className="muted">
          If you call, please give this reference number: <strong>{reference}</strong>
        </p>
      ) : null}
    </>
  );
}

/** Next's digest is an opaque hash; only a short token of safe characters is ever shown. */
function errorDigest(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  const digest = error.digest;
  return typeof digest === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(digest) ? digest : null;
}
