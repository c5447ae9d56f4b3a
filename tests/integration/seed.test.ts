import { verify } from "@node-rs/argon2";
import { afterAll, describe, expect, it } from "vitest";
import { calendarDaysBetween, chicagoDay } from "@/domain/chicago";
import { pickupInstructions } from "@/domain/pickup";
import { demoStaff, seedDemoData } from "../../prisma/seed.ts";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("demo data", () => {
  it("is created once: a second run adds nothing and keeps existing rows", async () => {
    const first = await seedDemoData(prisma, "Demo-password-1");
    const requests = await prisma.authorizationRequest.count({ where: { idempotencyKey: { startsWith: "demo-seed-" } } });
    expect(requests).toBe(6);
    expect(first.staffCreated).toEqual(demoStaff.map((s) => s.email));

    const second = await seedDemoData(prisma, "another-password");
    expect(second).toEqual({ staffCreated: [], requestsCreated: 0 });
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey: { startsWith: "demo-seed-" } } })).toBe(6);
  });

  it("gives the admin an argon2 password hash that verifies, and no second factor yet", async () => {
    const admin = await prisma.staffUser.findUniqueOrThrow({ where: { email: "admin@recordconnect.example" } });
    expect(admin.role).toBe("ADMIN");
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(admin.passwordHash, "Demo-password-1")).toBe(true);
    expect(admin.totpSecretSealed).toBeNull();
  });

  it("spreads requests over statuses and delivery methods, each due 30 days after receipt", async () => {
    const rows = await prisma.authorizationRequest.findMany({ where: { idempotencyKey: { startsWith: "demo-seed-" } } });
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.deliveryMethod))).toEqual(new Set(["SECURE_EMAIL", "MAIL", "PICKUP"]));
    for (const r of rows) {
      expect(calendarDaysBetween(chicagoDay(r.receivedAt), chicagoDay(r.dueAt))).toBe(30);
      expect(chicagoDay(new Date(r.dueAt.getTime() + 1))).not.toBe(chicagoDay(r.dueAt));
    }
  });

  it("has an urgent pickup scheduled for tomorrow at 10 AM in Chicago, with the wording the associate gave on the phone", async () => {
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { idempotencyKey: "demo-seed-6" }, include: { pickupCalls: true } });
    expect(r.status).toBe("PICKUP_SCHEDULED");
    expect(r.deliveryMethod).toBe("PICKUP");
    const p = pickupInstructions(r.pickupScheduledFor!, r.receivedAt);
    expect(p.window).toBe("10:00 AM to 10:30 AM (Central Time)");
    expect(calendarDaysBetween(chicagoDay(r.createdAt), chicagoDay(r.pickupScheduledFor!))).toBe(1);
    expect(r.pickupCalls).toHaveLength(1);
    const note = r.pickupCalls[0]!.note!;
    expect(r.pickupCalls[0]!.outcome).toBe("REACHED_SCHEDULED");
    for (const phrase of ["Urgent onsite pickup", p.day, p.window, "1100 West 31st Street", "photo ID", "never cash", "only the patient or the patient's legal representative"]) expect(note).toContain(phrase);
  });
});
