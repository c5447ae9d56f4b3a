import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaperAccessRequestFormInput } from "@/domain/authorization-form";
import { keyPaperAuthorization } from "@/server/requests/key-paper-authorization";
import type { IntakeInput } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { fileStore } from "@/server/storage";
import { fileOf, samplePdf } from "../support/files";
import { validPaperAccessForm } from "../support/forms";
import { testPrisma } from "./db";
import { staffMembers, storedFiles } from "./fixtures";

/** The printed "Request for access to my own health records", faxed in and keyed by staff (decision 0018). */
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const now = new Date("2026-11-25T16:00:00Z");
let staff: Record<"associate" | "admin", StaffIdentity>;
beforeAll(async () => {
  staff = await staffMembers(prisma, "Access Keyer", { associate: "ASSOCIATE", admin: "ADMIN" });
});

const scanText = "Faxed own-records request, scanned";
let scanBytes: Buffer;
beforeAll(async () => {
  scanBytes = await samplePdf(scanText, 2);
});

function accessForm(lastName: string): PaperAccessRequestFormInput {
  const form = validPaperAccessForm();
  form.patient.lastName = lastName;
  form.signature.signerName = `Jordan ${lastName}`;
  return form;
}

async function keyed(overrides: Partial<IntakeInput> = {}): Promise<IntakeInput> {
  return {
    payload: accessForm("Paperaccess"),
    idempotencyKey: randomUUID(),
    photoId: null,
    authorityProof: [],
    paperFormScan: fileOf(scanBytes, "fax-own-records.pdf", "application/pdf"),
    now,
    ...overrides,
  };
}

describe("keying in a paper own-records request", () => {
  it("stores the access door from paper: no purpose or expiry, wet ink, the scan encrypted, audited with the staff member, idempotent", async () => {
    const input = await keyed({ payload: accessForm("Accesskeyed-Testcase") });
    const result = await keyPaperAuthorization(staff.associate, input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Due 30 days after it arrived (2026-11-20), not after it was keyed in.
    expect(result.dueDate).toBe("2026-12-21T05:59:59.999Z");

    const request = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: result.requestId }, include: { documents: true, specialConsents: true } });
    expect(request).toMatchObject({
      requestKind: "ACCESS",
      source: "PAPER",
      receivedVia: "FAX",
      accessFormat: "PAPER_MAIL",
      purpose: null,
      expirationKind: null,
      signatureMethod: "WET_INK",
      signerName: "Jordan Accesskeyed-Testcase",
      receivedAt: new Date("2026-11-20T06:00:00Z"),
      signedAt: new Date("2026-11-18T06:00:00Z"),
    });
    expect(request.accessCategories.sort()).toEqual(["GENETIC_TESTING", "HIV_AIDS", "MENTAL_HEALTH", "SUBSTANCE_USE_DISORDER"]);
    expect(request.specialConsents).toEqual([]);
    const scanDoc = request.documents.find((d) => d.kind === "PAPER_FORM_SCAN")!;
    expect(scanDoc).toMatchObject({ contentType: "application/pdf", uploadedById: staff.associate.id });
    const raw = await readFile(path.join(process.env.FILE_STORE_DIR!, scanDoc.storageKey.slice(0, 2), scanDoc.storageKey));
    expect(raw.includes(Buffer.from("%PDF"))).toBe(false);
    expect(raw.includes(Buffer.from(scanText))).toBe(false);
    expect((await fileStore().get(scanDoc.storageKey, scanDoc.sha256)).equals(scanBytes)).toBe(true);

    const audit = await prisma.auditEvent.findMany({ where: { requestId: request.id, action: "request.submitted" } });
    expect(audit).toMatchObject([{ actorType: "STAFF", actorId: staff.associate.id, actorRole: "ASSOCIATE", details: { source: "PAPER", receivedVia: "FAX" } }]);

    // Saved again with the same key (a double click, a retry): the same request, nothing new.
    const again = await keyPaperAuthorization(staff.associate, { ...input, paperFormScan: fileOf(scanBytes, "fax-own-records.pdf", "application/pdf") });
    expect(again).toMatchObject({ ok: true, requestId: result.requestId });
    expect(await prisma.authorizationRequest.count({ where: { patientLastName: "Accesskeyed-Testcase" } })).toBe(1);
  });

  it("refuses without a staff member allowed to key paper forms in, and stores nothing", async () => {
    const marker = "Accessrefused-Testcase";
    const before = { requests: await prisma.authorizationRequest.count({ where: { patientLastName: marker } }), files: (await storedFiles()).length };
    for (const who of [null, staff.admin]) {
      const result = await keyPaperAuthorization(who, await keyed({ payload: accessForm(marker) }));
      expect(result).toMatchObject({ ok: false, kind: "refused", message: expect.stringContaining("not signed in") });
    }
    expect({ requests: await prisma.authorizationRequest.count({ where: { patientLastName: marker } }), files: (await storedFiles()).length }).toEqual(before);
  });

  it("saves nothing for invalid input, and says what is wrong field by field (psychotherapy notes, a purpose, the dates)", async () => {
    const marker = "Accessinvalid-Testcase";
    const snapshot = async () => ({ requests: await prisma.authorizationRequest.count({ where: { patientLastName: marker } }), files: (await storedFiles()).length });
    const before = await snapshot();

    const form = accessForm(marker);
    form.paper.receivedOn = "2026-11-26";
    form.signature.signedOn = "2026-11-30";
    form.information.psychotherapyNotes = true;
    const result = await keyPaperAuthorization(staff.associate, await keyed({ payload: form, paperFormScan: null }));
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    if (result.ok || result.kind !== "invalid") return;
    expect(result.fieldErrors["paper.receivedOn"]).toEqual(["The date received cannot be in the future"]);
    expect(result.fieldErrors["signature.signedOn"]).toBeDefined();
    expect(result.fieldErrors["uploads.paperFormScan"]).toEqual(["Attach the scan of the signed paper form"]);
    expect(Object.entries(result.fieldErrors).some(([k, v]) => k.startsWith("information") && v.join(" ").match(/psychotherapy/i))).toBe(true);

    // A purpose and an expiry belong to an authorization: refused on the access door.
    const withPurpose = { ...accessForm(marker), purpose: { purpose: "PERSONAL" }, expiration: { kind: "DATE", date: "2027-11-25" } };
    expect(await keyPaperAuthorization(staff.associate, await keyed({ payload: withPurpose }))).toMatchObject({ ok: false, kind: "invalid" });

    expect(await snapshot()).toEqual(before);
  });
});
