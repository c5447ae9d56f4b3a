import { type NextRequest, NextResponse } from "next/server";
import { FILE_DOWNLOAD_POLICY, isFileRoute } from "@/domain/file-routes";
import { contentSecurityPolicy } from "@/domain/security-headers";

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

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // The proxy's headers win over the handler's: a file keeps its sandbox, never the page policy.
  response.headers.set("Content-Security-Policy", isFileRoute(request.nextUrl.pathname) ? FILE_DOWNLOAD_POLICY : csp);
  // Pages can show PHI; nothing dynamic is cached by browsers or proxies.
  response.headers.set("Cache-Control", "no-store, max-age=0");
  if (!isPublicPath(request.nextUrl.pathname)) response.headers.set("X-Robots-Tag", "noindex, nofollow");
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
