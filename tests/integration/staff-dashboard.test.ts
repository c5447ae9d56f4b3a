import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { dashboardWindow } from "@/domain/dashboard";
import { newConfirmationNumber } from "@/domain/ids";
import { commitmentDueDate } from "@/domain/response-commitment";
import type { StaffIdentity } from "@/server/staff/auth";
import { dashboardFor } from "@/server/staff/dashboard";
import { saveResponseCommitment } from "@/server/staff/policy-settings";
import { openDocument } from "@/server/staff/requests";
import { releaseBySecureEmail } from "@/server/staff/release";
import { responseCommitmentDays } from "@/server/settings";
import { bulkLoadRequests } from "../../bench/lib/queue.ts";
import { explainDashboard } from "../../bench/lib/dashboard-plans.ts";
import { applyMigrations } from "../../scripts/lib/schema-engine.ts";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";
import { lifecycle } from "./lifecycle-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const { staffMember, submitted, readyToRelease, verified, v } = lifecycle(prisma);

const DAY = 86_400_000;
let staff: StaffIdentity;
let admin: StaffIdentity;

beforeAll(async () => {
  staff = await staffMember("ASSOCIATE");
  admin = await staffMember("ADMIN");
});

/** A minimal valid request row (what the queue tests use), with the times a test gives it. */
function row(overrides: Partial<Prisma.AuthorizationRequestUncheckedCreateInput> & { receivedAt: Date }): Prisma.AuthorizationRequestUncheckedCreateInput {
  return {
    confirmationNumber: newConfirmationNumber(),
    status: "IN_REVIEW",
    dueAt: new Date(overrides.receivedAt.getTime() + 30 * DAY),
    patientFirstName: "Dash",
    patientLastName: "Sample",
    patientDateOfBirth: new Date("1980-01-01"),
    patientPhone: "630-555-0100",
    patientAddressLine1: "100 Example Street",
    patientCity: "Naperville",
    patientState: "IL",
    patientPostalCode: "60540",
    requesterKind: "PATIENT",
    recipientKind: "SELF",
    recordTypes: ["LAB_RESULTS"],
    purpose: "At the request of the individual",
    expirationKind: "DATE",
    expirationDate: new Date("2099-01-01"),
    deliveryMethod: "PICKUP",
    pickupPhone: "630-555-0122",
    signerName: "Dash Sample",
    signatureMethod: "TYPED",
    signedAt: overrides.receivedAt,
    ...overrides,
  };
}
const mail = { deliveryMethod: "MAIL" as const, pickupPhone: null, mailAddressLine1: "1 Main St", mailCity: "Wheaton", mailState: "IL", mailPostalCode: "60187" };
const email = { deliveryMethod: "SECURE_EMAIL" as const, pickupPhone: null, deliveryEmail: "dash@example.com" };

