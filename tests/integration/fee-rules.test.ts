import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOfDayInChicago } from "@/domain/chicago";
import type { StaffIdentity } from "@/server/staff/auth";
import { saveFeeSchedule } from "@/server/staff/fee-schedules";
import { computeRequestFees } from "@/server/staff/invoices";
import { attachRecords } from "@/server/staff/release";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";
import { lifecycle } from "./lifecycle-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const { v, staffMember, verified, recordsPdf } = lifecycle(prisma);
let associate: StaffIdentity;
let admin: StaffIdentity;
beforeAll(async () => {
  associate = await staffMember();
  admin = await staffMember("ADMIN");
});

function thirdParty() {
  const form = validPatientForm();
  form.recipient = { kind: "THIRD_PARTY", name: "Example & Partners LLP", address: { line1: "1 Law Plaza", city: "Chicago", state: "IL", postalCode: "60601" } };
  form.delivery = { method: "MAIL", address: { line1: "1 Law Plaza", city: "Chicago", state: "IL", postalCode: "60601" } };
  return form;
}
const paper = { medium: "PAPER", microformPages: "0", postage: "0", atCostItems: [] };

describe("the page count comes from the attached PDF", () => {
  it("bills the PDF's own pages; a typed count that differs needs a reason, and is audited", async () => {
    const id = await verified(associate, thirdParty());
    expect(await attachRecords(associate, id, await v(id), await recordsPdf(60))).toEqual({ ok: true });
    expect(await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ pageCount: 60, pdfPageCount: 60, pageCountAdjustmentReason: null });

    // 6 pages billed for a 60-page PDF: refused without a reason.
    expect((await attachRecords(associate, id, await v(id), await recordsPdf(60), { pageCount: 6, reason: "" })).ok).toBe(false);
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).pageCount).toBe(60);
    expect(await attachRecords(associate, id, await v(id), await recordsPdf(60), { pageCount: 58, reason: "Two blank separator sheets" })).toEqual({ ok: true });
    expect(await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ pageCount: 58, pdfPageCount: 60, pageCountAdjustmentReason: "Two blank separator sheets" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { requestId: id, action: "request.records_attached" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ pageCount: 58, pdfPageCount: 60, pageCountAdjusted: true });
    // The database keeps the two together too.
    await expect(prisma.authorizationRequest.update({ where: { id }, data: { pageCountAdjustmentReason: null } })).rejects.toThrow();
  });
});

describe("the patient's electronic copy: HHS's flat fee, all-inclusive and capped", () => {
  it("adds no postage to the $6.50 flat fee, and a setting above $6.50 is capped", async () => {
    const id = await verified(associate, validPatientForm());
    expect(await attachRecords(associate, id, await v(id), await recordsPdf(14))).toEqual({ ok: true });
    const withPostage = await computeRequestFees(associate, id, { medium: "ELECTRONIC", microformPages: "0", postage: "5.00", atCostItems: [] });
    expect(withPostage.ok && withPostage.computation.totalCents).toBe(650);
    await prisma.setting.upsert({ where: { key: "fees.patientElectronicFlatCents" }, create: { key: "fees.patientElectronicFlatCents", value: 2500 }, update: { value: 2500 } });
    try {
      const capped = await computeRequestFees(associate, id, { medium: "ELECTRONIC", microformPages: "0", postage: "0", atCostItems: [] });
      expect(capped.ok && capped.computation.totalCents).toBe(650);
    } finally {
      await prisma.setting.delete({ where: { key: "fees.patientElectronicFlatCents" } });
    }
  });
});

describe("Illinois schedules: by effective date, as data administrators enter", () => {
  async function receivedOn(day: string) {
    const id = await verified(associate, thirdParty());
    expect(await attachRecords(associate, id, await v(id), await recordsPdf(10))).toEqual({ ok: true });
    const receivedAt = startOfDayInChicago(day);
    await prisma.authorizationRequest.update({ where: { id }, data: { receivedAt, dueAt: new Date(receivedAt.getTime() + 31 * 86_400_000) } });
    return id;
  }

  it("a request received 1–19 January uses the previous year's figures (735 ILCS 5/8-2006: 20 January)", async () => {
    // Future years, so that requests other test files price today never see these schedules (a
    // request is never priced from a later year's figures).
    const figures = { handling: "35.50", pages1To25: "1.33", pages26To50: "0.89", pagesOver50: "0.44", microformPage: "2.22", electronicPercent: "50" };
    expect(await saveFeeSchedule(admin, { ...figures, year: "2031", source: "Test figures for 2031 (integration test)" })).toEqual({ ok: true });
    expect(await saveFeeSchedule(admin, { ...figures, year: "2032", handling: "36.50", source: "Test figures for 2032 (integration test)" })).toEqual({ ok: true });
    try {
      const early = await computeRequestFees(associate, await receivedOn("2032-01-19"), paper);
      expect(early.ok && early.computation.scheduleYear).toBe(2031);
      const late = await computeRequestFees(associate, await receivedOn("2032-01-20"), paper);
      expect(late.ok && late.computation.scheduleYear).toBe(2032);
    } finally {
      await prisma.feeSchedule.deleteMany({ where: { year: { in: [2031, 2032] } } });
    }
  });

  it("a year with no schedule is priced from the latest earlier one, and staff are told to have it entered", async () => {
    const result = await computeRequestFees(associate, await receivedOn("2026-03-02"), paper);
    expect(result.ok && result.computation.scheduleYear).toBe(2024);
    expect(result.ok && result.scheduleNotice).toMatch(/No Illinois schedule for 2026 has been entered.*2024.*administrator/);
  });

  it("a year before the oldest schedule gets a clear refusal, not a crash", async () => {
    for (const day of ["2016-06-01", "2017-01-19"]) {
      const result = await computeRequestFees(associate, await receivedOn(day), paper);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.message).toMatch(/No Illinois fee schedule covers a request received on .*oldest schedule entered is 2017's.*administrator must enter/);
    }
  });

  it("administrators enter a year with its source (audited); associates cannot; bad figures are refused field by field", async () => {
    const entry = { year: "2030", handling: "40.00", pages1To25: "1.50", pages26To50: "1.00", pagesOver50: "0.50", microformPage: "2.50", electronicPercent: "50", source: "Illinois Comptroller, Copying Fees Adjustments 2030 (test)" };
    expect((await saveFeeSchedule(associate, entry)).ok).toBe(false);
    const bad = await saveFeeSchedule(admin, { ...entry, handling: "forty", source: "" });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? {} : bad.fieldErrors).toMatchObject({ handling: [expect.any(String)], source: [expect.any(String)] });
    expect(await saveFeeSchedule(admin, entry)).toEqual({ ok: true });
    try {
      const row = await prisma.feeSchedule.findUniqueOrThrow({ where: { year: 2030 } });
      expect(row).toMatchObject({ handlingCents: 4000, pages1To25Cents: 150, source: entry.source, enteredById: admin.id });
      const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "fee_schedule.entered", objectId: "2030" } });
      expect(audit.actorId).toBe(admin.id);
      expect(await saveFeeSchedule(admin, { ...entry, handling: "41.00" })).toEqual({ ok: true });
      expect(await prisma.auditEvent.count({ where: { action: "fee_schedule.corrected", objectId: "2030" } })).toBe(1);
    } finally {
      await prisma.feeSchedule.delete({ where: { year: 2030 } });
    }
  });
});
