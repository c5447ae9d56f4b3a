import type { ReactNode } from "react";
import Link from "next/link";
import { can, staffRoleLabels } from "@/domain/staff-access";
import { currentStaff } from "@/server/staff/session";
import { pendingPaperUploadCount } from "@/server/third-party/paper-uploads";
import { signOutAction } from "../sign-in/actions";

/** The staff bar. Display only: every page checks its own access (SECURITY.md §1). */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  // Third parties' uploaded paper authorizations waiting for verification (docs/decisions/0017).
  const pendingUploads = staff && !staff.mustChangePassword ? await pendingPaperUploadCount(staff) : null;
  return (
    <>
      {staff ? (
        <div className="staff-bar">
          <div className="container staff-bar-inner">
            {/* While a password change is required, nothing else is open: no links to it either. */}
            <nav aria-label="Staff" className="inline-form">
              {!staff.mustChangePassword && can(staff.role, "queue.view") ? <Link href="/staff/dashboard">Dashboard</Link> : null}
              {!staff.mustChangePassword && can(staff.role, "queue.view") ? <Link href="/staff">Queue</Link> : null}
              {pendingUploads !== null ? (
                <Link href="/staff/paper-uploads">
                  Uploaded authorizations <span className="badge">{pendingUploads}</span>
                  <span className="visually-hidden"> waiting</span>
                </Link>
              ) : null}
              {!staff.mustChangePassword && can(staff.role, "notification.resend") ? <Link href="/staff/notifications">Notifications</Link> : null}
              {!staff.mustChangePassword && can(staff.role, "staff.manage") ? <Link href="/staff/accounts">Accounts</Link> : null}
              {!staff.mustChangePassword && can(staff.role, "fees.schedule") ? <Link href="/staff/fee-schedules">Fee schedules</Link> : null}
              {!staff.mustChangePassword && can(staff.role, "settings.manage") ? <Link href="/staff/settings">Settings</Link> : null}
              <Link href="/staff/password">Password</Link>
            </nav>
            <p>
              {staff.name} · {staffRoleLabels[staff.role]}
            </p>
            <form action={signOutAction}>
              <button type="submit" className="button-secondary">
                Sign out
              </button>
            </form>
          </div>
        </div>
      ) : null}
      {children}
    </>
  );
}
