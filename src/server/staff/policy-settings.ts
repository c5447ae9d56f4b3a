import "server-only";
import { z } from "zod";
import { MAX_COMMITMENT_BUSINESS_DAYS, MIN_COMMITMENT_BUSINESS_DAYS } from "@/domain/response-commitment";
import { can } from "@/domain/staff-access";
import { recordAudit } from "../audit";
import { db } from "../db";
import { RESPONSE_COMMITMENT_KEY, responseCommitmentDays } from "../settings";
import type { StaffIdentity } from "./auth";

export type SaveResult = { ok: true; businessDays: number } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

const commitmentSchema = z.object({
  businessDays: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, `Enter a whole number of business days from ${MIN_COMMITMENT_BUSINESS_DAYS} to ${MAX_COMMITMENT_BUSINESS_DAYS}.`)
    .transform(Number)
    .refine((n) => n >= MIN_COMMITMENT_BUSINESS_DAYS && n <= MAX_COMMITMENT_BUSINESS_DAYS, `Enter a whole number of business days from ${MIN_COMMITMENT_BUSINESS_DAYS} to ${MAX_COMMITMENT_BUSINESS_DAYS}: more would not stay inside the law's 30 days.`),
});

/**
 * An administrator sets our response commitment (docs/decisions/0020). It applies to requests
 * received from now on (each request keeps the commitment it arrived with). Audited, before and after.
 */
export async function saveResponseCommitment(staff: StaffIdentity, entry: unknown): Promise<SaveResult> {
  if (!can(staff.role, "settings.manage")) return { ok: false, message: "Your role does not allow this." };
  const parsed = commitmentSchema.safeParse(entry);
  if (!parsed.success) return { ok: false, message: "Check the highlighted field.", fieldErrors: { businessDays: [parsed.error.issues[0]?.message ?? "Check this field."] } };
  const businessDays = parsed.data.businessDays;
  await db().$transaction(async (tx) => {
    const before = await responseCommitmentDays(tx);
    await tx.setting.upsert({ where: { key: RESPONSE_COMMITMENT_KEY }, create: { key: RESPONSE_COMMITMENT_KEY, value: businessDays }, update: { value: businessDays } });
    await recordAudit(tx, {
      actor: { type: "STAFF", id: staff.id, role: staff.role },
      action: "setting.changed",
      objectType: "Setting",
      objectId: RESPONSE_COMMITMENT_KEY,
      details: { before, after: businessDays },
    });
  });
  return { ok: true, businessDays };
}
