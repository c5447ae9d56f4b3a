"use server";

import { cookies, headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { organization } from "@/domain/organization";
import type { SubmitResult } from "@/domain/submission";
import { problem } from "@/domain/problems";
import { clientAddress } from "@/server/client-address";
import { CLIENT_TOKEN_PATTERN, clientTokenCookieName, clientTokenCookieOptions, newClientToken } from "@/server/client-token";
import { logger } from "@/server/logger";
import { submitOnline } from "@/server/requests/submit-online";

/**
 * The online authorization's server action. Anyone may submit (no session); everything is
 * re-parsed and checked by the use case, past admission control (decision 0021). On success the
 * answer carries the confirmation number and a signed receipt for the confirmation page.
 */
export async function submitAuthorization(formData: FormData): Promise<SubmitResult> {
  if (!(formData instanceof FormData)) return { ok: false, kind: "refused", message: problem("errors.notSent") };
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
    // Past admission control, stored or "busy" (decision 0021); no cookie set after this point.
    // In the language the page was read in (the proxy's header; decision 0023): stored on the request.
    return await submitOnline(formData, { clientKey: clientAddress(requestHeaders), clientToken, locale: await getLocale() });
  } catch (error) {
    logger.error({ err: error, correlationId, event: "request.submit_failed" }, "submission failed");
    return {
      ok: false,
      kind: "refused",
      message: `Something went wrong on our side and your request was not saved. Please try again in a few minutes, or call Record Connect at ${organization.questionsPhone}, ${organization.questionsHours}.${correlationId ? ` Reference: ${correlationId.slice(0, 8)}.` : ""}`,
    };
  }
}
