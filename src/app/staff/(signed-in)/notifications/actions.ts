"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { resendNotification } from "@/server/staff/notifications";
import { staffFor } from "@/server/staff/session";

const notificationId = z.uuid();

/** Checks, itself, that a staff member who may resend is asking; the use case audits the resend. */
export async function resendNotificationAction(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) redirect("/staff/notifications?refused=not-found");
  const staff = await staffFor("notification.resend");
  const id = notificationId.safeParse(formData.get("notificationId"));
  if (!staff || !id.success) redirect("/staff/notifications?refused=not-found");
  const result = await resendNotification(staff, id.data);
  revalidatePath("/staff/notifications");
  redirect(result.ok ? "/staff/notifications?resent=1" : `/staff/notifications?refused=${result.reason}`);
}
