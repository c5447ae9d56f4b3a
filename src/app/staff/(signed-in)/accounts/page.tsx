import type { Metadata } from "next";
import { formatDateTime } from "@/domain/format";
import { STAFF_ROLES, staffRoleLabels } from "@/domain/staff-access";
import { listAccounts } from "@/server/staff/accounts";
import { requireStaffPage } from "@/server/staff/session";
import { changeRoleAction, setDisabledAction } from "./actions";
import { NewAccountForm } from "./NewAccountForm";
import { ResetPasswordForm } from "./ResetPasswordForm";

export const metadata: Metadata = { title: "Staff accounts" };
export const dynamic = "force-dynamic";

export default async function AccountsPage() {
  const admin = await requireStaffPage("staff.manage");
  const accounts = await listAccounts();
  return (
    <div className="container section stack">
      <h1>Staff accounts</h1>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Staff accounts">
        <table>
          <caption className="visually-hidden">Staff accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Second factor</th>
              <th scope="col">Last active</th>
              <th scope="col">Password</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.email}</td>
                <td>
                  {a.id === admin.id ? (
                    staffRoleLabels[a.role]
                  ) : (
                    <form action={changeRoleAction} className="inline-form">
                      <input type="hidden" name="userId" value={a.id} />
                      <label className="visually-hidden" htmlFor={`role-${a.id}`}>
                        Role of {a.name}
                      </label>
                      <select id={`role-${a.id}`} name="role" defaultValue={a.role}>
                        {STAFF_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {staffRoleLabels[r]}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button-secondary">
                        Change role<span className="visually-hidden"> of {a.name}</span>
                      </button>
                    </form>
                  )}
                </td>
                <td>{a.totpEnrolledAt ? "Set up" : "At first sign-in"}</td>
                <td>{a.sessions[0] ? formatDateTime(a.sessions[0].lastSeenAt) : "—"}</td>
                <td>
                  {a.mustChangePassword ? "One-time (to change at sign-in)" : "Chosen by them"}
                  {a.id === admin.id ? null : <ResetPasswordForm userId={a.id} name={a.name} />}
                </td>
                <td>
                  {a.disabledAt ? "Disabled" : "Active"}
                  {a.id === admin.id ? null : (
                    <form action={setDisabledAction} className="inline-form">
                      <input type="hidden" name="userId" value={a.id} />
                      <input type="hidden" name="disabled" value={a.disabledAt ? "false" : "true"} />
                      <button type="submit" className={a.disabledAt ? "button-secondary" : "button-danger"}>
                        {a.disabledAt ? "Enable" : "Disable"}
                        <span className="visually-hidden"> {a.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewAccountForm />
    </div>
  );
}
