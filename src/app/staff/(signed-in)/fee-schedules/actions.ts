"use server";

import { revalidatePath } from "next/cache";
import { saveFeeSchedule } from "@/server/staff/fee-schedules";
import { staffFor } from "@/server/staff/session";

export type ScheduleFormState = { message?: string; fieldErrors?: Record<string, string[]>; done?: boolean };

const FIELDS = ["year", "handling", "pages1To25", "pages26To50", "pagesOver50", "microformPage", "electronicPercent", "source"] as const;

export async function saveScheduleAction(_: ScheduleFormState, formData: FormData): Promise<ScheduleFormState> {
  if (!(formData instanceof FormData)) return { message: "This form could not be sent. Reload the page and try again." };
  const staff = await staffFor("fees.schedule");
  if (!staff) return { message: "You are not signed in, or your role does not allow this." };
  const entry = Object.fromEntries(FIELDS.map((f) => [f, String(formData.get(f) ?? "")]));
  const result = await saveFeeSchedule(staff, entry);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath("/staff/fee-schedules");
  return { done: true };
}
