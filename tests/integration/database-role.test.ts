import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/server/audit";
import { testPrisma } from "./db";

/**
 * Issue 16, hole 7: the app connected as a PostgreSQL superuser and could switch the audit log's
 * triggers off. The tests, like the server and the worker, now connect as the run's app role
 * (tests/integration/global-setup.ts; scripts/lib/database-roles.ts), which may read and write rows
 * and nothing more.
 */
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("the app's database role (issue 16, hole 7)", () => {
  it("is no superuser and cannot create roles or databases", async () => {
    const [me] = await prisma.$queryRaw<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }[]>`
      SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(me).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    await expect(prisma.$executeRawUnsafe(`CREATE ROLE rc_should_not_exist`)).rejects.toThrow(/permission denied/);
  });

  it("cannot switch the audit log's triggers off, in any way", async () => {
    for (const sql of [
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`,
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
      `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`,
      `CREATE OR REPLACE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
      `SET session_replication_role = replica`,
    ]) {
      await expect(prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/must be owner|permission denied/);
    }
  });

  it("may only read and append audit events and seals: UPDATE, DELETE and TRUNCATE are refused by privilege", async () => {
    await recordAudit(prisma, { actor: { type: "SYSTEM", name: "role-test" }, action: "test.app-role-target", objectType: "Test" });
    const { id } = await prisma.auditEvent.findFirstOrThrow({ where: { action: "test.app-role-target" }, orderBy: { id: "desc" } });
    for (const sql of [
      `UPDATE "AuditEvent" SET "action" = 'rewritten' WHERE "id" = ${id}`,
      `DELETE FROM "AuditEvent" WHERE "id" = ${id}`,
      `TRUNCATE "AuditEvent"`,
      `UPDATE "AuditSeal" SET "mac" = repeat('0', 64)`,
      `DELETE FROM "AuditSeal"`,
      `TRUNCATE "AuditSeal"`,
      `UPDATE "Payment" SET "amountCents" = 1`,
      `TRUNCATE "StaffUser" CASCADE`,
    ]) {
      await expect(prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/permission denied/);
    }
    expect(await prisma.auditEvent.count({ where: { id } })).toBe(1);
  });

  it("cannot change the schema: no CREATE, ALTER or DROP", async () => {
    for (const sql of [
      `CREATE TABLE "Intruder" ("id" int)`,
      `ALTER TABLE "StaffUser" ADD COLUMN "backdoor" text`,
      `ALTER TABLE "AuditEvent" RENAME TO "Gone"`,
      `DROP TABLE "Setting"`,
      `CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      `CREATE SCHEMA intruder`,
      `ALTER TABLE pgboss.job ADD COLUMN "backdoor" text`,
    ]) {
      await expect(prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/must be owner|permission denied/);
    }
  });
});
