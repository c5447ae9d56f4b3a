import { z } from "zod";
import { fileResponse, notFoundResponse } from "@/server/http";
import { staffFor } from "@/server/staff/session";
import { openPaperScan } from "@/server/third-party/paper-uploads";

export const dynamic = "force-dynamic";
const ids = z.object({ id: z.uuid(), scanId: z.uuid() });

/** A third party's uploaded scan, shown inline to staff who review uploads; each view is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; scanId: string }> }) {
  const staff = await staffFor("request.key_paper");
  const parsed = ids.safeParse(await params);
  const scan = staff && parsed.success ? await openPaperScan(staff, parsed.data.id, parsed.data.scanId) : null;
  if (!scan) return notFoundResponse();
  const extension = scan.contentType === "application/pdf" ? "pdf" : scan.contentType === "image/png" ? "png" : "jpg";
  return fileResponse(scan.bytes, scan.contentType, `uploaded-authorization.${extension}`, "inline");
}
