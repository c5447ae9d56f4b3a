import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startLocalSmtp, type LocalSmtp } from "../../scripts/lib/local-smtp";
import type { PaperAuthorizationFormInput } from "@/domain/authorization-form";
import type { ThirdPartyPaperInput } from "@/domain/third-party";
import { deliverNotification } from "@/server/notifications/delivery";
import type { CookieJar } from "@/server/portal/access";
import type { IntakeInput } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { fileStore } from "@/server/storage";
import { THIRD_PARTY_REPLAY_REFUSED } from "@/server/third-party/idempotency";
import {
  CORRECTION_CLOSED,
  keyUploadedAuthorization,
  listPaperUploads,
  markPaperUploadDeficient,
  openCorrectionLink,
  openPaperScan,
  pendingPaperUploadCount,
  uploadCorrectedScan,
  uploadPaperAuthorization,
} from "@/server/third-party/paper-uploads";
import { executableNamedPdf, fileOf, pdfWithJavaScript, samplePdf } from "../support/files";
import { validPaperForm } from "../support/forms";
import { testPrisma } from "./db";
import { storedFiles } from "./fixtures";

/** The third party's paper path on a real database, file store and SMTP (docs/decisions/0017). */
const prisma = testPrisma();
let smtp: LocalSmtp;
const staff = {} as Record<"associate" | "admin", StaffIdentity>;
/** Uploaded on 2026-11-25 (Chicago); the patient signed on the 18th. */
const now = new Date("2026-11-25T16:00:00Z");
const SCAN_TEXT = "Paper authorization signed by the patient for Lakeshore Legal";
let scanBytes: Buffer;

function browser(values = new Map<string, string>()): CookieJar {
  return { get: (n) => (values.has(n) ? { value: values.get(n)! } : undefined), set: (n, v) => void values.set(n, v), delete: (n) => void values.delete(n) };
}

beforeAll(async () => {
  smtp = await startLocalSmtp({ mailboxDir: path.join(inject("dataDir"), `paper-upload-mailbox-${randomUUID()}`) });
  process.env.SMTP_URL = smtp.url;
  scanBytes = await samplePdf(SCAN_TEXT, 2);
  for (const [key, role] of [["associate", "ASSOCIATE"], ["admin", "ADMIN"]] as const) {
    const user = await prisma.staffUser.create({ data: { email: `upload-${key}-${randomUUID()}@example.com`, name: `Upload Reviewer ${key}`, role, passwordHash: "x" } });
    staff[key] = { id: user.id, email: user.email, name: user.name, role, sessionId: randomUUID() };
  }
});
afterAll(async () => {
  await smtp.stop();
  await prisma.$disconnect();
});

const orgEmail = () => `records-${randomUUID()}@lakeshorelegal.example`;

const answers = (lastName: string, email = orgEmail()): ThirdPartyPaperInput => ({
  kind: "ATTORNEY",
  organization: "Lakeshore Legal LLP",
  contactName: "Morgan Counsel",
  email,
  phone: "312-555-0142",
  address: { line1: "200 Wacker Drive", city: "Chicago", state: "IL", postalCode: "60606" },
  matterReference: "PI-2026-118",
  patientFirstName: "Avery",
  patientLastName: lastName,
  patientDateOfBirth: "1990-04-12",
  recordsRequested: "All records of treatment for a knee injury since March 2025",
  purpose: "Personal injury claim",
  confirmsPatientSigned: true,
});

const scan = () => fileOf(scanBytes, "signed-authorization.pdf", "application/pdf");
const browserOf = () => ({ clientKey: randomUUID(), clientToken: randomUUID(), idempotencyKey: randomUUID() });

