/**
 * The keyed audit chain (docs/decisions/0011-database-roles-and-keyed-audit-chain.md).
 *
 * Audit events are appended freely (no lock across transactions). The sealer — run by the
 * notification worker every few seconds — takes the events not yet sealed, in id order, and
 * appends one AuditSeal per event, in sealing order:
 *
 *     mac(n) = HMAC-SHA-256(AUDIT_HMAC_KEY, "rc-audit-v1" ‖ n ‖ mac(n-1) ‖ the event's columns)
 *
 * The key never enters the database, so a database role (even the owner) can neither rewrite a
 * sealed event nor forge seals. Deleting the newest events and their seals is caught against the
 * chain's head, which the sealer appends to a file outside the database (AUDIT_HEAD_FILE) after
 * each round. `npm run audit:verify` recomputes everything and reports each break.
 *
 * No "server-only" marker: the verifier script uses it too. Only relative and type imports.
 */
import { createHmac } from "node:crypto";
import { appendFile, readFile } from "node:fs/promises";
import type { PrismaClient } from "../generated/prisma/client";

type Client = Pick<PrismaClient, "$queryRaw" | "$queryRawUnsafe" | "$executeRaw" | "$transaction">;

/** The last seal, as exported outside the database. */
export type AuditHead = { seq: string; eventId: string; mac: string; at: string };

export type AuditBreak = {
  kind: "modified" | "deleted" | "seals_missing" | "head_missing" | "head_mismatch";
  seq?: string;
  eventId?: string;
  message: string;
};

export type AuditVerification = {
  sealed: number;
  /** Events the sealer has not reached yet (written since its last round). */
  unsealed: number;
  head: AuditHead | null;
  breaks: AuditBreak[];
};

const VERSION = "rc-audit-v1";
const SEALER_LOCK = 8120250002;
/** Events are sealed in batches of this many per transaction. */
const BATCH = 500;
/**
 * How far below the newest sealed event the sealer looks for late commits (an event whose id was
 * taken before, but committed after, newer ones). Transactions are short; this is generous.
 */
const LATE_COMMIT_WINDOW = 100_000;

type EventRow = {
  id: bigint;
  at: string;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  requestId: string | null;
  outcome: string;
  correlationId: string | null;
  details: string | null;
};

/** The key from its base64 form (AUDIT_HMAC_KEY): at least 32 bytes. */
export function auditKey(base64: string | undefined): Buffer {
  const key = Buffer.from(base64 ?? "", "base64");
  if (key.length < 32) throw new Error("AUDIT_HMAC_KEY is required: 32+ random bytes, base64 (openssl rand -base64 32)");
  return key;
}

/** The event's columns as one unambiguous string (JSON array; details as Postgres prints the jsonb). */
function canonical(e: EventRow): string {
  return JSON.stringify([
    e.id.toString(),
    e.at,
    e.actorType,
    e.actorId,
    e.actorRole,
    e.action,
    e.objectType,
    e.objectId,
    e.requestId,
    e.outcome,
    e.correlationId,
    e.details,
  ]);
}

export function sealMac(key: Buffer, seq: bigint, prevMac: string | null, event: EventRow): string {
  return createHmac("sha256", key)
    .update(`${VERSION}\n${seq}\n${prevMac ?? ""}\n${canonical(event)}`)
    .digest("hex");
}

// The event columns, with the timestamp as text (millisecond precision, UTC) and enums as text.
const EVENT_COLUMNS_SQL = `e."id", to_char(e."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
  e."actorType"::text AS "actorType", e."actorId", e."actorRole", e."action", e."objectType", e."objectId",
  e."requestId"::text AS "requestId", e."outcome"::text AS "outcome", e."correlationId", e."details"::text AS "details"`;

/**
 * One sealing round: seals every event not sealed yet (in id order), in batches. Several sealers
 * may run; they take turns (a transaction-level advisory lock that only sealers take).
 * Returns how many events it sealed and the chain's head afterwards.
 */
