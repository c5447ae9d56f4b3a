import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaperAuthorizationFormInput } from "@/domain/authorization-form";
import { keyPaperAuthorization } from "@/server/requests/key-paper-authorization";
import { makeSignedAuthorizationPdf } from "@/server/requests/signed-pdf";
import { type IntakeInput, REPLAY_REFUSED } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { queuePage } from "@/server/staff/queue";
import { fileStore } from "@/server/storage";
import { executableNamedPdf, fileOf, photoPng, samplePdf } from "../support/files";
import { validPaperForm } from "../support/forms";
import { pdfText } from "../support/pdf-text";
import { testPrisma } from "./db";
import { staffMembers, storedFiles } from "./fixtures";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

/** Keyed in on 2026-11-25 (Chicago); the form was signed on the 18th and arrived on the 20th. */
const now = new Date("2026-11-25T16:00:00Z");
let staff: Record<"associate" | "supervisor" | "admin", StaffIdentity>;

beforeAll(async () => {
  staff = await staffMembers(prisma, "Paper Keyer", { associate: "ASSOCIATE", supervisor: "SUPERVISOR", admin: "ADMIN" });
});

/** A three-page PDF, as a fax arrives. */
const scanText = "Signed paper authorization, scanned";
let scanBytes: Buffer;
beforeAll(async () => {
  scanBytes = await samplePdf(scanText, 3);
});
async function scan(): Promise<File> {
  return fileOf(scanBytes, "fax-2026-11-20.pdf", "application/pdf");
}

/** A paper form for a patient with this last name (each test its own, since test files share the database). */
function paperForm(lastName: string): PaperAuthorizationFormInput {
  const form = validPaperForm();
  form.patient.lastName = lastName;
  form.signature.signerName = `Avery ${lastName}`;
  return form;
}

async function keyed(overrides: Partial<IntakeInput> = {}): Promise<IntakeInput> {
  return { payload: paperForm("Paperform"), idempotencyKey: randomUUID(), photoId: null, authorityProof: [], paperFormScan: await scan(), now, ...overrides };
}

