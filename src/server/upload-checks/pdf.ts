import "server-only";
import { PDFArray, PDFDict, PDFHexString, PDFName, type PDFObject, PDFParser, PDFRawStream, type PDFRef, PDFStream, PDFString } from "pdf-lib";

/**
 * Judges an uploaded PDF with two real parsers (SECURITY.md §10), never by scanning its bytes:
 *
 * 1. **pdf.js** (Mozilla's viewer, `pdfjs-dist`) opens it as a viewer would — cross-reference
 *    tables and streams, incremental updates, compressed object streams, every filter, names
 *    decoded as the specification says (lower-case `#xx` included) — and reports what a viewer
 *    would run or offer: document, page, annotation and form-field scripts, attachments,
 *    file-attachment, rich-media, screen, movie and sound annotations, links to anything but web
 *    or mail addresses, XFA forms and portfolios.
 * 2. **Every object the file defines**, read with pdf-lib's parser — including objects that a
 *    later incremental section replaced and objects inside compressed object streams — is walked
 *    with its names decoded by the specification (pdf-lib itself decodes only upper-case `#XX`):
 *    any script, launch or other active action, additional-actions (`AA`) dictionary, embedded
 *    file, XFA, rich media or portfolio anywhere refuses the file, whether or not a viewer would
 *    reach it. An object stream that pdf-lib could not recognize as one (its type spelled with an
 *    escape pdf-lib does not decode) would hide objects from this walk, so it refuses the file too.
 *
 * Encrypted files are refused (their streams could not be walked), as are files either parser
 * cannot read. The answer is a sentence for the person uploading, or null when the PDF is fine.
 */
export async function pdfProblem(bytes: Uint8Array, maxPages: number): Promise<string | null> {
  const walked = await walkEveryObject(bytes);
  if (walked !== "ok") return walked === "encrypted" ? ENCRYPTED : walked === "active" ? ACTIVE : UNREADABLE;
  return viewerProblem(bytes, maxPages);
}

export const ACTIVE = "This PDF contains scripts, actions or attached files, which we cannot accept. Print it to a new PDF, or upload a scan or photo instead";
export const UNREADABLE = "The PDF could not be read. Save it again or upload a scan or photo instead";
export const ENCRYPTED = "The PDF is password-protected. Upload a copy without a password";
export const tooManyPages = (maxPages: number) => `The PDF has more than ${maxPages.toLocaleString("en-US")} pages. Upload only the pages we need`;

/** Dictionary keys that only exist to run something or to carry files. */
const ACTIVE_KEYS = new Set(["JS", "JavaScript", "AA", "EF", "EmbeddedFile", "EmbeddedFiles", "RichMediaContent", "RichMediaSettings", "XFA", "Collection", "AF"]);
/** Values of /S (action type), /Subtype (annotation type) or /Type that are active content. */
const ACTIVE_TYPES = new Set([
  "JavaScript",
  "Launch",
  "GoToR",
  "GoToE",
  "GoTo3DView",
  "ImportData",
  "SubmitForm",
  "Rendition",
  "Movie",
  "Sound",
  "RichMedia",
  "RichMediaExecute",
  "FileAttachment",
  "EmbeddedFile",
  "Screen",
  "3D",
]);
const TYPE_KEYS = new Set(["S", "Subtype", "Type"]);
const SAFE_URI = /^(?:https?:|mailto:)/i;
const MAX_NESTING = 64;

