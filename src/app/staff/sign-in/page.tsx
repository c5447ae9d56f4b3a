import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentStaff, staffHome } from "@/server/staff/session";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Staff sign-in" };
export const dynamic = "force-dynamic";

export default async function StaffSignInPage() {
  const staff = await currentStaff();
  if (staff) redirect(staffHome(staff));
  return (
    <div className="container section stack narrow">
      <h1>Record Connect staff sign-in</h1>
      <p>For release-of-information staff only. Every sign-in and every view of a record is logged.</p>
      <SignInForm />
    </div>
  );
}