describe("the staff dashboard's figures, against requests of known dates", () => {
  // Other test files add requests meanwhile, all dated around today. These are dated in 1989 and
  // 2041, so a dashboard asked "as of" those days counts exactly this file's rows.
  it("counts overdue, due this week and past our commitment in Chicago calendar days", async () => {
    // As of Wednesday 15 March 1989, 10:00 in Chicago.
    const now = new Date("1989-03-15T16:00:00Z");
    const w = dashboardWindow(now);
    expect([w.today, w.weekEndDay]).toEqual(["1989-03-15", "1989-03-21"]);
    const received = new Date("1989-02-10T15:00:00Z");
    const due = (day: string) => new Date(`${day}T23:59:59.999-06:00`); // end of a Chicago day (CST)
    await prisma.authorizationRequest.createMany({
      data: [
        // Overdue: due yesterday (its day is over), and one due long ago.
        row({ receivedAt: received, dueAt: due("1989-03-14"), commitmentDueAt: due("1989-02-17"), assigneeId: staff.id }),
        row({ receivedAt: received, dueAt: due("1989-03-01"), commitmentDueAt: due("1989-02-17"), ...mail }),
        // Due today (not overdue until the day ends) and on the last day of the week: due this week.
        row({ receivedAt: received, dueAt: due("1989-03-15"), commitmentDueAt: due("1989-03-14"), assigneeId: staff.id, ...email }),
        row({ receivedAt: received, dueAt: due("1989-03-21"), commitmentDueAt: due("1989-03-15") }),
        // Due the day after the week: neither.
        row({ receivedAt: received, dueAt: due("1989-03-22"), commitmentDueAt: due("1989-03-16") }),
        // Released already: past its commitment, but not counted as missed (the records went out).
        row({ receivedAt: received, status: "RELEASED", releasedAt: new Date("1989-02-20T15:00:00Z"), dueAt: due("1989-03-20"), commitmentDueAt: due("1989-02-17") }),
        // Closed: counted nowhere.
        row({ receivedAt: received, status: "COMPLETED", closedAt: new Date("1989-03-01T15:00:00Z"), closeReason: "Done", dueAt: due("1989-03-02"), commitmentDueAt: due("1989-02-17"), assigneeId: staff.id }),
      ],
    });
    const d = (await dashboardFor(staff, now))!;
    expect(d.overdue).toBe(2);
    expect(d.dueThisWeek).toBe(3); // due 15, 20 (the released one, still open) and 21 March
    // Commitments before today that are not released: 17 Feb ×2 and 14 March; 15 March is today (not yet missed).
    expect(d.commitmentMissed).toBe(3);
    expect(d.mine).toEqual({ open: 2, overdue: 1, dueThisWeek: 1 });
  });

  it("gives turnaround over the last 90 days by method: median and 90th percentile from receipt to release", async () => {
    // As of 1 June 2041 in Chicago; the window starts on 3 March 2041.
    const now = new Date("2041-06-01T17:00:00Z");
    expect(dashboardWindow(now).sinceDay).toBe("2041-03-04");
    const released = (receivedDay: string, days: number, extra: typeof mail | Record<string, never> = {}) => {
      const receivedAt = new Date(`${receivedDay}T15:00:00Z`);
      return row({ receivedAt, status: "COMPLETED", closedAt: new Date(receivedAt.getTime() + 40 * DAY), closeReason: "Done", releasedAt: new Date(receivedAt.getTime() + days * DAY), commitmentDueAt: commitmentDueDate(receivedAt, 5), ...extra });
    };
    await prisma.authorizationRequest.createMany({
      data: [
        // Pickup: 1, 2, 3, 4, 10 days → median 3, p90 = 4 + 0.6 × (10 − 4) = 7.6 (percentile_cont interpolates).
        released("2041-04-01", 1),
        released("2041-04-02", 2),
        released("2041-04-03", 3),
        released("2041-04-06", 4),
        released("2041-04-07", 10),
        // Mail: 2 and 6 days → median 4, p90 5.6.
        released("2041-05-01", 2, mail),
        released("2041-05-04", 6, mail),
        // Released before the window (2 March): left out.
        released("2041-02-20", 10, mail),
      ],
    });
    const d = (await dashboardFor(staff, now))!;
    const t = Object.fromEntries(d.turnaround.map((x) => [x.method, x]));
    expect(t.PICKUP).toMatchObject({ released: 5 });
    expect(t.PICKUP!.medianDays).toBeCloseTo(3, 6);
    expect(t.PICKUP!.p90Days).toBeCloseTo(7.6, 6);
    expect(t.MAIL).toMatchObject({ released: 2 });
    expect(t.MAIL!.medianDays).toBeCloseTo(4, 6);
    expect(t.MAIL!.p90Days).toBeCloseTo(5.6, 6);
    expect(t.SECURE_EMAIL).toMatchObject({ released: 0, medianDays: null, p90Days: null });
    // All methods: 1, 2, 2, 3, 4, 6, 10 → median 3, p90 = 6 + 0.4 × 4 = 7.6.
    expect(t.ALL).toMatchObject({ released: 7 });
    expect(t.ALL!.medianDays).toBeCloseTo(3, 6);
    expect(t.ALL!.p90Days).toBeCloseTo(7.6, 6);
    // Within 5 business days of receipt: the 1-, 2-, 3-, 4-day pickups (1 April 2041 is a Monday;
    // the 10-day one is late) and both mail requests (received Wednesday 1 and Saturday 4 May: the
    // latter's fifth business day is Friday 10 May, the day it went out).
    expect(t.PICKUP).toMatchObject({ withinCommitment: 4, withCommitment: 5 });
    expect(t.MAIL).toMatchObject({ withinCommitment: 2, withCommitment: 2 });
    expect(t.ALL).toMatchObject({ withinCommitment: 6, withCommitment: 7 });
  });

  it("counts open requests by status and method as the table holds them", async () => {
    // The table has no date to isolate by: read it until two readings agree with a direct count between them.
    for (let attempt = 0; attempt < 5; attempt++) {
      const first = (await dashboardFor(staff))!;
      const direct = await prisma.authorizationRequest.groupBy({ by: ["status", "deliveryMethod"], where: { closedAt: null }, _count: { _all: true } });
      const second = (await dashboardFor(staff))!;
      if (JSON.stringify(first.open) !== JSON.stringify(second.open)) continue;
      for (const g of direct) expect(first.open.rows.find((r) => r.status === g.status)!.byMethod[g.deliveryMethod]).toBe(g._count._all);
      expect(first.open.total).toBe(direct.reduce((s, g) => s + g._count._all, 0));
      return;
    }
    throw new Error("The open requests kept changing under the test");
  });

  it("is for associates and supervisors only, and each view is audited", async () => {
    expect(await dashboardFor(admin)).toBeNull();
    const before = await prisma.auditEvent.count({ where: { actorId: staff.id, action: "dashboard.viewed" } });
    await dashboardFor(staff);
    expect(await prisma.auditEvent.count({ where: { actorId: staff.id, action: "dashboard.viewed" } })).toBe(before + 1);
  });
});

