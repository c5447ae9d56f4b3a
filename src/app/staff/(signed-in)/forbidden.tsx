import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { staffRefusal } from "@/domain/staff-refusal";
import { currentStaff } from "@/server/staff/session";

export const metadata: Metadata = { title: "No access for your role" };

/**
 * A staff page this person's role may not open (403, from `requireStaffPage`): which roles may,
 * and where their own work is. The address comes from the proxy (x-pathname), never the client.
 */
export default async function StaffForbidden() {
  const staff = await currentStaff();
  if (!staff) {
    return (
      <div className="container section stack">
        <h1>Sign in to continue</h1>
        <div className="actions">
          <Link className="button" href="/staff/sign-in">
            Go to staff sign-in
          </Link>
        </div>
      </div>
    );
  }
  const refusal = staffRefusal((await headers()).get("x-pathname"), staff.role);
  return (
    <div className="container section stack">
      <h1>{refusal.heading}</h1>
      <p className="lead">{refusal.explanation}</p>
      <div className="actions">
        <Link className="button" href={refusal.home.href}>
          {refusal.home.label}
        </Link>
      </div>
    </div>
  );
}
