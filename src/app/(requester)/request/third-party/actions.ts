"use server";

import { cookies, headers } from "next/headers";
import { clientAddress } from "@/server/client-address";
import { CLIENT_TOKEN_PATTERN, clientTokenCookieName, clientTokenCookieOptions, newClientToken } from "@/server/client-token";
import { thirdPartyPaperSchema } from "@/domain/third-party";
import { issuesByField } from "@/server/third-party/idempotency";
import { startThirdPartyRequest } from "@/server/third-party/invitations";
import { uploadPaperAuthorization } from "@/server/third-party/paper-uploads";

export type ThirdPartyFormState = { message?: string; fieldErrors?: Record<string, string[]>; confirmationNumber?: string; path?: "ONLINE" | "PAPER" };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The browser's own rc-client token, what the form's idempotency key is bound to (decision 0009). */
async function browserToken(): Promise<string> {
  const jar = await cookies();
  let token = jar.get(clientTokenCookieName())?.value;
  if (!token || !CLIENT_TOKEN_PATTERN.test(token)) {
    token = newClientToken();
    jar.set(clientTokenCookieName(), token, clientTokenCookieOptions());
  }
  return token;
}

/**
 * An organisation starts a request naming the patient: the patient signs online (an e-mailed
 * link) or the organisation uploads the authorization the patient signed on paper. Nothing
 * trusted, everything re-parsed by the use cases; the form's random key makes a retry store one.
 */
export async function startThirdPartyAction(_: ThirdPartyFormState, formData: FormData): Promise<ThirdPartyFormState> {
  if (!(formData instanceof FormData)) return { message: "This form could not be sent. Reload the page and try again." };
  // PostgreSQL cannot store a NUL character in text: refuse the answer that has one, by name.
  const withNul = [...formData.entries()].filter(([, value]) => typeof value === "string" && value.includes("\u0000")).map(([name]) => name);
  if (withNul.length) return { message: "Please correct the highlighted answers.", fieldErrors: Object.fromEntries(withNul.map((name) => [name, ["Remove the invisible control character from this answer"]])) };
  const path = text(formData, "signingPath");
  const common = {
    kind: text(formData, "kind") || undefined,
    organization: text(formData, "organization"),
    contactName: text(formData, "contactName"),
    email: text(formData, "email"),
    phone: text(formData, "phone"),
    address: {
      line1: text(formData, "address.line1"),
      line2: text(formData, "address.line2"),
      city: text(formData, "address.city"),
      state: text(formData, "address.state") || undefined,
      postalCode: text(formData, "address.postalCode"),
    },
    matterReference: text(formData, "matterReference"),
    patientFirstName: text(formData, "patientFirstName"),
    patientLastName: text(formData, "patientLastName"),
    patientDateOfBirth: text(formData, "patientDateOfBirth"),
    recordsRequested: text(formData, "recordsRequested"),
    purpose: text(formData, "purpose"),
  };
  if (path !== "ONLINE" && path !== "PAPER") {
    // No path chosen: say so, with every other answer's problem at once.
    const others = thirdPartyPaperSchema.safeParse({ ...common, confirmsPatientSigned: true });
    return { message: "Please correct the highlighted answers.", fieldErrors: { signingPath: ["Choose how the patient signs the authorization"], ...(others.success ? {} : issuesByField(others.error.issues)) } };
  }
  const client = { clientKey: clientAddress(await headers()), clientToken: await browserToken(), idempotencyKey: formData.get("idempotencyKey") };
  if (path === "PAPER") {
    const scan = formData.get("scan");
    const result = await uploadPaperAuthorization({
      payload: { ...common, confirmsPatientSigned: formData.get("confirmsPatientSigned") === "yes" },
      scan: scan instanceof File && scan.size > 0 ? scan : null,
      ...client,
    });
    if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, path };
    return { confirmationNumber: result.confirmationNumber, path };
  }
  const result = await startThirdPartyRequest(
    { ...common, patientEmail: text(formData, "patientEmail"), understandsPatientSigns: formData.get("understandsPatientSigns") === "yes" },
    client,
  );
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, path };
  return { confirmationNumber: result.confirmationNumber, path };
}
