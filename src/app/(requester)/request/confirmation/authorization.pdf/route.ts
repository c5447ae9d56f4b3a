import { requestFromReceipt, signedAuthorizationPdf } from "@/server/requests/confirmation";

import { fileResponse, notFoundResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** The signed authorization, for the browser that just submitted it (receipt cookie); 404 otherwise. */
export async function GET() {
  const requestId = await requestFromReceipt();
  const pdf = requestId ? await signedAuthorizationPdf(requestId) : null;
  if (!pdf) return notFoundResponse();
  return fileResponse(pdf.bytes, "application/pdf", `authorization-${pdf.confirmationNumber}.pdf`);
}
