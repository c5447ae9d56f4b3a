import { downloadRecords } from "@/server/portal/downloads";

import { fileResponse, notFoundResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/**
 * The records themselves, for this browser's download session (from an e-mailed link) and its
 * still-valid grant only; each download audited and recorded as a disclosure.
 */
export async function GET() {
  const records = await downloadRecords();
  if (!records) return notFoundResponse("This download is not available. Go back to the portal to get a new link.");
  return fileResponse(records.bytes, "application/pdf", `records-${records.confirmationNumber.toLowerCase()}.pdf`);
}
