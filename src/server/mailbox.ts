import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { headers } from "next/headers";
import { can } from "@/domain/staff-access";
import { isDirectLoopbackClient } from "./client-address";
import { env, mailboxEnabled } from "./env";
import { currentStaff } from "./staff/session";

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

/**
 * Who may read the mailbox (it holds every sign-in code and download link): nobody unless
 * MAILBOX_ENABLED, and then a signed-in administrator, or a client on this machine talking to the
 * server directly (socket peer loopback, no forwarding header: src/server/client-address.ts).
 */
export async function mayReadMailbox(requestHeaders?: Headers): Promise<boolean> {
  if (!mailboxEnabled()) return false;
  if (isDirectLoopbackClient(requestHeaders ?? (await headers()))) return true;
  // An administrator who must still replace an administrator-set password is refused, as everywhere.
  const staff = await currentStaff();
  return !!staff && !staff.mustChangePassword && can(staff.role, "staff.manage");
}

/** Newest first. Null when this caller may not read the mailbox (see mayReadMailbox). */
export async function listMailbox(limit = 100): Promise<MailboxMessage[] | null> {
  if (!(await mayReadMailbox())) return null;
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
