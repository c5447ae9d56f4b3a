import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { env, mailboxEnabled } from "./env";

/** A message the local development SMTP server received (scripts/lib/local-smtp.ts). */
export type MailboxMessage = {
  id: string;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
};

const FILE_PATTERN = /^[0-9TZ:.-]+-[a-f0-9]{12}\.eml$/;

/** Newest first. Null when the mailbox is not enabled (production without MAILBOX_ENABLED). */
export async function listMailbox(limit = 100): Promise<MailboxMessage[] | null> {
  if (!mailboxEnabled()) return null;
  const dir = path.resolve(env().MAILBOX_DIR!);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => FILE_PATTERN.test(n));
  } catch {
    return [];
  }
  names.sort().reverse();
  return Promise.all(names.slice(0, limit).map((name) => readMessage(dir, name)));
}

async function readMessage(dir: string, name: string): Promise<MailboxMessage> {
  const parsed = await simpleParser(await readFile(path.join(dir, name)));
  const to = [parsed.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? "") : []));
  return {
    id: name.replace(/\.eml$/, ""),
    receivedAt: parsed.date ?? new Date(name.slice(0, 24)),
    from: parsed.from?.text ?? "",
    to,
    subject: parsed.subject ?? "(no subject)",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
  };
}
