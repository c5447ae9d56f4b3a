"use server";

import { revalidatePath } from "next/cache";
import { saveResponseCommitment } from "@/server/staff/policy-settings";
import { staffFor } from "@/server/staff/session";

export type CommitmentFormState = { message?: string; fieldErrors?: Record<string, string[]>; done?: boolean };

export async function saveCommitmentAction(_: CommitmentFormState, formData: FormData): Promise<CommitmentFormState> {
  if (!(formData instanceof FormData)) return { message: "This form could not be sent. Reload the page and try again." };
  const staff = await staffFor("settings.manage");
  if (!staff) return { message: "You are not signed in, or your role does not allow this." };
  const raw = formData.get("businessDays");
  if (typeof raw === "string" && raw.includes("\u0000")) return { message: "Check the highlighted field.", fieldErrors: { businessDays: ["Remove the invisible control characters (NUL) from this field."] } };
  const result = await saveResponseCommitment(staff, { businessDays: typeof raw === "string" ? raw : "" });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath("/staff/settings");
  return { done: true };
}
