import { NextResponse, type NextRequest } from "next/server";
import { openSigningLink } from "@/server/third-party/invitations";

export const dynamic = "force-dynamic";

/** The link in the invitation to sign: the token becomes a short signed cookie, and the browser moves on to a URL without it. */
export async function GET(request: NextRequest) {
  const ok = await openSigningLink(request.nextUrl.searchParams.get("t") ?? "");
  const response = NextResponse.redirect(new URL(ok ? "/sign" : "/sign?closed=1", request.nextUrl.origin), 303);
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
