import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffIdentity } from "@/server/staff/auth";
import { accountingPdfForStaff, markAccountingSent, requestAccounting } from "@/server/staff/accounting";
import { releaseBySecureEmail } from "@/server/staff/release";
import { pdfText } from "../support/pdf-text";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";
import { lifecycle } from "./lifecycle-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const { v, staffMember, verified, readyToRelease } = lifecycle(prisma);
let associate: StaffIdentity;
beforeAll(async () => {
  associate = await staffMember();
});

/** A patient of this file only (a name no other test file uses). */
function accountingPatient(dateOfBirth = "1975-06-30") {
  const form = validPatientForm();
  form.patient = { ...form.patient, firstName: "Ledger", lastName: "Accountington", dateOfBirth };
  form.signature = { ...form.signature, typedName: "Ledger Accountington" };
  return form;
}

async function released(form = accountingPatient()) {
  const id = await verified(associate, form);
  await readyToRelease(associate, id);
  expect(await releaseBySecureEmail(associate, id, await v(id))).toEqual({ ok: true });
  return id;
}

describe("an accounting of disclosures (45 CFR 164.528)", () => {
  it("staff produce it as a PDF: every disclosure of the patient in six years — date, recipient, what, purpose — across requests; older ones and other patients left out", async () => {
    const first = await released();
    const second = await released();
    const other = await released(accountingPatient("1980-01-01"));
    const old = await prisma.disclosure.create({
      data: { requestId: first, disclosedAt: new Date(Date.now() - 7 * 366 * 86_400_000), recipient: "Long Ago Clinic", description: "Old records", purpose: "Old purpose", method: "MAIL" },
    });
    const pdf = await accountingPdfForStaff(associate, second);
    const text = (await pdfText(pdf!)).replace(/\s+/g, " ");
    expect(text).toContain("Accounting of disclosures");
    expect(text).toContain("Ledger Accountington");
    const rows = await prisma.disclosure.findMany({ where: { requestId: { in: [first, second] }, id: { not: old.id } }, include: { request: true } });
    expect(rows).toHaveLength(2);
    for (const d of rows) {
      expect(text).toContain(d.request.confirmationNumber);
      expect(text).toContain(d.purpose.replace(/\s+/g, " "));
    }
    expect(text).toContain("Lab results; Visit notes");
    expect(text).not.toContain("Long Ago Clinic");
    const otherNumber = (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: other } })).confirmationNumber;
    expect(text).not.toContain(otherNumber);
    expect(await prisma.auditEvent.count({ where: { requestId: second, action: "accounting.produced" } })).toBe(1);
  });

  it("the patient asks for it in the portal (once while open); staff mark it sent", async () => {
    const id = await verified(associate, accountingPatient());
    expect(await requestAccounting(id)).toEqual({ ok: true });
    expect((await requestAccounting(id)).ok).toBe(false);
    const asked = await prisma.accountingRequest.findFirstOrThrow({ where: { requestId: id } });
    expect(asked.fulfilledAt).toBeNull();
    expect(await markAccountingSent(associate, id, asked.id)).toEqual({ ok: true });
    expect((await prisma.accountingRequest.findUniqueOrThrow({ where: { id: asked.id } })).fulfilledById).toBe(associate.id);
  });

  it("a recipient whose address received the portal code cannot ask for it in the patient's name", async () => {
    const form = accountingPatient();
    form.recipient = { kind: "THIRD_PARTY", name: "Acme Insurance", address: { line1: "1 Insurance Way", city: "Chicago", state: "IL", postalCode: "60601" }, email: "claims@acme.example" };
    form.delivery = { method: "SECURE_EMAIL", email: "claims@acme.example", emailConfirm: "claims@acme.example" };
    const id = await verified(associate, form);
    expect((await requestAccounting(id)).ok).toBe(false);
    expect(await prisma.accountingRequest.count({ where: { requestId: id } })).toBe(0);
  });
});
