"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { changeOwnPassword } from "@/server/staff/auth";
import { currentStaff, staffHome } from "@/server/staff/session";

export type PasswordFormState = {
  done?: boolean;
  message?: string;
  errors?: Partial<Record<"currentPassword" | "newPassword" | "confirmPassword", string>>;
};

const fields = z.object({
  currentPassword: z.string().max(1000),
  newPassword: z.string().max(1000),
  confirmPassword: z.string().max(1000),
});

/** Any signed-in staff member, for themselves only; also the one thing allowed while a change is required. */
export async function changePasswordAction(_: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  if (!(formData instanceof FormData)) return { message: "This form could not be sent. Reload the page and try again." };
  const staff = await currentStaff();
  if (!staff) return { message: "Your session has ended. Sign in again." };
  const parsed = fields.safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { errors: { newPassword: "Use at most 200 characters." } };
  if (!parsed.data.currentPassword) return { errors: { currentPassword: "Enter your current password." } };
  const result = await changeOwnPassword(staff, parsed.data);
  if (!result.ok) return { errors: { [result.field]: result.message } };
  // A required change done: on to the work. Otherwise stay and say so.
  if (staff.mustChangePassword) redirect(staffHome({ role: staff.role, mustChangePassword: false }));
  return { done: true };
}
