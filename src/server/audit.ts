import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "./db";

/** Who is acting. Every use case takes one explicitly. */
export type Actor =
  | { type: "STAFF"; id: string; role: "ASSOCIATE" | "SUPERVISOR" | "ADMIN" }
  | { type: "REQUESTER"; requestId: string }
  | { type: "SYSTEM"; name: string }
  | { type: "ANONYMOUS"; clientKey?: string };

export type AuditInput = {
  actor: Actor;
  /** Verb in the domain's words, e.g. "request.submitted", "document.viewed". */
  action: string;
  objectType: string;
  objectId?: string | null;
  requestId?: string | null;
  outcome?: "SUCCESS" | "DENIED" | "FAILURE";
  correlationId?: string | null;
  /** Non-PHI details only: statuses, kinds, counts. */
  details?: Prisma.InputJsonValue;
};

function actorColumns(actor: Actor) {
  switch (actor.type) {
    case "STAFF":
      return { actorType: "STAFF" as const, actorId: actor.id, actorRole: actor.role };
    case "REQUESTER":
      return { actorType: "REQUESTER" as const, actorId: `request:${actor.requestId}`, actorRole: "requester" };
    case "SYSTEM":
      return { actorType: "SYSTEM" as const, actorId: actor.name, actorRole: "system" };
    case "ANONYMOUS":
      return { actorType: "ANONYMOUS" as const, actorId: actor.clientKey ?? null, actorRole: null };
  }
}

/**
 * Appends one audit event. Pass the transaction client of the change being recorded, so the event
 * and the change commit or roll back together. The database refuses UPDATE and DELETE on this
 * table and chains each row's hash to the previous one (see the init migration). Write it last in
 * a transaction: the chain lock is held until commit.
 */
export async function recordAudit(tx: Tx | Db, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      ...actorColumns(input.actor),
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId ?? null,
      requestId: input.requestId ?? null,
      outcome: input.outcome ?? "SUCCESS",
      correlationId: input.correlationId ?? null,
      details: input.details,
    },
  });
}

/** Recomputes the hash chain. Returns the ids of rows whose hash or link does not hold (empty = intact). */
export async function verifyAuditChain(client: Db): Promise<bigint[]> {
  const rows = await client.$queryRaw<{ id: bigint }[]>`
    WITH chain AS (
      SELECT a AS e, lag(a."hash") OVER (ORDER BY a."id") AS expected_prev FROM "AuditEvent" a
    )
    SELECT (e)."id" AS id FROM chain
    WHERE (e)."hash" <> "audit_event_digest"((e)."prevHash", e)
       OR (e)."prevHash" IS DISTINCT FROM expected_prev
    ORDER BY 1`;
  return rows.map((r) => r.id);
}
