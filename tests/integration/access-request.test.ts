/**
 * The right-of-access door end to end on the real database (issue 17): stored with its door, no
 * purpose or expiry, the complete record with the specially protected records of the patient's
 * own care and no initialed consents, psychotherapy notes refused by field, the EHI export
 * recorded, the signed PDF titled as a request for access, the patient's own-copy fee at
 * invoice, release, and the CHECK constraints that mirror the rules.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PSYCHOTHERAPY_NOTES_NOT_ACCESS } from "@/domain/signing-rules";
import type { StaffIdentity } from "@/server/staff/auth";
import { computeRequestFees, issueInvoice } from "@/server/staff/invoices";
import { attachRecords, releaseBySecureEmail } from "@/server/staff/release";
import { transitionRequest } from "@/server/staff/requests";
import { makeSignedAuthorizationPdf } from "@/server/requests/signed-pdf";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { fileStore } from "@/server/storage";
import { fileOf, photoPng, samplePdf } from "../support/files";
import { validAccessForm, validPatientForm } from "../support/forms";
import { pdfText } from "../support/pdf-text";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
let associate: StaffIdentity;
beforeAll(async () => {
  const user = await prisma.staffUser.create({ data: { email: `access-${randomUUID()}@example.com`, name: "Access Associate", role: "ASSOCIATE", passwordHash: "x" } });
  associate = { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE", sessionId: randomUUID() };
});
const v = async (id: string) => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).version;
const submit = (payload: unknown) =>
  submitAuthorization({ payload, idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID() });

async function verified(payload: unknown): Promise<string> {
  const result = await submit(payload);
  if (!result.ok) throw new Error(JSON.stringify(result));
  const id = result.requestId;
  expect(await transitionRequest(associate, id, await v(id), "START_REVIEW")).toEqual({ ok: true });
  const checklist = { elementsPresent: true, identityChecked: true, authorityChecked: true, specialConsentsMatch: true };
  expect(await transitionRequest(associate, id, await v(id), "VERIFY", { checklist })).toEqual({ ok: true });
  return id;
}

const fileStorePdf = (requestId: string) => prisma.document.findFirst({ where: { requestId, kind: "SIGNED_AUTHORIZATION" } });

describe("an access request (the patient's own records)", () => {
  it("is stored with its door, no purpose or expiry, the complete record and its special categories without initials", async () => {
    const form = validAccessForm();
    form.patient.firstName = "Quillon";
    form.signature.typedName = "Quillon Sample";
    const result = await submit(form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: result.requestId }, include: { specialConsents: true, documents: true } });
    expect(r).toMatchObject({
      requestKind: "ACCESS",
      accessFormat: "PDF_DOWNLOAD",
      recipientKind: "SELF",
      purpose: null,
      purposeCode: null,
      expirationKind: null,
      expirationDate: null,
      expirationEvent: null,
      completeRecord: true,
      accessCategories: ["MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"],
      witnessRequired: false,
      deliveryMethod: "SECURE_EMAIL",
    });
    expect(r.specialConsents).toEqual([]);
    // The signed PDF is a request for access, not an authorization. It is drawn after commit by
    // the worker's job (decision 0021): run here, then read.
    await makeSignedAuthorizationPdf(r.id);
    const signed = (await fileStorePdf(r.id))!;
    const text = await pdfText(await fileStore().get(signed.storageKey, signed.sha256));
    expect(text).toContain("Request for Access to Health Information");
    expect(text).not.toContain("Authorization for Release");
    expect(text).toContain("45 CFR 164.524");
    expect(text).not.toMatch(/This authorization expires|Right to revoke/);
  });

  it("records a request for the full EHI export, for staff to fulfil", async () => {
    const result = await submit({ ...validAccessForm(), format: "EHI_EXPORT" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: result.requestId } })).toMatchObject({ requestKind: "ACCESS", accessFormat: "EHI_EXPORT", deliveryMethod: "SECURE_EMAIL" });
  });

  it("refuses psychotherapy notes with a clear field message, and stores nothing", async () => {
    const form = validAccessForm();
    form.patient.lastName = "Notesrefused";
    const result = await submit({ ...form, information: { ...form.information, psychotherapyNotes: true } });
    expect(result).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "information.psychotherapyNotes": [PSYCHOTHERAPY_NOTES_NOT_ACCESS] } });
    expect(await prisma.authorizationRequest.count({ where: { patientLastName: "Notesrefused" } })).toBe(0);
  });

  it("refuses a purpose or an expiry posted with it (an access request has none), by field", async () => {
    const result = await submit({ ...validAccessForm(), purpose: { purpose: "LEGAL" } });
    expect(result.ok).toBe(false);
  });

  it("is invoiced at the patient's own-copy fee: $6.50 flat for the electronic copy of 120 pages, then released", async () => {
    const id = await verified(validAccessForm());
    expect(await attachRecords(associate, id, await v(id), fileOf(await samplePdf("Records", 120), "records.pdf", "application/pdf"))).toEqual({ ok: true });
    const entry = { medium: "ELECTRONIC", microformPages: 0, postage: "0", atCostItems: [] };
    const fees = await computeRequestFees(associate, id, entry);
    expect(fees.ok && fees.computation.totalCents).toBe(650);
    expect(fees.ok && fees.computation.lines.map((l) => l.rule).join()).toMatch(/164\.524\(c\)\(4\)/);
    // Paper for the same request: cost-based, no handling charge (120 × $0.25).
    const paper = await computeRequestFees(associate, id, { ...entry, medium: "PAPER" });
    expect(paper.ok && paper.computation.totalCents).toBe(3000);
    expect(paper.ok && paper.computation.lines.some((l) => /handling/i.test(l.description))).toBe(false);
    expect(await issueInvoice(associate, id, await v(id), entry, 650)).toEqual({ ok: true });
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { requestId: id, status: "ISSUED" } });
    expect(invoice.totalCents).toBe(650);
  });

  it("is released by secure e-mail with a disclosure naming the right of access as its purpose", async () => {
    await prisma.setting.upsert({ where: { key: "releaseRequiresPayment" }, update: {}, create: { key: "releaseRequiresPayment", value: true } });
    const id = await verified({ ...validAccessForm(), information: { completeRecord: true, recordTypes: [], includeSpecial: [] } });
    expect(await attachRecords(associate, id, await v(id), fileOf(await samplePdf("Records", 3), "records.pdf", "application/pdf"))).toEqual({ ok: true });
    const entry = { medium: "ELECTRONIC", microformPages: 0, postage: "0", atCostItems: [] };
    expect(await issueInvoice(associate, id, await v(id), entry, 650)).toEqual({ ok: true });
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { requestId: id, status: "ISSUED" } });
    const { recordPayment } = await import("@/server/staff/invoices");
    expect(await recordPayment(associate, id, await v(id), invoice.id, { method: "CHECK", amount: "6.50", receivedOn: "2026-11-20", checkNumber: "77" })).toEqual({ ok: true });
    expect(await releaseBySecureEmail(associate, id, await v(id))).toEqual({ ok: true });
    const disclosure = await prisma.disclosure.findFirstOrThrow({ where: { requestId: id } });
    expect(disclosure.purpose).toMatch(/164\.524/);
  });
});

describe("withdrawing an access request in the portal", () => {
  it("is a withdrawal of the patient's own request, in those words, and nothing more is released", async () => {
    const result = await submit(validAccessForm());
    if (!result.ok) throw new Error(JSON.stringify(result));
    const id = result.requestId;
    const { revokeAuthorization } = await import("@/server/portal/portal");
    expect(await revokeAuthorization(id, { signerName: "Jordan Sample", statement: "", confirm: true })).toEqual({ ok: true, access: true });
    const stored = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id }, include: { statusChanges: true } });
    expect(stored.status).toBe("REVOKED");
    expect(stored.statusChanges.map((c) => c.note)).toContain("Request withdrawn in writing");
    expect((await releaseBySecureEmail(associate, id, await v(id))).ok).toBe(false);
  });

  it("an authorization is still revoked in its own words", async () => {
    const result = await submit(validPatientForm());
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { revokeAuthorization } = await import("@/server/portal/portal");
    expect(await revokeAuthorization(result.requestId, { signerName: "Jordan Sample", statement: "", confirm: true })).toEqual({ ok: true, access: false });
    const changes = await prisma.statusChange.findMany({ where: { requestId: result.requestId } });
    expect(changes.map((c) => c.note)).toContain("Authorization revoked in writing");
  });
});

describe("the database holds every row to its door (CHECK constraints)", () => {
  async function stored(): Promise<string> {
    const result = await submit(validAccessForm());
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.requestId;
  }
  const refused = async (write: () => Promise<unknown>, constraint: string) => {
    await expect(write()).rejects.toThrow(new RegExp(constraint));
  };

  it("an access request has no purpose, no expiry, goes to the patient, and has a format", async () => {
    const id = await stored();
    await refused(() => prisma.authorizationRequest.update({ where: { id }, data: { purpose: "Legal" } }), "AuthorizationRequest_door_fields");
    await refused(() => prisma.authorizationRequest.update({ where: { id }, data: { expirationKind: "DATE", expirationDate: new Date("2027-01-01") } }), "AuthorizationRequest_door_fields");
    await refused(() => prisma.authorizationRequest.update({ where: { id }, data: { recipientKind: "THIRD_PARTY", recipientName: "Someone" } }), "AuthorizationRequest_door_fields");
    await refused(() => prisma.authorizationRequest.update({ where: { id }, data: { accessFormat: null } }), "AuthorizationRequest_door_fields");
  });

  it("an authorization keeps its purpose and expiry, and has no access format", async () => {
    const submitted = await submit(validPatientForm());
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const any = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: submitted.requestId }, select: { id: true, requestKind: true } });
    expect(any.requestKind).toBe("AUTHORIZATION");
    await refused(() => prisma.authorizationRequest.update({ where: { id: any.id }, data: { purpose: null } }), "AuthorizationRequest_door_fields");
    await refused(() => prisma.authorizationRequest.update({ where: { id: any.id }, data: { expirationKind: null } }), "AuthorizationRequest_door_fields");
    await refused(() => prisma.authorizationRequest.update({ where: { id: any.id }, data: { accessFormat: "PDF_DOWNLOAD" } }), "AuthorizationRequest_door_fields");
  });

  it("never psychotherapy notes, each format with its delivery, and no initialed consents on an access request", async () => {
    const id = await stored();
    await refused(() => prisma.authorizationRequest.update({ where: { id }, data: { accessCategories: ["PSYCHOTHERAPY_NOTES"] } }), "AuthorizationRequest_access_no_psychotherapy_notes");
    await refused(() => prisma.authorizationRequest.update({ where: { id }, data: { accessFormat: "PAPER_MAIL" } }), "AuthorizationRequest_access_format_delivery");
    await refused(() => prisma.specialCategoryConsent.create({ data: { requestId: id, category: "HIV_AIDS", initials: "JS" } }), "AuthorizationRequest_access_no_consents");
  });
});
