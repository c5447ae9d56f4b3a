import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { respondToDeficiency } from "@/server/portal/portal";
import { keyPaperAuthorization } from "@/server/requests/key-paper-authorization";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { attachRecords } from "@/server/staff/release";
import { fileStore } from "@/server/storage";
import { fileOf, photoPng, samplePdf } from "../support/files";
import { validPaperForm, validRepresentativeForm } from "../support/forms";
import { type CorpusEntry, maliciousCorpus, POLYGLOT_PAYLOAD, pngPolyglot } from "../support/malicious-files";
import { testPrisma } from "./db";

/**
 * Every place that takes a file applies the same check (src/server/uploads.ts): the online form,
 * a paper form keyed in by staff, a requester's answer to a deficiency, and the records staff
 * release. Refused files change nothing: no row, no file on disk.
 */
const prisma = testPrisma();
let staff: StaffIdentity;
let malicious: CorpusEntry[];
const now = new Date("2026-11-25T16:00:00Z");

beforeAll(async () => {
  const user = await prisma.staffUser.create({ data: { email: `channels-${randomUUID()}@example.com`, name: "Channel Associate", role: "ASSOCIATE", passwordHash: "x" } });
  staff = { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE", sessionId: randomUUID() };
  malicious = await maliciousCorpus();
});
afterAll(() => prisma.$disconnect());

async function filesOnDisk(): Promise<number> {
  return (await readdir(process.env.FILE_STORE_DIR!, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).length;
}

const asFile = (e: CorpusEntry) => fileOf(e.bytes, e.filename, e.filename.endsWith(".pdf") ? "application/pdf" : "image/png");
const pick = (name: string) => malicious.find((e) => e.name.includes(name))!;

describe("the same upload check in every channel", () => {
  it("online: an active PDF as proof of authority and a fake PNG as photo ID are refused; nothing is stored", async () => {
    const before = await filesOnDisk();
    const key = randomUUID();
    const result = await submitAuthorization({
      payload: validRepresentativeForm(),
      idempotencyKey: key,
      photoId: asFile(pick("PNG whose image data is corrupt")),
      authorityProof: [asFile(pick("lower-case hex name /#4aavaScript"))],
      clientKey: `channels-${key}`,
      clientToken: key,
      now,
    });
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    if (result.ok || result.kind !== "invalid") return;
    expect(result.fieldErrors["uploads.photoId"]![0]).toMatch(/could not be read/);
    expect(result.fieldErrors["uploads.authorityProof"]![0]).toMatch(/scripts, actions or attached files/);
    expect(await prisma.authorizationRequest.count({ where: { idempotencyKey: key } })).toBe(0);
    expect(await filesOnDisk()).toBe(before);
  });

  it("paper: every malicious file as the scan of the signed form is refused", async () => {
    const before = await filesOnDisk();
    for (const entry of malicious) {
      const result = await keyPaperAuthorization(staff, { payload: validPaperForm(), idempotencyKey: randomUUID(), photoId: null, authorityProof: [], paperFormScan: asFile(entry), now });
      expect(result.ok, entry.name).toBe(false);
    }
    expect(await filesOnDisk()).toBe(before);
  });

  it("paper: a polyglot photo ID is stored re-encoded, without what was appended", async () => {
    const result = await keyPaperAuthorization(staff, {
      payload: validPaperForm(),
      idempotencyKey: randomUUID(),
      photoId: fileOf(pngPolyglot(), "id.png", "image/png"),
      authorityProof: [],
      paperFormScan: fileOf(await samplePdf("Signed paper form"), "scan.pdf", "application/pdf"),
      now,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const photo = await prisma.document.findFirstOrThrow({ where: { requestId: result.requestId, kind: "PHOTO_ID" } });
    const stored = await fileStore().get(photo.storageKey, photo.sha256);
    expect(stored.subarray(0, 8)).toEqual(photoPng().subarray(0, 8));
    expect(stored.toString("latin1")).not.toContain(POLYGLOT_PAYLOAD.slice(0, 30));
  });

  it("portal: a deficiency answer with a file-attachment PDF is refused before anything is looked up or stored", async () => {
    const before = await filesOnDisk();
    const result = await respondToDeficiency(randomUUID(), randomUUID(), "here it is", [asFile(pick("omits /Type /EmbeddedFile"))]);
    expect(result).toMatchObject({ ok: false, fieldErrors: { files: [expect.stringMatching(/scripts, actions or attached files/)] } });
    expect(await filesOnDisk()).toBe(before);
  });

  it("release: records with a Launch action are refused", async () => {
    const result = await attachRecords(staff, randomUUID(), 1, asFile(pick("Launch action, lower-case hex")));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/scripts, actions or attached files/) });
  });
});
