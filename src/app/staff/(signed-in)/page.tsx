import type { Metadata } from "next";
import Link from "next/link";
import { daysRemaining } from "@/domain/deadlines";
import { formatDate } from "@/domain/format";
import { deliveryMethodLabels } from "@/domain/labels";
import { REQUEST_STATUSES, statusLabels } from "@/domain/lifecycle";
import { can } from "@/domain/staff-access";
import { plural } from "@/domain/plural";
import { queueCounts, queuePage, queueQuerySchema } from "@/server/staff/queue";
import { CommitmentDue } from "./CommitmentDue";
import { QueueGlance } from "./QueueGlance";
import { requireStaffPage } from "@/server/staff/session";

export const metadata: Metadata = { title: "Request queue" };
export const dynamic = "force-dynamic";

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("queue.view");
  const raw = await searchParams;
  const query = queueQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const now = new Date();
  const [{ rows, next }, counts] = await Promise.all([queuePage(staff, query, now), queueCounts(staff, now)]);
  const nextHref = next ? `/staff?${new URLSearchParams({ ...stripUndefined({ ...query, after: undefined }), after: next }).toString()}` : null;

  return (
    <div className="container section stack">
      <div className="page-heading">
        <h1>Request queue</h1>
        {can(staff.role, "request.key_paper") ? (
          <Link href="/staff/requests/new" className="button">
            Key in a paper form
          </Link>
        ) : null}
      </div>
      <QueueGlance counts={counts} />
      {/* Keyed by the view: a link to another view (the counts above) must show its filters, not the last ones. */}
      <form key={new URLSearchParams(stripUndefined({ ...query, after: undefined })).toString()} method="get" className="queue-filters" role="search" aria-label="Filter and search the queue">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="RC-7K3M-Q9PX, INV-2026-…, name, e-mail, or 03/14/1984" aria-describedby="q-hint" />
          <span className="hint" id="q-hint">
            Confirmation or invoice number, the patient&apos;s or requester&apos;s name, an e-mail address, or a date of birth.
          </span>
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">All open</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="delivery">Delivery method</label>
          <select id="delivery" name="delivery" defaultValue={query.delivery ?? ""}>
            <option value="">Any</option>
            {(["SECURE_EMAIL", "MAIL", "PICKUP"] as const).map((m) => (
              <option key={m} value={m}>
                {deliveryMethodLabels[m].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="source">Received</label>
          <select id="source" name="source" defaultValue={query.source ?? ""}>
            <option value="">Online or on paper</option>
            <option value="ONLINE">Online</option>
            <option value="PAPER">On paper</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="due">Due</label>
          <select id="due" name="due" defaultValue={query.due ?? ""}>
            <option value="">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="soon">Due within 5 days</option>
            <option value="week">Due this week (7 days)</option>
            <option value="commitment">Past our commitment</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="who">Assigned</label>
          <select id="who" name="who" defaultValue={query.who ?? ""}>
            <option value="">Anyone</option>
            <option value="mine">Mine</option>
            <option value="unassigned">Unassigned</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Apply
          </button>
          <Link href="/staff">Clear</Link>
        </div>
      </form>

      <div className="table-wrap" tabIndex={0} role="region" aria-label="Requests, sorted by due date">
        <table>
          <caption className="visually-hidden">Requests, sorted by due date, soonest first</caption>
          <thead>
            <tr>
              <th scope="col">Confirmation</th>
              <th scope="col">Patient</th>
              <th scope="col">Requester</th>
              <th scope="col">Delivery</th>
              <th scope="col">Status</th>
              <th scope="col">Received</th>
              <th scope="col">Due (legal)</th>
              <th scope="col">Our commitment</th>
              <th scope="col">Assignee</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const left = daysRemaining(r.dueAt, now);
              const urgency = left < 0 ? "overdue" : left <= 5 ? "due-soon" : null;
              return (
                <tr key={r.id} className={urgency ?? undefined}>
                  <td>
                    <Link href={`/staff/requests/${r.id}`}>{r.confirmationNumber}</Link>
                    {r.source === "PAPER" ? <span className="badge badge-paper">Paper</span> : null}
                  </td>
                  <td>{r.patientName}</td>
                  <td>
                    {r.requesterKind === "PATIENT" ? "Patient" : "Representative"}
                    {r.requestedBy ? <span className="badge">Requested by {r.requestedBy}</span> : null}
                  </td>
                  <td>{deliveryMethodLabels[r.deliveryMethod].label}</td>
                  <td>{statusLabels[r.status]}</td>
                  <td>{formatDate(r.receivedAt)}</td>
                  <td>
                    {formatDate(r.dueAt)}
                    {urgency === "overdue" ? <strong className="badge badge-danger"> Overdue by {plural(-left, "day")}</strong> : null}
                    {urgency === "due-soon" ? <strong className="badge badge-warning"> {plural(left, "day")} left</strong> : null}
                  </td>
                  <td>
                    <CommitmentDue commitmentDueAt={r.commitmentDueAt} releasedAt={r.releasedAt} now={now} />
                  </td>
                  <td>{r.assigneeName ?? "Unassigned"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p>No requests match.</p> : null}
      {nextHref ? (
        <p>
          <Link href={nextHref}>Next page</Link>
        </p>
      ) : null}
    </div>
  );
}

function stripUndefined(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}
