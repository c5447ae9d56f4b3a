/**
 * The browser's first look at chosen files: type by extension or declared type, and size. The
 * server checks them again by content (src/server/uploads.ts); this only saves a wasted upload.
 */
import { type FormMode, uploadRules } from "@/domain/authorization-form";
import { ACCEPTED_UPLOAD_TYPES, MAX_PROOF_FILES, MAX_TOTAL_UPLOAD_BYTES, MAX_UPLOAD_BYTES } from "@/domain/submission";
import { problem } from "@/domain/problems";
import { UPLOAD_ERROR_NAMES } from "./model";

export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";
const EXTENSION = /\.(pdf|jpe?g|png)$/i;

export type ChosenFiles = { paperFormScan: File | null; photoId: File | null; authorityProof: File[] };

export const NO_FILES: ChosenFiles = { paperFormScan: null, photoId: null, authorityProof: [] };

/** Why a file cannot be sent, or null when it can. */
export function fileProblem(file: File): string | null {
  const declared = file.type.toLowerCase();
  const typeOk = (ACCEPTED_UPLOAD_TYPES as readonly string[]).includes(declared) || ((declared === "" || declared === "application/octet-stream") && EXTENSION.test(file.name));
  if (!typeOk) return `“${file.name}” is not a PDF, JPG or PNG file. Choose a photo or scan in one of those formats`;
  if (file.size === 0) return `“${file.name}” is empty. Choose the file again`;
  if (file.size > MAX_UPLOAD_BYTES) return `“${file.name}” is larger than 10 MB. Choose a smaller file, or take the photo at a lower resolution`;
  return null;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Why a chosen file's content is not what its name says, or null (issue 13: a "photo" that is not
 * one was refused only at the final submit). Looks at the file's first bytes as the server does
 * (src/server/uploads.ts sniffs them), and where the browser can decode pictures, decodes an
 * image: a file named .jpg that is text, or a picture that does not open, is refused when chosen.
 * The server still judges every file by its content.
 */
export async function fileContentProblem(file: File): Promise<string | null> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const refused = `“${file.name}” does not open as a PDF, JPG or PNG: it may be damaged, or another kind of file renamed. Choose the photo or scan itself`;
  if (startsWith(head, PDF)) return null;
  if (!startsWith(head, JPEG) && !startsWith(head, PNG)) return refused;
  if (typeof createImageBitmap !== "function") return null;
  try {
    (await createImageBitmap(file)).close();
    return null;
  } catch {
    return refused;
  }
}

/** The errors of the files a request needs (src/domain: uploadRules), keyed like the server's ("uploads.photoId"). */
export function uploadErrors(
  mode: FormMode,
  requesterKind: unknown,
  files: ChosenFiles,
  emancipated = false,
  /** The scan is already on file (a third party's upload keyed in by staff). */
  scanOnFile = false,
): Partial<Record<(typeof UPLOAD_ERROR_NAMES)[keyof typeof UPLOAD_ERROR_NAMES], string>> {
  const representative = requesterKind === "REPRESENTATIVE";
  const rules = uploadRules({ requester: { kind: representative ? "REPRESENTATIVE" : "PATIENT" }, patient: { emancipated: !representative && emancipated } }, mode);
  const errors: Partial<Record<string, string>> = {};
  if (rules.paperFormScanRequired && !files.paperFormScan && !scanOnFile) errors[UPLOAD_ERROR_NAMES.paperFormScan] = "Choose the scan of the signed paper form";
  if (rules.photoIdRequired && !files.photoId) errors[UPLOAD_ERROR_NAMES.photoId] = problem("errors.photoIdMissing");
  if (representative || emancipated) {
    if (rules.authorityProofRequired && files.authorityProof.length === 0)
      errors[UPLOAD_ERROR_NAMES.authorityProof] = representative
        ? "Choose at least one document that proves your authority to act for the patient"
        : "Choose the court’s emancipation order";
    else if (files.authorityProof.length > MAX_PROOF_FILES) errors[UPLOAD_ERROR_NAMES.authorityProof] = `Choose at most ${MAX_PROOF_FILES} files of proof`;
  }
  // The server refuses a post above its limit as a whole (413): say so here, on the last file chosen.
  const total = [files.paperFormScan, files.photoId, ...files.authorityProof].reduce((sum, f) => sum + (f?.size ?? 0), 0);
  if (total > MAX_TOTAL_UPLOAD_BYTES) {
    const field = representative && files.authorityProof.length > 0 ? UPLOAD_ERROR_NAMES.authorityProof : files.photoId ? UPLOAD_ERROR_NAMES.photoId : UPLOAD_ERROR_NAMES.paperFormScan;
    errors[field] ??= `Together the files are larger than ${MAX_TOTAL_UPLOAD_BYTES / 1024 / 1024} MB. Choose smaller files (scan at a lower resolution) or fewer of them`;
  }
  return errors;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
