/**
 * The contract between the authorization form (browser) and its server action.
 *
 * The browser posts FormData with:
 * - `payload`: JSON of the form values (AuthorizationFormInput),
 * - `idempotencyKey`: a UUID made once per form session (kept in sessionStorage), so a double
 *   click or a retry creates one request,
 * - `photoId`: one file (PDF, JPEG or PNG, at most 10 MB),
 * - `authorityProof`: one to MAX_PROOF_FILES files, for a legal representative,
 * - `paperFormScan` (paper forms keyed in by staff only): the scan of the signed form, one PDF
 *   (any number of pages, up to the page limit) or image; a paper form's photo ID and proof are
 *   optional, for sheets that came separately.
 */
export const UPLOAD_FIELDS = { photoId: "photoId", authorityProof: "authorityProof", paperFormScan: "paperFormScan" } as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PROOF_FILES = 3;
/** All files of one post together: the server action takes at most 45 MB (next.config.ts), the form's values included. */
export const MAX_TOTAL_UPLOAD_BYTES = 44 * 1024 * 1024;
export const ACCEPTED_UPLOAD_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

export type SubmitResult =
  /**
   * Stored. Online, the browser now holds a short-lived receipt cookie for /request/confirmation;
   * a paper form keyed in by staff says where to go next (the new request's staff page).
   */
  | {
      ok: true;
      confirmationNumber: string;
      dueDate: string;
      next?: string;
      /**
       * Online: the signed, short-lived receipt for /request/confirmation, which the form hands to
       * /request/confirmation/receipt to become an HttpOnly cookie (setting it in the action would
       * make Next render the page again into the answer: decision 0021).
       */
      receipt?: string;
    }
  /** Nothing was saved. Keys are field paths ("patient.address.postalCode", "uploads.photoId"). */
  | { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> }
  /** Nothing was saved, for a reason that is not a field (too many submissions, a server error). */
  | { ok: false; kind: "refused"; message: string }
  /**
   * Nothing was saved yet because the server is at capacity (admission control, decision 0021):
   * the answers are kept in the browser and the form sends them again, with the same idempotency
   * key, after `retryAfterMs` (and backs off, with jitter, while the answer stays "busy").
   */
  | { ok: false; kind: "busy"; message: string; retryAfterMs: number };

export const BUSY_MESSAGE = "We are busy right now. Your answers are kept; we will send them again in a moment.";

/**
 * The proxy's "busy" for a submission turned away before its body is read (decision 0021,
 * "turned away at the door"): plain text, because Next hands a `text/plain` error answer to the
 * calling form as an Error carrying that text. Not a sentence for a person: the form reads it
 * with `busySignal` and shows its own busy message.
 */
export const BUSY_SIGNAL_PREFIX = "record-connect-busy retry-after-ms=";

export function busySignalText(retryAfterMs: number): string {
  return `${BUSY_SIGNAL_PREFIX}${Math.max(0, Math.round(retryAfterMs))}`;
}

/** The retry hint in an error thrown by a server action call, when it is the proxy's busy answer. */
export function busySignal(error: unknown): { retryAfterMs: number } | null {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const match = /^record-connect-busy retry-after-ms=(\d{1,7})\s*$/.exec(message);
  return match ? { retryAfterMs: Number(match[1]) } : null;
}
