import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays, chicagoDay } from "@/domain/chicago";
import { keyPaperAuthorization } from "@/server/requests/key-paper-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { computeRequestFees, invoicePdfForStaff, issueInvoice, recordPayment } from "@/server/staff/invoices";
import { extendDeadline, requestForStaff } from "@/server/staff/requests";
import { fileOf, samplePdf } from "../support/files";
import { pdfText } from "../support/pdf-text";
import { validPaperForm, validPatientForm } from "../support/forms";
import { testPrisma } from "./db";
import { lifecycle } from "./lifecycle-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const { v, staffMember, verified, recordsPdf } = lifecycle(prisma);
let associate: StaffIdentity;
let supervisor: StaffIdentity;
beforeAll(async () => {
  associate = await staffMember();
  supervisor = await staffMember("SUPERVISOR");
});

async function paperReceivedOn(receivedOn: string, lastName: string) {
  const form = validPaperForm();
  form.paper.receivedOn = receivedOn;
  form.signature.signedOn = receivedOn;
  form.patient.lastName = lastName;
  form.signature.signerName = `Avery ${lastName}`;
  const result = await keyPaperAuthorization(associate, {
    payload: form,
    idempotencyKey: randomUUID(),
    photoId: null,
    authorityProof: [],
    paperFormScan: fileOf(await samplePdf("Signed paper authorization"), "scan.pdf", "application/pdf"),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return prisma.authorizationRequest.findUniqueOrThrow({ where: { id: result.requestId } });
}

describe("calendar dates are dates (issue 12)", () => {
  it("a form received on 3 October is due on 2 November (30 calendar days), not a day early across the end of daylight saving", async () => {
    const r = await paperReceivedOn("2026-10-03", "Octoberthird");
    expect(chicagoDay(r.dueAt)).toBe("2026-11-02");
    const r2 = await paperReceivedOn("2026-10-31", "Octoberlast");
    expect(chicagoDay(r2.dueAt)).toBe("2026-11-30");
  });

  it("an extension moves the due date by calendar days", async () => {
    const r = await paperReceivedOn(addCalendarDays(chicagoDay(new Date()), -2), "Extendable");
    const before = chicagoDay(r.dueAt);
    expect(await extendDeadline(supervisor, r.id, r.version, { days: 10, reason: "RECORDS_OFFSITE" })).toEqual({ ok: true });
    const after = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(chicagoDay(after.dueAt)).toBe(addCalendarDays(before, 10));
  });

  it("a payment received on November 29 is shown as November 29 on the invoice, under “paid in full on November 29”", async () => {
    const form = validPatientForm();
    form.delivery = { method: "MAIL", address: { line1: "100 Example Street", city: "Naperville", state: "IL", postalCode: "60540" } };
    const id = await verified(associate, form);
    const { attachRecords } = await import("@/server/staff/release");
    expect(await attachRecords(associate, id, await v(id), await recordsPdf(3))).toEqual({ ok: true });
    const entry = { medium: "PAPER", microformPages: 0, postage: "0", atCostItems: [] };
    const fees = await computeRequestFees(associate, id, entry);
    if (!fees.ok) throw new Error(fees.message);
    expect(await issueInvoice(associate, id, await v(id), entry, fees.computation.totalCents)).toEqual({ ok: true });
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { requestId: id, status: "ISSUED" } });
    const card = { method: "CARD_BY_PHONE", amount: (invoice.totalCents / 100).toFixed(2), receivedOn: "2026-11-29", cardLast4: "4242", cardAuthCode: "A1B2C3" };
    expect(await recordPayment(associate, id, await v(id), invoice.id, card, new Date("2026-11-30T03:30:00Z"))).toEqual({ ok: true });
    const payment = await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment.receivedOn.toISOString().slice(0, 10)).toBe("2026-11-29");
    const pdf = await invoicePdfForStaff(associate, id, invoice.id);
    const text = await pdfText(pdf!.bytes);
    expect(text).toContain("PAID IN FULL on November 29, 2026");
    expect(text).toContain("November 29, 2026 — Card");
    expect(text).not.toContain("November 28, 2026");
    // The staff page's expiration date is the day written on the form.
    const staffView = await requestForStaff(associate, id);
    expect(staffView!.expirationDate!.toISOString().slice(0, 10)).toBe("2027-11-25");
  });
});
