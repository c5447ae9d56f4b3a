"use server";

import { z } from "zod";
import { chicagoWallTime } from "@/domain/chicago";
import {
  attachRecords,
  verifyProviderAddress,
  completeRequest,
  logPickupCall,
  markMailed,
  PICKUP_OUTCOMES,
  prepareMailing,
  recordPickup,
  releaseBySecureEmail,
  schedulePickup,
} from "@/server/staff/release";
import { revokeDownloadLinks } from "@/server/portal/downloads";
import { staffFor } from "@/server/staff/session";
import { type ActionState, answer } from "./respond";

const REFUSED: ActionState = { message: "You are not signed in, or your role does not allow this." };
const base = z.object({ requestId: z.uuid(), version: z.coerce.number().int().min(1) });

/** Every action checks the staff session and role itself, then hands over to the use case. */
async function guarded(formData: FormData, run: (staff: NonNullable<Awaited<ReturnType<typeof staffFor>>>, ids: z.infer<typeof base>) => ReturnType<typeof attachRecords>): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const staff = await staffFor("request.process");
  const ids = base.safeParse({ requestId: formData.get("requestId"), version: formData.get("version") });
  if (!staff || !ids.success) return REFUSED;
  return answer(ids.data.requestId, await run(staff, ids.data));
}

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function attachRecordsAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const file = formData.get("records");
  const billed = text(formData, "billedPages");
  const adjustment = billed ? { pageCount: Number(billed), reason: text(formData, "adjustmentReason") } : null;
  return guarded(formData, (s, i) => attachRecords(s, i.requestId, i.version, file instanceof File && file.size > 0 ? file : null, adjustment));
}

export async function releaseSecureEmailAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(formData, (s, i) => releaseBySecureEmail(s, i.requestId, i.version));
}

export async function prepareMailingAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(formData, (s, i) => prepareMailing(s, i.requestId, i.version));
}

export async function markMailedAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(formData, (s, i) => markMailed(s, i.requestId, i.version, text(formData, "tracking")));
}

export async function logCallAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const outcome = z.enum(PICKUP_OUTCOMES).safeParse(formData.get("outcome"));
  if (!outcome.success) return { message: "Choose how the call went." };
  return guarded(formData, (s, i) => logPickupCall(s, i.requestId, i.version, outcome.data, text(formData, "note")));
}

export async function scheduleAction(_: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return REFUSED;
  // <input type="datetime-local"> gives Chicago wall-clock time without a zone; an invalid Date when it is no such time.
  const at = chicagoWallTime(text(formData, "at"));
  return guarded(formData, (s, i) => schedulePickup(s, i.requestId, i.version, at));
}

export async function recordPickupAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(formData, (s, i) => recordPickup(s, i.requestId, i.version, { collector: text(formData, "collector"), idType: text(formData, "idType"), idLast4: text(formData, "idLast4") }));
}

export async function revokeLinksAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(formData, (s, i) => revokeDownloadLinks(s, i.requestId));
}

export async function completeAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(formData, (s, i) => completeRequest(s, i.requestId, i.version));
}

export async function verifyProviderAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return guarded(formData, (s, i) => verifyProviderAddress(s, i.requestId, i.version, formData.get("confirmed") === "on"));
}
