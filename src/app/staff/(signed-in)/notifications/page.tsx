import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/domain/format";
import { can } from "@/domain/staff-access";
import { notificationTemplateLabels } from "@/server/notifications/templates";
import { notificationsForStaff, RESEND_REFUSALS, type ResendRefusal, type StaffNotificationRow } from "@/server/staff/notifications";
import { requireStaffPage } from "@/server/staff/session";
import { resendNotificationAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("notification.resend");
  const lists = (await notificationsForStaff(staff))!;
  const query = await searchParams;
  const refused = typeof query.refused === "string" && query.refused in RESEND_REFUSALS ? RESEND_REFUSALS[query.refused as ResendRefusal] : null;
  const linkRequests = can(staff.role, "request.view");

  return (
    <div className="container section stack">
      <h1>Notifications</h1>
      <p>
        E-mails to requesters say only that there is an update on their request, with a link to the portal. A message the mail server refuses
        for good, or that fails on every attempt, is not delivered: check the reason, then resend it.
      </p>
      {query.resent ? (
        <div className="notice notice-success" role="status">
          <p>The notification is queued again; it will be sent in a moment.</p>
        </div>
      ) : null}
      {refused ? (
        <div className="notice notice-error" role="alert">
          <p>{refused}</p>
        </div>
      ) : null}

      <section className="stack" aria-labelledby="dead-heading">
        <h2 id="dead-heading">Not delivered ({lists.dead.length})</h2>
        {lists.dead.length === 0 ? (
          <p>Every notification was delivered or is still being tried.</p>
        ) : (
          <NotificationTable rows={lists.dead} caption="Notifications not delivered, newest first" linkRequests={linkRequests} />
        )}
      </section>

      <section className="stack" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting to be sent ({lists.waiting.length})</h2>
        {lists.waiting.length === 0 ? (
          <p>No notification is waiting.</p>
        ) : (
          <NotificationTable rows={lists.waiting} caption="Notifications waiting to be sent, those that failed before first" linkRequests={linkRequests} waiting />
        )}
      </section>
    </div>
  );
}

function NotificationTable({ rows, caption, linkRequests, waiting = false }: { rows: StaffNotificationRow[]; caption: string; linkRequests: boolean; waiting?: boolean }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Confirmation</th>
            <th scope="col">Message</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Created</th>
            {waiting ? <th scope="col">Next attempt</th> : null}
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => {
            const label = notificationTemplateLabels[n.template];
            const reference = n.confirmationNumber ?? "—";
            return (
              <tr key={n.id}>
                <th scope="row">{linkRequests && n.requestId ? <Link href={`/staff/requests/${n.requestId}`}>{reference}</Link> : reference}</th>
                <td>{label}</td>
                <td>{n.attempts}</td>
                <td>{n.lastError ?? "—"}</td>
                <td>{formatDateTime(n.createdAt)}</td>
                {waiting ? <td>{formatDateTime(n.nextAttemptAt)}</td> : null}
                <td>
                  {n.template === "ACCESS_CODE" ? null : (
                    <form action={resendNotificationAction} className="inline-form">
                      <input type="hidden" name="notificationId" value={n.id} />
                      <button type="submit" className="button-secondary">
                        {waiting ? "Send now" : "Resend"}
                        <span className="visually-hidden">
                          {" "}
                          {label} for {reference}
                        </span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
