"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientAddress } from "@/server/client-address";
import { endPortalSession, finishPortalSignIn, portalRequestId, SENT_MESSAGE, startPortalSignIn } from "@/server/portal/access";
import { sendNewLink } from "@/server/portal/downloads";
import { requestAccounting } from "@/server/staff/accounting";
import { respondToDeficiency, revokeAuthorization } from "@/server/portal/portal";

export type PortalFormState = { message?: string; info?: string; fieldErrors?: Record<string, string[]>; step?: "details" | "code"; done?: boolean };

const SIGNED_OUT: PortalFormState = { message: "Your session ended. Sign in again to continue." };
const UNREADABLE: PortalFormState = { message: "This form could not be read. Reload the page and try again." };
const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** Step 1 of signing in: always the same answer for well-formed details. */
export async function startSignInAction(_: PortalFormState, formData: FormData): Promise<PortalFormState> {
  if (!(formData instanceof FormData)) return UNREADABLE;
  const result = await startPortalSignIn({ confirmationNumber: text(formData, "confirmationNumber"), dateOfBirth: text(formData, "dateOfBirth") }, clientAddress(await headers()));
  if (!result.ok) return { step: "details", message: result.message, fieldErrors: result.fieldErrors };
  return { step: "code", info: SENT_MESSAGE };
}

export async function finishSignInAction(_: PortalFormState, formData: FormData): Promise<PortalFormState> {
  if (!(formData instanceof FormData)) return UNREADABLE;
  const result = await finishPortalSignIn(text(formData, "code"));
  if (!result.ok) return { step: "code", message: result.message, fieldErrors: { code: [result.message] } };
  redirect("/portal/request");
}

export async function signOutAction(): Promise<void> {
  await endPortalSession();
  redirect("/portal");
}

export async function respondAction(_: PortalFormState, formData: FormData): Promise<PortalFormState> {
  if (!(formData instanceof FormData)) return UNREADABLE;
  const requestId = await portalRequestId();
  if (!requestId) return SIGNED_OUT;
  const deficiencyId = z.uuid().safeParse(formData.get("deficiencyId"));
  if (!deficiencyId.success) return { message: "This request is not waiting for anything from you." };
  const files = formData.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  const result = await respondToDeficiency(requestId, deficiencyId.data, text(formData, "response"), files);
  revalidatePath("/portal/request");
  return result.ok ? { done: true, info: "Thank you. We received your answer; an associate will review it." } : { message: result.message, fieldErrors: result.fieldErrors };
}

export async function revokeAction(_: PortalFormState, formData: FormData): Promise<PortalFormState> {
  if (!(formData instanceof FormData)) return UNREADABLE;
  const requestId = await portalRequestId();
  if (!requestId) return SIGNED_OUT;
  const result = await revokeAuthorization(requestId, { signerName: text(formData, "signerName"), statement: text(formData, "statement"), confirm: formData.get("confirm") === "on" });
  revalidatePath("/portal/request");
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  return { done: true, info: "access" in result && result.access ? "Your request is withdrawn. Nothing more will be sent." : "Your authorization is revoked. Nothing more will be released under it." };
}

/** "Send me a new link": from the portal (the session's request) or after an expired link. */
export async function newLinkAction(): Promise<PortalFormState> {
  await sendNewLink();
  return { done: true, info: "If your records are ready for secure download, we sent a new link to the e-mail address on file. It may take a minute to arrive." };
}

/** The patient or personal representative asks for an accounting of disclosures (45 CFR 164.528). */
export async function accountingAction(): Promise<PortalFormState> {
  const requestId = await portalRequestId();
  if (!requestId) return SIGNED_OUT;
  const result = await requestAccounting(requestId);
  revalidatePath("/portal/request");
  return result.ok ? { done: true, info: "We received your request for an accounting of disclosures. We will send it within 60 days." } : { message: result.message };
}
