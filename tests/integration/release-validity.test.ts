import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayToDateOnly, todayInChicago, addCalendarDays } from "@/domain/chicago";
import type { StaffIdentity } from "@/server/staff/auth";
import type { CookieJar } from "@/server/portal/access";
import { downloadRecords, exchangeDownloadToken, issueDownloadGrant } from "@/server/portal/downloads";
import { markMailed, prepareMailing, recordPickup, releaseBySecureEmail, schedulePickup } from "@/server/staff/release";
import { transitionRequest } from "@/server/staff/requests";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { fileOf, photoPng } from "../support/files";
import { validPatientForm, validRepresentativeForm } from "../support/forms";
import { testPrisma } from "./db";
import { lifecycle } from "./lifecycle-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const { v, staffMember, verified, inReview, readyToRelease, checklist } = lifecycle(prisma);
let associate: StaffIdentity;
beforeAll(async () => {
  associate = await staffMember();
});

const yesterday = () => dayToDateOnly(addCalendarDays(todayInChicago(), -1));

describe("an authorization is valid at the moment of release (45 CFR 164.508(b)(2), (b)(5))", () => {
  it("an authorization that expired after verification cannot be released, by any method", async () => {
    const id = await verified(associate, validPatientForm());
    await readyToRelease(associate, id);
    await prisma.authorizationRequest.update({ where: { id }, data: { expirationDate: yesterday() } });
    const result = await releaseBySecureEmail(associate, id, await v(id));
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(/expired/);
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("READY_TO_RELEASE");
  });

  it("expires at the end of its expiration day in Chicago, not before", async () => {
    const id = await verified(associate, validPatientForm());
    await readyToRelease(associate, id);
    await prisma.authorizationRequest.update({ where: { id }, data: { expirationDate: dayToDateOnly(todayInChicago()) } });
    expect(await releaseBySecureEmail(associate, id, await v(id))).toEqual({ ok: true });
  });

  it("an expired authorization cannot be verified", async () => {
    const id = await inReview(associate, validPatientForm());
    await prisma.authorizationRequest.update({ where: { id }, data: { expirationDate: yesterday() } });
    const result = await transitionRequest(associate, id, await v(id), "VERIFY", { checklist });
    expect(result.ok).toBe(false);
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");
  });

  it("an expiration event of “never” is refused at submission, and one already on file blocks verification", async () => {
    const form = validPatientForm();
    form.expiration = { kind: "EVENT", event: "Never" };
    const refused = await submitAuthorization({ payload: form, idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID() });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toMatch(/Never.{0,20}is not an expiration/);

    const ok = validPatientForm();
    ok.expiration = { kind: "EVENT", event: "The end of my insurance claim" };
    const id = await inReview(associate, ok);
    await prisma.authorizationRequest.update({ where: { id }, data: { expirationEvent: "none" } });
    const result = await transitionRequest(associate, id, await v(id), "VERIFY", { checklist });
    expect(result.ok ? "" : result.message).toMatch(/names no event/);
  });

  it("a revocation on file blocks release even when the status was not changed (a crafted or racing request)", async () => {
    const id = await verified(associate, validPatientForm());
    await readyToRelease(associate, id);
    await prisma.revocation.create({ data: { requestId: id, signerName: "Jordan Sample", signedAt: new Date() } });
    const result = await releaseBySecureEmail(associate, id, await v(id));
    expect(result.ok ? "" : result.message).toMatch(/revoked/);
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);
  });

  it("a parent's authority ends when the child turns 18: no release under the parent's signature", async () => {
    const form = validRepresentativeForm();
    form.requester = { kind: "REPRESENTATIVE", representative: { name: "Riley Placeholder", phone: "630-555-0111", email: "riley@example.com", authority: "PARENT_OF_MINOR" } };
    form.patient = { ...form.patient, dateOfBirth: "2010-05-01" };
    const proof = fileOf(photoPng(), "birth-certificate.png", "image/png");
    const id = await verified(associate, form, [proof]);
    await readyToRelease(associate, id);
    await prisma.authorizationRequest.update({ where: { id }, data: { patientDateOfBirth: dayToDateOnly(addCalendarDays(todayInChicago(), -18 * 366)) } });
    expect(await prepareMailing(associate, id, await v(id))).toEqual({ ok: true });
    const result = await markMailed(associate, id, await v(id), "9400 1000 0000 0000 0000 00");
    expect(result.ok ? "" : result.message).toMatch(/not valid now.*(18|adult)/i);
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);
  });

  it("pickup: neither scheduled nor collected under an expired authorization", async () => {
    const form = validPatientForm();
    form.delivery = { method: "PICKUP", phone: "630-555-0100", bestTimes: "mornings" };
    const id = await verified(associate, form);
    await readyToRelease(associate, id);
    await prisma.authorizationRequest.update({ where: { id }, data: { expirationDate: yesterday() } });
    expect((await schedulePickup(associate, id, await v(id), new Date(Date.now() + 86_400_000))).ok).toBe(false);
    await prisma.authorizationRequest.update({ where: { id }, data: { status: "PICKUP_SCHEDULED" } });
    const result = await recordPickup(associate, id, await v(id), { collector: "REQUESTER", idType: "DRIVERS_LICENSE", idLast4: "1234" });
    expect(result.ok).toBe(false);
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);
  });

  it("a secure download after the authorization expired is refused and records no disclosure", async () => {
    const id = await verified(associate, validPatientForm());
    await readyToRelease(associate, id);
    expect(await releaseBySecureEmail(associate, id, await v(id))).toEqual({ ok: true });
    const grant = await issueDownloadGrant(prisma as never, id);
    const jar = new Map<string, string>();
    const cookieJar: CookieJar = { get: (n) => (jar.has(n) ? { value: jar.get(n)! } : undefined), set: (n, value) => void jar.set(n, value), delete: (n) => void jar.delete(n) };
    expect(await exchangeDownloadToken(new URL(grant.url).searchParams.get("t")!, new Date(), cookieJar)).toEqual({ ok: true });
    await prisma.authorizationRequest.update({ where: { id }, data: { expirationDate: yesterday() } });
    expect(await downloadRecords(new Date(), cookieJar)).toBeNull();
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(1);
  });
});
