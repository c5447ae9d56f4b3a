import { z } from "zod";
import { staffFor } from "@/server/staff/session";
import { openDocument } from "@/server/staff/requests";

import { fileResponse, notFoundResponse } from "@/server/http";

export const dynamic = "force-dynamic";
const ids = z.object({ id: z.uuid(), documentId: z.uuid() });

/** Images (re-encoded by sharp at upload) may be shown in the request page; anything else is only downloaded. */
const INLINE_TYPES = new Set(["image/png", "image/jpeg"]);

/**
 * Opens a request's document for staff allowed to see documents; each open is audited (with
 * whether it was shown in the page or downloaded). `?view=inline` serves an image inline for an
 * <img> on the request page (the same sandbox policy; nothing but the ids in the address).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const staff = await staffFor("document.view");
  const parsed = ids.safeParse(await params);
  const inline = new URL(request.url).searchParams.get("view") === "inline";
  const document = staff && parsed.success ? await openDocument(staff, parsed.data.id, parsed.data.documentId, inline ? "inline" : "download") : null;
  if (!document) return notFoundResponse();
  const extension = document.contentType === "application/pdf" ? "pdf" : document.contentType === "image/png" ? "png" : "jpg";
  return fileResponse(document.bytes, document.contentType, `${document.kind.toLowerCase()}.${extension}`, inline && INLINE_TYPES.has(document.contentType) ? "inline" : "attachment");
}
