import "server-only";
import type { Locale } from "@/i18n/locales";
import { BUSY_MESSAGE, type SubmitResult } from "@/domain/submission";
import { type AdmissionGate, BUSY_RETRY_AFTER_MS, submissionGate } from "../admission";
import { logger } from "../logger";
import { issueReceipt } from "../receipt";
import { readAuthorizationFormData } from "./form-data";
import { submitAuthorization } from "./submit-authorization";

/**
 * The online form's submission as its server action answers it (src/app/(requester)/request/actions.ts
 * reads the request's headers and cookies, then calls this):
 * - past admission control (decision 0021): beyond what the machine can finish, "busy" at once,
 *   and the form sends the same answers again with the same idempotency key;
 * - stored: the confirmation number and a signed receipt for the confirmation page (which the
 *   form turns into an HttpOnly cookie: no cookie is set by the action, so Next does not render
 *   the page again into the answer).
 */
export async function submitOnline(
  formData: FormData,
  client: { clientKey: string; clientToken: string; locale?: Locale; now?: Date },
  gate: AdmissionGate = submissionGate(),
): Promise<SubmitResult> {
  const admitted = await gate.run(() => submitAuthorization({ ...readAuthorizationFormData(formData), ...client }));
  if (!admitted.admitted) {
    logger.warn({ event: "request.submit_busy", ...gate.load }, "submission turned away: at capacity");
    return { ok: false, kind: "busy", message: BUSY_MESSAGE, retryAfterMs: BUSY_RETRY_AFTER_MS };
  }
  const result = admitted.value;
  if (!result.ok) return result;
  return { ok: true, confirmationNumber: result.confirmationNumber, dueDate: result.dueDate, receipt: issueReceipt(result.requestId) };
}
