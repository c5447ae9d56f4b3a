import { portalRequestId } from "@/server/portal/access";
import { downloadRecords } from "@/server/portal/downloads";

export const dynamic = "force-dynamic";

/** The records themselves, for the portal session's own request and a valid link; each download audited and recorded as a disclosure. */
export async function GET() {
  const requestId = await portalRequestId();
  const records = requestId ? await downloadRecords(requestId) : null;
  if (!records) return new Response("This download is not available. Go back to the portal to get a new link.", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(records.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="records-${records.confirmationNumber.toLowerCase()}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
