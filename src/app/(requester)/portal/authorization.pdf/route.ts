import { portalRequestId } from "@/server/portal/access";
import { signedAuthorizationPdf } from "@/server/requests/confirmation";

export const dynamic = "force-dynamic";

/** The authorization the requester signed, for the portal session's own request; audited. */
export async function GET() {
  const requestId = await portalRequestId();
  const pdf = requestId ? await signedAuthorizationPdf(requestId) : null;
  if (!pdf) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="authorization-${pdf.confirmationNumber.toLowerCase()}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
