/**
 * Child process of `npm run bench` (run with --conditions=react-server, as server code loads in
 * Next.js): asks PostgreSQL for the plan of each of the staff dashboard's statements
 * (src/server/staff/dashboard.ts `dashboardQueries`, exactly what the page sends) with
 * EXPLAIN (ANALYZE, BUFFERS), for the supervisor and now. Answers in JSON (lib/child.ts).
 */
import pg from "pg";
import { writeResult } from "./lib/child.ts";
import { explainDashboard } from "./lib/dashboard-plans.ts";

const client = new pg.Client(process.env.DATABASE_URL!);
await client.connect();
try {
  const staff = await client.query<{ id: string }>(`SELECT "id" FROM "StaffUser" WHERE "email" = 'supervisor@recordconnect.example'`);
  await writeResult(await explainDashboard(client, staff.rows[0]!.id, new Date(), true));
} finally {
  await client.end();
}
