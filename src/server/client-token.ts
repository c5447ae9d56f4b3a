/**
 * The browser's own random token (HttpOnly cookie `rc-client`): what an online submission's
 * idempotency key is bound to, so a replay of the key answers only the browser that sent it
 * (src/server/requests/submit-authorization.ts). Set by src/proxy.ts when the form page loads,
 * and by the submit action if still missing. It names no one and grants nothing by itself.
 *
 * No `server-only` and no env() here: src/proxy.ts imports it.
 */
export const CLIENT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const secure = (appUrl: string | undefined) => (appUrl ?? "http://localhost:3000").startsWith("https:");

export function clientTokenCookieName(appUrl = process.env.APP_URL): string {
  return secure(appUrl) ? "__Host-rc-client" : "rc-client";
}

export function clientTokenCookieOptions(appUrl = process.env.APP_URL) {
  return { httpOnly: true, secure: secure(appUrl), sameSite: "strict" as const, path: "/", maxAge: MAX_AGE_SECONDS };
}

/** 256 random bits, base64url. */
export function newClientToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}
