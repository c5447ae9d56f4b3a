import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthorizationFormInput } from "@/domain/authorization-form";
import { CASH_REFUSED, FULL_CARD_NUMBER } from "@/domain/payments";
import type { StaffIdentity } from "@/server/staff/auth";
import { computeRequestFees, invoicePdfForStaff, issueInvoice, recordPayment, voidInvoice } from "@/server/staff/invoices";
import { attachRecords, markMailed, prepareMailing, releaseBySecureEmail } from "@/server/staff/release";
import { transitionRequest } from "@/server/staff/requests";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { fileOf, photoPng, samplePdf } from "../support/files";
import { validPatientForm, validRepresentativeForm } from "../support/forms";
import { pdfText } from "../support/pdf-text";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
let associate: StaffIdentity;
let admin: StaffIdentity;

beforeAll(async () => {
  const make = async (role: "ASSOCIATE" | "ADMIN") => {
    const user = await prisma.staffUser.create({ data: { email: `billing-${role}-${randomUUID()}@example.com`, name: `Billing ${role}`, role, passwordHash: "x" } });
    return { id: user.id, email: user.email, name: user.name, role, sessionId: randomUUID() } satisfies StaffIdentity;
  };
  associate = await make("ASSOCIATE");
  admin = await make("ADMIN");
});

const v = async (id: string) => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).version;
const status = async (id: string) => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).status;
const paper = { medium: "PAPER", microformPages: 0, postage: "0", atCostItems: [] };
const check = (amount: string, checkNumber = "1042") => ({ method: "CHECK", amount, receivedOn: "2026-11-20", checkNumber });

/** An attorney (third party) receiving the records by mail, through the patient's authorization. */
function thirdPartyForm(): AuthorizationFormInput {
  const form = validPatientForm();
  return {
    ...form,
    recipient: { kind: "THIRD_PARTY", name: "Example & Partners LLP", address: { line1: "1 Law Plaza", city: "Chicago", state: "IL", postalCode: "60601" } },
    purpose: { purpose: "LEGAL" },
    delivery: { method: "MAIL", address: { line1: "1 Law Plaza", city: "Chicago", state: "IL", postalCode: "60601" } },
  } as AuthorizationFormInput;
}

/** A verified request with `pages` pages of records attached. */
async function withRecords(form: AuthorizationFormInput, pages: number, authorityProof: File[] = []): Promise<string> {
  const submitted = await submitAuthorization({ payload: form, idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof, clientKey: randomUUID(), clientToken: randomUUID() });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  const id = submitted.requestId;
  await transitionRequest(associate, id, await v(id), "START_REVIEW");
  const checklist = { elementsPresent: true, identityChecked: true, authorityChecked: true, specialConsentsMatch: true };
  expect(await transitionRequest(associate, id, await v(id), "VERIFY", { checklist })).toEqual({ ok: true });
  const records = fileOf(await samplePdf("Records"), "records.pdf", "application/pdf");
  expect(await attachRecords(associate, id, await v(id), records, pages)).toEqual({ ok: true });
  return id;
}

async function issue(id: string, entry: object = paper): Promise<{ id: string; number: string; totalCents: number }> {
  const fees = await computeRequestFees(associate, id, entry);
  if (!fees.ok) throw new Error(fees.message);
  expect(await issueInvoice(associate, id, await v(id), entry, fees.computation.totalCents)).toEqual({ ok: true });
  return prisma.invoice.findFirstOrThrow({ where: { requestId: id, status: "ISSUED" } });
}

