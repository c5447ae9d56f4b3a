import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthorizationFormInput } from "@/domain/authorization-form";
import { todayInChicago } from "@/domain/chicago";
import type { StaffIdentity } from "@/server/staff/auth";
import { revokeAuthorization } from "@/server/portal/portal";
import { computeRequestFees, issueInvoice, recordPayment } from "@/server/staff/invoices";
import { attachRecords, releaseBySecureEmail } from "@/server/staff/release";
import { recordPaperRevocation } from "@/server/staff/revocation";
import { fileOf, samplePdf } from "../support/files";
import { validPatientForm, validRepresentativeForm } from "../support/forms";
import { testPrisma } from "./db";
import { lifecycle } from "./lifecycle-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const { v, staffMember, verified, readyToRelease, recordsPdf } = lifecycle(prisma);
let associate: StaffIdentity;
beforeAll(async () => {
  associate = await staffMember();
});

/** A verified request with its invoice issued and unpaid. */
async function invoiced(form: AuthorizationFormInput, proof: File[] = []) {
  const id = await verified(associate, form, proof);
  expect(await attachRecords(associate, id, await v(id), await recordsPdf(12))).toEqual({ ok: true });
  const entry = { medium: "PAPER", microformPages: 0, postage: "0", atCostItems: [] };
  const fees = await computeRequestFees(associate, id, entry);
  if (!fees.ok) throw new Error(fees.message);
  expect(await issueInvoice(associate, id, await v(id), entry, fees.computation.totalCents)).toEqual({ ok: true });
  return { id, invoice: await prisma.invoice.findFirstOrThrow({ where: { requestId: id, status: "ISSUED" } }) };
}

const letter = async () => fileOf(await samplePdf("I revoke my authorization. Jordan Sample"), "revocation.pdf", "application/pdf");

describe("revocation, by the patient or personal representative only (45 CFR 164.508(b)(5))", () => {
  it("a recipient who receives the portal code (an insurer's e-mail) cannot revoke in the portal, under any name", async () => {
    const form = validPatientForm();
    form.recipient = { kind: "THIRD_PARTY", name: "Acme Insurance", address: { line1: "1 Insurance Way", city: "Chicago", state: "IL", postalCode: "60601" }, email: "claims@acme.example" };
    form.delivery = { method: "SECURE_EMAIL", email: "claims@acme.example", emailConfirm: "claims@acme.example" };
    const id = await verified(associate, form);
    for (const signerName of ["Jordan Sample", "Acme Claims Desk"]) {
      const result = await revokeAuthorization(id, { signerName, statement: "", confirm: true });
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.message).toMatch(/Only the patient or their personal representative/);
    }
    expect(await prisma.revocation.count({ where: { requestId: id } })).toBe(0);
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("VERIFIED");
  });

  it("in the portal, the signer must be the requester on file", async () => {
    const id = await verified(associate, validPatientForm());
    const result = await revokeAuthorization(id, { signerName: "Somebody Else", statement: "", confirm: true });
    expect(result.ok).toBe(false);
    expect(await prisma.revocation.count({ where: { requestId: id } })).toBe(0);
  });

  it("a portal revocation voids the open invoice: it takes no payment afterwards, and nothing is released", async () => {
    const { id, invoice } = await invoiced(validPatientForm());
    expect(await revokeAuthorization(id, { signerName: "Jordan Sample", statement: "", confirm: true })).toEqual({ ok: true, access: false });
    const voided = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(voided).toMatchObject({ status: "VOID", voidReason: "The authorization was revoked" });
    const check = { method: "CHECK", amount: (invoice.totalCents / 100).toFixed(2), receivedOn: todayInChicago(), checkNumber: "77" };
    expect((await recordPayment(associate, id, await v(id), invoice.id, check)).ok).toBe(false);
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
    expect((await releaseBySecureEmail(associate, id, await v(id))).ok).toBe(false);
    expect(await prisma.revocation.findFirstOrThrow({ where: { requestId: id } })).toMatchObject({ receivedVia: "PORTAL", signerKind: "PATIENT" });
  });

  it("staff record a signed letter received by mail, with its scan: invoice voided, release blocked from that moment", async () => {
    const { id, invoice } = await invoiced(validPatientForm());
    const entry = { signerKind: "PATIENT", signerName: "Jordan Sample", signedOn: todayInChicago(), receivedVia: "MAIL", identityChecked: true, scan: await letter() };
    expect(await recordPaperRevocation(associate, id, await v(id), entry)).toEqual({ ok: true });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id }, include: { revocations: true, documents: true, invoices: true } });
    expect(r.status).toBe("REVOKED");
    expect(r.closedAt).toBeInstanceOf(Date);
    const scan = r.documents.find((d) => d.kind === "REVOCATION");
    expect(scan).toBeDefined();
    expect(r.revocations).toMatchObject([{ receivedVia: "MAIL", signerKind: "PATIENT", recordedById: associate.id, documentId: scan!.id }]);
    expect(r.invoices.find((i) => i.id === invoice.id)!.status).toBe("VOID");
    expect((await releaseBySecureEmail(associate, id, await v(id))).ok).toBe(false);
  });

  it("staff recording checks who signed: not the recipient, not a stranger; the identity check and the scan are required", async () => {
    const proof = fileOf(await samplePdf("Power of attorney"), "poa.pdf", "application/pdf");
    const id = await verified(associate, validRepresentativeForm(), [proof]);
    const base = { signedOn: todayInChicago(), receivedVia: "FAX", identityChecked: true, scan: await letter() };
    expect((await recordPaperRevocation(associate, id, await v(id), { ...base, signerKind: "PATIENT", signerName: "Riley Placeholder" })).ok).toBe(false);
    expect((await recordPaperRevocation(associate, id, await v(id), { ...base, signerKind: "REPRESENTATIVE", signerName: "Some Stranger" })).ok).toBe(false);
    expect((await recordPaperRevocation(associate, id, await v(id), { ...base, signerKind: "REPRESENTATIVE", signerName: "Riley Placeholder", identityChecked: false })).ok).toBe(false);
    expect((await recordPaperRevocation(associate, id, await v(id), { ...base, signerKind: "REPRESENTATIVE", signerName: "Riley Placeholder", scan: null })).ok).toBe(false);
    expect(await prisma.revocation.count({ where: { requestId: id } })).toBe(0);
    expect(await recordPaperRevocation(associate, id, await v(id), { ...base, signerKind: "REPRESENTATIVE", signerName: "Riley Placeholder", scan: await letter() })).toEqual({ ok: true });
    expect(await prisma.revocation.findFirstOrThrow({ where: { requestId: id } })).toMatchObject({ receivedVia: "FAX", signerKind: "REPRESENTATIVE" });
  });

  it("after a release, a revocation stops what is left (the links) and what was disclosed before it stays on record", async () => {
    const id = await verified(associate, validPatientForm());
    await readyToRelease(associate, id);
    expect(await releaseBySecureEmail(associate, id, await v(id))).toEqual({ ok: true });
    const entry = { signerKind: "PATIENT", signerName: "Jordan Sample", signedOn: todayInChicago(), receivedVia: "MAIL", identityChecked: true, scan: await letter() };
    expect(await recordPaperRevocation(associate, id, await v(id), entry)).toEqual({ ok: true });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id }, include: { revocations: true, disclosures: true } });
    expect(r.status).toBe("REVOKED");
    expect(r.disclosures).toHaveLength(1);
    expect(r.disclosures[0]!.disclosedAt.getTime()).toBeLessThan(r.revocations[0]!.receivedAt.getTime());
  });
});
