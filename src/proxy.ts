import { type NextRequest, NextResponse } from "next/server";
import { FILE_DOWNLOAD_POLICY, isFileRoute } from "@/domain/file-routes";
import { organization } from "@/domain/organization";
import { busySignalText } from "@/domain/submission";
import { actionBodyProblem } from "@/server/action-body";
import { BUSY_RETRY_AFTER_MS, submissionGate } from "@/server/admission";
import { databaseAvailable } from "@/server/database-availability";
import { contentSecurityPolicy } from "@/domain/security-headers";
import { CLIENT_TOKEN_PATTERN, clientTokenCookieName, clientTokenCookieOptions, newClientToken } from "@/server/client-token";

/**
 * Per-request CSP nonce and response headers. No authorization lives here (SECURITY.md §1):
 * every page, action and route handler checks access itself.
 */
export async function proxy(request: NextRequest) {
  // Under overload a submission is turned away before its body is read or decoded, so the work
  // already admitted is not slowed by work that would be refused anyway (decision 0021).
  if (isSubmissionPost(request) && submissionGate().full) return busyAnswer();
  // A post Next would fail to decode (or refuse as too large) with a 500 gets 400 or 413 here.
  const refusal = await actionBodyProblem(request);
  if (refusal) return plainAnswer(refusal.status, refusal.message);
  // During a database outage: 503 and when to try again, not a 500 from whatever needed it.
  // /api/health answers for itself (503, "unavailable").
  if (request.nextUrl.pathname !== "/api/health" && !(await databaseAvailable())) return unavailable(request);

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
  // The proxy's headers win over the handler's: a file keeps its sandbox, never the page policy.
  response.headers.set("Content-Security-Policy", isFileRoute(request.nextUrl.pathname) ? FILE_DOWNLOAD_POLICY : csp);
  // Pages can show PHI; nothing dynamic is cached by browsers or proxies.
  response.headers.set("Cache-Control", "no-store, max-age=0");
  if (!isPublicPath(request.nextUrl.pathname)) response.headers.set("X-Robots-Tag", "noindex, nofollow");
  // The form's browser token, before anything is submitted (src/server/client-token.ts).
  if (["/request", "/request/own", "/request/third-party"].includes(request.nextUrl.pathname) && !CLIENT_TOKEN_PATTERN.test(request.cookies.get(clientTokenCookieName())?.value ?? "")) {
    response.cookies.set(clientTokenCookieName(), newClientToken(), clientTokenCookieOptions());
  }
  return response;
}

/**
 * The pages whose only multipart server action is the submission of the authorization. (/sign
 * also verifies identity by a multipart action, which does not retry: its submission is turned
 * away by the action's own gate instead.)
 */
const SUBMISSION_PAGES = new Set(["/request", "/request/own"]);

function isSubmissionPost(request: NextRequest): boolean {
  return (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    SUBMISSION_PAGES.has(request.nextUrl.pathname) &&
    (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")
  );
}

/** Exactly `text/plain`: Next hands only that content type's text to the calling form. */
function busyAnswer(): NextResponse {
  return new NextResponse(busySignalText(BUSY_RETRY_AFTER_MS), {
    status: 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store", "Content-Security-Policy": FILE_DOWNLOAD_POLICY, "X-Robots-Tag": "noindex, nofollow", "Retry-After": String(Math.ceil(BUSY_RETRY_AFTER_MS / 1000)), Connection: "close" },
  });
}

const RETRY_AFTER_SECONDS = 30;
const UNAVAILABLE_TEXT = `Record Connect is temporarily unavailable. Nothing you sent in this moment was saved. Please try again in a minute; if it keeps happening, call ${organization.questionsPhone}, ${organization.questionsHours}.`;

/** The 503 during a database outage: a plain page for a browser, plain text for an action or a file. */
function unavailable(request: NextRequest): NextResponse {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS) };
  const wantsPage = request.method === "GET" && !request.headers.has("next-action") && !isFileRoute(request.nextUrl.pathname) && (request.headers.get("accept") ?? "").includes("text/html");
  if (!wantsPage) return plainAnswer(503, UNAVAILABLE_TEXT, headers);
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const again = request.nextUrl.pathname + request.nextUrl.search;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>Temporarily unavailable · Record Connect</title></head>
<body><main><h1>Temporarily unavailable</h1>
<p>${escape(UNAVAILABLE_TEXT)}</p>
<p>This page tries again by itself in ${RETRY_AFTER_SECONDS} seconds. <a href="${escape(again)}">Try again now</a></p>
</main></body></html>
`;
  return new NextResponse(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", "X-Robots-Tag": "noindex, nofollow", ...headers },
  });
}

/** A short answer from the proxy itself, under the strictest policy. */
function plainAnswer(status: number, message: string, headers: Record<string, string> = {}): NextResponse {
  return new NextResponse(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": FILE_DOWNLOAD_POLICY, "X-Robots-Tag": "noindex, nofollow", ...headers },
  });
}

function isPublicPath(pathname: string): boolean {
  return pathname === "/" || pathname === "/request" || pathname === "/request/own" || pathname.startsWith("/forms/");
}

export const config = {
  matcher: [
    // Everything but static assets.
    { source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)" },
  ],
};
