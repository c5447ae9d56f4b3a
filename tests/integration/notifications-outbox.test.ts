import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { enqueueNotification } from "@/server/notifications/outbox";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { extendDeadline } from "@/server/staff/requests";
import { fileOf, photoPng } from "../support/files";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function newRequest(): Promise<string> {
  const result = await submitAuthorization({ payload: validPatientForm(), idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID() });
  if (!result.ok) throw new Error("could not submit");
  return result.requestId;
}

/** The pg-boss jobs (any state) that would deliver this notification. */
async function jobsFor(notificationId: string) {
  return prisma.$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM pgboss.job WHERE name = 'notification-send' AND data->>'notificationId' = ${notificationId}`;
}

class Rollback extends Error {}

describe("the outbox", () => {
  it("writes the notification and its job in the transaction of the change that causes them", async () => {
    const requestId = await newRequest();
    const [notification] = await prisma.notification.findMany({ where: { requestId } });
    expect(notification).toMatchObject({ template: "REQUEST_RECEIVED", status: "PENDING", attempts: 0, idempotencyKey: `request-received:${requestId}` });
    expect(await jobsFor(notification!.id)).toEqual([{ state: "created" }]);
  });

  it("leaves no notification and no job when that transaction rolls back", async () => {
    const requestId = await newRequest();
    const key = `test-rollback:${randomUUID()}`;
    let enqueued: { id: string } | null = null;
    await expect(
      db().$transaction(async (tx) => {
        enqueued = await enqueueNotification(tx, { requestId, template: "COMPLETED", idempotencyKey: key, toAddress: "someone@example.com" });
        // Seen inside the transaction…
        expect(await tx.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE data->>'notificationId' = ${enqueued!.id}`).toHaveLength(1);
        throw new Rollback("the cause failed");
      }),
    ).rejects.toBeInstanceOf(Rollback);
    // …and gone with it.
    expect(enqueued).not.toBeNull();
    expect(await prisma.notification.count({ where: { idempotencyKey: key } })).toBe(0);
    expect(await jobsFor(enqueued!.id)).toEqual([]);
  });

  it("adds nothing for an event that already has its notification, without failing the cause's transaction", async () => {
    const requestId = await newRequest();
    const key = `test-twice:${randomUUID()}`;
    const input = { requestId, template: "COMPLETED" as const, idempotencyKey: key, toAddress: "someone@example.com" };
    const [first, again] = await db().$transaction(async (tx) => [await enqueueNotification(tx, input), await enqueueNotification(tx, input)]);
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    expect(await db().$transaction((tx) => enqueueNotification(tx, input))).toBeNull();
    expect(await prisma.notification.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await jobsFor(first!.id)).toHaveLength(1);
  });

  it("is what every step uses: a staff step's notification has its job, and a refused step leaves neither", async () => {
    const requestId = await newRequest();
    const user = await prisma.staffUser.create({ data: { email: `outbox-${randomUUID()}@example.com`, name: "o", role: "SUPERVISOR", passwordHash: "x" } });
    const staff = { id: user.id, email: user.email, name: user.name, role: "SUPERVISOR" as const, sessionId: randomUUID() };
    const version = (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: requestId } })).version;
    expect(await extendDeadline(staff, requestId, version, 10, "Records are stored off site")).toEqual({ ok: true });
    // The second extension is refused inside its transaction: no second notification or job.
    expect((await extendDeadline(staff, requestId, version + 1, 5, "Again")).ok).toBe(false);
    const extension = await prisma.notification.findMany({ where: { requestId, template: "EXTENSION" } });
    expect(extension).toHaveLength(1);
    expect(await jobsFor(extension[0]!.id)).toHaveLength(1);

    // Whatever the other test files did meanwhile: no notification row exists without its job.
    const orphans = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Notification" n
      WHERE NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'notification-send' AND j.data->>'notificationId' = n."id"::text)`;
    expect(orphans[0]!.count).toBe(0);
  });
});
