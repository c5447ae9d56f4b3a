import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffIdentity } from "@/server/staff/auth";
import { releaseBySecureEmail } from "@/server/staff/release";
import { claimRequest, extendDeadline, openDocument, requestForStaff, transitionRequest } from "@/server/staff/requests";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { fileOf, photoPng } from "../support/files";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const staff: Record<"associate" | "other" | "supervisor" | "admin", StaffIdentity> = {} as never;

beforeAll(async () => {
  for (const [key, role] of [["associate", "ASSOCIATE"], ["other", "ASSOCIATE"], ["supervisor", "SUPERVISOR"], ["admin", "ADMIN"]] as const) {
    const user = await prisma.staffUser.create({ data: { email: `${key}-${randomUUID()}@example.com`, name: key, role, passwordHash: "x" } });
    staff[key] = { id: user.id, email: user.email, name: user.name, role, sessionId: randomUUID() };
  }
});

async function newRequest(): Promise<string> {
  const result = await submitAuthorization({
    payload: validPatientForm(),
    idempotencyKey: randomUUID(),
    photoId: fileOf(photoPng(), "id.png", "image/png"),
    authorityProof: [],
    clientKey: randomUUID(),
    clientToken: randomUUID(),
  });
  if (!result.ok) throw new Error("could not submit");
  return result.requestId;
}

const version = async (id: string) => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).version;
const status = async (id: string) => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).status;
const checklist = { elementsPresent: true, identityChecked: true, authorityChecked: false, specialConsentsMatch: true };

describe("processing a request", () => {
  it("20 concurrent claims produce exactly one assignee", async () => {
    const id = await newRequest();
    const claimers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const user = await prisma.staffUser.create({ data: { email: `claimer-${i}-${randomUUID()}@example.com`, name: `c${i}`, role: "ASSOCIATE", passwordHash: "x" } });
        return { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE" as const, sessionId: randomUUID() };
      }),
    );
    const results = await Promise.all(claimers.map((c) => claimRequest(c, id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = claimers[results.findIndex((r) => r.ok)]!;
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(winner.id);
    expect(await prisma.auditEvent.count({ where: { requestId: id, action: "request.claimed" } })).toBe(1);
  });

  it("walks review → verified, each step audited with a status change", async () => {
    const id = await newRequest();
    for (const [event, input] of [
      ["START_REVIEW", {}],
      ["VERIFY", { checklist }],
    ] as const) {
      expect(await transitionRequest(staff.associate, id, await version(id), event, input)).toEqual({ ok: true });
    }
    expect(await status(id)).toBe("VERIFIED");
    const changes = await prisma.statusChange.findMany({ where: { requestId: id }, orderBy: { at: "asc" } });
    expect(changes.map((c) => c.toStatus)).toEqual(["SUBMITTED", "IN_REVIEW", "VERIFIED"]);
    const actions = (await prisma.auditEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["request.submitted", "request.start_review", "request.verify"]);
  });

  it("makes release before verification impossible, and says why", async () => {
    const id = await newRequest();
    const result = await releaseBySecureEmail(staff.supervisor, id, await version(id));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not possible while the request is submitted/) });
    expect(await status(id)).toBe("SUBMITTED");
    expect(await prisma.auditEvent.count({ where: { requestId: id, action: "request.released", outcome: "DENIED" } })).toBe(1);
    // The review steps' own entry point takes no release-side step at all.
    expect(await transitionRequest(staff.supervisor, id, await version(id), "RELEASE" as never)).toMatchObject({ ok: false });
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);
  });

  it("refuses a step by a role that may not take it", async () => {
    const id = await newRequest();
    expect((await transitionRequest(staff.admin, id, await version(id), "START_REVIEW")).ok).toBe(false);
    await transitionRequest(staff.associate, id, await version(id), "START_REVIEW");
    expect((await transitionRequest(staff.associate, id, await version(id), "REJECT", { reason: "Signature missing" })).ok).toBe(false);
    expect(await transitionRequest(staff.supervisor, id, await version(id), "REJECT", { reason: "Signature missing" })).toEqual({ ok: true });
    expect(await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REJECTED", closeReason: "Signature missing" });
  });

  it("refuses a save based on a stale version, with a clear message", async () => {
    const id = await newRequest();
    const seen = await version(id);
    expect((await transitionRequest(staff.associate, id, seen, "START_REVIEW")).ok).toBe(true);
    const stale = await transitionRequest(staff.other, id, seen, "MARK_DEFICIENT", { reason: "ID unreadable" });
    expect(stale).toEqual({ ok: false, message: expect.stringContaining("changed by someone else") });
    expect(await status(id)).toBe("IN_REVIEW");
  });

  it("records a deficiency with its reason, and resolves it when review resumes", async () => {
    const id = await newRequest();
    await transitionRequest(staff.associate, id, await version(id), "START_REVIEW");
    await transitionRequest(staff.associate, id, await version(id), "MARK_DEFICIENT", { reason: "The photo ID is expired" });
    expect(await prisma.deficiency.findMany({ where: { requestId: id } })).toMatchObject([{ reasons: ["The photo ID is expired"], resolvedAt: null }]);
    await transitionRequest(staff.associate, id, await version(id), "RESUME_REVIEW");
    expect((await prisma.deficiency.findFirstOrThrow({ where: { requestId: id } })).resolvedAt).toBeInstanceOf(Date);
  });

  it("allows one extension of at most 30 days", async () => {
    const id = await newRequest();
    const before = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
    expect((await extendDeadline(staff.associate, id, before.version, 31, "Records in storage")).ok).toBe(false);
    expect(await extendDeadline(staff.associate, id, before.version, 30, "Records in off-site storage")).toEqual({ ok: true });
    const after = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
    expect(after.dueAt.getTime() - before.dueAt.getTime()).toBe(30 * 86_400_000);
    expect((await extendDeadline(staff.associate, id, after.version, 10, "Again")).ok).toBe(false);
  });

  it("audits every view of a request and every open of a document, and keeps administrators out", async () => {
    const id = await newRequest();
    const viewed = await requestForStaff(staff.associate, id);
    expect(viewed?.documents.length).toBeGreaterThan(0);
    const document = viewed!.documents.find((d) => d.kind === "PHOTO_ID")!;
    const opened = await openDocument(staff.associate, id, document.id);
    expect(opened?.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(await requestForStaff(staff.admin, id)).toBeNull();
    expect(await openDocument(staff.admin, id, document.id)).toBeNull();
    // A document id under another request's id is not found.
    expect(await openDocument(staff.associate, await newRequest(), document.id)).toBeNull();
    const audit = await prisma.auditEvent.findMany({ where: { requestId: id, actorId: staff.associate.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["document.viewed", "request.viewed"]);
  });
});
