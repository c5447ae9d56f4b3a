import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthorizationFormInput } from "@/domain/authorization-form";
import type { StaffIdentity } from "@/server/staff/auth";
import { attachRecords, completeRequest, logPickupCall, markMailed, prepareMailing, recordPickup, releaseBySecureEmail, schedulePickup } from "@/server/staff/release";
import { computeRequestFees, issueInvoice, recordPayment } from "@/server/staff/invoices";
import { transitionRequest } from "@/server/staff/requests";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { fileStore } from "@/server/storage";
import { fileOf, photoPng, samplePdf } from "../support/files";
import { validPatientForm, validRepresentativeForm } from "../support/forms";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
let associate: StaffIdentity;

beforeAll(async () => {
  const user = await prisma.staffUser.create({ data: { email: `releaser-${randomUUID()}@example.com`, name: "Releaser", role: "ASSOCIATE", passwordHash: "x" } });
  associate = { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE", sessionId: randomUUID() };
});

const v = async (id: string) => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).version;

async function verifiedRequest(form: AuthorizationFormInput, authorityProof: File[] = []): Promise<string> {
  const submitted = await submitAuthorization({ payload: form, idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof, clientKey: randomUUID(), clientToken: randomUUID() });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  const id = submitted.requestId;
  await transitionRequest(associate, id, await v(id), "START_REVIEW");
  const checklist = { elementsPresent: true, identityChecked: true, authorityChecked: true, specialConsentsMatch: true };
  expect(await transitionRequest(associate, id, await v(id), "VERIFY", { checklist })).toEqual({ ok: true });
  return id;
}

/** Attaches 12 pages of records, then issues the invoice and records its payment by check. */
async function attach(id: string) {
  const records = fileOf(await samplePdf("Lab results 2025", 12), "records.pdf", "application/pdf");
  expect(await attachRecords(associate, id, await v(id), records)).toEqual({ ok: true });
  const entry = { medium: "PAPER", microformPages: 0, postage: "0", atCostItems: [] };
  const fees = await computeRequestFees(associate, id, entry);
  if (!fees.ok) throw new Error(fees.message);
  expect(await issueInvoice(associate, id, await v(id), entry, fees.computation.totalCents)).toEqual({ ok: true });
  const invoice = await prisma.invoice.findFirstOrThrow({ where: { requestId: id, status: "ISSUED" } });
  const check = { method: "CHECK", amount: (invoice.totalCents / 100).toFixed(2), receivedOn: "2026-11-20", checkNumber: "1042" };
  expect(await recordPayment(associate, id, await v(id), invoice.id, check)).toEqual({ ok: true });
}

