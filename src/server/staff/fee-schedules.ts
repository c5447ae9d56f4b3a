import "server-only";
import { z } from "zod";
import { can } from "@/domain/staff-access";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { StaffIdentity } from "./auth";
import { NOT_FOUND } from "./step";

const dollars = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}(\.\d{1,2})?$/, `Enter ${label} in dollars, like 1.30`)
    .transform((v) => Math.round(Number(v) * 100));

/** A year's 735 ILCS 5/8-2001(d) figures as the Comptroller publishes them, with where they come from. */
export const feeScheduleEntrySchema = z.object({
  year: z.coerce.number({ error: "Enter the year" }).int("Enter the year").min(2000, "Enter a year from 2000").max(2100, "Enter a year before 2100"),
  handling: dollars("the handling charge"),
  pages1To25: dollars("the charge for pages 1–25"),
  pages26To50: dollars("the charge for pages 26–50"),
  pagesOver50: dollars("the charge for pages over 50"),
  microformPage: dollars("the charge per microfiche or microfilm page"),
  electronicPercent: z.coerce.number().int().min(1, "Between 1 and 100").max(100, "Between 1 and 100"),
  source: z.string().trim().min(10, "Say where the figures come from (the Comptroller's publication and its address)").max(500, "Keep the source under 500 characters"),
});

export async function listFeeSchedules(staff: StaffIdentity) {
  if (!can(staff.role, "fees.schedule") && !can(staff.role, "invoice.issue")) return null;
  return db().feeSchedule.findMany({ orderBy: { year: "desc" } });
}

/**
 * An administrator enters (or corrects) a year's schedule: the figures take effect on 20 January
 * of that year (735 ILCS 5/8-2006). Audited with the figures before and after.
 */
export async function saveFeeSchedule(staff: StaffIdentity, entry: unknown): Promise<{ ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> }> {
  if (!can(staff.role, "fees.schedule")) return { ok: false, message: NOT_FOUND };
  const parsed = feeScheduleEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  const e = parsed.data;
  if (!(e.pages1To25 >= e.pages26To50 && e.pages26To50 >= e.pagesOver50)) return { ok: false, message: "Check the page charges: the statute's tiers get cheaper (1–25 ≥ 26–50 ≥ over 50).", fieldErrors: { pages26To50: ["Check the tiers"] } };
  const data = {
    handlingCents: e.handling,
    pages1To25Cents: e.pages1To25,
    pages26To50Cents: e.pages26To50,
    pagesOver50Cents: e.pagesOver50,
    microformPageCents: e.microformPage,
    electronicPercent: e.electronicPercent,
    source: e.source,
    enteredById: staff.id,
    enteredAt: new Date(),
  };
  await db().$transaction(async (tx) => {
    const before = await tx.feeSchedule.findUnique({ where: { year: e.year } });
    await tx.feeSchedule.upsert({ where: { year: e.year }, create: { year: e.year, ...data }, update: data });
    const figures = (s: typeof data | NonNullable<typeof before>) => ({
      handlingCents: s.handlingCents,
      pages1To25Cents: s.pages1To25Cents,
      pages26To50Cents: s.pages26To50Cents,
      pagesOver50Cents: s.pagesOver50Cents,
      microformPageCents: s.microformPageCents,
      electronicPercent: s.electronicPercent,
      source: s.source,
    });
    await recordAudit(tx, {
      actor: { type: "STAFF", id: staff.id, role: staff.role },
      action: before ? "fee_schedule.corrected" : "fee_schedule.entered",
      objectType: "FeeSchedule",
      objectId: String(e.year),
      details: { year: e.year, before: before ? figures(before) : null, after: figures(data) },
    });
  });
  return { ok: true };
}
