import "server-only";
import { UPLOAD_FIELDS } from "@/domain/submission";
import type { IntakeInput } from "./submit-authorization";

const MAX_PAYLOAD_CHARS = 600_000;

/**
 * Unpacks an authorization form's post (src/domain/submission.ts) without trusting any of it:
 * the payload is JSON-parsed (too long or malformed → null, which the schema then refuses), and
 * empty file inputs count as no file.
 */
export function readAuthorizationFormData(formData: FormData): Omit<IntakeInput, "now"> {
  const rawPayload = formData.get("payload");
  let payload: unknown = null;
  if (typeof rawPayload === "string" && rawPayload.length <= MAX_PAYLOAD_CHARS) {
    try {
      payload = JSON.parse(rawPayload);
    } catch {
      payload = null;
    }
  }
  const file = (name: string) => {
    const value = formData.get(name);
    return value instanceof File && value.size > 0 ? value : null;
  };
  return {
    payload,
    idempotencyKey: formData.get("idempotencyKey"),
    photoId: file(UPLOAD_FIELDS.photoId),
    authorityProof: formData.getAll(UPLOAD_FIELDS.authorityProof).filter((f): f is File => f instanceof File && f.size > 0),
    paperFormScan: file(UPLOAD_FIELDS.paperFormScan),
  };
}
