-- The staff queue reads open requests by due date. "Open" was a list of eight statuses, which no
-- index serves in due-date order: with a long history of closed requests the queue read through
-- them (docs/performance.md). closedAt is now null exactly when the status is open, so the queue
-- asks for closedAt IS NULL and this index hands it the open requests in (dueAt, id) order.

-- Closed requests written before this rule (demo data) get their closing time.
UPDATE "AuthorizationRequest" SET "closedAt" = "updatedAt"
WHERE "status" IN ('COMPLETED', 'REJECTED', 'REVOKED') AND "closedAt" IS NULL;

ALTER TABLE "AuthorizationRequest"
    ADD CONSTRAINT "AuthorizationRequest_closed_iff_closed_status" CHECK (
        ("closedAt" IS NOT NULL) = ("status" IN ('COMPLETED', 'REJECTED', 'REVOKED')));

-- CreateIndex
CREATE INDEX "AuthorizationRequest_closedAt_dueAt_id_idx" ON "AuthorizationRequest"("closedAt", "dueAt", "id");
