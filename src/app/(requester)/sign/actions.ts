"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { dateOnlyToDay } from "@/domain/chicago";
import { organization } from "@/domain/organization";
import type { SubmitResult } from "@/domain/submission";
import { clientAddress } from "@/server/client-address";
import { CLIENT_TOKEN_PATTERN, clientTokenCookieName, clientTokenCookieOptions, newClientToken } from "@/server/client-token";
import { logger } from "@/server/logger";
import { issueReceipt, receiptCookieName, receiptCookieOptions } from "@/server/receipt";
import { readAuthorizationFormData } from "@/server/requests/form-data";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { LINK_CLOSED, verifiedInvitation, verifySigningIdentity } from "@/server/third-party/invitations";

export type IdentityState = { message?: string; fieldErrors?: Record<string, string[]> };

/** The patient answers the identity question (date of birth). */
export async function verifyIdentityAction(_: IdentityState, formData: FormData): Promise<IdentityState> {
  if (!(formData instanceof FormData)) return { message: "This form could not be sent. Reload the page and try again." };
  const result = await verifySigningIdentity(String(formData.get("dateOfBirth") ?? ""));
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors ?? { dateOfBirth: [result.message] } };
  redirect("/sign");
}

/**
 * The patient signs the authorization a third party asked for. Only with a verified invitation
 * (its cookie); the recipient is the organisation and the patient is the one named, whatever the
 * browser sends; everything else is the online form's own checks (intakeAuthorization).
 */
export async function signInvitationAction(formData: FormData): Promise<SubmitResult> {
  if (!(formData instanceof FormData)) return { ok: false, kind: "refused", message: "This form could not be sent. Reload the page and try again." };
  const requestHeaders = await headers();
  const correlationId = requestHeaders.get("x-correlation-id") ?? undefined;
  try {
    const invitation = await verifiedInvitation();
    if (!invitation) return { ok: false, kind: "refused", message: `${LINK_CLOSED} Your answers were not sent. Open the link in the e-mail again, or call Record Connect at ${organization.questionsPhone}.` };
    const jar = await cookies();
    let clientToken = jar.get(clientTokenCookieName())?.value;
    if (!clientToken || !CLIENT_TOKEN_PATTERN.test(clientToken)) {
      clientToken = newClientToken();
      jar.set(clientTokenCookieName(), clientToken, clientTokenCookieOptions());
    }
    const input = readAuthorizationFormData(formData);
    const tp = invitation.thirdPartyRequester;
    const payload = (input.payload && typeof input.payload === "object" ? input.payload : {}) as Record<string, unknown>;
    const patient = (payload.patient && typeof payload.patient === "object" ? payload.patient : {}) as Record<string, unknown>;
    // The patient named in the invitation (the date of birth the patient confirmed), and the organisation as recipient.
    const forced = {
      ...payload,
      patient: { ...patient, dateOfBirth: dateOnlyToDay(invitation.patientDateOfBirth) },
      recipient: {
        kind: "THIRD_PARTY",
        name: tp.organization,
        address: { line1: tp.addressLine1, ...(tp.addressLine2 ? { line2: tp.addressLine2 } : {}), city: tp.city, state: tp.state, postalCode: tp.postalCode },
        email: tp.email,
      },
      // The records go to the organisation, by secure e-mail to the address it gave.
      delivery: { method: "SECURE_EMAIL", email: tp.email, emailConfirm: tp.email },
    };
    const result = await submitAuthorization({
      ...input,
      payload: forced,
      clientKey: clientAddress(requestHeaders),
      clientToken,
      thirdParty: { requesterId: tp.id, invitationId: invitation.id, confirmationNumber: invitation.confirmationNumber, kind: tp.kind, organization: tp.organization },
    });
    if (!result.ok) return result;
    jar.set(receiptCookieName(), issueReceipt(result.requestId), receiptCookieOptions());
    return { ok: true, confirmationNumber: result.confirmationNumber, dueDate: result.dueDate };
  } catch (error) {
    logger.error({ err: error, correlationId, event: "third_party.sign_failed" }, "signing failed");
    return {
      ok: false,
      kind: "refused",
      message: `Something went wrong on our side and your authorization was not saved. Please try again in a few minutes, or call Record Connect at ${organization.questionsPhone}, ${organization.questionsHours}.`,
    };
  }
}