async function uploaded(lastName: string, email = orgEmail()) {
  const result = await uploadPaperAuthorization({ payload: answers(lastName, email), scan: scan(), ...browserOf(), now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const upload = await prisma.paperAuthorizationUpload.findUniqueOrThrow({ where: { confirmationNumber: result.confirmationNumber }, include: { scans: true, thirdPartyRequester: true } });
  return { result, upload };
}

/** The paper form as the associate keys it in from the scan: the patient as named, signed before the upload. */
function keyedForm(lastName: string, change?: (f: PaperAuthorizationFormInput) => void): PaperAuthorizationFormInput {
  const f = validPaperForm();
  Object.assign(f.patient, { firstName: "Avery", lastName, dateOfBirth: "1990-04-12" });
  f.signature.signerName = `Avery ${lastName}`;
  // What a tampering browser might send: another recipient, and the mail channel. The use case fixes both.
  f.paper = { receivedOn: "2026-11-20", receivedVia: "MAIL" };
  change?.(f);
  return f;
}

const keyIn = (form: PaperAuthorizationFormInput, extra: Partial<IntakeInput> = {}): IntakeInput => ({
  payload: form,
  idempotencyKey: randomUUID(),
  photoId: null,
  authorityProof: [],
  paperFormScan: null,
  now: new Date("2026-11-25T18:00:00Z"),
  ...extra,
});

describe("a third party uploads a paper-signed authorization", () => {
  it("stores the scan encrypted, linked to the organisation, with a confirmation number at once, audited; it waits in the staff inbox", async () => {
    const before = await pendingPaperUploadCount(staff.associate);
    const { result, upload } = await uploaded("Uploadstored");
    expect(result.confirmationNumber).toMatch(/^RC-/);
    expect(upload).toMatchObject({ status: "PENDING", patientLastName: "Uploadstored", receivedAt: now });
    expect(upload.thirdPartyRequester).toMatchObject({ kind: "ATTORNEY", organization: "Lakeshore Legal LLP" });
    expect(upload.scans).toHaveLength(1);
    const [stored] = upload.scans;
    // Encrypted at rest: no stored file holds the scan's text; decrypting gives the scan back.
    for (const file of await storedFiles()) expect((await readFile(file)).includes(Buffer.from(SCAN_TEXT))).toBe(false);
    expect((await fileStore().get(stored!.storageKey, stored!.sha256)).equals(scanBytes)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "third_party.paper_uploaded", objectId: upload.id } })).toBe(1);
    expect(await pendingPaperUploadCount(staff.associate)).toBe(before! + 1);
    const inbox = await listPaperUploads(staff.associate);
    expect(inbox!.pending.map((u) => u.id)).toContain(upload.id);
  });

  it("a double submit or retry with the same key stores one upload; the key from another browser or with other answers gets nothing", async () => {
    const client = browserOf();
    const payload = answers("Uploadtwice");
    const [a, b] = await Promise.all([
      uploadPaperAuthorization({ payload, scan: scan(), ...client, now }),
      uploadPaperAuthorization({ payload, scan: scan(), ...client, now }),
    ]);
    const retry = await uploadPaperAuthorization({ payload, scan: scan(), ...client, now });
    expect(a.ok && b.ok && retry.ok).toBe(true);
    if (!a.ok || !b.ok || !retry.ok) return;
    expect(new Set([a.confirmationNumber, b.confirmationNumber, retry.confirmationNumber]).size).toBe(1);
    expect(await prisma.paperAuthorizationUpload.count({ where: { patientLastName: "Uploadtwice" } })).toBe(1);
    expect(await prisma.paperAuthorizationScan.count({ where: { upload: { patientLastName: "Uploadtwice" } } })).toBe(1);
    expect(await uploadPaperAuthorization({ payload, scan: scan(), ...client, clientToken: randomUUID(), now })).toEqual({ ok: false, message: THIRD_PARTY_REPLAY_REFUSED });
    expect(await uploadPaperAuthorization({ payload: { ...payload, purpose: "Other" }, scan: scan(), ...client, now })).toEqual({ ok: false, message: THIRD_PARTY_REPLAY_REFUSED });
  });

  it("refuses bad files and bad answers by field, and stores nothing", async () => {
    const files = (await storedFiles()).length;
    const cases: Array<[File | null, string]> = [
      [null, "Choose the scan"],
      [fileOf(await pdfWithJavaScript(), "authorization.pdf", "application/pdf"), ""],
      [executableNamedPdf(), ""],
      [fileOf(Buffer.from("plain text pretending to be a scan"), "authorization.pdf", "application/pdf"), ""],
      [fileOf(Buffer.alloc(0), "empty.pdf", "application/pdf"), "empty"],
    ];
    for (const [file, says] of cases) {
      const result = await uploadPaperAuthorization({ payload: answers("Uploadrefused"), scan: file, ...browserOf(), now });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.fieldErrors?.scan?.[0]).toContain(says);
    }
    const bad = await uploadPaperAuthorization({ payload: { ...answers("Uploadrefused"), confirmsPatientSigned: false, kind: "PATIENT" }, scan: scan(), ...browserOf(), now });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["kind", "confirmsPatientSigned"]));
    expect(await prisma.paperAuthorizationUpload.count({ where: { patientLastName: "Uploadrefused" } })).toBe(0);
    expect((await storedFiles()).length).toBe(files);
  });
});

