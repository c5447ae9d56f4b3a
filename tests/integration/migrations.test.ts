import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { applyMigrations, diffDatabaseToSchema, migrationsDir, readMigrations } from "../../scripts/lib/schema-engine.ts";
import { ownerPrisma } from "./db";

// The owner: these checks hold for it too (the app role is refused earlier, by its privileges).
const prisma = ownerPrisma();
afterAll(() => prisma.$disconnect());

describe("migrations", () => {
  it("leave the database exactly as schema.prisma describes it (Prisma's own differ finds nothing)", async () => {
    const diff = await diffDatabaseToSchema(inject("ownerDatabaseUrl"));
    expect(diff).toBe("-- This is an empty migration.");
  });

  it("are recorded in _prisma_migrations as `prisma migrate deploy` records them", async () => {
    const list = await readMigrations();
    const rows = await prisma.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }[]>`
      SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(list.migrationDirectories.map((d) => d.path));
    for (const row of rows) {
      const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("apply nothing the second time", async () => {
    expect(await applyMigrations(inject("ownerDatabaseUrl"))).toEqual([]);
  });

  it("load the Illinois fee schedule as data with its effective years", async () => {
    const years = await prisma.feeSchedule.findMany({ orderBy: { year: "asc" } });
    expect(years.map((y) => y.year)).toEqual([2017, 2020, 2024]);
    expect(years.at(-1)).toMatchObject({ handlingCents: 3472, pages1To25Cents: 130, pages26To50Cents: 87, pagesOver50Cents: 43, microformPageCents: 217, electronicPercent: 50 });
  });
});

describe("database constraints refuse invalid rows", () => {
  const base = {
    confirmationNumber: "RC-TEST-0001",
    dueAt: new Date(Date.now() + 30 * 86400_000),
    patientFirstName: "Constraint",
    patientLastName: "Probe",
    patientDateOfBirth: new Date("1980-01-01"),
    patientPhone: "630-555-0000",
    patientAddressLine1: "1 Test St",
    patientCity: "Naperville",
    patientState: "IL",
    patientPostalCode: "60540",
    requesterKind: "PATIENT" as const,
    recipientKind: "SELF" as const,
    completeRecord: true,
    purpose: "At the request of the individual",
    expirationKind: "DATE" as const,
    expirationDate: new Date("2027-01-01"),
    deliveryMethod: "PICKUP" as const,
    pickupPhone: "630-555-0000",
    signerName: "Constraint Probe",
    signatureMethod: "TYPED" as const,
    signedAt: new Date(),
  };

  it("a request delivered by secure e-mail without an address", async () => {
    await expect(
      prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "RC-TEST-0002", deliveryMethod: "SECURE_EMAIL" } }),
    ).rejects.toThrow(/AuthorizationRequest_delivery_details/);
  });

  it("a representative without a stated authority", async () => {
    await expect(
      prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "RC-TEST-0003", requesterKind: "REPRESENTATIVE", representativeName: "Someone" } }),
    ).rejects.toThrow(/AuthorizationRequest_representative_authority/);
  });

  it("a request that does not say what to release", async () => {
    await expect(
      prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "RC-TEST-0004", completeRecord: false, recordTypes: [] } }),
    ).rejects.toThrow(/AuthorizationRequest_records_described/);
  });

  it("a paper form that does not say how it arrived, or is not signed in ink, and an online request signed in ink", async () => {
    await expect(
      prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "RC-TEST-0006", source: "PAPER", signatureMethod: "WET_INK" } }),
    ).rejects.toThrow(/AuthorizationRequest_paper_receipt/);
    await expect(
      prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "RC-TEST-0007", source: "PAPER", receivedVia: "FAX" } }),
    ).rejects.toThrow(/AuthorizationRequest_paper_signature/);
    await expect(
      prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "RC-TEST-0008", signatureMethod: "WET_INK" } }),
    ).rejects.toThrow(/AuthorizationRequest_paper_signature/);
    await expect(
      prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "RC-TEST-0009", source: "PAPER", receivedVia: "MAIL", signatureMethod: "WET_INK" } }),
    ).resolves.toMatchObject({ source: "PAPER" });
  });

  it("a sequential-looking or malformed confirmation number", async () => {
    await expect(prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "12345" } })).rejects.toThrow(
      /confirmationNumber_format/,
    );
  });

  it("a payment of zero, a card payment with more than four digits, and any method but check or card", async () => {
    const staff = await prisma.staffUser.create({ data: { email: `cashier-${Date.now()}@example.com`, name: "C", role: "ASSOCIATE", passwordHash: "x" } });
    const request = await prisma.authorizationRequest.create({ data: { ...base, confirmationNumber: "RC-TEST-0005" } });
    const invoice = await prisma.invoice.create({
      data: { number: `INV-2026-T${Date.now() % 100000}`, requestId: request.id, totalCents: 1000, dueAt: new Date(), issuedById: staff.id, inputs: {} },
    });
    const payment = { invoiceId: invoice.id, receivedOn: new Date(), recordedById: staff.id };
    await expect(prisma.payment.create({ data: { ...payment, method: "CHECK", amountCents: 0, checkNumber: "101" } })).rejects.toThrow(/Payment_amount_positive/);
    await expect(
      prisma.payment.create({ data: { ...payment, method: "CARD_BY_PHONE", amountCents: 500, cardLast4: "4242", cardAuthCode: "A1" } }),
    ).resolves.toBeTruthy();
    await expect(
      prisma.$executeRawUnsafe(
        `INSERT INTO "Payment" ("id","invoiceId","method","amountCents","receivedOn","recordedById") VALUES (gen_random_uuid(), $1::uuid, 'CASH', 500, now(), $2::uuid)`,
        invoice.id,
        staff.id,
      ),
    ).rejects.toThrow(/invalid input value for enum "PaymentMethod"/);
    // The database itself refuses payments beyond the total, on a void invoice, and any edit.
    await expect(prisma.payment.create({ data: { ...payment, method: "CHECK", amountCents: 501, checkNumber: "102" } })).rejects.toThrow(/exceed the invoice total/);
    await expect(prisma.payment.updateMany({ where: { invoiceId: invoice.id }, data: { amountCents: 1 } })).rejects.toThrow(/append-only/);
    await prisma.invoice.update({ where: { id: invoice.id }, data: { status: "VOID", voidedAt: new Date(), voidReason: "test" } });
    await expect(prisma.payment.create({ data: { ...payment, method: "CHECK", amountCents: 100, checkNumber: "103" } })).rejects.toThrow(/invoice is VOID/);
  });
});
