import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileStore } from "@/server/storage";

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(p)));
    else out.push(p);
  }
  return out;
}

describe("the configured file store", () => {
  it("writes under FILE_STORE_DIR, never plaintext, and reads back what was written", async () => {
    const canary = Buffer.from("CANARY-DOB-1931-02-29 CANARY-NAME-Zebediah");
    const stored = await fileStore().put(canary);
    expect(await fileStore().get(stored.storageKey, stored.sha256)).toEqual(canary);
    const files = await allFiles(process.env.FILE_STORE_DIR!);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect((await readFile(f)).includes(Buffer.from("CANARY"))).toBe(false);
    expect(path.resolve(process.env.FILE_STORE_DIR!)).not.toContain(`${path.sep}public${path.sep}`);
  });
});
