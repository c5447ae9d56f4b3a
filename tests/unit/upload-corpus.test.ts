import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { checkUpload } from "@/server/uploads";
import { benignCorpus, type CorpusEntry, EXIF_CANARY, jpegWithExif, maliciousCorpus, POLYGLOT_PAYLOAD, pngPolyglot } from "../support/malicious-files";

const typeOf = (filename: string) => (filename.endsWith(".pdf") ? "application/pdf" : filename.endsWith(".jpg") ? "image/jpeg" : "image/png");
const asFile = (entry: CorpusEntry) => new File([new Uint8Array(entry.bytes)], entry.filename, { type: typeOf(entry.filename) });

let malicious: CorpusEntry[] = [];
let benign: CorpusEntry[] = [];
beforeAll(async () => {
  malicious = await maliciousCorpus();
  benign = await benignCorpus();
});

describe("the upload check (SECURITY.md §10)", () => {
  it("refuses every file of the malicious corpus, each with a sentence that says what to do", async () => {
    expect(malicious.length).toBeGreaterThanOrEqual(40);
    const accepted: string[] = [];
    for (const entry of malicious) {
      const result = await checkUpload(asFile(entry));
      if (result.ok) accepted.push(entry.name);
      else expect(result.message, entry.name).toMatch(/(Upload|Choose|Take|Print|Save|must be) /);
    }
    expect(accepted).toEqual([]);
  });

  it("accepts every benign PDF and image", async () => {
    const refused: string[] = [];
    for (const entry of benign) {
      const result = await checkUpload(asFile(entry), entry.name.startsWith("50 pages") ? { maxPdfPages: 50 } : {});
      if (!result.ok) refused.push(`${entry.name}: ${result.message}`);
    }
    expect(refused).toEqual([]);
  });

  it("stores a polyglot image re-encoded: the same picture, without what was appended to it", async () => {
    const result = await checkUpload(new File([new Uint8Array(pngPolyglot())], "id.png", { type: "image/png" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bytes.toString("latin1")).not.toContain("<script>");
    expect(result.bytes.toString("latin1")).not.toContain(POLYGLOT_PAYLOAD.slice(0, 20));
    const stored = await sharp(result.bytes).metadata();
    expect(stored).toMatchObject({ format: "png", width: 400, height: 300 });
  });

  it("strips a photo's metadata (EXIF with GPS) by re-encoding it", async () => {
    const original = await jpegWithExif();
    expect(original.toString("latin1")).toContain(EXIF_CANARY);
    const result = await checkUpload(new File([new Uint8Array(original)], "id.jpg", { type: "image/jpeg" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bytes.toString("latin1")).not.toContain(EXIF_CANARY);
    const stored = await sharp(result.bytes).metadata();
    expect(stored).toMatchObject({ format: "jpeg", width: 640, height: 480 });
    expect(stored.exif).toBeUndefined();
  });
});
