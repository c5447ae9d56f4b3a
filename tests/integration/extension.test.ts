import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays, chicagoDay, todayInChicago } from "@/domain/chicago";
import { EXTENSION_REASONS } from "@/domain/extension";
import { formatIsoDate } from "@/domain/format";
import { keyPaperAuthorization } from "@/server/requests/key-paper-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { extendDeadline, markExtensionLetterMailed, openDocument } from "@/server/staff/requests";
import { fileOf, samplePdf } from "../support/files";
import { pdfText } from "../support/pdf-text";
import { validPaperForm } from "../support/forms";
import { testPrisma } from "./db";
import { lifecycle } from "./lifecycle-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const { staffMember } = lifecycle(prisma);
let supervisor: StaffIdentity;
beforeAll(async () => {
  supervisor = await staffMember("SUPERVISOR");
});

/** A paper form received `daysAgo` days ago, with or without an e-mail address anywhere on it. */
async function paper(daysAgo: number, withEmail: boolean) {
  const form = validPaperForm();
  const receivedOn = addCalendarDays(todayInChicago(), -daysAgo);
  form.paper.receivedOn = receivedOn;
  form.signature.signedOn = receivedOn;
  if (!withEmail) {
    form.patient.email = undefined;
    form.delivery = { method: "MAIL", address: { line1: "100 Example Street", city: "Naperville", state: "IL", postalCode: "60540" } };
  }
  const result = await keyPaperAuthorization(supervisor, {
    payload: form,
    idempotencyKey: randomUUID(),
    photoId: null,
    authorityProof: [],
    paperFormScan: fileOf(await samplePdf("Signed paper authorization"), "scan.pdf", "application/pdf"),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return prisma.authorizationRequest.findUniqueOrThrow({ where: { id: result.requestId } });
}

describe("the one extension (45 CFR 164.524(b)(2)(ii))", () => {
  it("is refused once the 30 days have run out, and nothing changes", async () => {
    const r = await paper(40, true);
    const result = await extendDeadline(supervisor, r.id, r.version, { days: 30, reason: "LARGE_VOLUME" });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(/deadline passed/);
    const after = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.dueAt).toEqual(r.dueAt);
    expect(after.extendedAt).toBeNull();
    expect(await prisma.notification.count({ where: { requestId: r.id, template: "EXTENSION" } })).toBe(0);
  });

  it("is allowed on the due day itself", async () => {
    const r = await paper(30, true);
    expect(chicagoDay(r.dueAt)).toBe(todayInChicago());
    expect(await extendDeadline(supervisor, r.id, r.version, { days: 5, reason: "LARGE_VOLUME" })).toEqual({ ok: true });
  });

  it("needs one of the reasons the requester is told", async () => {
    const r = await paper(3, true);
    expect((await extendDeadline(supervisor, r.id, r.version, { days: 5, reason: "Because" })).ok).toBe(false);
  });

  it("without an e-mail address, a letter with the reason and the new date is queued for mailing", async () => {
    const r = await paper(5, false);
    expect(await extendDeadline(supervisor, r.id, r.version, { days: 15, reason: "SEVERAL_LOCATIONS" })).toEqual({ ok: true });
    const after = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: r.id }, include: { documents: true } });
    expect(await prisma.notification.count({ where: { requestId: r.id, template: "EXTENSION" } })).toBe(0);
    const letter = after.documents.find((d) => d.kind === "EXTENSION_LETTER");
    expect(letter).toBeDefined();
    expect(after.extensionLetterMailedAt).toBeNull();
    const opened = await openDocument(supervisor, r.id, letter!.id);
    const text = await pdfText(opened!.bytes);
    expect(text).toContain(EXTENSION_REASONS.SEVERAL_LOCATIONS);
    expect(text).toContain(`We will respond by ${formatIsoDate(chicagoDay(after.dueAt))}`);
    expect(text).toContain("100 Example Street");
    expect(await markExtensionLetterMailed(supervisor, r.id, after.version)).toEqual({ ok: true });
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: r.id } })).extensionLetterMailedAt).toBeInstanceOf(Date);
  });
});
