"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientAddress } from "@/server/client-address";
import { endPortalSession, finishPortalSignIn, portalRequestId, SENT_MESSAGE, startPortalSignIn } from "@/server/portal/access";
import { sendNewLink } from "@/server/portal/downloads";
import { requestAccounting } from "@/server/staff/accounting";
import { respondToDeficiency, revokeAuthorization } from "@/server/portal/portal";
import { localeRedirect } from "@/i18n/navigation";
import { localized } from "./messages";

export type PortalFormState = { message?: string; info?: string; fieldErrors?: Record<string, string[]>; step?: "details" | "code"; done?: boolean };

// Every answer is in the page's language (issue 15): the action-level sentences from the catalogue,
// the use cases' sentences through localized() (./messages.ts).
const server = () => getTranslations("portal.server");
const signedOut = async (): Promise<PortalFormState> => ({ message: (await server())("signedOut") });
const unreadable = async (): Promise<PortalFormState> => ({ message: (await server())("unreadable") });
const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** Step 1 of signing in: always the same answer for well-formed details. */
export async function startSignInAction(_: PortalFormState, formData: FormData): Promise<PortalFormState> {
  if (!(formData instanceof FormData)) return unreadable();
  const result = await startPortalSignIn({ confirmationNumber: text(formData, "confirmationNumber"), dateOfBirth: text(formData, "dateOfBirth") }, clientAddress(await headers()));
  if (!result.ok) return localized({ step: "details", message: result.message, fieldErrors: result.fieldErrors });
  return localized({ step: "code", info: SENT_MESSAGE });
}

export async function finishSignInAction(_: PortalFormState, formData: FormData): Promise<PortalFormState> {
  if (!(formData instanceof FormData)) return unreadable();
  const result = await finishPortalSignIn(text(formData, "code"));
  if (!result.ok) return localized({ step: "code", message: result.message, fieldErrors: { code: [result.message] } });
  return localeRedirect("/portal/request");
}

export async function signOutAction(): Promise<void> {
  await endPortalSession();
  await localeRedirect("/portal");
}

export async function respondAction(_: PortalFormState, formData: FormData): Promise<PortalFormState> {
  if (!(formData instanceof FormData)) return unreadable();
  const requestId = await portalRequestId();
  if (!requestId) return signedOut();
  const deficiencyId = z.uuid().safeParse(formData.get("deficiencyId"));
  if (!deficiencyId.success) return localized({ message: "This request is not waiting for anything from you." });
  const files = formData.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  const result = await respondToDeficiency(requestId, deficiencyId.data, text(formData, "response"), files);
  revalidatePath("/portal/request");
  return result.ok ? { done: true, info: (await server())("answerReceived") } : localized({ message: result.message, fieldErrors: result.fieldErrors });
}

export async function revokeAction(_: PortalFormState, formData: FormData): Promise<PortalFormState> {
  if (!(formData instanceof FormData)) return unreadable();
  const requestId = await portalRequestId();
  if (!requestId) return signedOut();
  const result = await revokeAuthorization(requestId, { signerName: text(formData, "signerName"), statement: text(formData, "statement"), confirm: formData.get("confirm") === "on" });
  revalidatePath("/portal/request");
  if (!result.ok) return localized({ message: result.message, fieldErrors: result.fieldErrors });
  const t = await server();
  return { done: true, info: "access" in result && result.access ? t("withdrawn") : t("revoked") };
}

/** "Send me a new link": from the portal (the session's request) or after an expired link. */
export async function newLinkAction(): Promise<PortalFormState> {
  await sendNewLink();
  return { done: true, info: (await server())("newLinkSent") };
}

/** The patient or personal representative asks for an accounting of disclosures (45 CFR 164.528). */
export async function accountingAction(): Promise<PortalFormState> {
  const requestId = await portalRequestId();
  if (!requestId) return signedOut();
  const result = await requestAccounting(requestId);
  revalidatePath("/portal/request");
  return result.ok ? { done: true, info: (await server())("accountingReceived") } : localized({ message: result.message });
}
