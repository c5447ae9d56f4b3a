import { z } from "zod";
import { portalRequestId } from "@/server/portal/access";
import { portalInvoicePdf } from "@/server/portal/portal";

import { fileResponse, notFoundResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** An invoice of the portal session's own request (another request's invoice id finds nothing). */
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const requestId = await portalRequestId();
  const invoiceId = z.uuid().safeParse((await params).invoiceId);
  const pdf = requestId && invoiceId.success ? await portalInvoicePdf(requestId, invoiceId.data) : null;
  if (!pdf) return notFoundResponse();
  return fileResponse(pdf.bytes, "application/pdf", `${pdf.number.toLowerCase()}.pdf`);
}
