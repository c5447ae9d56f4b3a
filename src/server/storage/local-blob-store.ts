import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { BlobStore } from "./file-store";

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Blobs on the local disk, in a directory outside public/, fanned out by key prefix. */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathFor(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error("Invalid storage key");
    return path.join(this.root, key.slice(0, 2), key);
  }

  async write(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathFor(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Write then rename, so a crash never leaves a half-written blob under its real name.
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temp, bytes, { mode: 0o600, flag: "wx" });
    await rename(temp, target);
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathFor(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}
