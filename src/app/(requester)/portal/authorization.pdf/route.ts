import { portalRequestId } from "@/server/portal/access";
import { isThirdPartyRequest } from "@/server/portal/portal";
import { signedAuthorizationPdf } from "@/server/requests/confirmation";

import { fileResponse, notFoundResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** The authorization the requester signed, for the portal session's own request; audited. */
export async function GET() {
  const requestId = await portalRequestId();
  // A third party's request: the signed form (with the patient's contact details) is the patient's, not the organisation's.
  const pdf = requestId && !(await isThirdPartyRequest(requestId)) ? await signedAuthorizationPdf(requestId) : null;
  if (!pdf) return notFoundResponse();
  return fileResponse(pdf.bytes, "application/pdf", `authorization-${pdf.confirmationNumber.toLowerCase()}.pdf`);
}