/** A name as ISO 32000 decodes it: every `#` and two hex digits, either case, is one byte. */
export function specName(name: PDFName): string {
  // pdf-lib has already decoded upper-case escapes; decode what it left (lower- and mixed-case).
  return name.decodeText().replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export type Walk = "ok" | "active" | "encrypted" | "unreadable";

export async function walkEveryObject(bytes: Uint8Array): Promise<Walk> {
  const parser = PDFParser.forBytesWithOptions(bytes, Number.POSITIVE_INFINITY, true, false);
  const objects: PDFObject[] = [];
  const context = parser["context"] as { assign: (ref: PDFRef, object: PDFObject) => void };
  const assign = context.assign.bind(context);
  // Every definition, even one a later incremental section replaces, is judged.
  context.assign = (ref, object) => {
    objects.push(object);
    assign(ref, object);
  };
  let trailer: { Encrypt?: PDFObject; Root?: PDFObject };
  try {
    const parsed = await parser.parseDocument();
    trailer = parsed.trailerInfo;
  } catch {
    return "unreadable";
  }
  if (trailer.Encrypt) return "encrypted";
  if (!trailer.Root || objects.length === 0) return "unreadable";
  for (const object of objects) {
    const verdict = judge(object, 0);
    if (verdict !== "ok") return verdict;
  }
  return "ok";
}

function judge(object: PDFObject, depth: number): Walk {
  if (depth > MAX_NESTING) return "unreadable";
  if (object instanceof PDFStream) {
    const dict = object.dict;
    // pdf-lib unpacks object and cross-reference streams instead of keeping them; one kept here
    // is one it did not recognize (its type spelled with an escape pdf-lib does not decode), and
    // the objects inside it would be hidden from this walk while a viewer reads them.
    if (object instanceof PDFRawStream) {
      for (const [key, value] of dict.entries()) {
        if (specName(key) === "Type" && value instanceof PDFName && ["ObjStm", "XRef"].includes(specName(value))) return "unreadable";
      }
    }
    return judge(dict, depth + 1);
  }
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const name = specName(key);
      if (ACTIVE_KEYS.has(name)) return "active";
      if (TYPE_KEYS.has(name) && value instanceof PDFName && ACTIVE_TYPES.has(specName(value))) return "active";
      if (name === "URI" && (value instanceof PDFString || value instanceof PDFHexString) && !SAFE_URI.test(value.decodeText().trim())) return "active";
      if (name === "Encrypt") return "encrypted";
      const verdict = judge(value, depth + 1);
      if (verdict !== "ok") return verdict;
    }
    return "ok";
  }
  if (object instanceof PDFArray) {
    for (const value of object.asArray()) {
      const verdict = judge(value, depth + 1);
      if (verdict !== "ok") return verdict;
    }
  }
  return "ok";
}

// ── pdf.js: what a viewer would run or offer ────────────────────────────────────────────────

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

const ACTIVE_ANNOTATION_SUBTYPES = new Set(["FileAttachment", "RichMedia", "Screen", "Movie", "Sound", "3D"]);

type AnnotationData = {
  annotationType?: number;
  subtype?: string;
  actions?: Record<string, unknown> | null;
  url?: string;
  unsafeUrl?: string;
  attachment?: unknown;
  file?: unknown;
};

export async function viewerProblem(bytes: Uint8Array, maxPages: number): Promise<string | null> {
  const { getDocument, AnnotationType, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: true,
    verbosity: VerbosityLevel.ERRORS,
    // No fonts: nothing is rendered or extracted, only the document's structure is read.
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    return error instanceof Error && error.name === "PasswordException" ? ENCRYPTED : UNREADABLE;
  }
  try {
    if (doc.numPages < 1) return UNREADABLE;
    if (doc.numPages > maxPages) return tooManyPages(maxPages);
    const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
    if (info.EncryptFilterName) return ENCRYPTED;
    if (info.IsXFAPresent || info.IsCollectionPresent || doc.isPureXfa) return ACTIVE;
    if (await doc.hasJSActions()) return ACTIVE;
    if (hasEntries(await doc.getJSActions())) return ACTIVE;
    if (hasEntries(await doc.getAttachments())) return ACTIVE;
    const fields = (await doc.getFieldObjects()) as Record<string, { actions?: unknown }[]> | null;
    for (const list of Object.values(fields ?? {})) for (const field of list) if (hasEntries(field.actions)) return ACTIVE;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      if (hasEntries(await page.getJSActions())) return ACTIVE;
      const annotations = (await page.getAnnotations({ intent: "any" })) as AnnotationData[];
      for (const annotation of annotations) {
        if (annotation.annotationType === AnnotationType.FILEATTACHMENT || ACTIVE_ANNOTATION_SUBTYPES.has(annotation.subtype ?? "")) return ACTIVE;
        if (hasEntries(annotation.actions) || annotation.attachment || annotation.file) return ACTIVE;
        const target = annotation.unsafeUrl ?? annotation.url;
        if (typeof target === "string" && !SAFE_URI.test(target.trim()) && !target.startsWith("#")) return ACTIVE;
      }
      page.cleanup();
    }
    return null;
  } catch {
    return UNREADABLE;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function hasEntries(value: unknown): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}