describe("staff verify an uploaded authorization", () => {
  it("keyed in from the pending upload, it becomes the organisation's request: third-party recipient, its number, the scan as the signed original, the signing rules applied", async () => {
    const { result, upload } = await uploaded("Uploadkeyed");
    const scanView = await openPaperScan(staff.associate, upload.id, upload.scans[0]!.id);
    expect(scanView?.bytes.equals(scanBytes)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "third_party.paper_scan_viewed", objectId: upload.scans[0]!.id } })).toBe(1);

    const form = keyedForm("Uploadkeyed", (f) => {
      f.information = { completeRecord: false, recordTypes: ["IMMUNIZATIONS"], specialCategories: { MENTAL_HEALTH: "AU" } };
    });
    const keyed = await keyUploadedAuthorization(staff.associate, upload.id, keyIn(form));
    expect(keyed.ok).toBe(true);
    if (!keyed.ok) return;
    expect(keyed.confirmationNumber).toBe(result.confirmationNumber);
    const request = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: keyed.requestId }, include: { documents: true, specialConsents: true } });
    expect(request).toMatchObject({
      source: "PAPER",
      receivedVia: "UPLOAD",
      recipientKind: "THIRD_PARTY",
      recipientName: "Lakeshore Legal LLP",
      thirdPartyRequesterId: upload.thirdPartyRequesterId,
      deliveryMethod: "SECURE_EMAIL",
      deliveryEmail: upload.thirdPartyRequester.email,
      // Received the day of the upload (Chicago), not the day the browser claimed.
      receivedAt: new Date("2026-11-25T06:00:00Z"),
      // decideSigning: mental health records need a witness (740 ILCS 110/5).
      witnessRequired: true,
    });
    expect(request.specialConsents.map((c) => c.category)).toEqual(["MENTAL_HEALTH"]);
    const paperScan = request.documents.find((d) => d.kind === "PAPER_FORM_SCAN")!;
    expect((await fileStore().get(paperScan.storageKey, paperScan.sha256)).equals(scanBytes)).toBe(true);
    expect(await prisma.paperAuthorizationUpload.findUniqueOrThrow({ where: { id: upload.id } })).toMatchObject({ status: "KEYED", requestId: request.id, reviewedById: staff.associate.id });
    // The organisation follows it: "request received" (and the portal's sign-in code) go to its address.
    const received = await prisma.notification.findFirstOrThrow({ where: { requestId: request.id, template: "REQUEST_RECEIVED" } });
    expect(received.toAddress).toBe(upload.thirdPartyRequester.email);

    // Once: a second key-in (another tab, another associate) stores nothing.
    const again = await keyUploadedAuthorization(staff.associate, upload.id, keyIn(form));
    expect(again).toMatchObject({ ok: false, kind: "refused" });
    expect(await prisma.authorizationRequest.count({ where: { thirdPartyRequesterId: upload.thirdPartyRequesterId } })).toBe(1);
  });

  it("the rules that refuse a paper form refuse it here too, and the upload stays pending", async () => {
    const { upload } = await uploaded("Uploadunsigned");
    const form = keyedForm("Uploadunsigned", (f) => {
      // Signed after it arrived: impossible.
      f.signature.signedOn = "2026-11-26";
    });
    const keyed = await keyUploadedAuthorization(staff.associate, upload.id, keyIn(form, { now: new Date("2026-11-27T18:00:00Z") }));
    expect(keyed).toMatchObject({ ok: false, kind: "invalid" });
    expect(await prisma.paperAuthorizationUpload.findUniqueOrThrow({ where: { id: upload.id } })).toMatchObject({ status: "PENDING", requestId: null });
  });

  it("refuses anyone not allowed to key paper forms in, and stores nothing", async () => {
    const { upload } = await uploaded("Uploadnotstaff");
    for (const who of [null, staff.admin]) {
      expect(await keyUploadedAuthorization(who, upload.id, keyIn(keyedForm("Uploadnotstaff")))).toMatchObject({ ok: false, kind: "refused" });
      expect(await markPaperUploadDeficient(who, upload.id, { reason: "NOT_SIGNED" })).toMatchObject({ ok: false });
      expect(await openPaperScan(who, upload.id, upload.scans[0]!.id)).toBeNull();
      expect(await listPaperUploads(who)).toBeNull();
      expect(await pendingPaperUploadCount(who)).toBeNull();
    }
    // A staff member must still use the upload's own scan id.
    expect(await openPaperScan(staff.associate, randomUUID(), upload.scans[0]!.id)).toBeNull();
    expect(await prisma.paperAuthorizationUpload.findUniqueOrThrow({ where: { id: upload.id } })).toMatchObject({ status: "PENDING" });
  });

  it("sent back with a reason: the organisation is e-mailed a link without PHI, the page shows the reason, and a corrected scan puts it back in the inbox once", async () => {
    const email = orgEmail();
    const { upload } = await uploaded("Uploaddeficient", email);
    expect(await markPaperUploadDeficient(staff.associate, upload.id, { reason: "OTHER" })).toMatchObject({ ok: false, fieldErrors: { note: [expect.any(String)] } });
    expect(await markPaperUploadDeficient(staff.associate, upload.id, { reason: "MENTAL_HEALTH_CONSENT", note: "Page 2 is missing the initials." }, now)).toEqual({ ok: true });
    const row = await prisma.paperAuthorizationUpload.findUniqueOrThrow({ where: { id: upload.id } });
    expect(row.status).toBe("DEFICIENT");
    expect(row.deficiencyReason).toContain("740 ILCS 110/5");
    // Only once: a second send-back of the same upload is refused.
    expect((await markPaperUploadDeficient(staff.associate, upload.id, { reason: "NOT_SIGNED" })).ok).toBe(false);

    const notification = await prisma.notification.findUniqueOrThrow({ where: { id: row.notificationId! } });
    expect(notification).toMatchObject({ template: "PAPER_AUTHORIZATION_DEFICIENT", toAddress: email });
    expect(await deliverNotification({ notificationId: notification.id })).toBe("sent");
    let text = "";
    for (const name of (await readdir(smtp.mailboxDir)).filter((n) => n.endsWith(".eml"))) {
      const raw = (await readFile(path.join(smtp.mailboxDir, name), "utf8")).replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      if (raw.includes(email)) text = raw;
    }
    for (const secret of ["Avery", "Uploaddeficient", "1990", "knee", "initials", "mental health", "Lakeshore"]) expect(text).not.toContain(secret);
    const token = /\/request\/third-party\/correct\/open\?t=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    expect(token).toBeTruthy();

    const jar = browser();
    expect(await openCorrectionLink(token!, new Date(), jar)).toBe(true);
    const refused = await uploadCorrectedScan(fileOf(await pdfWithJavaScript(), "fixed.pdf", "application/pdf"), new Date(), jar);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { scan: [expect.any(String)] } });
    const corrected = await uploadCorrectedScan(fileOf(await samplePdf("Corrected authorization", 2), "fixed.pdf", "application/pdf"), new Date(), jar);
    expect(corrected).toEqual({ ok: true, confirmationNumber: upload.confirmationNumber });
    expect(await prisma.paperAuthorizationUpload.findUniqueOrThrow({ where: { id: upload.id }, include: { scans: true } })).toMatchObject({ status: "PENDING", correctionTokenHash: null, scans: [expect.anything(), expect.anything()] });
    // The link is used up.
    expect(await uploadCorrectedScan(scan(), new Date(), jar)).toEqual({ ok: false, message: CORRECTION_CLOSED });
    expect(await openCorrectionLink(token!, new Date(), browser())).toBe(false);
  });
});
