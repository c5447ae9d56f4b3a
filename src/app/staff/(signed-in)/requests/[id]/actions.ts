"use server";

import { z } from "zod";
import { claimRequest, extendDeadline, REVIEW_EVENTS, transitionRequest } from "@/server/staff/requests";
import { staffFor } from "@/server/staff/session";
import { type ActionState, answer } from "./respond";

const REFUSED: ActionState = { message: "You are not signed in, or your role does not allow this." };
const id = z.uuid();
const version = z.coerce.number().int().min(1);

/** Every action checks the staff session and role itself (SECURITY.md §1). */
export async function claimAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const staff = await staffFor("request.process");
  const requestId = id.safeParse(formData.get("requestId"));
  if (!staff || !requestId.success) return REFUSED;
  return answer(requestId.data, await claimRequest(staff, requestId.data));
}

export async function transitionAction(_: ActionState, formData: FormData): Promise<ActionState> {
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
  const staff = await staffFor("request.extend");
  const parsed = z
    .object({ requestId: id, version, days: z.coerce.number().int(), reason: z.string().max(1000) })
    .safeParse({ requestId: formData.get("requestId"), version: formData.get("version"), days: formData.get("days"), reason: formData.get("reason") ?? "" });
  if (!staff || !parsed.success) return REFUSED;
  return answer(parsed.data.requestId, await extendDeadline(staff, parsed.data.requestId, parsed.data.version, parsed.data.days, parsed.data.reason));
}
