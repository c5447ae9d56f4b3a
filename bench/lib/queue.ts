import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { median, percentile } from "./report.ts";

/**
 * The staff queue at scale. Requests are bulk-loaded with SQL (not through the application) as a
 * records office would accumulate them: ~300 a day, one every 288 seconds, newest first. Whatever
 * arrived in the last 32 days is still open (in every open status), and so is one older request
 * in 200 (the stragglers, overdue), up to 120 days; the rest of the history is closed (completed,
 * rejected, revoked). 1,000 requests are the last 3.3 days, all open; 1,000,000 are 9 years, of
 * which about 10,000 are open — so the queue's open set grows ten-fold while the table grows a
 * thousand-fold. Every row satisfies the table's CHECK constraints (delivery details per method,
 * representative authority, expiration, records described, confirmation-number format).
 */
export const OPEN_STATUSES = ["SUBMITTED", "IN_REVIEW", "DEFICIENT", "VERIFIED", "AWAITING_PAYMENT", "READY_TO_RELEASE", "PICKUP_SCHEDULED", "RELEASED"];

const LAST_NAMES = ["Sample", "Placeholder", "Example", "Tester", "Demo", "Fictional", "Madeup", "Pretend", "Mock", "Dummy", "Specimen", "Standin", "Proxy", "Model", "Pattern", "Instance", "Template", "Prototype", "Figment", "Notreal"];
const FIRST_NAMES = ["Jordan", "Riley", "Morgan", "Casey", "Avery", "Quinn", "Taylor", "Jamie", "Reese", "Rowan", "Skyler", "Emerson", "Finley", "Harper", "Kendall", "Logan", "Parker", "Sawyer", "Sidney", "Drew"];

