import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { newConfirmationNumber } from "@/domain/ids";
import { CLOSED_STATUSES, REQUEST_STATUSES } from "@/domain/lifecycle";
import type { StaffIdentity } from "@/server/staff/auth";
import { PAGE_SIZE, queueCounts, queuePage } from "@/server/staff/queue";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const DAY = 86_400_000;
let staff: StaffIdentity;

/** A minimal valid request row, assigned to this file's staff member (so other files' rows stay out of its queue). */
function row(overrides: Partial<Prisma.AuthorizationRequestUncheckedCreateInput>): Prisma.AuthorizationRequestUncheckedCreateInput {
  const receivedAt = new Date(Date.now() - 10 * DAY);
  return {
    confirmationNumber: newConfirmationNumber(),
    status: "IN_REVIEW",
    receivedAt,
    dueAt: new Date(receivedAt.getTime() + 30 * DAY),
    assigneeId: staff.id,
    patientFirstName: "Queue",
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
    expirationDate: new Date("2030-01-01"),
    deliveryMethod: "PICKUP",
    pickupPhone: "630-555-0122",
    signerName: "Queue Sample",
    signatureMethod: "TYPED",
    signedAt: receivedAt,
    ...overrides,
  };
}

beforeAll(async () => {
  const user = await prisma.staffUser.create({ data: { email: `queue-${randomUUID()}@example.com`, name: "Queue Tester", role: "ASSOCIATE", passwordHash: "x" } });
  staff = { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE", sessionId: randomUUID() };
});

describe("the staff queue", () => {
  it("pages through every open request in (due date, id) order, closed ones left out", async () => {
    const base = Date.now() + 3 * DAY;
    const open = REQUEST_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
    // Three rows share each due date, so pages also break ties by id.
    const data = Array.from({ length: 2 * PAGE_SIZE + 7 }, (_, i) =>
      row({ status: open[i % open.length]!, dueAt: new Date(base + Math.floor(i / 3) * DAY), deliveryMethod: i % 2 ? "PICKUP" : "MAIL", ...(i % 2 ? {} : { mailAddressLine1: "1 Main St", mailCity: "Wheaton", mailState: "IL", mailPostalCode: "60187" }) }),
    );
    const closed = CLOSED_STATUSES.map((status) => row({ status, closedAt: new Date(), closeReason: "Done", dueAt: new Date(base - DAY) }));
    await prisma.authorizationRequest.createMany({ data: [...data, ...closed] });
    const expected = await prisma.authorizationRequest.findMany({ where: { assigneeId: staff.id, closedAt: null }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(expected).toHaveLength(data.length);

    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await queuePage(staff, { who: "mine", ...(after ? { after } : {}) });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(expected.map((r) => r.id));

    const mail = await queuePage(staff, { who: "mine", delivery: "MAIL" });
    expect(mail.rows.every((r) => r.deliveryMethod === "MAIL")).toBe(true);
    expect(mail.rows).toHaveLength(PAGE_SIZE);

    // A chosen status shows that status, closed ones included.
    const completed = await queuePage(staff, { who: "mine", status: "COMPLETED" });
    expect(completed.rows.map((r) => r.status)).toEqual(["COMPLETED"]);
  });

  it("the database keeps closedAt set exactly on closed requests, which the queue relies on", async () => {
    await expect(prisma.authorizationRequest.create({ data: row({ status: "COMPLETED" }) })).rejects.toThrow(/closed_iff_closed_status/);
    await expect(prisma.authorizationRequest.create({ data: row({ status: "IN_REVIEW", closedAt: new Date() }) })).rejects.toThrow(/closed_iff_closed_status/);
    const ok = await prisma.authorizationRequest.create({ data: row({ status: "REJECTED", closedAt: new Date(), closeReason: "Unsigned" }) });
    expect(ok.closedAt).toBeInstanceOf(Date);
  });

  it("search finds a request by the requester's name or e-mail, or an invoice number, through indexes", async () => {
    const tag = randomUUID().slice(0, 8);
    const [mine] = await Promise.all([
      prisma.authorizationRequest.create({
        data: row({ requesterKind: "REPRESENTATIVE", representativeName: `Riley Counsel${tag}`, representativeEmail: `Riley.${tag}@LawFirm.example`, representativeAuthority: "HEALTH_CARE_POWER_OF_ATTORNEY", deliveryMethod: "SECURE_EMAIL", deliveryEmail: `riley.${tag}@lawfirm.example`, pickupPhone: null }),
      }),
    ]);
    const invoiceNumber = `INV-2026-${tag.slice(0, 6).toUpperCase().replace(/[^0-9A-Z]/g, "Z")}`;
    await prisma.invoice.create({ data: { number: invoiceNumber, requestId: mine!.id, totalCents: 650, inputs: {}, dueAt: new Date(Date.now() + 30 * DAY), issuedById: staff.id } });
    for (const q of [`counsel${tag}`, `Riley Counsel${tag}`, `riley.${tag}@lawfirm.example`, `RILEY.${tag}@LAWFIRM.EXAMPLE`, invoiceNumber.toLowerCase()]) {
      const found = await queuePage(staff, { q });
      expect(found.rows.map((r) => r.id), q).toEqual([mine!.id]);
    }
    expect((await queuePage(staff, { q: "INV-2026-000000" })).rows).toEqual([]);

    // Each search has an index to use: with sequential scans priced out, the plan reads no table
    // from start to end (at scale the planner picks these indexes of itself: docs/performance.md).
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      for (const where of [`"representativeName" ILIKE '%counsel%'`, `"patientEmail" ILIKE '%a@b.example%' OR "representativeEmail" ILIKE '%a@b.example%' OR "deliveryEmail" ILIKE '%a@b.example%'`, `"patientLastName" ILIKE 'sam%'`]) {
        const plan = (await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT id FROM "AuthorizationRequest" WHERE ${where}`)).map((l) => l["QUERY PLAN"]).join("\n");
        expect(plan, where).not.toMatch(/Seq Scan/);
        expect(plan, where).toMatch(/trgm_idx/);
      }
    });
  });

  it("counts open requests per status, overdue, and mine", async () => {
    const other = await prisma.staffUser.create({ data: { email: `counts-${randomUUID()}@example.com`, name: "Count Tester", role: "ASSOCIATE", passwordHash: "x" } });
    const me: StaffIdentity = { id: other.id, email: other.email, name: other.name, role: "ASSOCIATE", sessionId: randomUUID() };
    const before = await queueCounts(me);
    expect(before.mine).toBe(0);
    await prisma.authorizationRequest.createMany({
      data: [
        row({ assigneeId: other.id, status: "IN_REVIEW", dueAt: new Date(Date.now() - DAY) }),
        row({ assigneeId: other.id, status: "VERIFIED" }),
        row({ assigneeId: other.id, status: "COMPLETED", closedAt: new Date(), closeReason: "Done", dueAt: new Date(Date.now() - 2 * DAY) }),
      ],
    });
    const after = await queueCounts(me);
    expect(after.mine).toBe(2);
    // Other test files add requests to the same database meanwhile: the totals grow at least by ours.
    expect(after.overdue - before.overdue).toBeGreaterThanOrEqual(1);
    expect(after.open - before.open).toBeGreaterThanOrEqual(2);
    expect((after.byStatus.IN_REVIEW ?? 0) - (before.byStatus.IN_REVIEW ?? 0)).toBeGreaterThanOrEqual(1);
    expect((after.byStatus.VERIFIED ?? 0) - (before.byStatus.VERIFIED ?? 0)).toBeGreaterThanOrEqual(1);
    expect(after.open).toBe(Object.values(after.byStatus).reduce((a, b) => a + b, 0));
    expect(after.byStatus.COMPLETED).toBeUndefined();
  });
});
