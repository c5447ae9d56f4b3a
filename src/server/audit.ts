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
 * and the change commit or roll back together. The app's database role may only INSERT and SELECT
 * on this table (and triggers refuse UPDATE, DELETE and TRUNCATE to anyone); no lock is taken:
 * the sealer chains events with a key afterwards (./audit-chain.ts).
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
