import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";

const MAILBOX = ".data/e2e/mailbox";

export type Mail = { file: string; raw: string; text: string };

/** Quoted-printable soft breaks and "=3D" undone, enough to read links and codes in our own mails. */
function decode(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
}

/** All mails to `to` whose decoded text matches `pattern`, oldest first. */
export async function mailsTo(to: string, pattern: RegExp): Promise<Mail[]> {
  const names = (await readdir(MAILBOX).catch(() => [] as string[])).filter((n) => n.endsWith(".eml")).sort();
  const mails: Mail[] = [];
  for (const file of names) {
    const raw = await readFile(path.join(MAILBOX, file), "utf8");
    const text = decode(raw);
    if (new RegExp(`^To: .*${to.replace(/[.+]/g, "\\$&")}`, "mi").test(text) && pattern.test(text)) mails.push({ file, raw, text });
  }
  return mails;
}

/** Waits (up to 20 s) until there are more than `already` such mails, and returns the newest. */
export async function waitForMail(to: string, pattern: RegExp, already = 0): Promise<Mail> {
  let found: Mail[] = [];
  await expect
    .poll(async () => {
      found = await mailsTo(to, pattern);
      return found.length;
    }, { timeout: 20_000 })
    .toBeGreaterThan(already);
  return found[found.length - 1]!;
}