describe("releasing records", () => {
  it("refuses to release while the signed authorization's PDF cannot be drawn, and changes nothing", async () => {
    const id = await verifiedRequest(validPatientForm());
    await attach(id);
    // What the PDF is drawn from is unreadable (the file store lost it).
    const { pdfSourceKey } = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
    await fileStore().remove(pdfSourceKey!);
    const before = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
    expect(await releaseBySecureEmail(associate, id, before.version)).toEqual({ ok: false, message: expect.stringMatching(/still being prepared/) });
    const after = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: before.status, version: before.version });
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);
  });

  it("cannot release before the records are attached", async () => {
    const id = await verifiedRequest(validPatientForm());
    expect((await releaseBySecureEmail(associate, id, await v(id))).ok).toBe(false);
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);
  });

  it("by secure e-mail: released, a disclosure with the file's SHA-256, and a 'records ready' notification", async () => {
    const id = await verifiedRequest(validPatientForm());
    await attach(id);
    // No worker runs in this file: the signed PDF is still to be drawn (decision 0021)…
    expect(await prisma.document.count({ where: { requestId: id, kind: "SIGNED_AUTHORIZATION" } })).toBe(0);
    expect(await releaseBySecureEmail(associate, id, await v(id))).toEqual({ ok: true });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id }, include: { disclosures: true, notifications: true, documents: true } });
    expect(r.status).toBe("RELEASED");
    // …and the release drew it: the request is released with its signed authorization on file.
    expect(r.documents.filter((d) => d.kind === "SIGNED_AUTHORIZATION")).toHaveLength(1);
    expect(r.pdfSourceKey).toBeNull();
    expect(r.pageCount).toBe(12);
    const records = r.documents.find((d) => d.kind === "RELEASED_RECORDS")!;
    expect(r.disclosures).toMatchObject([{ method: "SECURE_EMAIL", recipient: "Jordan Sample", fileSha256: records.sha256, staffId: associate.id, purpose: expect.any(String) }]);
    expect(r.notifications.map((n) => n.template).sort()).toEqual(["INVOICE_ISSUED", "PAYMENT_RECEIVED", "RECORDS_READY", "REQUEST_RECEIVED"]);
    expect(await completeRequest(associate, id, r.version)).toEqual({ ok: true });
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("COMPLETED");
  });

  it("by mail: cover letter and label first, then mailed with a tracking number", async () => {
    const proof = fileOf(await samplePdf("Power of attorney"), "poa.pdf", "application/pdf");
    const id = await verifiedRequest(validRepresentativeForm(), [proof]);
    await attach(id);
    expect((await markMailed(associate, id, await v(id), "9400 1000 0000 0000 0000 00")).ok).toBe(false);
    expect(await prepareMailing(associate, id, await v(id))).toEqual({ ok: true });
    expect(await markMailed(associate, id, await v(id), "9400 1000 0000 0000 0000 00")).toEqual({ ok: true });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id }, include: { disclosures: true, documents: true } });
    expect(r).toMatchObject({ status: "RELEASED", mailTrackingNumber: "9400 1000 0000 0000 0000 00" });
    expect(r.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(["COVER_LETTER", "MAILING_LABEL", "RELEASED_RECORDS"]));
    expect(r.disclosures).toMatchObject([{ method: "MAIL", recipient: "Riley Placeholder" }]);
  });

  it("by pickup: calls logged, a time scheduled, then who collected it and which ID was seen", async () => {
    const form = validPatientForm();
    form.delivery = { method: "PICKUP", phone: "630-555-0100", bestTimes: "mornings" };
    const id = await verifiedRequest(form);
    await attach(id);
    expect(await logPickupCall(associate, id, await v(id), "NO_ANSWER", "")).toEqual({ ok: true });
    expect(await logPickupCall(associate, id, await v(id), "REACHED_SCHEDULED", "Friday 10 AM")).toEqual({ ok: true });
    expect(await schedulePickup(associate, id, await v(id), new Date(Date.now() + 2 * 86_400_000))).toEqual({ ok: true });
    expect(await recordPickup(associate, id, await v(id), { collector: "REQUESTER", idType: "DRIVERS_LICENSE", idLast4: "4821" })).toEqual({ ok: true });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id }, include: { pickupCalls: true, disclosures: true, statusChanges: true } });
    expect(r).toMatchObject({ status: "RELEASED", pickedUpBy: "Jordan Sample", pickupIdChecked: "Driver's license ending 4821" });
    expect(r.pickupCalls.map((c) => c.outcome)).toEqual(["NO_ANSWER", "REACHED_SCHEDULED"]);
    // The unanswered call is followed by an e-mail; the one that reached them is not.
    expect(await prisma.notification.count({ where: { requestId: id, template: "PICKUP_CALL" } })).toBe(1);
    expect(r.statusChanges.map((s) => s.toStatus)).toContain("PICKUP_SCHEDULED");
    expect(r.disclosures).toMatchObject([{ method: "PICKUP", recipient: "Jordan Sample (the patient), collected in person; Driver's license ending 4821 checked" }]);
  });

  it("refuses a release by the wrong method", async () => {
    const id = await verifiedRequest(validPatientForm());
    await attach(id);
    expect(await recordPickup(associate, id, await v(id), { collector: "REQUESTER", idType: "PASSPORT", idLast4: "0001" })).toEqual({ ok: false, message: "This request is not for pickup." });
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("READY_TO_RELEASE");
  });
});