describe("invoices", () => {
  it("shows the computation, issues it as an itemized invoice, and holds the release until it is paid", async () => {
    const id = await withRecords(thirdPartyForm(), 51);
    expect(await status(id)).toBe("VERIFIED");

    const fees = await computeRequestFees(associate, id, { ...paper, postage: "7.32" });
    expect(fees.ok && fees.computation.totalCents).toBe(8940 + 732);
    expect(fees.ok && fees.computation.scheduleYear).toBe(2024);
    // What staff saw must be what is issued.
    expect(await issueInvoice(associate, id, await v(id), { ...paper, postage: "7.32" }, 8940)).toMatchObject({ ok: false, message: expect.stringMatching(/amount changed/) });
    expect(await issueInvoice(associate, id, await v(id), { ...paper, postage: "7.32" }, 9672)).toEqual({ ok: true });

    const invoice = await prisma.invoice.findFirstOrThrow({ where: { requestId: id }, include: { lines: { orderBy: { position: "asc" } } } });
    expect(invoice).toMatchObject({ status: "ISSUED", totalCents: 9672, feeYear: 2024, issuedById: associate.id });
    expect(invoice.number).toMatch(/^INV-\d{4}-[0-9A-Z]{6}$/);
    expect(invoice.lines.map((l) => l.amountCents)).toEqual([3472, 3250, 2175, 43, 732]);
    expect(invoice.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(invoice.totalCents);
    expect(invoice.dueAt.getTime() - invoice.issuedAt.getTime()).toBe(30 * 86_400_000);
    expect(await status(id)).toBe("AWAITING_PAYMENT");
    expect(await prisma.notification.count({ where: { requestId: id, template: "INVOICE_ISSUED" } })).toBe(1);

    // Unpaid: no release by any path.
    expect((await prepareMailing(associate, id, await v(id))).ok).toBe(true);
    expect(await markMailed(associate, id, await v(id), "9400 1000 0000 0000 0000 00")).toMatchObject({ ok: false, message: expect.stringMatching(/not paid/) });
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);

    expect(await recordPayment(associate, id, await v(id), invoice.id, check("96.72"))).toEqual({ ok: true });
    expect(await status(id)).toBe("READY_TO_RELEASE");
    expect(await markMailed(associate, id, await v(id), "9400 1000 0000 0000 0000 00")).toEqual({ ok: true });
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(1);

    const actions = (await prisma.auditEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["invoice.issued", "payment.recorded", "request.released"]));
  });

  it("voids an invoice back to a new computation, and a reissue voids the open one", async () => {
    const id = await withRecords(thirdPartyForm(), 10);
    const first = await issue(id);
    expect(await voidInvoice(associate, id, await v(id), first.id, "")).toMatchObject({ ok: false });
    expect(await voidInvoice(associate, id, await v(id), first.id, "Wrong page count")).toEqual({ ok: true });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "VOID", voidReason: "Wrong page count" });
    expect(await status(id)).toBe("VERIFIED");

    const second = await issue(id);
    const third = await issue(id, { ...paper, postage: "1.50" }); // a reissue while the second is open
    const invoices = await prisma.invoice.findMany({ where: { requestId: id } });
    expect(invoices.find((i) => i.id === second.id)).toMatchObject({ status: "VOID", voidReason: "Replaced by a reissued invoice" });
    expect(invoices.filter((i) => i.status === "ISSUED").map((i) => i.id)).toEqual([third.id]);
    expect(third.totalCents).toBe(second.totalCents + 150);
    expect(await status(id)).toBe("AWAITING_PAYMENT");

    // Once something is paid, the invoice can be neither voided nor replaced.
    expect(await recordPayment(associate, id, await v(id), third.id, check("10.00"))).toEqual({ ok: true });
    expect(await voidInvoice(associate, id, await v(id), third.id, "Changed my mind")).toMatchObject({ ok: false, message: expect.stringMatching(/payments/) });
    const fees = await computeRequestFees(associate, id, paper);
    expect(await issueInvoice(associate, id, await v(id), paper, fees.ok ? fees.computation.totalCents : -1)).toMatchObject({ ok: false, message: expect.stringMatching(/payments/) });
  });

  it("adds partial payments up, refuses overpayment, cash and full card numbers, and marks the invoice paid", async () => {
    const id = await withRecords(validRepresentativeForm(), 30, [fileOf(await samplePdf("Power of attorney"), "poa.pdf", "application/pdf")]);
    const invoice = await issue(id); // the patient's own copy through their agent: 30 × $0.25
    expect(invoice.totalCents).toBe(750);

    expect(await recordPayment(associate, id, await v(id), invoice.id, { ...check("1.00"), method: "CASH" })).toMatchObject({ ok: false, message: CASH_REFUSED });
    const fullNumber = { method: "CARD_BY_PHONE", amount: "1.00", receivedOn: "2026-11-20", cardLast4: "4111 1111 1111 1111", cardAuthCode: "A1B2C3" };
    expect(await recordPayment(associate, id, await v(id), invoice.id, fullNumber)).toMatchObject({ ok: false, fieldErrors: { cardLast4: [FULL_CARD_NUMBER] } });
    expect(await recordPayment(associate, id, await v(id), invoice.id, check("7.51"))).toMatchObject({ ok: false, message: expect.stringMatching(/more than the balance due \(\$7\.50\)/) });
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);

    expect(await recordPayment(associate, id, await v(id), invoice.id, check("2.50", "311"))).toEqual({ ok: true });
    expect(await status(id)).toBe("AWAITING_PAYMENT");
    const card = { method: "CARD_BY_PHONE", amount: "5.00", receivedOn: "2026-11-21", cardLast4: "4242", cardAuthCode: "ok7731" };
    expect(await recordPayment(associate, id, await v(id), invoice.id, card)).toEqual({ ok: true });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "PAID", paidAt: expect.any(Date) });
    expect(await status(id)).toBe("READY_TO_RELEASE");
    const payments = await prisma.payment.findMany({ where: { invoiceId: invoice.id }, orderBy: { createdAt: "asc" } });
    expect(payments).toMatchObject([
      { method: "CHECK", amountCents: 250, checkNumber: "311", cardLast4: null },
      { method: "CARD_BY_PHONE", amountCents: 500, cardLast4: "4242", cardAuthCode: "OK7731", checkNumber: null },
    ]);
    expect(await prisma.notification.count({ where: { requestId: id, template: "PAYMENT_RECEIVED" } })).toBe(2);
    expect(await recordPayment(associate, id, await v(id), invoice.id, check("0.01"))).toMatchObject({ ok: false, message: expect.stringMatching(/already paid/) });
  });

  it("lets two racing payments never overpay", async () => {
    const id = await withRecords(thirdPartyForm(), 5);
    const invoice = await issue(id);
    const amount = (invoice.totalCents / 100).toFixed(2);
    const version = await v(id);
    const results = await Promise.all([recordPayment(associate, id, version, invoice.id, check(amount, "1")), recordPayment(associate, id, version, invoice.id, check(amount, "2"))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const paid = await prisma.payment.aggregate({ where: { invoiceId: invoice.id }, _sum: { amountCents: true } });
    expect(paid._sum.amountCents).toBe(invoice.totalCents);

    // Even writers that skip the use case are serialized by the database: of two racing 60 % payments one fails.
    const other = await issue(await withRecords(thirdPartyForm(), 5));
    const sixty = Math.ceil(other.totalCents * 0.6);
    const raw = (n: string) =>
      prisma.payment.create({ data: { invoiceId: other.id, method: "CHECK", amountCents: sixty, receivedOn: new Date(), checkNumber: n, recordedById: associate.id } });
    const settled = await Promise.allSettled([raw("a"), raw("b")]);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(String((settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason)).toMatch(/exceed the invoice total/);
  });

  it("releases before payment only when the organization turns the policy off", async () => {
    const id = await withRecords(thirdPartyForm(), 2);
    await issue(id);
    expect(await prepareMailing(associate, id, await v(id))).toEqual({ ok: true });
    expect((await markMailed(associate, id, await v(id), "9400 1000 0000 0000 0000 07")).ok).toBe(false);
    await prisma.setting.update({ where: { key: "releaseRequiresPayment" }, data: { value: false } });
    try {
      expect(await markMailed(associate, id, await v(id), "9400 1000 0000 0000 0000 07")).toEqual({ ok: true });
      expect(await status(id)).toBe("RELEASED");
      expect(await prisma.invoice.count({ where: { requestId: id, status: "ISSUED" } })).toBe(1); // still owed
    } finally {
      await prisma.setting.update({ where: { key: "releaseRequiresPayment" }, data: { value: true } });
    }
  });

  it("sends records to a medical provider at once, with no invoice", async () => {
    const form = validPatientForm();
    form.recipient = { kind: "MEDICAL_PROVIDER", name: "Example Family Clinic", address: { line1: "9 Clinic Road", city: "Aurora", state: "IL", postalCode: "60505" }, phone: "630-555-0188" } as AuthorizationFormInput["recipient"];
    const id = await withRecords(form, 200);
    expect(await status(id)).toBe("READY_TO_RELEASE");
    expect(await prisma.invoice.count({ where: { requestId: id } })).toBe(0);
    expect(await releaseBySecureEmail(associate, id, await v(id))).toEqual({ ok: true });
  });

  it("is refused to a role without billing rights, and changes nothing", async () => {
    const id = await withRecords(thirdPartyForm(), 3);
    expect(await computeRequestFees(admin, id, paper)).toMatchObject({ ok: false });
    expect(await issueInvoice(admin, id, await v(id), paper, 3862)).toMatchObject({ ok: false });
    expect(await prisma.invoice.count({ where: { requestId: id } })).toBe(0);
  });

  it("renders a PDF a person recognizes as an invoice, and audits each open", async () => {
    const id = await withRecords(thirdPartyForm(), 26);
    const invoice = await issue(id, { ...paper, postage: "4.10", atCostItems: [{ description: "X-ray film copies", amount: "15.00" }] });
    const pdf = await invoicePdfForStaff(associate, id, invoice.id);
    const text = await pdfText(pdf!.bytes);
    for (const expected of [
      `Invoice ${invoice.number}`,
      "Handling charge",
      "Paper copies, pages 1–25",
      "Paper copies, pages 26–50",
      "X-ray film copies",
      "Postage and shipping",
      "$34.72",
      "$32.50",
      "$0.87",
      "$15.00",
      "$4.10",
      "Total $87.19",
      "Balance due: $87.19",
      "(312) 757-5020",
      "payable to DuPage Medical Group",
      "Downers Grove, IL 60515",
      "Cash is not accepted",
      "Example & Partners LLP",
    ])
      expect(text).toContain(expected);
    expect(await prisma.auditEvent.count({ where: { requestId: id, action: "invoice.viewed", actorId: associate.id } })).toBe(1);
    expect(await invoicePdfForStaff(associate, randomUUID(), invoice.id)).toBeNull();
  });
});
