"use server";

import { cookies, headers } from "next/headers";
import { organization } from "@/domain/organization";
import type { SubmitResult } from "@/domain/submission";
import { clientAddress } from "@/server/client-address";
import { CLIENT_TOKEN_PATTERN, clientTokenCookieName, clientTokenCookieOptions, newClientToken } from "@/server/client-token";
import { logger } from "@/server/logger";
import { issueReceipt, receiptCookieName, receiptCookieOptions } from "@/server/receipt";
import { readAuthorizationFormData } from "@/server/requests/form-data";
import { submitAuthorization as submit } from "@/server/requests/submit-authorization";

/**
 * The online authorization's server action. Anyone may submit (no session); everything is
 * re-parsed and checked by the use case. On success the browser gets a receipt cookie for the
 * confirmation page; the confirmation number is the only thing sent back.
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
    const result = await submit({ ...readAuthorizationFormData(formData), clientKey: clientAddress(requestHeaders), clientToken });
    if (!result.ok) return result;
    jar.set(receiptCookieName(), issueReceipt(result.requestId), receiptCookieOptions());
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
