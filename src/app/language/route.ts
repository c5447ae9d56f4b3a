import { type NextRequest, NextResponse } from "next/server";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, localizedPath, safeReturnPath } from "@/i18n/locales";

/**
 * The language switch (issue 15, decision 0023): `/language?to=es&next=/request/own` remembers
 * the explicit choice in a cookie and goes back to the same page in that language. Only in-site
 * paths are returned to (safeReturnPath); anything else goes home. A preference, not a credential.
 */
export function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get("to");
  const next = safeReturnPath(request.nextUrl.searchParams.get("next"));
  if (!isLocale(to)) return NextResponse.redirect(new URL(next, request.nextUrl.origin), 303);
  const response = NextResponse.redirect(new URL(localizedPath(to, next), request.nextUrl.origin), 303);
  response.cookies.set(LOCALE_COOKIE, to, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: (process.env.APP_URL ?? "").startsWith("https:"),
  });
  return response;
}
