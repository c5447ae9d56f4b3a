import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, type StaffAction } from "@/domain/staff-access";
import { cookieBasics } from "../signed-value";
import { sessionIdentity, type StaffIdentity } from "./auth";

export function staffCookie() {
  return cookieBasics("rc-staff");
}

/** The signed-in staff member, checked against the database now; null when there is none. */
export async function currentStaff(): Promise<StaffIdentity | null> {
  const { name } = staffCookie();
  return sessionIdentity((await cookies()).get(name)?.value);
}

/**
 * The guard every staff page calls for itself: no session → the sign-in page; a password an
 * administrator chose → the password page first; a session whose role may not do `action` → 403,
 * a page saying which roles may and where this person's own work is
 * (src/app/staff/(signed-in)/forbidden.tsx). Only signed-in staff learn which staff pages exist.
 */
export async function requireStaffPage(action: StaffAction): Promise<StaffIdentity> {
  const staff = await currentStaff();
  if (!staff) redirect("/staff/sign-in");
  if (staff.mustChangePassword) redirect("/staff/password");
  if (!can(staff.role, action)) forbidden();
  return staff;
}

/** The guard for staff server actions and route handlers: null means refuse (also until a required password change is done). */
export async function staffFor(action: StaffAction): Promise<StaffIdentity | null> {
  const staff = await currentStaff();
  return staff && !staff.mustChangePassword && can(staff.role, action) ? staff : null;
}

/** Where a staff member starts after signing in (or changing their password). */
export function staffHome(staff: Pick<StaffIdentity, "role" | "mustChangePassword">): string {
  if (staff.mustChangePassword) return "/staff/password";
  return can(staff.role, "queue.view") ? "/staff" : "/staff/accounts";
}
