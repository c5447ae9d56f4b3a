"use server";

import { cookies, headers } from "next/headers";
import { organization } from "@/domain/organization";
import { type SubmitResult, UPLOAD_FIELDS } from "@/domain/submission";
import { clientAddress } from "@/server/client-address";
import { logger } from "@/server/logger";
import { issueReceipt, receiptCookieName, receiptCookieOptions } from "@/server/receipt";
import { submitAuthorization as submit } from "@/server/requests/submit-authorization";

const MAX_PAYLOAD_CHARS = 600_000;

/**
 * The online authorization's server action. Anyone may submit (no session); everything is
 * re-parsed and checked by the use case. On success the browser gets a receipt cookie for the
 * confirmation page; the confirmation number is the only thing sent back.
 */
export async function submitAuthorization(formData: FormData): Promise<SubmitResult> {
  const requestHeaders = await headers();
  const correlationId = requestHeaders.get("x-correlation-id") ?? undefined;
  try {
    const rawPayload = formData.get("payload");
    let payload: unknown = null;
    if (typeof rawPayload === "string" && rawPayload.length <= MAX_PAYLOAD_CHARS) {
      try {
        payload = JSON.parse(rawPayload);
      } catch {
        payload = null;
      }
    }
    const photo = formData.get(UPLOAD_FIELDS.photoId);
    const result = await submit({
      payload,
      idempotencyKey: formData.get("idempotencyKey"),
      photoId: photo instanceof File && photo.size > 0 ? photo : null,
      authorityProof: formData.getAll(UPLOAD_FIELDS.authorityProof).filter((f): f is File => f instanceof File && f.size > 0),
      clientKey: clientAddress(requestHeaders),
    });
    if (!result.ok) return result;
    (await cookies()).set(receiptCookieName(), issueReceipt(result.requestId), receiptCookieOptions());
    return { ok: true, confirmationNumber: result.confirmationNumber, dueDate: result.dueDate };
  } catch (error) {
    logger.error({ err: error, correlationId, event: "request.submit_failed" }, "submission failed");
    return {
      ok: false,
      kind: "refused",
      message: `Something went wrong on our side and your request was not saved. Please try again in a few minutes, or call Record Connect at ${organization.questionsPhone}, ${organization.questionsHours}.${correlationId ? ` Reference: ${correlationId.slice(0, 8)}.` : ""}`,
    };
  }
}
