/**
 * Child process of `npm run bench` (run with --conditions=react-server, as server code loads in
 * Next.js): runs the staff queue's own use case (src/server/staff/queue.ts) for each view given
 * on stdin, captures the SQL Prisma sends for it, and asks PostgreSQL for that statement's plan
 * with EXPLAIN (ANALYZE, BUFFERS) and the same parameters. Answers in JSON (lib/child.ts).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { writeResult } from "./lib/child.ts";

type View = { name: string; query: Record<string, string> };
type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

const views = JSON.parse(await new Promise<string>((resolve) => {
  let input = "";
  process.stdin.on("data", (c) => (input += c));
  process.stdin.on("end", () => resolve(input));
})) as View[];

const databaseUrl = process.env.DATABASE_URL!;
const captured: Array<{ query: string; params: string }> = [];
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }), log: [{ emit: "event", level: "query" }] });
prisma.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
// The application's db() hands out this client (it keeps one per process on globalThis).
(globalThis as unknown as { rcPrisma?: PrismaClient }).rcPrisma = prisma;

const { queuePage, queueQuerySchema } = await import("../src/server/staff/queue.ts");
const staff = await prisma.staffUser.findFirstOrThrow({ where: { email: "supervisor@recordconnect.example" } });
const identity = { id: staff.id, email: staff.email, name: staff.name, role: staff.role, sessionId: "bench" };

const client = new pg.Client(databaseUrl);
await client.connect();
const results = [];
for (const view of views) {
  captured.length = 0;
  await queuePage(identity, queueQuerySchema.parse(view.query));
  const statement = captured.find((c) => /^SELECT/i.test(c.query.trim()) && c.query.includes(`"AuthorizationRequest"`));
  if (!statement) throw new Error(`No query on the requests table for ${view.name}`);
  const params = JSON.parse(statement.params) as unknown[];
  const explained = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }> }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.query}`,
    params,
  );
  const plan = explained.rows[0]!["QUERY PLAN"][0]!;
  const nodes: string[] = [];
  let seqScanOnRequests = false;
  const walk = (node: PlanNode) => {
    nodes.push(`${node["Node Type"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}${node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""}`);
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "AuthorizationRequest") seqScanOnRequests = true;
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan.Plan);
  results.push({ name: view.name, sql: statement.query, params, nodes, seqScanOnRequests, executionTimeMs: plan["Execution Time"], plan: plan.Plan });
}
await client.end();
await prisma.$disconnect();
await writeResult(results);
