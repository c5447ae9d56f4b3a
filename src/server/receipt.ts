import "server-only";
import { cookieBasics, readSignedValue, signValue } from "./signed-value";

/**
 * The submitter's receipt: a signed, short-lived cookie naming the request just submitted, so the
 * confirmation page and the signed authorization PDF are reachable by that browser only, right
 * after submitting (later, through the requester portal). It never appears in a URL.
 */
export const RECEIPT_MAX_AGE_SECONDS = 2 * 60 * 60;
const PURPOSE = "receipt";

export function receiptCookieName(): string {
  return cookieBasics("rc-receipt").name;
}

export function issueReceipt(requestId: string, now = Date.now()): string {
  return signValue(PURPOSE, requestId, RECEIPT_MAX_AGE_SECONDS * 1000, now);
}

/** The request id a valid, unexpired receipt names; null otherwise. */
export function readReceipt(value: string | undefined, now = Date.now()): string | null {
  const requestId = readSignedValue(PURPOSE, value, now);
  return requestId && /^[0-9a-f-]{36}$/.test(requestId) ? requestId : null;
}

export function receiptCookieOptions() {
  return { ...cookieBasics("rc-receipt").options, maxAge: RECEIPT_MAX_AGE_SECONDS };
}
