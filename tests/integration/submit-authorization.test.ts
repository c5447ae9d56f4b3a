import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { makeSignedAuthorizationPdf } from "@/server/requests/signed-pdf";
import { REPLAY_REFUSED, submitAuthorization } from "@/server/requests/submit-authorization";
import { fileStore } from "@/server/storage";
import { executableNamedPdf, fileOf, pdfWithJavaScript, photoPng, samplePdf } from "../support/files";
import { validPatientForm, validRepresentativeForm } from "../support/forms";
import { pdfText } from "../support/pdf-text";
import { testPrisma } from "./db";
import { storedFiles } from "./fixtures";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const now = new Date("2026-11-25T16:00:00Z");

function photo() {
  return fileOf(photoPng(), "id-front.png", "image/png");
}

/** One browser's submissions (its rc-client token); tests of other clients pass their own. */
const browserToken = randomUUID();

function submission(overrides: Partial<Parameters<typeof submitAuthorization>[0]> = {}) {
  return { payload: validPatientForm(), idempotencyKey: randomUUID(), photoId: photo(), authorityProof: [], clientKey: `test-${randomUUID()}`, clientToken: browserToken, now, ...overrides };
}

describe("submitting the authorization", () => {
  it("stores a valid request with its documents encrypted, a notification job and an audit event, in one go", async () => {
    const form = validPatientForm();
    form.patient.firstName = "Zebediah";
    form.signature.typedName = "Zebediah Sample";
    form.information.specialCategories = { HIV_AIDS: "ZS" };
    const result = await submitAuthorization(submission({ payload: form }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.confirmationNumber).toMatch(/^RC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Due on 2026-12-25, the 30th calendar day after receipt, to the end of that day in Chicago.
    expect(result.dueDate).toBe("2026-12-26T05:59:59.999Z");

    // Committed without the signed PDF: its source is named on the request and its job queued (decision 0021).
    const committed = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: result.requestId }, include: { documents: true } });
    expect(committed.documents.map((d) => d.kind)).toEqual(["PHOTO_ID"]);
    expect(committed.pdfSourceKey).toEqual(expect.any(String));
    expect(await prisma.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE name = 'authorization-pdf' AND data->>'requestId' = ${result.requestId}`).toHaveLength(1);
    // The worker's job draws it.
    expect(await makeSignedAuthorizationPdf(result.requestId)).toBe("made");
    expect(await makeSignedAuthorizationPdf(result.requestId)).toBe("exists");

    const request = await prisma.authorizationRequest.findUniqueOrThrow({
      where: { id: result.requestId },
      include: { documents: true, specialConsents: true, statusChanges: true, notifications: true },
    });
    expect(request.pdfSourceKey).toBeNull();
    expect(request).toMatchObject({
      status: "SUBMITTED",
      source: "ONLINE",
      patientFirstName: "Zebediah",
      deliveryMethod: "SECURE_EMAIL",
      deliveryEmail: "jordan.sample@example.com",
      recordTypes: ["LAB_RESULTS", "VISIT_NOTES"],
      signatureMethod: "TYPED",
    });
    expect(request.specialConsents.map((c) => [c.category, c.initials])).toEqual([["HIV_AIDS", "ZS"]]);
    expect(request.documents.map((d) => d.kind).sort()).toEqual(["PHOTO_ID", "SIGNED_AUTHORIZATION"]);
    expect(request.statusChanges.map((s) => s.toStatus)).toEqual(["SUBMITTED"]);
    expect(request.notifications).toMatchObject([{ template: "REQUEST_RECEIVED", status: "PENDING", toAddress: "jordan.sample@example.com" }]);
    const audit = await prisma.auditEvent.findMany({ where: { requestId: request.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["document.generated", "request.submitted"]);
    expect(JSON.stringify(audit.map(({ id, ...rest }) => ({ ...rest, id: String(id) })))).not.toContain("Zebediah");

    // Encrypted on disk: neither the PDF nor the name appear in any stored blob…
    for (const file of await storedFiles()) {
      const raw = await readFile(file);
      expect(raw.includes(Buffer.from("%PDF"))).toBe(false);
      expect(raw.includes(Buffer.from("Zebediah"))).toBe(false);
    }
    // …and the signed authorization decrypts to a PDF holding what was signed.
    const signed = request.documents.find((d) => d.kind === "SIGNED_AUTHORIZATION")!;
    const text = await pdfText(await fileStore().get(signed.storageKey, signed.sha256));
    expect(text).toContain("Zebediah");
    expect(text).toContain(result.confirmationNumber);
    expect(text).toContain("Secure e-mail");
    expect(text).toMatch(/revoke/i);
    expect(text).toMatch(/does not depend on whether you sign/i);
    expect(text).toMatch(/may share them again/i);
    expect(text).toContain("/s/ Zebediah Sample");
  });

  it("stores a representative's proof of authority and a drawn signature", async () => {
    const form = validRepresentativeForm();
    form.signature.method = "DRAWN";
    form.signature.drawn = `data:image/png;base64,${photoPng().toString("base64")}`;
    const result = await submitAuthorization(
      submission({ payload: form, authorityProof: [fileOf(await samplePdf("Power of attorney"), "poa.pdf", "application/pdf")] }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await makeSignedAuthorizationPdf(result.requestId);
    const docs = await prisma.document.findMany({ where: { requestId: result.requestId } });
    expect(docs.map((d) => d.kind).sort()).toEqual(["AUTHORITY_PROOF", "PHOTO_ID", "SIGNATURE_IMAGE", "SIGNED_AUTHORIZATION"]);
    expect(docs.find((d) => d.kind === "AUTHORITY_PROOF")).toMatchObject({ contentType: "application/pdf", originalName: "poa.pdf" });
    const request = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: result.requestId } });
    expect(request).toMatchObject({ requesterKind: "REPRESENTATIVE", representativeAuthority: "HEALTH_CARE_POWER_OF_ATTORNEY", deliveryMethod: "MAIL", mailCity: "Wheaton" });
  });

  it("saves nothing for invalid input, and says what is wrong field by field", async () => {
    // Other test files write to the database at the same time: count only what this submission
    // could add — a request under its marker name (documents, notifications and audit events
    // all hang off a request) and files in this test file's own store.
    const marker = "Invalid-Testcase";
    const clientKey = `invalid-${randomUUID()}`;
    const snapshot = async () => ({
      requests: await prisma.authorizationRequest.count({ where: { patientLastName: marker } }),
      // Not even this client's rate-limit counter moves.
      rateLimitBucket: await prisma.rateLimitBucket.count({ where: { key: `submit:${createHash("sha256").update(clientKey).digest("hex").slice(0, 32)}` } }),
      files: (await storedFiles()).length,
    });
    const before = await snapshot();
    const form = validRepresentativeForm();
    form.patient.lastName = marker;
    (form.patient as { dateOfBirth: string }).dateOfBirth = "2999-01-01";
    (form.delivery as { address: { postalCode: string } }).address.postalCode = "12";
    const result = await submitAuthorization(submission({ payload: form, photoId: null, authorityProof: [], clientKey }));
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    if (result.ok || result.kind !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["delivery.address.postalCode", "patient.dateOfBirth", "uploads.authorityProof", "uploads.photoId"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses unknown fields, including attempts to set the status or a fee", async () => {
    const result = await submitAuthorization(submission({ payload: { ...validPatientForm(), status: "COMPLETED" } }));
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("makes one request out of 10 concurrent submissions with one idempotency key", async () => {
    const idempotencyKey = randomUUID();
    const filesBefore = (await storedFiles()).length;
    const results = await Promise.all(Array.from({ length: 10 }, () => submitAuthorization(submission({ idempotencyKey }))));
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = new Set(results.map((r) => (r.ok ? r.confirmationNumber : "")));
    expect(numbers.size).toBe(1);
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey } })).toBe(1);
    const { id } = await prisma.authorizationRequest.findUniqueOrThrow({ where: { idempotencyKey } });
    await makeSignedAuthorizationPdf(id);
    const request = await prisma.authorizationRequest.findUniqueOrThrow({ where: { idempotencyKey }, include: { notifications: true, documents: true } });
    expect(request.notifications).toHaveLength(1);
    // The losers' files were removed: only the winner's two documents were added.
    expect((await storedFiles()).length - filesBefore).toBe(request.documents.length);
  });

  it("refuses a renamed executable pretending to be a PDF", async () => {
    const result = await submitAuthorization(submission({ photoId: executableNamedPdf() }));
    expect(result).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "uploads.photoId": ["The file must be a PDF, JPEG or PNG (a photo or a scan)"] } });
  });

  it("refuses a PDF that runs JavaScript, even hidden in a compressed object stream", async () => {
    const result = await submitAuthorization(submission({ photoId: fileOf(await pdfWithJavaScript(), "id.pdf", "application/pdf") }));
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    if (!result.ok && result.kind === "invalid") expect(result.fieldErrors["uploads.photoId"]![0]).toMatch(/scripts, actions or attached files/);
  });

  it("refuses files over 10 MB", async () => {
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.png", { type: "image/png" });
    const result = await submitAuthorization(submission({ photoId: big }));
    expect(result).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { "uploads.photoId": [expect.stringContaining("larger than 10 MB")] } });
  });

  it("limits submissions per client", async () => {
    const clientKey = `burst-${randomUUID()}`;
    const limit = Number(process.env.RATE_LIMIT_SUBMISSIONS_PER_HOUR ?? 10);
    for (let i = 0; i < limit; i++) expect((await submitAuthorization(submission({ clientKey }))).ok).toBe(true);
    const refused = await submitAuthorization(submission({ clientKey }));
    expect(refused).toMatchObject({ ok: false, kind: "refused", message: expect.stringContaining("wait an hour") });
    // Another client is not affected.
    expect((await submitAuthorization(submission())).ok).toBe(true);
  });

  it("answers a retry of a stored submission with the same confirmation, from the same browser with the same answers", async () => {
    const idempotencyKey = randomUUID();
    const first = await submitAuthorization(submission({ idempotencyKey }));
    // Another IP address (say the phone moved to Wi-Fi): the same browser and answers still get it.
    const again = await submitAuthorization(submission({ idempotencyKey, clientKey: `moved-${randomUUID()}` }));
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
  });

  it("gives a replayed idempotency key no result unless the same browser sends the same answers and files", async () => {
    const idempotencyKey = randomUUID();
    const first = await submitAuthorization(submission({ idempotencyKey }));
    if (!first.ok) throw new Error("not stored");
    const changed = validPatientForm();
    changed.patient.firstName = "Someoneelse";
    const replays = [
      // Only the key, with an empty form (the red team's replay).
      submission({ idempotencyKey, payload: null, photoId: null, clientToken: randomUUID() }),
      submission({ idempotencyKey, payload: {}, photoId: null }),
      // The same answers from another browser.
      submission({ idempotencyKey, clientToken: randomUUID() }),
      // The same browser with other answers, or another file.
      submission({ idempotencyKey, payload: changed }),
      submission({ idempotencyKey, photoId: fileOf(await samplePdf("Another ID"), "id.pdf", "application/pdf") }),
    ];
    for (const replay of replays) {
      const answer = await submitAuthorization(replay);
      expect(answer).toEqual({ ok: false, kind: "refused", message: REPLAY_REFUSED });
      expect(JSON.stringify(answer)).not.toContain(first.confirmationNumber);
    }
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey } })).toBe(1);
    // A hostile, deeply nested payload gets the same refusal, not an internal error.
    let deep: unknown = null;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(await submitAuthorization(submission({ idempotencyKey, payload: deep }))).toEqual({ ok: false, kind: "refused", message: REPLAY_REFUSED });
    expect(await submitAuthorization(submission({ payload: deep }))).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("accepts only random (v4) UUIDs as idempotency keys", async () => {
    // Nil, max, v1 (time-based) and v7 UUIDs, and not a UUID at all.
    const keys = ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "017f22e2-79b0-7cc3-98c4-dc0c0c07398f", "not-a-uuid"];
    for (const idempotencyKey of keys) {
      expect(await submitAuthorization(submission({ idempotencyKey }))).toMatchObject({ ok: false, kind: "refused" });
    }
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey: { in: keys } } })).toBe(0);
    expect((await submitAuthorization(submission({ idempotencyKey: randomUUID() }))).ok).toBe(true);
  });
});
