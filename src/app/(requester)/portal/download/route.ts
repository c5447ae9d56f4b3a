import { NextResponse, type NextRequest } from "next/server";
import { getLocale } from "next-intl/server";
import { isLocale, localizedPath } from "@/i18n/locales";
import { exchangeDownloadToken } from "@/server/portal/downloads";

export const dynamic = "force-dynamic";

/**
 * The link in the "records ready" e-mail. The token is exchanged at once for a download-only
 * session (it opens the download, not the portal) and the browser is sent on to a URL without it,
 * so it does not stay in the address bar or history.
 */
export async function GET(request: NextRequest) {
  const result = await exchangeDownloadToken(request.nextUrl.searchParams.get("t") ?? "");
  // The page opens in the link's language (the proxy gives /es/portal/download the Spanish locale).
  const locale = await getLocale();
  const to = localizedPath(isLocale(locale) ? locale : "en", result.ok ? "/portal/your-records" : `/portal/link-expired?reason=${result.reason}`);
  const response = NextResponse.redirect(new URL(to, request.nextUrl.origin), 303);
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
