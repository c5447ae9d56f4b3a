import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "./env";

/**
 * A value with an expiry, signed with AUTH_SECRET for one purpose: for short-lived cookies that
 * name something the server already decided (a submitted request, a half-finished sign-in).
 */
function mac(purpose: string, payload: string): string {
  return createHmac("sha256", Buffer.from(env().AUTH_SECRET, "base64")).update(`${purpose}:${payload}`).digest("base64url");
}

export function signValue(purpose: string, value: string, ttlMs: number, now = Date.now()): string {
  const payload = `${value}.${now + ttlMs}`;
  return `${payload}.${mac(purpose, payload)}`;
}

/** The value, when the signature holds for this purpose and it has not expired; null otherwise. */
export function readSignedValue(purpose: string, token: string | undefined, now = Date.now()): string | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [value, expires, given] = parts as [string, string, string];
  const expected = Buffer.from(mac(purpose, `${value}.${expires}`));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (!/^\d+$/.test(expires) || Number(expires) < now) return null;
  return value;
}

/** Cookie attributes for our own cookies: __Host- and Secure when served over HTTPS. */
export function cookieBasics(name: string) {
  const secure = env().APP_URL.startsWith("https:");
  return { name: secure ? `__Host-${name}` : name, options: { httpOnly: true, secure, sameSite: "strict" as const, path: "/" } };
}
