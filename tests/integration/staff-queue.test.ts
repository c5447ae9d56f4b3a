import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { newConfirmationNumber } from "@/domain/ids";
import { CLOSED_STATUSES, REQUEST_STATUSES } from "@/domain/lifecycle";
import type { StaffIdentity } from "@/server/staff/auth";
import { PAGE_SIZE, queuePage } from "@/server/staff/queue";
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
});
