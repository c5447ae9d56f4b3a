import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentStaff } from "@/server/staff/session";
import { ChangePasswordForm } from "./ChangePasswordForm";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

/** Every signed-in staff member, whatever the role; the only page open while a change is required. */
export default async function PasswordPage() {
  const staff = await currentStaff();
  if (!staff) redirect("/staff/sign-in");
  return (
    <div className="container section stack narrow">
      <h1>Change your password</h1>
      {staff.mustChangePassword ? (
        <div className="notice" role="status">
          <p>An administrator set the password you signed in with. Choose your own password before you continue: only you should know it.</p>
        </div>
      ) : null}
      <ChangePasswordForm />
    </div>
  );
}
