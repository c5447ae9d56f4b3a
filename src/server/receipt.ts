import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "./env";

/**
 * The submitter's receipt: a signed, short-lived cookie naming the request just submitted, so the
 * confirmation page and the signed authorization PDF are reachable by that browser only, right
 * after submitting (later, through the requester portal). It never appears in a URL.
 */
export const RECEIPT_MAX_AGE_SECONDS = 2 * 60 * 60;

export function receiptCookieName(): string {
  // __Host- requires Secure, which plain-HTTP local runs cannot set.
  return env().APP_URL.startsWith("https:") ? "__Host-rc-receipt" : "rc-receipt";
}

function sign(payload: string): string {
  return createHmac("sha256", Buffer.from(env().AUTH_SECRET, "base64")).update(`receipt:${payload}`).digest("base64url");
}

export function issueReceipt(requestId: string, now = Date.now()): string {
  const payload = `${requestId}.${now + RECEIPT_MAX_AGE_SECONDS * 1000}`;
  return `${payload}.${sign(payload)}`;
}

/** The request id a valid, unexpired receipt names; null otherwise. */
export function readReceipt(value: string | undefined, now = Date.now()): string | null {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [requestId, expires, mac] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${requestId}.${expires}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (!/^\d+$/.test(expires) || Number(expires) < now) return null;
  return /^[0-9a-f-]{36}$/.test(requestId) ? requestId : null;
}

export function receiptCookieOptions() {
  return {
    httpOnly: true,
    secure: env().APP_URL.startsWith("https:"),
    sameSite: "strict" as const,
    path: "/",
    maxAge: RECEIPT_MAX_AGE_SECONDS,
  };
}
