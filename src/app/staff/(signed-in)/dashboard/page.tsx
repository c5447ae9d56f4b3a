import type { Metadata } from "next";
import Link from "next/link";
import { DELIVERY_METHODS, formatDays, methodShortLabels, TURNAROUND_DAYS } from "@/domain/dashboard";
import { formatIsoDate } from "@/domain/format";
import { statusLabels } from "@/domain/lifecycle";
import { plural } from "@/domain/plural";
import { responseCommitmentDays } from "@/server/settings";
import { dashboardFor } from "@/server/staff/dashboard";
import { requireStaffPage } from "@/server/staff/session";
import { BarChart } from "./BarChart";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const METHOD_COLORS = { SECURE_EMAIL: "#005ea2", MAIL: "#8a4b00", PICKUP: "#00703c" } as const;
const n = (v: number) => v.toLocaleString("en-US");
const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : "—");

/**
 * The staff dashboard (issue 13; docs/decisions/0020): open requests by status and method, what
 * is overdue, due this week or past our own commitment, this person's requests, and turnaround
 * over 90 days — each chart with its figures in a table. Associates and supervisors (queue.view).
 */
export default async function DashboardPage() {
  const staff = await requireStaffPage("queue.view");
  const now = new Date();
  const [d, commitmentDays] = await Promise.all([dashboardFor(staff, now), responseCommitmentDays()]);
  if (!d) return null; // requireStaffPage refused already; kept for the type
  const methods = DELIVERY_METHODS.map((m) => ({ key: m, label: methodShortLabels[m] }));
  const openRows = d.open.rows;
  const turnaround = d.turnaround.filter((t) => t.method !== "ALL");
  const all = d.turnaround.find((t) => t.method === "ALL")!;

  return (
    <div className="container section stack">
      <h1>Dashboard</h1>
      <p className="hint">
        Today is {formatIsoDate(d.window.today)} in Chicago. Deadlines are calendar days there; “this week” is today through {formatIsoDate(d.window.weekEndDay)}.
      </p>

      <ul className="dashboard-tiles" aria-label="At a glance">
        <li>
          <Link href="/staff">
            <span className="tile-figure">{n(d.open.total)}</span> open requests
          </Link>
        </li>
        <li className={d.overdue > 0 ? "tile-alert" : undefined}>
          <Link href="/staff?due=overdue">
            <span className="tile-figure">{n(d.overdue)}</span> overdue (past the legal due date)
          </Link>
        </li>
        <li>
          <Link href="/staff?due=week">
            <span className="tile-figure">{n(d.dueThisWeek)}</span> due this week
          </Link>
        </li>
        <li className={d.commitmentMissed > 0 ? "tile-alert" : undefined}>
          <Link href="/staff?due=commitment">
            <span className="tile-figure">{n(d.commitmentMissed)}</span> past our {commitmentDays}-business-day commitment, not yet released
          </Link>
        </li>
      </ul>

      <section aria-labelledby="mine-heading" className="stack">
        <h2 id="mine-heading">My requests</h2>
        <ul className="dashboard-tiles" aria-label="My requests">
          <li>
            <Link href="/staff?who=mine">
              <span className="tile-figure">{n(d.mine.open)}</span> open, assigned to me
            </Link>
          </li>
          <li className={d.mine.overdue > 0 ? "tile-alert" : undefined}>
            <Link href="/staff?who=mine&due=overdue">
              <span className="tile-figure">{n(d.mine.overdue)}</span> of mine overdue
            </Link>
          </li>
          <li>
            <Link href="/staff?who=mine&due=week">
              <span className="tile-figure">{n(d.mine.dueThisWeek)}</span> of mine due this week
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="open-heading" className="stack">
        <h2 id="open-heading">Open requests by status and delivery method</h2>
        <BarChart
          stacked
          wholeNumbers
          label={`Bar chart: ${n(d.open.total)} open requests by status, each bar split by delivery method. The figures are in the table below.`}
          categories={openRows.map((r) => statusLabels[r.status])}
          series={methods.map((m) => ({ name: m.label, color: METHOD_COLORS[m.key], values: openRows.map((r) => r.byMethod[m.key]) }))}
        />
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="open-caption">
          <table>
            <caption id="open-caption">Open requests by status and delivery method</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                {methods.map((m) => (
                  <th scope="col" className="numeric" key={m.key}>
                    {m.label}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  All methods
                </th>
              </tr>
            </thead>
            <tbody>
              {openRows.map((r) => (
                <tr key={r.status}>
                  <th scope="row">
                    <Link href={`/staff?status=${r.status}`}>{statusLabels[r.status]}</Link>
                  </th>
                  {methods.map((m) => (
                    <td className="numeric" key={m.key}>
                      {n(r.byMethod[m.key])}
                    </td>
                  ))}
                  <td className="numeric">{n(r.total)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All open</th>
                {methods.map((m) => (
                  <td className="numeric" key={m.key}>
                    {n(d.open.totals[m.key])}
                  </td>
                ))}
                <td className="numeric">{n(d.open.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="turnaround-heading" className="stack">
        <h2 id="turnaround-heading">Turnaround over the last {TURNAROUND_DAYS} days</h2>
        <p>
          From receipt to release, for the {plural(all.released, "request")} released since {formatIsoDate(d.window.sinceDay)}: median {formatDays(all.medianDays)}, 90th percentile {formatDays(all.p90Days)}.
          {all.withCommitment ? ` ${percent(all.withinCommitment, all.withCommitment)} went out within our commitment.` : ""}
        </p>
        <BarChart
          label={`Bar chart: median and 90th-percentile days from receipt to release over the last ${TURNAROUND_DAYS} days, by delivery method. The figures are in the table below.`}
          categories={turnaround.map((t) => (t.method === "ALL" ? "All methods" : methodShortLabels[t.method]))}
          series={[
            { name: "Median", color: "#005ea2", values: turnaround.map((t) => t.medianDays ?? 0) },
            { name: "90th percentile", color: "#8a4b00", values: turnaround.map((t) => t.p90Days ?? 0) },
          ]}
          format={(v) => (v < 10 ? (Math.round(v * 10) / 10).toString() : Math.round(v).toString())}
        />
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="turnaround-caption">
          <table>
            <caption id="turnaround-caption">Days from receipt to release, last {TURNAROUND_DAYS} days, by delivery method</caption>
            <thead>
              <tr>
                <th scope="col">Delivery method</th>
                <th scope="col" className="numeric">
                  Released
                </th>
                <th scope="col" className="numeric">
                  Median
                </th>
                <th scope="col" className="numeric">
                  90th percentile
                </th>
                <th scope="col" className="numeric">
                  Within our commitment
                </th>
              </tr>
            </thead>
            <tbody>
              {d.turnaround.map((t) => (
                <tr key={t.method}>
                  <th scope="row">{t.method === "ALL" ? "All methods" : methodShortLabels[t.method]}</th>
                  <td className="numeric">{n(t.released)}</td>
                  <td className="numeric">{formatDays(t.medianDays)}</td>
                  <td className="numeric">{formatDays(t.p90Days)}</td>
                  <td className="numeric">{t.withCommitment ? `${n(t.withinCommitment)} of ${n(t.withCommitment)} (${percent(t.withinCommitment, t.withCommitment)})` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
