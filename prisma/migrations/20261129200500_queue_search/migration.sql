-- Queue search (docs/performance.md, "Queue search and counts"): staff find a request by the
-- patient's or the requester's name, or an e-mail on it, anywhere in the value and in any case.
-- Trigram GIN indexes serve ILIKE '%…%' and ILIKE '…%' alike, so a search is an index lookup
-- however many requests there are. pg_trgm is a trusted extension (PostgreSQL 13+): the owner of
-- the database may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "AuthorizationRequest_patientLastName_trgm_idx" ON "AuthorizationRequest" USING GIN ("patientLastName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "AuthorizationRequest_patientFirstName_trgm_idx" ON "AuthorizationRequest" USING GIN ("patientFirstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "AuthorizationRequest_representativeName_trgm_idx" ON "AuthorizationRequest" USING GIN ("representativeName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "AuthorizationRequest_patientEmail_trgm_idx" ON "AuthorizationRequest" USING GIN ("patientEmail" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "AuthorizationRequest_representativeEmail_trgm_idx" ON "AuthorizationRequest" USING GIN ("representativeEmail" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "AuthorizationRequest_deliveryEmail_trgm_idx" ON "AuthorizationRequest" USING GIN ("deliveryEmail" gin_trgm_ops);
