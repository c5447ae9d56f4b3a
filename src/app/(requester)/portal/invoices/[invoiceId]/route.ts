import { z } from "zod";
import { portalRequestId } from "@/server/portal/access";
import { portalInvoicePdf } from "@/server/portal/portal";

export const dynamic = "force-dynamic";

/** An invoice of the portal session's own request (another request's invoice id finds nothing). */
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const requestId = await portalRequestId();
  const invoiceId = z.uuid().safeParse((await params).invoiceId);
  const pdf = requestId && invoiceId.success ? await portalInvoicePdf(requestId, invoiceId.data) : null;
  if (!pdf) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${pdf.number.toLowerCase()}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
