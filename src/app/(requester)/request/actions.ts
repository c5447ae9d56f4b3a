"use server";

import { cookies, headers } from "next/headers";
import { organization } from "@/domain/organization";
import { BUSY_MESSAGE, type SubmitResult } from "@/domain/submission";
import { BUSY_RETRY_AFTER_MS, submissionGate } from "@/server/admission";
import { clientAddress } from "@/server/client-address";
import { CLIENT_TOKEN_PATTERN, clientTokenCookieName, clientTokenCookieOptions, newClientToken } from "@/server/client-token";
import { logger } from "@/server/logger";
import { issueReceipt } from "@/server/receipt";
import { readAuthorizationFormData } from "@/server/requests/form-data";
import { submitAuthorization as submit } from "@/server/requests/submit-authorization";

/**
 * The online authorization's server action. Anyone may submit (no session); everything is
 * re-parsed and checked by the use case, past admission control (decision 0021). On success the
 * answer carries the confirmation number and a signed receipt for the confirmation page.
 */
export async function submitAuthorization(formData: FormData): Promise<SubmitResult> {
  if (!(formData instanceof FormData)) return { ok: false, kind: "refused", message: "This form could not be sent. Reload the page and try again." };
  const requestHeaders = await headers();
  const correlationId = requestHeaders.get("x-correlation-id") ?? undefined;
  try {
    const jar = await cookies();
    // The browser's own token (set when the form page loaded): a replay of this submission's key
    // answers only this browser.
    let clientToken = jar.get(clientTokenCookieName())?.value;
    if (!clientToken || !CLIENT_TOKEN_PATTERN.test(clientToken)) {
      clientToken = newClientToken();
      jar.set(clientTokenCookieName(), clientToken, clientTokenCookieOptions());
    }
    // The online channel: a paper-form scan posted here is ignored (only staff key paper forms in).
    // Admission control (decision 0021): past what the machine can finish, answer "busy" at once;
    // the form sends the same answers again with the same idempotency key.
    const token = clientToken;
    const admitted = await submissionGate().run(() => submit({ ...readAuthorizationFormData(formData), clientKey: clientAddress(requestHeaders), clientToken: token }));
    if (!admitted.admitted) {
      logger.warn({ correlationId, event: "request.submit_busy", ...submissionGate().load }, "submission turned away: at capacity");
      return { ok: false, kind: "busy", message: BUSY_MESSAGE, retryAfterMs: BUSY_RETRY_AFTER_MS };
    }
    const result = admitted.value;
    if (!result.ok) return result;
    // No cookie set here: Next would render the page again into this answer (decision 0021). The
    // form turns the receipt into its HttpOnly cookie at /request/confirmation/receipt.
    return { ok: true, confirmationNumber: result.confirmationNumber, dueDate: result.dueDate, receipt: issueReceipt(result.requestId) };
  } catch (error) {
    logger.error({ err: error, correlationId, event: "request.submit_failed" }, "submission failed");
    return {
      ok: false,
      kind: "refused",
      message: `Something went wrong on our side and your request was not saved. Please try again in a few minutes, or call Record Connect at ${organization.questionsPhone}, ${organization.questionsHours}.${correlationId ? ` Reference: ${correlationId.slice(0, 8)}.` : ""}`,
    };
  }
}
