import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { MAX_UPLOAD_BYTES } from "@/domain/submission";
import { reencodeImage } from "./upload-checks/image";
import { pdfProblem } from "./upload-checks/pdf";

export type CheckedUpload = { ok: true; bytes: Buffer; contentType: "application/pdf" | "image/jpeg" | "image/png"; originalName: string };
export type RefusedUpload = { ok: false; message: string };

const MAX_PDF_PAGES = 50;

/**
 * Accepts a PDF, JPEG or PNG by its content, never by its name or declared type (SECURITY.md §10):
 * at most 10 MB; the type from the file's magic bytes; then each judged by a real parser —
 * images decoded and re-encoded (what is stored is the re-encoded picture, without metadata or
 * anything appended), PDFs opened by pdf.js and every object walked (src/server/upload-checks/pdf.ts):
 * not encrypted, at most 50 pages, no scripts, actions, embedded files, XFA or rich media.
 * The same check serves every place that takes a file: the online form, a paper form keyed in by
 * staff, a requester's answer to a deficiency, and the records staff release.
 */
export async function checkUpload(file: File, limits: { maxPdfPages?: number; maxBytes?: number } = {}): Promise<CheckedUpload | RefusedUpload> {
  const maxPdfPages = limits.maxPdfPages ?? MAX_PDF_PAGES;
  const maxBytes = limits.maxBytes ?? MAX_UPLOAD_BYTES;
  if (!(file instanceof Blob)) return { ok: false, message: "Choose the file again" };
  if (file.size === 0) return { ok: false, message: "The file is empty. Choose the file again" };
  if (file.size > maxBytes) return { ok: false, message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Choose a smaller file, or scan at a lower resolution` };
  const bytes = Buffer.from(await file.arrayBuffer());
  const sniffed = await fileTypeFromBuffer(bytes);
  const originalName = (typeof file.name === "string" ? file.name : "upload").slice(0, 200);

  if (sniffed?.mime === "application/pdf") {
    const problem = await pdfProblem(bytes, maxPdfPages);
    return problem ? { ok: false, message: problem } : { ok: true, bytes, contentType: "application/pdf", originalName };
  }
  if (sniffed?.mime === "image/jpeg" || sniffed?.mime === "image/png") {
    const image = await reencodeImage(bytes, sniffed.mime);
    return image.ok ? { ok: true, bytes: image.bytes, contentType: sniffed.mime, originalName } : image;
  }
  return { ok: false, message: "The file must be a PDF, JPEG or PNG (a photo or a scan)" };
}
