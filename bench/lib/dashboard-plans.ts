import type pg from "pg";
import { dashboardWindow } from "../../src/domain/dashboard.ts";
import { dashboardQueries } from "../../src/server/staff/dashboard.ts";

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
export type StatementPlan = { name: string; sql: string; nodes: string[]; indexes: string[]; seqScanOnRequests: boolean; executionTimeMs: number };

/**
 * The plan of each dashboard statement (the very Prisma.sql the page runs), walked for the scans it
 * makes: a sequential scan of the requests table is what must never happen. With `analyze`, it
 * runs too (EXPLAIN ANALYZE) and the time is PostgreSQL's own.
 */
export async function explainDashboard(client: pg.Client, staffId: string, now: Date, analyze: boolean): Promise<StatementPlan[]> {
  const w = dashboardWindow(now);
  const statements = {
    "open by status and method": dashboardQueries.openByStatusAndMethod(),
    "overdue and due this week": dashboardQueries.deadlines(now, w.weekEnd),
    "past our commitment": dashboardQueries.commitmentMissed(now),
    "my requests": dashboardQueries.mine(staffId, now, w.weekEnd),
    "turnaround over 90 days": dashboardQueries.turnaround(w.since, now),
  };
  const results: StatementPlan[] = [];
  for (const [name, statement] of Object.entries(statements)) {
    const explained = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time"?: number }> }>(
      `EXPLAIN (${analyze ? "ANALYZE, BUFFERS, " : ""}FORMAT JSON) ${statement.text}`,
      statement.values as unknown[],
    );
    const plan = explained.rows[0]!["QUERY PLAN"][0]!;
    const nodes: string[] = [];
    const indexes: string[] = [];
    let seqScanOnRequests = false;
    const walk = (node: PlanNode) => {
      nodes.push(`${node["Node Type"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}${node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""}`);
      if (node["Index Name"]) indexes.push(node["Index Name"]);
      if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "AuthorizationRequest") seqScanOnRequests = true;
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(plan.Plan);
    results.push({ name, sql: statement.text, nodes, indexes, seqScanOnRequests, executionTimeMs: plan["Execution Time"] ?? 0 });
  }
  return results;
}
