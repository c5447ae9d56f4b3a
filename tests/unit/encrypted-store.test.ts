import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EncryptedFileStore, sha256Hex } from "@/server/storage/encrypted-store";
import { FileIntegrityError } from "@/server/storage/file-store";
import { LocalBlobStore } from "@/server/storage/local-blob-store";

let dir: string;
let store: EncryptedFileStore;
const canary = Buffer.from("%PDF-1.7 CANARY-PATIENT-Zebediah-Quinlan 1931-02-29");

async function blobPath(key: string) {
  return path.join(dir, key.slice(0, 2), key);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "rc-store-"));
  store = new EncryptedFileStore(new LocalBlobStore(dir), randomBytes(32));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("encrypted file store", () => {
  it("round-trips a file and reports its size and SHA-256", async () => {
    const stored = await store.put(canary);
    expect(stored.sizeBytes).toBe(canary.length);
    expect(stored.sha256).toBe(sha256Hex(canary));
    expect(stored.storageKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await store.get(stored.storageKey, stored.sha256)).toEqual(canary);
  });

  it("keeps no plaintext on disk", async () => {
    const stored = await store.put(canary);
    const raw = await readFile(await blobPath(stored.storageKey));
    expect(raw.includes(Buffer.from("CANARY-PATIENT"))).toBe(false);
    expect(raw.includes(Buffer.from("Zebediah"))).toBe(false);
  });

  it("refuses a tampered blob", async () => {
    const stored = await store.put(canary);
    const file = await blobPath(stored.storageKey);
    const raw = await readFile(file);
    raw[20] = raw[20]! ^ 0xff;
    await writeFile(file, raw);
    await expect(store.get(stored.storageKey)).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it("refuses a blob copied under another key (the key is authenticated)", async () => {
    const a = await store.put(canary);
    const b = await store.put(Buffer.from("other"));
    await writeFile(await blobPath(b.storageKey), await readFile(await blobPath(a.storageKey)));
    await expect(store.get(b.storageKey)).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it("refuses when the recorded SHA-256 does not match", async () => {
    const stored = await store.put(canary);
    await expect(store.get(stored.storageKey, "0".repeat(64))).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it("cannot be read with another key", async () => {
    const stored = await store.put(canary);
    const other = new EncryptedFileStore(new LocalBlobStore(dir), randomBytes(32));
    await expect(other.get(stored.storageKey)).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it("refuses storage keys that could escape the store's folder", async () => {
    await expect(store.get("../../etc/passwd")).rejects.toThrow("Invalid storage key");
    expect((await readdir(dir)).every((d) => /^[A-Za-z0-9_-]{2}$/.test(d))).toBe(true);
  });
});
