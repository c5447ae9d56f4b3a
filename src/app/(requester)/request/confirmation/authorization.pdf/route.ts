import { requestFromReceipt, signedAuthorizationPdf } from "@/server/requests/confirmation";

export const dynamic = "force-dynamic";

/** The signed authorization, for the browser that just submitted it (receipt cookie); 404 otherwise. */
export async function GET() {
  const requestId = await requestFromReceipt();
  const pdf = requestId ? await signedAuthorizationPdf(requestId) : null;
  if (!pdf) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="authorization-${pdf.confirmationNumber}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
