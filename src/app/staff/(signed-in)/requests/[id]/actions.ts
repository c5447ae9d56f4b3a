"use server";

import { z } from "zod";
import { claimRequest, extendDeadline, markExtensionLetterMailed, REVIEW_EVENTS, transitionRequest } from "@/server/staff/requests";
import { markAccountingSent } from "@/server/staff/accounting";
import { recordPaperRevocation } from "@/server/staff/revocation";
import { staffFor } from "@/server/staff/session";
import { type ActionState, answer } from "./respond";

const REFUSED: ActionState = { message: "You are not signed in, or your role does not allow this." };
const id = z.uuid();
const version = z.coerce.number().int().min(1);

/** Every action checks the staff session and role itself (SECURITY.md §1). */
export async function claimAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("request.process");
  const requestId = id.safeParse(formData.get("requestId"));
  if (!staff || !requestId.success) return REFUSED;
  return answer(requestId.data, await claimRequest(staff, requestId.data));
}

export async function transitionAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("request.view");
  const parsed = z
    .object({ requestId: id, version, event: z.enum(REVIEW_EVENTS), reason: z.string().max(1000).optional() })
    .safeParse({ requestId: formData.get("requestId"), version: formData.get("version"), event: formData.get("event"), reason: formData.get("reason") ?? undefined });
  if (!staff || !parsed.success) return REFUSED;
  const checklist =
    parsed.data.event === "VERIFY"
      ? {
          elementsPresent: formData.get("elementsPresent") === "on",
          identityChecked: formData.get("identityChecked") === "on",
          authorityChecked: formData.get("authorityChecked") === "on",
          specialConsentsMatch: formData.get("specialConsentsMatch") === "on",
          minorSignatureChecked: formData.get("minorSignatureChecked") === "on",
          minorInformedNoObjection: formData.get("minorInformedNoObjection") === "on",
          witnessName: String(formData.get("witnessName") ?? "").slice(0, 120),
          witnessMethod: String(formData.get("witnessMethod") ?? "").slice(0, 40),
        }
      : undefined;
  const result = await transitionRequest(staff, parsed.data.requestId, parsed.data.version, parsed.data.event, { checklist, reason: parsed.data.reason });
  return answer(parsed.data.requestId, result);
}

export async function extendAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("request.extend");
  const parsed = z
    .object({ requestId: id, version, days: z.coerce.number().int(), reason: z.string().max(40) })
    .safeParse({ requestId: formData.get("requestId"), version: formData.get("version"), days: formData.get("days"), reason: formData.get("reason") ?? "" });
  if (!staff || !parsed.success) return REFUSED;
  return answer(parsed.data.requestId, await extendDeadline(staff, parsed.data.requestId, parsed.data.version, { days: parsed.data.days, reason: parsed.data.reason }));
}

export async function extensionLetterMailedAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("request.process");
  const parsed = z.object({ requestId: id, version }).safeParse({ requestId: formData.get("requestId"), version: formData.get("version") });
  if (!staff || !parsed.success) return REFUSED;
  return answer(parsed.data.requestId, await markExtensionLetterMailed(staff, parsed.data.requestId, parsed.data.version));
}

export async function recordRevocationAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("request.process");
  const parsed = z.object({ requestId: id, version }).safeParse({ requestId: formData.get("requestId"), version: formData.get("version") });
  if (!staff || !parsed.success) return REFUSED;
  const scan = formData.get("scan");
  const result = await recordPaperRevocation(staff, parsed.data.requestId, parsed.data.version, {
    signerKind: String(formData.get("signerKind") ?? ""),
    signerName: String(formData.get("signerName") ?? ""),
    signedOn: String(formData.get("signedOn") ?? ""),
    receivedVia: String(formData.get("receivedVia") ?? ""),
    identityChecked: formData.get("identityChecked") === "on",
    scan: scan instanceof File && scan.size > 0 ? scan : null,
  });
  if (!result.ok && result.fieldErrors) return { message: `${result.message} ${Object.values(result.fieldErrors).flat().join(". ")}.` };
  return answer(parsed.data.requestId, result);
}

export async function accountingSentAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("request.process");
  const parsed = z.object({ requestId: id, accountingRequestId: id }).safeParse({ requestId: formData.get("requestId"), accountingRequestId: formData.get("accountingRequestId") });
  if (!staff || !parsed.success) return REFUSED;
  return answer(parsed.data.requestId, await markAccountingSent(staff, parsed.data.requestId, parsed.data.accountingRequestId));
}
