import { NextResponse } from "next/server";
import { readReceipt, receiptCookieName, receiptCookieOptions } from "@/server/receipt";

export const dynamic = "force-dynamic";

/**
 * Turns the receipt the submission's answer carried into the HttpOnly receipt cookie the
 * confirmation page reads (decision 0021). The submission itself sets no cookie: a cookie set in
 * a server action makes Next render the whole page again into the action's answer, a tenth of a
 * submission's cost. Only a valid, unexpired receipt from this site's own page is taken; anything
 * else changes nothing.
 */
export async function POST(request: Request) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (!origin || !host || hostOf(origin) !== host) return new NextResponse(null, { status: 403 });
  const text = await request.text().catch(() => "");
  const receipt = text.length <= 512 ? text.trim() : "";
  if (!readReceipt(receipt)) return NextResponse.json({ ok: false, message: "This confirmation has expired." }, { status: 400 });
  const response = new NextResponse(null, { status: 204 });
  response.cookies.set(receiptCookieName(), receipt, receiptCookieOptions());
  return response;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
