import "server-only";
import { authorizationValidity, type Validity } from "@/domain/validity";
import { dateOnlyToDay } from "@/domain/chicago";
import type { Tx } from "../db";

/**
 * The authorization's validity now, read inside the caller's transaction after locking the
 * request row (FOR UPDATE), so a revocation committed a moment earlier is seen and one arriving
 * a moment later waits for this transaction.
 */
export async function validityInTransaction(tx: Tx, requestId: string, now: Date): Promise<Validity> {
  await tx.$queryRaw`SELECT 1 FROM "AuthorizationRequest" WHERE "id" = ${requestId}::uuid FOR UPDATE`;
  const r = await tx.authorizationRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { revocations: { orderBy: { signedAt: "asc" }, take: 1, select: { signedAt: true } }, specialConsents: { select: { category: true } } },
  });
  return authorizationValidity(
    {
      ...r,
      patientDateOfBirth: dateOnlyToDay(r.patientDateOfBirth),
      revokedAt: r.revocations[0]?.signedAt ?? null,
      psychotherapyNotes: r.specialConsents.some((c) => c.category === "PSYCHOTHERAPY_NOTES"),
      signing: r,
    },
    now,
  );
}
