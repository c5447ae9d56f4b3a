import { portalRequestId } from "@/server/portal/access";
import { downloadRecords } from "@/server/portal/downloads";

import { fileResponse, notFoundResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** The records themselves, for the portal session's own request and a valid link; each download audited and recorded as a disclosure. */
export async function GET() {
  const requestId = await portalRequestId();
  const records = requestId ? await downloadRecords(requestId) : null;
  if (!records) return notFoundResponse("This download is not available. Go back to the portal to get a new link.");
  return fileResponse(records.bytes, "application/pdf", `records-${records.confirmationNumber.toLowerCase()}.pdf`);
}
