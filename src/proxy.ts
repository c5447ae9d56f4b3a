import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/domain/security-headers";
import { CLIENT_TOKEN_PATTERN, clientTokenCookieName, clientTokenCookieOptions, newClientToken } from "@/server/client-token";

/**
 * Per-request CSP nonce and response headers. No authorization lives here (SECURITY.md §1):
 * every page, action and route handler checks access itself.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");

  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // A correlation id for logs and error pages; never derived from user input.
  requestHeaders.set("x-correlation-id", crypto.randomUUID());
  // The forged-subrequest header behind CVE-2025-29927 has no business arriving from outside.
  requestHeaders.delete("x-middleware-subrequest");
  // The address, for pages that explain a refusal (staff forbidden.tsx); always ours, never the client's.
  requestHeaders.set("x-pathname", request.nextUrl.pathname);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Pages can show PHI; nothing dynamic is cached by browsers or proxies.
  response.headers.set("Cache-Control", "no-store, max-age=0");
  if (!isPublicPath(request.nextUrl.pathname)) response.headers.set("X-Robots-Tag", "noindex, nofollow");
  // The form's browser token, before anything is submitted (src/server/client-token.ts).
  if (request.nextUrl.pathname === "/request" && !CLIENT_TOKEN_PATTERN.test(request.cookies.get(clientTokenCookieName())?.value ?? "")) {
    response.cookies.set(clientTokenCookieName(), newClientToken(), clientTokenCookieOptions());
  }
  return response;
}

function isPublicPath(pathname: string): boolean {
  return pathname === "/" || pathname === "/request" || pathname.startsWith("/forms/");
}

export const config = {
  matcher: [
    // Everything but static assets.
    { source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)" },
  ],
};
