"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeRole, createAccount, resetPassword, setAccountDisabled } from "@/server/staff/accounts";
import { staffFor } from "@/server/staff/session";

export type AccountFormState = { message?: string; field?: "email"; created?: { email: string; temporaryPassword: string } };
const id = z.uuid();
const REFUSED: AccountFormState = { message: "You are not signed in as an administrator." };

/** Each action checks, itself, that an administrator with a live session is asking. */
export async function createAccountAction(_: AccountFormState, formData: FormData): Promise<AccountFormState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const admin = await staffFor("staff.manage");
  if (!admin) return REFUSED;
  const result = await createAccount(admin, { email: formData.get("email"), name: formData.get("name"), role: formData.get("role") });
  revalidatePath("/staff/accounts");
  return result.ok ? { created: { email: result.email, temporaryPassword: result.temporaryPassword } } : { message: result.message, ...("field" in result ? { field: result.field } : {}) };
}

export async function setDisabledAction(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) return;
  const admin = await staffFor("staff.manage");
  const userId = id.safeParse(formData.get("userId"));
  if (!admin || !userId.success) return;
  await setAccountDisabled(admin, userId.data, formData.get("disabled") === "true");
  revalidatePath("/staff/accounts");
}

export async function changeRoleAction(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) return;
  const admin = await staffFor("staff.manage");
  const userId = id.safeParse(formData.get("userId"));
  if (!admin || !userId.success) return;
  await changeRole(admin, userId.data, formData.get("role"));
  revalidatePath("/staff/accounts");
}

export type ResetFormState = { message?: string; reset?: { name: string; email: string; temporaryPassword: string } };

/** A new one-time password for another staff member (shown once, here); their sessions end. */
export async function resetPasswordAction(_: ResetFormState, formData: FormData): Promise<ResetFormState> {
  if (!(formData instanceof FormData)) return REFUSED;
  const admin = await staffFor("staff.manage");
  if (!admin) return REFUSED;
  const userId = id.safeParse(formData.get("userId"));
  if (!userId.success) return { message: "That account does not exist." };
  const result = await resetPassword(admin, userId.data);
  revalidatePath("/staff/accounts");
  return result.ok ? { reset: { name: result.name, email: result.email, temporaryPassword: result.temporaryPassword } } : { message: result.message };
}
