import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { dashboardWindow, type DashboardWindow, DELIVERY_METHODS, type DeliveryMethod, statusMethodTable, type StatusMethodTable } from "@/domain/dashboard";
import type { RequestStatus } from "@/domain/lifecycle";
import { can } from "@/domain/staff-access";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { StaffIdentity } from "./auth";

export type Turnaround = { method: DeliveryMethod | "ALL"; released: number; medianDays: number | null; p90Days: number | null; withinCommitment: number; withCommitment: number };

export type Dashboard = {
  window: DashboardWindow;
  open: StatusMethodTable;
  overdue: number;
  dueThisWeek: number;
  commitmentMissed: number;
  mine: { open: number; overdue: number; dueThisWeek: number };
  turnaround: Turnaround[];
};

/**
 * The dashboard's statements, one per figure, each an index range over open requests or the last
 * 90 days of releases (migration 20261129213000_staff_dashboard_and_commitment), so they cost the
 * same with a million closed requests behind them (bench/dashboard-plans.ts, docs/performance.md).
 * Exported for the benchmark and the plan test, which EXPLAIN exactly these.
 */
export const dashboardQueries = {
  /** Open requests by status and delivery method: (closedAt, status, deliveryMethod). */
  openByStatusAndMethod: () => Prisma.sql`
    SELECT "status"::text AS "status", "deliveryMethod"::text AS "method", count(*)::int AS "count"
    FROM "AuthorizationRequest" WHERE "closedAt" IS NULL
    GROUP BY "status", "deliveryMethod"`,
  /** Overdue (the due day is over) and due this week: (closedAt, dueAt, id), up to the week's end only. */
  deadlines: (now: Date, weekEnd: Date) => Prisma.sql`
    SELECT count(*) FILTER (WHERE "dueAt" < ${now})::int AS "overdue",
           count(*) FILTER (WHERE "dueAt" >= ${now})::int AS "dueThisWeek"
    FROM "AuthorizationRequest" WHERE "closedAt" IS NULL AND "dueAt" <= ${weekEnd}`,
  /** Open, not released, and past our own commitment: (closedAt, releasedAt, commitmentDueAt), one range. */
  commitmentMissed: (now: Date) => Prisma.sql`
    SELECT count(*)::int AS "count"
    FROM "AuthorizationRequest" WHERE "closedAt" IS NULL AND "commitmentDueAt" < ${now} AND "releasedAt" IS NULL`,
  /** This staff member's open requests: (assigneeId, closedAt, dueAt). */
  mine: (staffId: string, now: Date, weekEnd: Date) => Prisma.sql`
    SELECT count(*)::int AS "open",
           count(*) FILTER (WHERE "dueAt" < ${now})::int AS "overdue",
           count(*) FILTER (WHERE "dueAt" >= ${now} AND "dueAt" <= ${weekEnd})::int AS "dueThisWeek"
    FROM "AuthorizationRequest" WHERE "assigneeId" = ${staffId}::uuid AND "closedAt" IS NULL`,
  /**
   * Receipt → release over the window, by method and for all (GROUPING SETS), median and 90th
   * percentile in days (percentile_cont interpolates), and how many met our commitment:
   * (releasedAt, deliveryMethod, receivedAt, commitmentDueAt).
   */
  turnaround: (since: Date, now: Date) => Prisma.sql`
    SELECT "deliveryMethod"::text AS "method", count(*)::int AS "released",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "releasedAt" - "receivedAt")) / 86400 AS "medianDays",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "releasedAt" - "receivedAt")) / 86400 AS "p90Days",
           count(*) FILTER (WHERE "releasedAt" <= "commitmentDueAt")::int AS "withinCommitment",
           count("commitmentDueAt")::int AS "withCommitment"
    FROM "AuthorizationRequest" WHERE "releasedAt" >= ${since} AND "releasedAt" <= ${now}
    GROUP BY GROUPING SETS (("deliveryMethod"), ())`,
};

/** The dashboard for one staff member (queue.view: associates and supervisors); the view is audited. */
export async function dashboardFor(staff: StaffIdentity, now = new Date()): Promise<Dashboard | null> {
  if (!can(staff.role, "queue.view")) return null;
  const window = dashboardWindow(now);
  const q = dashboardQueries;
  const [open, [deadlines], [missed], [mine], turnaround] = await Promise.all([
    db().$queryRaw<Array<{ status: RequestStatus; method: DeliveryMethod; count: number }>>(q.openByStatusAndMethod()),
    db().$queryRaw<Array<{ overdue: number; dueThisWeek: number }>>(q.deadlines(now, window.weekEnd)),
    db().$queryRaw<Array<{ count: number }>>(q.commitmentMissed(now)),
    db().$queryRaw<Array<{ open: number; overdue: number; dueThisWeek: number }>>(q.mine(staff.id, now, window.weekEnd)),
    db().$queryRaw<Array<{ method: DeliveryMethod | null; released: number; medianDays: number | null; p90Days: number | null; withinCommitment: number; withCommitment: number }>>(
      q.turnaround(window.since, now),
    ),
  ]);
  const byMethod = new Map(turnaround.map((t) => [t.method ?? "ALL", t]));
  await recordAudit(db(), { actor: { type: "STAFF", id: staff.id, role: staff.role }, action: "dashboard.viewed", objectType: "Dashboard" });
  return {
    window,
    open: statusMethodTable(open.map((o) => ({ status: o.status, method: o.method, count: o.count }))),
    overdue: deadlines?.overdue ?? 0,
    dueThisWeek: deadlines?.dueThisWeek ?? 0,
    commitmentMissed: missed?.count ?? 0,
    mine: { open: mine?.open ?? 0, overdue: mine?.overdue ?? 0, dueThisWeek: mine?.dueThisWeek ?? 0 },
    turnaround: [...DELIVERY_METHODS, "ALL" as const].map((method) => {
      const t = byMethod.get(method);
      return {
        method,
        released: t?.released ?? 0,
        medianDays: t?.medianDays === null || t?.medianDays === undefined ? null : Number(t.medianDays),
        p90Days: t?.p90Days === null || t?.p90Days === undefined ? null : Number(t.p90Days),
        withinCommitment: t?.withinCommitment ?? 0,
        withCommitment: t?.withCommitment ?? 0,
      };
    }),
  };
}