export async function sealAuditEvents(client: Client, key: Buffer): Promise<{ sealed: number; head: AuditHead | null }> {
  let sealed = 0;
  for (;;) {
    const round = await client.$transaction(async (tx) => {
      // Sealers take turns (writers of events never take this lock).
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${SEALER_LOCK}::bigint)::text`;
      const [last] = await tx.$queryRaw<{ seq: bigint; mac: string }[]>`SELECT "seq", "mac" FROM "AuditSeal" ORDER BY "seq" DESC LIMIT 1`;
      const [top] = await tx.$queryRaw<{ max: bigint | null }[]>`SELECT max("eventId") AS max FROM "AuditSeal"`;
      const floor = (top?.max ?? 0n) - BigInt(LATE_COMMIT_WINDOW);
      const events = await tx.$queryRawUnsafe<EventRow[]>(
        `SELECT ${EVENT_COLUMNS_SQL} FROM "AuditEvent" e
         WHERE e."id" > $1 AND NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")
         ORDER BY e."id" LIMIT ${BATCH}`,
        floor,
      );
      if (events.length === 0) return 0;
      let seq = last?.seq ?? 0n;
      let prev: string | null = last?.mac ?? null;
      const seqs: string[] = [];
      const ids: string[] = [];
      const macs: string[] = [];
      for (const event of events) {
        seq += 1n;
        prev = sealMac(key, seq, prev, event);
        seqs.push(seq.toString());
        ids.push(event.id.toString());
        macs.push(prev);
      }
      await tx.$executeRaw`INSERT INTO "AuditSeal" ("seq", "eventId", "mac")
        SELECT * FROM unnest(${seqs}::bigint[], ${ids}::bigint[], ${macs}::char(64)[])`;
      return events.length;
    });
    sealed += round;
    if (round < BATCH) break;
  }
  return { sealed, head: await auditHead(client) };
}

export async function auditHead(client: Pick<Client, "$queryRaw">): Promise<AuditHead | null> {
  const [row] = await client.$queryRaw<{ seq: bigint; eventId: bigint; mac: string; sealedAt: Date }[]>`
    SELECT "seq", "eventId", "mac", "sealedAt" FROM "AuditSeal" ORDER BY "seq" DESC LIMIT 1`;
  return row ? { seq: row.seq.toString(), eventId: row.eventId.toString(), mac: row.mac, at: row.sealedAt.toISOString() } : null;
}

/** Appends the head to the export file (one JSON line each; the file is only ever appended to). */
export async function exportAuditHead(file: string, head: AuditHead): Promise<void> {
  await appendFile(file, `${JSON.stringify(head)}\n`, { mode: 0o600 });
}

/** Every head ever exported to `file` (none when the file does not exist). */
export async function readAuditHeads(file: string): Promise<AuditHead[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return [];
    throw error;
  }
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as AuditHead);
}

/**
 * Recomputes the whole chain with the key. Reports: a sealed event whose columns changed
 * (modified), a sealed event that is gone (deleted), seals missing from the sequence (events and
 * their seals deleted in the middle), and an exported head the chain no longer reaches or no
 * longer matches (the newest events deleted, or the chain rebuilt).
 */
export async function verifyAuditLog(client: Pick<Client, "$queryRaw" | "$queryRawUnsafe">, key: Buffer, heads: AuditHead[] = []): Promise<AuditVerification> {
  const breaks: AuditBreak[] = [];
  const macBySeq = new Map<string, string>();
  let expected = 1n;
  let prev: string | null = null;
  let sealed = 0;
  let last: AuditHead | null = null;
  for (;;) {
    const page: (EventRow & { seq: bigint; sealMac: string; eventId: bigint; present: boolean; sealedAt: Date })[] = await client.$queryRawUnsafe(
      `SELECT s."seq", s."mac" AS "sealMac", s."eventId", s."sealedAt", (e."id" IS NOT NULL) AS "present", ${EVENT_COLUMNS_SQL}
       FROM "AuditSeal" s LEFT JOIN "AuditEvent" e ON e."id" = s."eventId"
       WHERE s."seq" >= $1 ORDER BY s."seq" LIMIT 5000`,
      expected,
    );
    if (page.length === 0) break;
    for (const row of page) {
      sealed++;
      const seq = row.seq;
      let gap = false;
      if (seq !== expected) {
        gap = true;
        breaks.push({ kind: "seals_missing", seq: seq.toString(), message: `Seals ${expected}–${seq - 1n} are missing: the events they sealed were deleted with them.` });
      }
      if (!row.present) {
        breaks.push({ kind: "deleted", seq: seq.toString(), eventId: row.eventId.toString(), message: `Audit event ${row.eventId} (seal ${seq}) was deleted.` });
      } else if (!gap && sealMac(key, seq, prev, { ...row, id: row.eventId }) !== row.sealMac) {
        breaks.push({ kind: "modified", seq: seq.toString(), eventId: row.eventId.toString(), message: `Audit event ${row.eventId} (seal ${seq}) does not match its seal: it was changed, or the seal forged.` });
      }
      prev = row.sealMac;
      macBySeq.set(seq.toString(), row.sealMac);
      expected = seq + 1n;
      last = { seq: seq.toString(), eventId: row.eventId.toString(), mac: row.sealMac, at: row.sealedAt.toISOString() };
    }
  }
  for (const head of heads) {
    const mac = macBySeq.get(head.seq);
    if (mac === undefined) {
      breaks.push({
        kind: "head_missing",
        seq: head.seq,
        message: `The head exported at ${head.at} names seal ${head.seq}, but the chain ends at ${last?.seq ?? "nothing"}: the newest events were deleted.`,
      });
    } else if (mac !== head.mac) {
      breaks.push({ kind: "head_mismatch", seq: head.seq, message: `Seal ${head.seq} differs from the head exported at ${head.at}: the chain was rewritten.` });
    }
  }
  const [pending] = await client.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "AuditEvent" e WHERE NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")`;
  return { sealed, unsealed: Number(pending?.n ?? 0), head: last, breaks };
}
