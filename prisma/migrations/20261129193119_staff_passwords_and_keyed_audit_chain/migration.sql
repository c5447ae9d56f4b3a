-- Issue 16, holes 7 and 8 (docs/decisions/0011-database-roles-and-keyed-audit-chain.md).
-- Staff: no automatic account lock (throttling per account and client instead), single-use
-- pending sign-ins, passwords an administrator set must be changed.
-- Audit: the unkeyed trigger chain (and its global advisory lock held to commit) is replaced by a
-- keyed chain that the sealer (src/server/audit-chain.ts) appends to AuditSeal after the fact.

-- The old chain: its trigger serialised every audit write; its hash had no key.
DROP TRIGGER "AuditEvent_chain" ON "AuditEvent";
DROP FUNCTION "audit_event_chain"();
DROP FUNCTION "audit_event_digest"(text, "AuditEvent");

-- AlterTable
ALTER TABLE "AuditEvent" DROP COLUMN "hash",
DROP COLUMN "prevHash";

-- AlterTable
ALTER TABLE "StaffUser" DROP COLUMN "failedSignIns",
DROP COLUMN "lockedUntil",
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "StaffPendingSignIn" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StaffPendingSignIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffSignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditSeal" (
    "seq" BIGINT NOT NULL,
    "eventId" BIGINT NOT NULL,
    "mac" CHAR(64) NOT NULL,
    "sealedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffPendingSignIn_tokenHash_key" ON "StaffPendingSignIn"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffPendingSignIn_userId_idx" ON "StaffPendingSignIn"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditSeal_eventId_key" ON "AuditSeal"("eventId");

-- AddForeignKey
ALTER TABLE "StaffPendingSignIn" ADD CONSTRAINT "StaffPendingSignIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Seals are append-only too (the app role has only SELECT and INSERT on both tables; these
-- triggers also stop the owner by accident).
CREATE FUNCTION "refuse_change_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditSeal_append_only" BEFORE UPDATE OR DELETE ON "AuditSeal"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_append_only"();
CREATE TRIGGER "AuditSeal_no_truncate" BEFORE TRUNCATE ON "AuditSeal"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_append_only"();

ALTER TABLE "AuditSeal"
    ADD CONSTRAINT "AuditSeal_seq_positive" CHECK ("seq" >= 1),
    ADD CONSTRAINT "AuditSeal_mac_hex" CHECK ("mac" ~ '^[0-9a-f]{64}$');

ALTER TABLE "StaffSignInThrottle"
    ADD CONSTRAINT "StaffSignInThrottle_failures_nonnegative" CHECK ("failures" >= 0);
