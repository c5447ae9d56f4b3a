import { NextResponse, type NextRequest } from "next/server";
import { openCorrectionLink } from "@/server/third-party/paper-uploads";

export const dynamic = "force-dynamic";

/** The link in a deficiency notice: the token becomes a short signed cookie, and the browser moves on to a URL without it. */
export async function GET(request: NextRequest) {
  const ok = await openCorrectionLink(request.nextUrl.searchParams.get("t") ?? "");
  const response = NextResponse.redirect(new URL(ok ? "/request/third-party/correct" : "/request/third-party/correct?closed=1", request.nextUrl.origin), 303);
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
