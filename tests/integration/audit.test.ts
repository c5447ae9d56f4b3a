import { afterAll, describe, expect, it } from "vitest";
import { recordAudit, verifyAuditChain } from "@/server/audit";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const system = { type: "SYSTEM" as const, name: "audit-test" };

describe("audit log", () => {
  it("is written in the transaction of the change: a rollback leaves no event", async () => {
    const action = `test.rolled-back.${Date.now()}`;
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, { actor: system, action, objectType: "Test" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.auditEvent.count({ where: { action } })).toBe(0);
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await recordAudit(prisma, { actor: system, action: "test.immutable", objectType: "Test" });
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "action" = 'rewritten'`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
  });

  it("chains every row to the previous one, also under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        prisma.$transaction(async (tx) => recordAudit(tx, { actor: system, action: "test.concurrent", objectType: "Test", objectId: String(i), details: { i } })),
      ),
    );
    expect(await verifyAuditChain(prisma)).toEqual([]);
    const rows = await prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { prevHash: true, hash: true } });
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  });

  it("detects a row altered behind the trigger's back", async () => {
    await recordAudit(prisma, { actor: system, action: "test.tamper-target", objectType: "Test" });
    // Only a superuser can disable the trigger; do it inside a transaction that is rolled back.
    const broken = await prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
        await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "outcome" = 'DENIED' WHERE "action" = 'test.tamper-target'`);
        const found = await verifyAuditChain(tx as never);
        throw Object.assign(new Error("rollback"), { found });
      })
      .catch((e: { found?: bigint[] }) => e.found);
    expect(broken).toHaveLength(1);
    expect(await verifyAuditChain(prisma)).toEqual([]);
  });
});
