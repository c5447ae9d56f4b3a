import { z } from "zod";
import { staffFor } from "@/server/staff/session";
import { openDocument } from "@/server/staff/requests";

import { fileResponse, notFoundResponse } from "@/server/http";

export const dynamic = "force-dynamic";
const ids = z.object({ id: z.uuid(), documentId: z.uuid() });

/** Opens a request's document for staff allowed to see documents; each open is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const staff = await staffFor("document.view");
  const parsed = ids.safeParse(await params);
  const document = staff && parsed.success ? await openDocument(staff, parsed.data.id, parsed.data.documentId) : null;
  if (!document) return notFoundResponse();
  const extension = document.contentType === "application/pdf" ? "pdf" : document.contentType === "image/png" ? "png" : "jpg";
  return fileResponse(document.bytes, document.contentType, `${document.kind.toLowerCase()}.${extension}`);
}