describe("the response commitment", () => {
  it("is set by administrators only, within 1–15 business days, audited, and fixed on each request as it arrives", async () => {
    expect(await saveResponseCommitment(staff, { businessDays: "7" })).toMatchObject({ ok: false });
    expect(await saveResponseCommitment(admin, { businessDays: "16" })).toMatchObject({ ok: false, fieldErrors: { businessDays: [expect.stringMatching(/1 to 15/)] } });
    expect(await saveResponseCommitment(admin, { businessDays: "five" })).toMatchObject({ ok: false, fieldErrors: { businessDays: [expect.any(String)] } });
    expect(await responseCommitmentDays()).toBe(5);
    try {
      // 9 business days: a value no other test file expects; requests arriving now take it.
      expect(await saveResponseCommitment(admin, { businessDays: " 9 " })).toEqual({ ok: true, businessDays: 9 });
      expect(await responseCommitmentDays()).toBe(9);
      const audit = await prisma.auditEvent.findFirst({ where: { actorId: admin.id, action: "setting.changed" }, orderBy: { id: "desc" } });
      expect(audit?.details).toMatchObject({ before: 5, after: 9 });
      const id = await submitted(validPatientForm());
      const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
      expect(r.commitmentDueAt?.getTime()).toBe(commitmentDueDate(r.receivedAt, 9).getTime());
      expect(r.commitmentDueAt!.getTime()).toBeLessThan(r.dueAt.getTime());
    } finally {
      expect(await saveResponseCommitment(admin, { businessDays: "5" })).toEqual({ ok: true, businessDays: 5 });
    }
  });
});