const INSERT = `
INSERT INTO "AuthorizationRequest" (
  "confirmationNumber", "source", "status", "receivedAt", "dueAt", "commitmentDueAt", "releasedAt", "assigneeId", "closedAt", "closeReason",
  "patientFirstName", "patientLastName", "patientDateOfBirth", "patientPhone", "patientEmail",
  "patientAddressLine1", "patientCity", "patientState", "patientPostalCode",
  "requesterKind", "representativeName", "representativePhone", "representativeAuthority",
  "recipientKind", "completeRecord", "recordTypes", "purpose", "purposeCode", "expirationKind", "expirationDate",
  "deliveryMethod", "deliveryEmail", "mailAddressLine1", "mailCity", "mailState", "mailPostalCode", "pickupPhone",
  "signerName", "signatureMethod", "signedAt", "receivedVia", "createdAt", "updatedAt")
SELECT
  'RC-' || substr(x.h, 1, 4) || '-' || substr(x.h, 5, 4),
  (CASE WHEN g % 10 = 0 THEN 'PAPER' ELSE 'ONLINE' END)::"RequestSource",
  s.status, x.received, x.received + interval '30 days',
  -- About five business days; released 1–16 days after receipt (before closing, never after now).
  x.received + interval '7 days',
  CASE WHEN s.status IN ('RELEASED', 'COMPLETED') THEN LEAST(x.received + (1 + g % 16) * interval '1 day', $6::timestamptz) END,
  CASE WHEN s.status = 'SUBMITTED' THEN NULL ELSE ($3::uuid[])[1 + g % cardinality($3::uuid[])] END,
  CASE WHEN s.closed THEN x.received + interval '21 days' END,
  CASE WHEN s.status IN ('REJECTED', 'REVOKED') THEN 'Closed' END,
  ($4::text[])[1 + (g / 20) % 20], ($5::text[])[1 + g % 20], date '1930-01-01' + ((g::bigint * 7919) % 30000)::int,
  '630-555-0100', 'patient' || g || '@example.com', '100 Example Street', 'Naperville', 'IL', '60540',
  (CASE WHEN g % 5 = 0 THEN 'REPRESENTATIVE' ELSE 'PATIENT' END)::"RequesterKind",
  CASE WHEN g % 5 = 0 THEN 'Riley Placeholder' END,
  CASE WHEN g % 5 = 0 THEN '630-555-0111' END,
  (CASE WHEN g % 5 = 0 THEN 'HEALTH_CARE_POWER_OF_ATTORNEY' END)::"RepresentativeAuthority",
  'SELF'::"RecipientKind", false, '{LAB_RESULTS,VISIT_NOTES}'::"RecordType"[],
  'At the request of the individual', 'AT_REQUEST_OF_INDIVIDUAL',
  'DATE'::"ExpirationKind", (x.received + interval '365 days')::date,
  x.method, CASE WHEN x.method = 'SECURE_EMAIL' THEN 'patient' || g || '@example.com' END,
  CASE WHEN x.method = 'MAIL' THEN '200 Sample Avenue' END,
  CASE WHEN x.method = 'MAIL' THEN 'Wheaton' END,
  CASE WHEN x.method = 'MAIL' THEN 'IL' END,
  CASE WHEN x.method = 'MAIL' THEN '60187' END,
  CASE WHEN x.method = 'PICKUP' THEN '630-555-0122' END,
  'Signed Name', (CASE WHEN g % 10 = 0 THEN 'WET_INK' ELSE 'TYPED' END)::"SignatureMethod", x.received,
  (CASE WHEN g % 10 = 0 THEN (CASE WHEN g % 20 = 0 THEN 'FAX' ELSE 'MAIL' END) END)::"PaperChannel", x.received, x.received
FROM generate_series($1::int, $2::int, $8::int) AS g
CROSS JOIN LATERAL (SELECT
  upper(lpad(to_hex(g), 8, '0')) AS h,
  $6::timestamptz - g * interval '288 seconds' AS received,
  (ARRAY['SECURE_EMAIL', 'MAIL', 'PICKUP'])[1 + g % 3]::"DeliveryMethod" AS method,
  g / 300.0 AS age_days) AS x
CROSS JOIN LATERAL (SELECT
  (x.age_days >= 32 AND NOT (g % 200 = 0 AND x.age_days < 120)) AS closed) AS c
CROSS JOIN LATERAL (SELECT c.closed,
  (CASE WHEN NOT c.closed THEN ($7::text[])[1 + (g * 7) % 8]
        WHEN g % 100 < 90 THEN 'COMPLETED' WHEN g % 100 < 97 THEN 'REJECTED' ELSE 'REVOKED' END)::"RequestStatus" AS status) AS s`;

/**
 * Loads requests number `from`..`to` (1 = the newest) in batches; returns the seconds it took.
 * `every` > 1 loads one request in that many (a sample with the same history, mix and open share).
 */
export async function bulkLoadRequests(databaseUrl: string, from: number, to: number, now: Date, log: (line: string) => void, every = 1): Promise<number> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  const started = performance.now();
  try {
    await client.query("SET synchronous_commit = off");
    const staff = await client.query<{ id: string }>(`SELECT "id" FROM "StaffUser" WHERE "role" IN ('ASSOCIATE', 'SUPERVISOR') ORDER BY "email"`);
    const staffIds = staff.rows.map((r) => r.id);
    const batch = 100_000;
    for (let start = from; start <= to; start += batch) {
      const end = Math.min(to, start + batch - 1);
      // Each batch starts on the sample's own rhythm (from + k·every).
      const first = start + ((((from - start) % every) + every) % every);
      if (first <= end) await client.query(INSERT, [first, end, staffIds, FIRST_NAMES, LAST_NAMES, now, OPEN_STATUSES, every]);
      if (to - from > batch) log(`  loaded requests ${start.toLocaleString("en-US")}–${end.toLocaleString("en-US")}`);
    }
    await client.query(`ANALYZE "AuthorizationRequest"`);
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

/**
 * A staff session made directly in the database (what a completed password + TOTP sign-in
 * creates), so the benchmark does not go through the sign-in screens. Returns the cookie.
 */
export async function staffSessionCookie(databaseUrl: string, email: string): Promise<string> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const token = randomBytes(32).toString("base64url");
    const hash = createHash("sha256").update(token).digest("hex");
    const inserted = await client.query(
      `INSERT INTO "StaffSession" ("userId", "tokenHash", "expiresAt")
       SELECT "id", $2, now() + interval '12 hours' FROM "StaffUser" WHERE "email" = $1 RETURNING "id"`,
      [email, hash],
    );
    if (inserted.rowCount !== 1) throw new Error(`No staff account ${email}`);
    return `rc-staff=${token}`;
  } finally {
    await client.end();
  }
}

