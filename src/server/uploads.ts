import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject } from "pdf-lib";
import { MAX_UPLOAD_BYTES } from "@/domain/submission";

export type CheckedUpload = { ok: true; bytes: Buffer; contentType: "application/pdf" | "image/jpeg" | "image/png"; originalName: string };
export type RefusedUpload = { ok: false; message: string };

const MAX_PDF_PAGES = 50;
const MAX_IMAGE_SIDE = 12_000;
const MIN_IMAGE_SIDE = 200;

/** Names whose presence in a PDF means scripts, actions that run things, or files inside it. */
const ACTIVE_PDF_KEYS = ["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "ImportData", "GoToE"];
const ACTIVE_PDF_PATTERN = new RegExp(`/(?:${ACTIVE_PDF_KEYS.join("|")})\\b`);

/**
 * Accepts a PDF, JPEG or PNG by its content, never by its name or declared type (SECURITY.md §10):
 * at most 10 MB; images of a readable size; PDFs that parse, are not encrypted, have at most 50
 * pages and carry no JavaScript, launch actions or embedded files.
 */
export async function checkUpload(file: File, limits: { maxPdfPages?: number; maxBytes?: number } = {}): Promise<CheckedUpload | RefusedUpload> {
  const maxPdfPages = limits.maxPdfPages ?? MAX_PDF_PAGES;
  const maxBytes = limits.maxBytes ?? MAX_UPLOAD_BYTES;
  if (file.size === 0) return { ok: false, message: "The file is empty. Choose the file again" };
  if (file.size > maxBytes) return { ok: false, message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Choose a smaller file, or scan at a lower resolution` };
  const bytes = Buffer.from(await file.arrayBuffer());
  const sniffed = await fileTypeFromBuffer(bytes);
  const originalName = file.name.slice(0, 200);

  if (sniffed?.mime === "application/pdf") {
    const problem = await pdfProblem(bytes, maxPdfPages);
    return problem ? { ok: false, message: problem } : { ok: true, bytes, contentType: "application/pdf", originalName };
  }
  if (sniffed?.mime === "image/jpeg" || sniffed?.mime === "image/png") {
    let size: { width?: number; height?: number };
    try {
      size = imageSize(bytes);
    } catch {
      return { ok: false, message: "The image could not be read. Take the photo again, or upload a PDF" };
    }
    const { width = 0, height = 0 } = size;
    if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return { ok: false, message: "The image is too large in size. Take the photo at a lower resolution" };
    if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) return { ok: false, message: "The image is too small to read. Take a clearer photo" };
    return { ok: true, bytes, contentType: sniffed.mime, originalName };
  }
  return { ok: false, message: "The file must be a PDF, JPEG or PNG (a photo or a scan)" };
}

async function pdfProblem(bytes: Buffer, maxPages: number): Promise<string | null> {
  const refusal = "This PDF contains scripts, actions or attached files, which we cannot accept. Print it to a new PDF, or upload a scan or photo instead";
  // Names in plain (uncompressed) objects…
  if (ACTIVE_PDF_PATTERN.test(bytes.toString("latin1"))) return refusal;
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    if (error instanceof Error && /encrypted/i.test(error.message)) return "The PDF is password-protected. Upload a copy without a password";
    return "The PDF could not be read. Save it again or upload a scan or photo instead";
  }
  if (doc.getPageCount() > maxPages) return `The PDF has more than ${maxPages} pages. Upload only the pages we need`;
  // …and in every parsed object, including those inside compressed object streams.
  for (const [, object] of doc.context.enumerateIndirectObjects()) if (hasActiveContent(object)) return refusal;
  return null;
}

/** Looks through a dictionary and everything nested in it directly (references are visited on their own). */
function hasActiveContent(object: PDFObject, depth = 0): boolean {
  if (depth > 32) return true; // absurd nesting: refuse rather than guess
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      if (ACTIVE_PDF_KEYS.includes(key.decodeText())) return true;
      if (key.decodeText() === "S" && value instanceof PDFName && ACTIVE_PDF_KEYS.includes(value.decodeText())) return true;
      if (hasActiveContent(value, depth + 1)) return true;
    }
  } else if (object instanceof PDFArray) {
    for (const value of object.asArray()) if (hasActiveContent(value, depth + 1)) return true;
  }
  return false;
}