describe("release time and inline ID images", () => {
  it("records when the records first went out, which the turnaround ends at", async () => {
    const form = validPatientForm();
    const id = await verified(staff, form);
    await readyToRelease(staff, id);
    const before = Date.now();
    expect(await releaseBySecureEmail(staff, id, await v(id))).toEqual({ ok: true });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
    expect(r.status).toBe("RELEASED");
    expect(r.releasedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(r.releasedAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("audits a photo ID shown in the page as a view, like a download", async () => {
    const id = await submitted(validPatientForm());
    const photo = await prisma.document.findFirstOrThrow({ where: { requestId: id, kind: "PHOTO_ID" } });
    const shown = await openDocument(staff, id, photo.id, "inline");
    expect(shown?.contentType).toBe("image/png");
    const audit = await prisma.auditEvent.findFirst({ where: { actorId: staff.id, action: "document.viewed", objectId: photo.id }, orderBy: { id: "desc" } });
    expect(audit?.details).toMatchObject({ kind: "PHOTO_ID", shown: "inline" });
    // Another request's id with this document's id opens nothing.
    expect(await openDocument(staff, randomUUID(), photo.id, "inline")).toBeNull();
  });
});

describe("the dashboard's statements at the scale of 1,000,000 requests", () => {
  // A scratch database with the benchmark's own history of a 1,000,000-request office
  // (bench/lib/queue.ts: nine years at ~300 a day, about 1% open), sampled one request in 23 —
  // the same mix, open share, methods and release times, 43,478 rows — then ANALYZEd. The plans
  // PostgreSQL picks for it must read indexes only: a sequential scan of the requests table
  // would grow with the history. `npm run bench` checks the same on all 1,000,000 rows
  // (bench/dashboard-plans.ts) and times them (docs/performance.md).
  const ownerUrl = () => inject("ownerDatabaseUrl");
  const scratchName = `rc_dashboard_plans_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  let scratchUrl = "";

  afterAll(async () => {
    if (!scratchUrl) return;
    const owner = new pg.Client(ownerUrl());
    await owner.connect();
    await owner.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`).catch(() => {});
    await owner.end();
  });

  it("reads indexes, never the whole requests table", { timeout: 240_000 }, async () => {
    const owner = new pg.Client(ownerUrl());
    await owner.connect();
    await owner.query(`CREATE DATABASE "${scratchName}"`);
    await owner.end();
    const url = new URL(ownerUrl());
    url.pathname = `/${scratchName}`;
    scratchUrl = url.toString();
    await applyMigrations(scratchUrl);
    const client = new pg.Client(scratchUrl);
    await client.connect();
    try {
      const staffIds = await client.query<{ id: string }>(
        `INSERT INTO "StaffUser" ("email", "name", "role", "passwordHash", "updatedAt") VALUES ('a@x.example', 'A', 'ASSOCIATE', 'x', now()), ('b@x.example', 'B', 'ASSOCIATE', 'x', now()), ('c@x.example', 'C', 'SUPERVISOR', 'x', now()) RETURNING "id"`,
      );
      const now = new Date();
      await bulkLoadRequests(scratchUrl, 1, 1_000_000, now, () => {}, 23);
      const counts = await client.query<{ total: string; open: string }>(`SELECT count(*) AS total, count(*) FILTER (WHERE "closedAt" IS NULL) AS open FROM "AuthorizationRequest"`);
      expect(Number(counts.rows[0]!.total)).toBe(Math.ceil(1_000_000 / 23));
      expect(Number(counts.rows[0]!.open) / Number(counts.rows[0]!.total)).toBeLessThan(0.02);
      const plans = await explainDashboard(client, staffIds.rows[0]!.id, now, true);
      expect(plans).toHaveLength(5);
      for (const p of plans) {
        expect(p.seqScanOnRequests, `${p.name}: ${p.nodes.join(" → ")}`).toBe(false);
        expect(p.indexes.length, `${p.name}: ${p.nodes.join(" → ")}`).toBeGreaterThan(0);
      }
      const byName = Object.fromEntries(plans.map((p) => [p.name, p.indexes]));
      expect(byName["turnaround over 90 days"]).toContain("AuthorizationRequest_turnaround_idx");
      // Open and deadline counts: any index that starts at the open requests ((closedAt, …)) reads only them.
      expect(byName["past our commitment"]).toContain("AuthorizationRequest_commitment_missed_idx");
      // The indexes whose first column is "closedAt", as the database has them (the planner may pick any of them).
      const leading = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = '"AuthorizationRequest"'::regclass AND a.attname = 'closedAt'`,
      );
      const opensFirst = new Set(leading.rows.map((r) => r.name));
      expect(opensFirst.size).toBeGreaterThan(0);
      expect(byName["open by status and method"]!.some((i) => opensFirst.has(i)), byName["open by status and method"]!.join(", ")).toBe(true);
      expect(byName["overdue and due this week"]!.some((i) => opensFirst.has(i)), byName["overdue and due this week"]!.join(", ")).toBe(true);
      expect(byName["my requests"]).toContain("AuthorizationRequest_assigneeId_closedAt_dueAt_idx");
    } finally {
      await client.end();
    }
  });
});
