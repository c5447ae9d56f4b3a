import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { AuthorizationFormInput } from "@/domain/authorization-form";
import type { PrismaClient } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/server/staff/auth";
import { computeRequestFees, issueInvoice, recordPayment } from "@/server/staff/invoices";
import { attachRecords } from "@/server/staff/release";
import { transitionRequest } from "@/server/staff/requests";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { fileOf, photoPng, samplePdf } from "../support/files";

/** Staff and request helpers shared by the issue-12 integration tests (real database, real use cases). */
export function lifecycle(prisma: PrismaClient) {
  const v = async (id: string) => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).version;

  async function staffMember(role: "ASSOCIATE" | "SUPERVISOR" | "ADMIN" = "ASSOCIATE"): Promise<StaffIdentity> {
    const user = await prisma.staffUser.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@example.com`, name: `Test ${role}`, role, passwordHash: "x" } });
    return { id: user.id, email: user.email, name: user.name, role, sessionId: randomUUID() };
  }

  async function submitted(form: AuthorizationFormInput, authorityProof: File[] = []): Promise<string> {
    const result = await submitAuthorization({ payload: form, idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof, clientKey: randomUUID(), clientToken: randomUUID() });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.requestId;
  }

  const checklist = { elementsPresent: true, identityChecked: true, authorityChecked: true, specialConsentsMatch: true };

  async function inReview(staff: StaffIdentity, form: AuthorizationFormInput, authorityProof: File[] = []): Promise<string> {
    const id = await submitted(form, authorityProof);
    expect(await transitionRequest(staff, id, await v(id), "START_REVIEW")).toEqual({ ok: true });
    return id;
  }

  async function verified(staff: StaffIdentity, form: AuthorizationFormInput, authorityProof: File[] = []): Promise<string> {
    const id = await inReview(staff, form, authorityProof);
    expect(await transitionRequest(staff, id, await v(id), "VERIFY", { checklist })).toEqual({ ok: true });
    return id;
  }

  async function recordsPdf(pages = 1) {
    return fileOf(await samplePdf("Lab results 2025", pages), "records.pdf", "application/pdf");
  }

  /** Attaches records, issues the invoice (paper, no postage) and pays it by check. */
  async function readyToRelease(staff: StaffIdentity, id: string, pages = 12) {
    expect(await attachRecords(staff, id, await v(id), await recordsPdf(pages))).toEqual({ ok: true });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
    if (r.status === "READY_TO_RELEASE") return;
    const entry = { medium: "PAPER", microformPages: 0, postage: "0", atCostItems: [] };
    const fees = await computeRequestFees(staff, id, entry);
    if (!fees.ok) throw new Error(fees.message);
    expect(await issueInvoice(staff, id, await v(id), entry, fees.computation.totalCents)).toEqual({ ok: true });
    const invoice = await prisma.invoice.findFirst({ where: { requestId: id, status: "ISSUED" } });
    if (!invoice) return;
    const check = { method: "CHECK", amount: (invoice.totalCents / 100).toFixed(2), receivedOn: "2026-11-20", checkNumber: "1042" };
    expect(await recordPayment(staff, id, await v(id), invoice.id, check)).toEqual({ ok: true });
  }

  return { v, staffMember, submitted, inReview, verified, readyToRelease, recordsPdf, checklist };
}
