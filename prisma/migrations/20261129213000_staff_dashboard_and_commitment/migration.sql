-- Staff dashboard and the response commitment (docs/decisions/0020).

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "commitmentDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "releasedAt" TIMESTAMPTZ(3);

-- When each request already released went out: its first status change to RELEASED. Requests
-- received before the commitment was stated keep a null commitmentDueAt (none was promised).
UPDATE "AuthorizationRequest" r SET "releasedAt" = s.at
FROM (SELECT "requestId", min("at") AS at FROM "StatusChange" WHERE "toStatus" = 'RELEASED' GROUP BY "requestId") s
WHERE s."requestId" = r."id";

-- A release is never before receipt.
ALTER TABLE "AuthorizationRequest" ADD CONSTRAINT "AuthorizationRequest_releasedAt_after_receipt" CHECK ("releasedAt" IS NULL OR "releasedAt" >= "receivedAt");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_closedAt_status_deliveryMethod_idx" ON "AuthorizationRequest"("closedAt", "status", "deliveryMethod");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_assigneeId_closedAt_dueAt_idx" ON "AuthorizationRequest"("assigneeId", "closedAt", "dueAt");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_commitment_missed_idx" ON "AuthorizationRequest"("closedAt", "releasedAt", "commitmentDueAt");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_turnaround_idx" ON "AuthorizationRequest"("releasedAt", "deliveryMethod", "receivedAt", "commitmentDueAt");