describe("keying in a paper form", () => {
  it("stores it as a paper request: received and due from the date it arrived, the scan encrypted, audited with the staff member", async () => {
    const result = await keyPaperAuthorization(staff.associate, await keyed({ payload: paperForm("Keyedin-Testcase") }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Due on 2026-12-20, the 30th calendar day after it arrived (to the end of that day in Chicago), not from the day it was keyed in.
    expect(result.dueDate).toBe("2026-12-21T05:59:59.999Z");

    // The worker's job: the signed PDF (here a transcript) is drawn after commit (decision 0021).
    await makeSignedAuthorizationPdf(result.requestId);
    const request = await prisma.authorizationRequest.findUniqueOrThrow({
      where: { id: result.requestId },
      include: { documents: true, statusChanges: true, notifications: true },
    });
    expect(request).toMatchObject({
      source: "PAPER",
      receivedVia: "MAIL",
      status: "SUBMITTED",
      patientLastName: "Keyedin-Testcase",
      signerName: "Avery Keyedin-Testcase",
      signatureMethod: "WET_INK",
      receivedAt: new Date("2026-11-20T06:00:00Z"),
      dueAt: new Date("2026-12-21T05:59:59.999Z"),
      signedAt: new Date("2026-11-18T06:00:00Z"),
    });
    expect(request.documents.map((d) => d.kind).sort()).toEqual(["PAPER_FORM_SCAN", "SIGNED_AUTHORIZATION"]);
    const scanDoc = request.documents.find((d) => d.kind === "PAPER_FORM_SCAN")!;
    expect(scanDoc).toMatchObject({ contentType: "application/pdf", originalName: "fax-2026-11-20.pdf", uploadedById: staff.associate.id });
    expect(request.statusChanges).toMatchObject([{ toStatus: "SUBMITTED", note: "Paper form received by mail", actorId: staff.associate.id }]);
    // "Request received" goes to the e-mail on the form.
    expect(request.notifications).toMatchObject([{ template: "REQUEST_RECEIVED", toAddress: "avery.paperform@example.com" }]);

    // The scan is encrypted at rest, and decrypts to exactly what was attached.
    const raw = await readFile(path.join(process.env.FILE_STORE_DIR!, scanDoc.storageKey.slice(0, 2), scanDoc.storageKey));
    expect(raw.includes(Buffer.from("%PDF"))).toBe(false);
    expect(raw.includes(Buffer.from(scanText))).toBe(false);
    const decrypted = await fileStore().get(scanDoc.storageKey, scanDoc.sha256);
    expect(decrypted.equals(scanBytes)).toBe(true);

    const audit = await prisma.auditEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    expect(audit).toMatchObject([
      { action: "request.submitted", actorType: "STAFF", actorId: staff.associate.id, actorRole: "ASSOCIATE", details: { source: "PAPER", receivedVia: "MAIL", documents: 1 } },
      // The transcript PDF, drawn after commit by the worker (decision 0021).
      { action: "document.generated", actorType: "SYSTEM", details: { kind: "SIGNED_AUTHORIZATION" } },
    ]);
    expect(JSON.stringify(audit.map(({ id, ...rest }) => ({ ...rest, id: String(id) })))).not.toContain("Keyedin");

    // The generated PDF is a transcript that says where it came from; it names no staff member.
    const signed = request.documents.find((d) => d.kind === "SIGNED_AUTHORIZATION")!;
    const text = (await pdfText(await fileStore().get(signed.storageKey, signed.sha256))).replace(/\s+/g, " ");
    expect(text).toContain("keyed in from a paper form received on November 20, 2026");
    expect(text).toContain("by Record Connect staff");
    expect(text).toContain("Signed by hand on the paper form");
    expect(text).toContain("November 18, 2026 (as written on the paper form)");
    expect(text).not.toContain("Paper Keyer");

    // The queue holds it beside online requests, marked as paper.
    const { rows } = await queuePage(staff.associate, { q: result.confirmationNumber });
    expect(rows).toMatchObject([{ id: request.id, source: "PAPER" }]);
    expect((await queuePage(staff.associate, { q: result.confirmationNumber, source: "ONLINE" })).rows).toEqual([]);
  });

  it("keeps a photo ID and proof of authority that came as separate sheets, and takes a representative's packet without them", async () => {
    const byAgent = (lastName: string): PaperAuthorizationFormInput => ({
      ...paperForm(lastName),
      requester: { kind: "REPRESENTATIVE", representative: { name: "Riley Placeholder", phone: "630-555-0111", authority: "HEALTH_CARE_POWER_OF_ATTORNEY" } },
      signature: { method: "WET_INK", signerName: "Riley Placeholder", signedOn: "2026-11-18" },
    });
    const withSheets = await keyPaperAuthorization(
      staff.supervisor,
      await keyed({
        payload: byAgent("Sheets-Testcase"),
        photoId: fileOf(photoPng(), "id.png", "image/png"),
        authorityProof: [fileOf(await samplePdf("Power of attorney"), "poa.pdf", "application/pdf")],
      }),
    );
    expect(withSheets.ok).toBe(true);
    if (!withSheets.ok) return;
    await makeSignedAuthorizationPdf(withSheets.requestId);
    const kinds = (await prisma.document.findMany({ where: { requestId: withSheets.requestId } })).map((d) => d.kind).sort();
    expect(kinds).toEqual(["AUTHORITY_PROOF", "PAPER_FORM_SCAN", "PHOTO_ID", "SIGNED_AUTHORIZATION"]);

    // Only the scan: the proof may be in it, and verification checks it before any release.
    const scanOnly = await keyPaperAuthorization(staff.associate, await keyed({ payload: byAgent("Scanonly-Testcase") }));
    expect(scanOnly.ok).toBe(true);
  });

  it("refuses without a staff member allowed to key paper forms in, and stores nothing", async () => {
    const marker = "Refused-Testcase";
    const before = { requests: await prisma.authorizationRequest.count({ where: { patientLastName: marker } }), files: (await storedFiles()).length };
    for (const who of [null, staff.admin]) {
      const result = await keyPaperAuthorization(who, await keyed({ payload: paperForm(marker) }));
      expect(result).toMatchObject({ ok: false, kind: "refused", message: expect.stringContaining("not signed in") });
    }
    expect({ requests: await prisma.authorizationRequest.count({ where: { patientLastName: marker } }), files: (await storedFiles()).length }).toEqual(before);
  });

  it("saves nothing for invalid input, and says what is wrong field by field", async () => {
    // Count only what this submission could add: a request under its marker name (documents,
    // notifications and audit events hang off it), files in this file's own store, and this
    // staff member's keying counter.
    const marker = "Invalid-Paper-Testcase";
    const keyer = await prisma.staffUser.create({ data: { email: `paper-invalid-${randomUUID()}@example.com`, name: "Invalid Keyer", role: "ASSOCIATE", passwordHash: "x" } });
    const identity: StaffIdentity = { id: keyer.id, email: keyer.email, name: keyer.name, role: "ASSOCIATE", sessionId: randomUUID() };
    const snapshot = async () => ({
      requests: await prisma.authorizationRequest.count({ where: { patientLastName: marker } }),
      buckets: await prisma.rateLimitBucket.count({ where: { key: `key-paper:${createHash("sha256").update(keyer.id).digest("hex").slice(0, 32)}` } }),
      files: (await storedFiles()).length,
    });
    const before = await snapshot();

    const form = paperForm(marker);
    form.paper.receivedOn = "2026-11-26";
    form.signature.signerName = "";
    form.signature.signedOn = "2026-11-30";
    const result = await keyPaperAuthorization(identity, await keyed({ payload: form, paperFormScan: null }));
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    if (result.ok || result.kind !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["paper.receivedOn", "signature.signedOn", "signature.signerName", "uploads.paperFormScan"]);
    expect(result.fieldErrors["uploads.paperFormScan"]).toEqual(["Attach the scan of the signed paper form"]);
    expect(result.fieldErrors["paper.receivedOn"]).toEqual(["The date received cannot be in the future"]);

    // Received before it was signed; and a "scan" that is really a program.
    const early = paperForm(marker);
    early.paper.receivedOn = "2026-11-17";
    const second = await keyPaperAuthorization(identity, await keyed({ payload: early, paperFormScan: executableNamedPdf() }));
    expect(second).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: {
        "signature.signedOn": ["The form was received on November 17, 2026: it must have been signed on or before that day"],
        "uploads.paperFormScan": ["The file must be a PDF, JPEG or PNG (a photo or a scan)"],
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("makes one request out of concurrent saves with one idempotency key", async () => {
    const idempotencyKey = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, async () => keyPaperAuthorization(staff.associate, await keyed({ idempotencyKey, payload: paperForm("Twice-Testcase") }))));
    expect(new Set(results.map((r) => (r.ok ? r.confirmationNumber : "refused"))).size).toBe(1);
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey } })).toBe(1);
    // A retry after success answers the same to the same staff member sending the same form…
    expect(await keyPaperAuthorization(staff.associate, await keyed({ idempotencyKey, payload: paperForm("Twice-Testcase") }))).toEqual(results[0]);
    // …and nothing to anyone else, or to an empty form with the key alone.
    for (const [who, input] of [
      [staff.supervisor, await keyed({ idempotencyKey, payload: paperForm("Twice-Testcase") })],
      [staff.associate, await keyed({ idempotencyKey, payload: null, paperFormScan: null })],
    ] as const) {
      expect(await keyPaperAuthorization(who, input)).toEqual({ ok: false, kind: "refused", message: REPLAY_REFUSED });
    }
  });

  it("does not apply the public per-client submission limit to staff", async () => {
    const limit = Number(process.env.RATE_LIMIT_SUBMISSIONS_PER_HOUR ?? 10);
    for (let i = 0; i <= limit; i++) {
      expect((await keyPaperAuthorization(staff.supervisor, await keyed({ payload: paperForm("Busy-Testcase") }))).ok).toBe(true);
    }
  });
});
