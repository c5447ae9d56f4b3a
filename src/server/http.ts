import "server-only";
import { FILE_DOWNLOAD_POLICY } from "@/domain/file-routes";

/**
 * A file download for a route handler: never cached, never sniffed, never run (SECURITY.md). Its
 * route must be listed in src/domain/file-routes.ts, or the proxy would replace its sandbox policy.
 */
export function fileResponse(bytes: Uint8Array, contentType: string, filename: string, disposition: "attachment" | "inline" = "attachment"): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `${disposition}; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": FILE_DOWNLOAD_POLICY,
    },
  });
}

/** The same answer for "does not exist" and "not yours". */
export function notFoundResponse(text = "Not found"): Response {
  return new Response(text, { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
}