export type QueueView = { name: string; query: string };

/** The keyset cursor (`<dueAt ms>_<id>`) of the page that starts `fraction` of the way into the (optionally filtered) open queue. */
export async function deepCursor(databaseUrl: string, fraction: number, delivery?: string): Promise<{ cursor: string; position: number; openRows: number }> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const where = `"status"::text = ANY($1)${delivery ? ` AND "deliveryMethod"::text = $2` : ""}`;
    const params: unknown[] = delivery ? [OPEN_STATUSES, delivery] : [OPEN_STATUSES];
    const count = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuthorizationRequest" WHERE ${where}`, params)).rows[0]!.n);
    const position = Math.floor((count * fraction) / 25) * 25 - 1;
    const row = (
      await client.query<{ dueAt: Date; id: string }>(
        `SELECT "dueAt", "id" FROM "AuthorizationRequest" WHERE ${where} ORDER BY "dueAt", "id" OFFSET ${Math.max(0, position)} LIMIT 1`,
        params,
      )
    ).rows[0];
    if (!row) throw new Error("The queue is empty");
    return { cursor: `${row.dueAt.getTime()}_${row.id}`, position: position + 1, openRows: count };
  } finally {
    await client.end();
  }
}

export type Timing = {
  medianMs: number;
  p95Ms: number;
  samples: number;
  /** The control page's median, fetched after each sample of the view. */
  controlMedianMs: number;
  /** Median over the samples of (view time / control time just after it). */
  medianRatioToControl: number;
};

/**
 * Server time of one queue view: `samples` sequential GETs on one kept-alive connection (after a
 * warm-up), each timed from request to the last byte of the page, on the loopback interface.
 * Every page must be the queue (not the sign-in page or an error).
 */
export async function timeQueueView(origin: string, query: string, cookie: string, samples: number): Promise<Timing> {
  return timeStaffPage(origin, `/staff${query}`, "Request queue", cookie, samples);
}

/**
 * The same for any staff page: `samples` sequential GETs after 10 warm-ups; each answer must be 200
 * and contain `marker`. The control: a signed-in staff page with the same layout and session check
 * but no queue data (the password page), fetched right after each sample. Both move alike with the
 * machine's load; their ratio moves with the page's own work.
 */
export async function timeStaffPage(origin: string, pathAndQuery: string, marker: string, cookie: string, samples: number): Promise<Timing> {
  const url = new URL(pathAndQuery, origin);
  const controlUrl = new URL("/staff/password", origin);
  const times: number[] = [];
  const controls: number[] = [];
  const ratios: number[] = [];
  const timed = async (target: URL, expect: string) => {
    const started = performance.now();
    const response = await fetch(target, { headers: { cookie }, redirect: "manual" });
    const html = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || !html.includes(expect)) throw new Error(`GET ${target.pathname}${target.search} answered ${response.status}, not the page expected`);
    return elapsed;
  };
  for (let i = 0; i < samples + 10; i++) {
    const page = await timed(url, marker);
    const control = await timed(controlUrl, "Change your password");
    if (i >= 10) {
      times.push(page);
      controls.push(control);
      ratios.push(page / control);
    }
  }
  return { medianMs: median(times)!, p95Ms: percentile(times, 95)!, samples: times.length, controlMedianMs: median(controls)!, medianRatioToControl: median(ratios)! };
}
