"use server";

import { headers } from "next/headers";
import type { SubmitResult } from "@/domain/submission";
import { logger } from "@/server/logger";
import { readAuthorizationFormData } from "@/server/requests/form-data";
import { keyPaperAuthorization } from "@/server/requests/key-paper-authorization";
import { staffFor } from "@/server/staff/session";
import { keyUploadedAuthorization } from "@/server/third-party/paper-uploads";

/**
 * Staff key in a signed paper form (the wizard in paper mode). The session and role are checked
 * here and again by the use case (SECURITY.md §1); the answer names the new request's staff page,
 * where the browser goes next. No PHI is logged or sent back beyond the confirmation number.
 */
export async function keyPaperFormAction(formData: FormData): Promise<SubmitResult> {
  if (!(formData instanceof FormData)) return { ok: false, kind: "refused", message: "This form could not be read. Reload the page and try again: the answers are still here." };
  const correlationId = (await headers()).get("x-correlation-id") ?? undefined;
  try {
    const staff = await staffFor("request.key_paper");
    // An authorization a third party uploaded (docs/decisions/0017): its scan, its organisation, its number.
    const uploadId = formData.get("paperUploadId");
    const result =
      uploadId === null ? await keyPaperAuthorization(staff, readAuthorizationFormData(formData)) : await keyUploadedAuthorization(staff, uploadId, readAuthorizationFormData(formData));
    if (!result.ok) return result;
    return { ok: true, confirmationNumber: result.confirmationNumber, dueDate: result.dueDate, next: `/staff/requests/${result.requestId}` };
  } catch (error) {
    logger.error({ err: error, correlationId, event: "request.key_paper_failed" }, "keying in a paper form failed");
    return {
      ok: false,
      kind: "refused",
      message: `Something went wrong on the server and the request was not saved. Try again in a few minutes: the answers are still here.${correlationId ? ` Reference: ${correlationId.slice(0, 8)}.` : ""}`,
    };
  }
}
