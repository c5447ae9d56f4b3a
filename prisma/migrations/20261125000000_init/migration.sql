-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ASSOCIATE', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "RequestSource" AS ENUM ('ONLINE', 'PAPER');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'DEFICIENT', 'VERIFIED', 'AWAITING_PAYMENT', 'READY_TO_RELEASE', 'PICKUP_SCHEDULED', 'RELEASED', 'COMPLETED', 'REJECTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "RequesterKind" AS ENUM ('PATIENT', 'REPRESENTATIVE');

-- CreateEnum
CREATE TYPE "RepresentativeAuthority" AS ENUM ('PARENT_OF_MINOR', 'COURT_APPOINTED_GUARDIAN', 'HEALTH_CARE_POWER_OF_ATTORNEY', 'ESTATE_EXECUTOR_OR_ADMINISTRATOR', 'OTHER');

-- CreateEnum
CREATE TYPE "RecipientKind" AS ENUM ('SELF', 'MEDICAL_PROVIDER', 'THIRD_PARTY');

-- CreateEnum
CREATE TYPE "RecordType" AS ENUM ('VISIT_NOTES', 'LAB_RESULTS', 'IMAGING_REPORTS', 'IMMUNIZATIONS', 'MEDICATION_LIST', 'BILLING_RECORDS', 'OTHER');

-- CreateEnum
CREATE TYPE "SpecialCategory" AS ENUM ('MENTAL_HEALTH', 'HIV_AIDS', 'GENETIC_TESTING', 'SUBSTANCE_USE_DISORDER', 'PSYCHOTHERAPY_NOTES');

-- CreateEnum
CREATE TYPE "ExpirationKind" AS ENUM ('DATE', 'EVENT');

-- CreateEnum
CREATE TYPE "DeliveryMethod" AS ENUM ('SECURE_EMAIL', 'MAIL', 'PICKUP');

-- CreateEnum
CREATE TYPE "SignatureMethod" AS ENUM ('DRAWN', 'TYPED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('PHOTO_ID', 'AUTHORITY_PROOF', 'SIGNATURE_IMAGE', 'SIGNED_AUTHORIZATION', 'PAPER_FORM_SCAN', 'DEFICIENCY_RESPONSE', 'RELEASED_RECORDS', 'INVOICE_PDF', 'COVER_LETTER', 'MAILING_LABEL', 'REVOCATION');

-- CreateEnum
CREATE TYPE "PickupCallOutcome" AS ENUM ('REACHED_SCHEDULED', 'REACHED_NOT_SCHEDULED', 'LEFT_VOICEMAIL', 'NO_ANSWER', 'WRONG_NUMBER');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('ISSUED', 'PAID', 'VOID');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CHECK', 'CARD_BY_PHONE');

-- CreateEnum
CREATE TYPE "NotificationTemplate" AS ENUM ('REQUEST_RECEIVED', 'DEFICIENCY', 'EXTENSION', 'INVOICE_ISSUED', 'PAYMENT_RECEIVED', 'RECORDS_READY', 'MAILED', 'PICKUP_CALL', 'PICKUP_SCHEDULED', 'REJECTED', 'COMPLETED', 'ACCESS_CODE');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'DEAD');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('STAFF', 'REQUESTER', 'SYSTEM', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "totpSecretSealed" TEXT,
    "totpEnrolledAt" TIMESTAMPTZ(3),
    "totpLastStep" BIGINT,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorizationRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "confirmationNumber" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "source" "RequestSource" NOT NULL DEFAULT 'ONLINE',
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "extendedAt" TIMESTAMPTZ(3),
    "extensionReason" TEXT,
    "assigneeId" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "closeReason" TEXT,
    "patientFirstName" TEXT NOT NULL,
    "patientMiddleName" TEXT,
    "patientLastName" TEXT NOT NULL,
    "patientOtherNames" TEXT,
    "patientDateOfBirth" DATE NOT NULL,
    "patientPhone" TEXT NOT NULL,
    "patientEmail" TEXT,
    "patientAddressLine1" TEXT NOT NULL,
    "patientAddressLine2" TEXT,
    "patientCity" TEXT NOT NULL,
    "patientState" TEXT NOT NULL,
    "patientPostalCode" TEXT NOT NULL,
    "patientMrn" TEXT,
    "requesterKind" "RequesterKind" NOT NULL,
    "representativeName" TEXT,
    "representativePhone" TEXT,
    "representativeEmail" TEXT,
    "representativeAuthority" "RepresentativeAuthority",
    "representativeAuthorityDetail" TEXT,
    "recipientKind" "RecipientKind" NOT NULL,
    "recipientName" TEXT,
    "recipientAddressLine1" TEXT,
    "recipientAddressLine2" TEXT,
    "recipientCity" TEXT,
    "recipientState" TEXT,
    "recipientPostalCode" TEXT,
    "recipientPhone" TEXT,
    "recipientFax" TEXT,
    "recipientEmail" TEXT,
    "completeRecord" BOOLEAN NOT NULL DEFAULT false,
    "recordTypes" "RecordType"[],
    "recordTypesOther" TEXT,
    "recordsFrom" DATE,
    "recordsTo" DATE,
    "purpose" TEXT NOT NULL,
    "expirationKind" "ExpirationKind" NOT NULL,
    "expirationDate" DATE,
    "expirationEvent" TEXT,
    "deliveryMethod" "DeliveryMethod" NOT NULL,
    "deliveryEmail" TEXT,
    "mailAddressLine1" TEXT,
    "mailAddressLine2" TEXT,
    "mailCity" TEXT,
    "mailState" TEXT,
    "mailPostalCode" TEXT,
    "pickupPhone" TEXT,
    "pickupBestTimes" TEXT,
    "signerName" TEXT NOT NULL,
    "signatureMethod" "SignatureMethod" NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "signerAuthorityStatement" TEXT,
    "pageCount" INTEGER,
    "mailedAt" TIMESTAMPTZ(3),
    "mailTrackingNumber" TEXT,
    "pickupScheduledFor" TIMESTAMPTZ(3),
    "pickedUpAt" TIMESTAMPTZ(3),
    "pickedUpBy" TEXT,
    "pickupIdChecked" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuthorizationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpecialCategoryConsent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "category" "SpecialCategory" NOT NULL,
    "initials" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpecialCategoryConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "originalName" TEXT,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus" NOT NULL,
    "note" TEXT,
    "actorId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deficiency" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "reasons" TEXT[],
    "details" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),
    "response" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Deficiency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PickupCall" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "outcome" "PickupCallOutcome" NOT NULL,
    "note" TEXT,
    "staffId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PickupCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revocation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "signerName" TEXT NOT NULL,
    "statement" TEXT,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "seenAt" TIMESTAMPTZ(3),
    "seenById" UUID,

    CONSTRAINT "Revocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeSchedule" (
    "year" INTEGER NOT NULL,
    "handlingCents" INTEGER NOT NULL,
    "pages1To25Cents" INTEGER NOT NULL,
    "pages26To50Cents" INTEGER NOT NULL,
    "pagesOver50Cents" INTEGER NOT NULL,
    "microformPageCents" INTEGER NOT NULL,
    "electronicPercent" INTEGER NOT NULL DEFAULT 50,
    "source" TEXT NOT NULL,

    CONSTRAINT "FeeSchedule_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "requestId" UUID NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'ISSUED',
    "totalCents" INTEGER NOT NULL,
    "feeYear" INTEGER,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "issuedById" UUID NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "invoiceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "invoiceId" UUID NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "checkNumber" TEXT,
    "cardLast4" CHAR(4),
    "cardAuthCode" TEXT,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "disclosedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recipient" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "method" "DeliveryMethod" NOT NULL,
    "staffId" UUID,
    "documentId" UUID,
    "fileSha256" CHAR(64),

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DownloadGrant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "maxDownloads" INTEGER NOT NULL DEFAULT 5,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DownloadGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequesterAccessCode" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequesterAccessCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID,
    "template" "NotificationTemplate" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "messageId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT,
    "requestId" UUID,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'SUCCESS',
    "correlationId" TEXT,
    "details" JSONB,
    "prevHash" CHAR(64),
    "hash" CHAR(64) NOT NULL DEFAULT '',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_userId_idx" ON "StaffSession"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthorizationRequest_confirmationNumber_key" ON "AuthorizationRequest"("confirmationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "AuthorizationRequest_idempotencyKey_key" ON "AuthorizationRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_status_dueAt_id_idx" ON "AuthorizationRequest"("status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_dueAt_id_idx" ON "AuthorizationRequest"("dueAt", "id");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_assigneeId_dueAt_id_idx" ON "AuthorizationRequest"("assigneeId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_deliveryMethod_dueAt_id_idx" ON "AuthorizationRequest"("deliveryMethod", "dueAt", "id");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_patientLastName_patientFirstName_idx" ON "AuthorizationRequest"("patientLastName", "patientFirstName");

-- CreateIndex
CREATE INDEX "AuthorizationRequest_patientDateOfBirth_idx" ON "AuthorizationRequest"("patientDateOfBirth");

-- CreateIndex
CREATE UNIQUE INDEX "SpecialCategoryConsent_requestId_category_key" ON "SpecialCategoryConsent"("requestId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_requestId_kind_idx" ON "Document"("requestId", "kind");

-- CreateIndex
CREATE INDEX "StatusChange_requestId_at_idx" ON "StatusChange"("requestId", "at");

-- CreateIndex
CREATE INDEX "Deficiency_requestId_idx" ON "Deficiency"("requestId");

-- CreateIndex
CREATE INDEX "PickupCall_requestId_at_idx" ON "PickupCall"("requestId", "at");

-- CreateIndex
CREATE INDEX "Revocation_requestId_idx" ON "Revocation"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_requestId_idx" ON "Invoice"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_position_key" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE INDEX "Payment_invoiceId_idx" ON "Payment"("invoiceId");

-- CreateIndex
CREATE INDEX "Disclosure_requestId_idx" ON "Disclosure"("requestId");

-- CreateIndex
CREATE INDEX "Disclosure_disclosedAt_idx" ON "Disclosure"("disclosedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DownloadGrant_tokenHash_key" ON "DownloadGrant"("tokenHash");

-- CreateIndex
CREATE INDEX "DownloadGrant_requestId_idx" ON "DownloadGrant"("requestId");

-- CreateIndex
CREATE INDEX "RequesterAccessCode_requestId_createdAt_idx" ON "RequesterAccessCode"("requestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_requestId_idx" ON "Notification"("requestId");

-- CreateIndex
CREATE INDEX "AuditEvent_requestId_at_idx" ON "AuditEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorizationRequest" ADD CONSTRAINT "AuthorizationRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecialCategoryConsent" ADD CONSTRAINT "SpecialCategoryConsent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deficiency" ADD CONSTRAINT "Deficiency_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickupCall" ADD CONSTRAINT "PickupCall_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revocation" ADD CONSTRAINT "Revocation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DownloadGrant" ADD CONSTRAINT "DownloadGrant_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequesterAccessCode" ADD CONSTRAINT "RequesterAccessCode_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── Hand-written: what schema.prisma cannot express ─────────────

-- Integrity (SECURITY.md §11): the database refuses rows the domain would call invalid.
ALTER TABLE "AuthorizationRequest"
    ADD CONSTRAINT "AuthorizationRequest_confirmationNumber_format" CHECK ("confirmationNumber" ~ '^RC-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
    ADD CONSTRAINT "AuthorizationRequest_version_positive" CHECK ("version" >= 1),
    ADD CONSTRAINT "AuthorizationRequest_due_after_receipt" CHECK ("dueAt" > "receivedAt"),
    ADD CONSTRAINT "AuthorizationRequest_pageCount_nonnegative" CHECK ("pageCount" IS NULL OR "pageCount" >= 0),
    ADD CONSTRAINT "AuthorizationRequest_representative_authority" CHECK (
        "requesterKind" = 'PATIENT'
        OR ("representativeName" IS NOT NULL AND "representativeAuthority" IS NOT NULL)),
    ADD CONSTRAINT "AuthorizationRequest_expiration" CHECK (
        ("expirationKind" = 'DATE' AND "expirationDate" IS NOT NULL)
        OR ("expirationKind" = 'EVENT' AND "expirationEvent" IS NOT NULL)),
    ADD CONSTRAINT "AuthorizationRequest_delivery_details" CHECK (
        ("deliveryMethod" = 'SECURE_EMAIL' AND "deliveryEmail" IS NOT NULL)
        OR ("deliveryMethod" = 'MAIL' AND "mailAddressLine1" IS NOT NULL AND "mailCity" IS NOT NULL
            AND "mailState" IS NOT NULL AND "mailPostalCode" IS NOT NULL)
        OR ("deliveryMethod" = 'PICKUP' AND "pickupPhone" IS NOT NULL)),
    ADD CONSTRAINT "AuthorizationRequest_records_described" CHECK (
        "completeRecord" OR cardinality("recordTypes") > 0);

ALTER TABLE "SpecialCategoryConsent"
    ADD CONSTRAINT "SpecialCategoryConsent_initials_present" CHECK (length(btrim("initials")) BETWEEN 1 AND 5);

ALTER TABLE "Document"
    ADD CONSTRAINT "Document_size_nonnegative" CHECK ("sizeBytes" >= 0),
    ADD CONSTRAINT "Document_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

ALTER TABLE "Invoice"
    ADD CONSTRAINT "Invoice_total_nonnegative" CHECK ("totalCents" >= 0),
    ADD CONSTRAINT "Invoice_void_reason" CHECK ("status" <> 'VOID' OR ("voidedAt" IS NOT NULL AND "voidReason" IS NOT NULL));

ALTER TABLE "InvoiceLine"
    ADD CONSTRAINT "InvoiceLine_amounts_nonnegative" CHECK ("quantity" >= 0 AND "unitCents" >= 0 AND "amountCents" >= 0);

ALTER TABLE "Payment"
    ADD CONSTRAINT "Payment_amount_positive" CHECK ("amountCents" > 0),
    ADD CONSTRAINT "Payment_method_details" CHECK (
        ("method" = 'CHECK' AND "checkNumber" IS NOT NULL AND "cardLast4" IS NULL AND "cardAuthCode" IS NULL)
        OR ("method" = 'CARD_BY_PHONE' AND "cardLast4" ~ '^[0-9]{4}$' AND "cardAuthCode" IS NOT NULL AND "checkNumber" IS NULL));

ALTER TABLE "FeeSchedule"
    ADD CONSTRAINT "FeeSchedule_amounts_nonnegative" CHECK (
        "handlingCents" >= 0 AND "pages1To25Cents" >= 0 AND "pages26To50Cents" >= 0
        AND "pagesOver50Cents" >= 0 AND "microformPageCents" >= 0
        AND "electronicPercent" BETWEEN 0 AND 100);

ALTER TABLE "DownloadGrant"
    ADD CONSTRAINT "DownloadGrant_count_within_limit" CHECK ("downloadCount" >= 0 AND "downloadCount" <= "maxDownloads");

ALTER TABLE "RequesterAccessCode"
    ADD CONSTRAINT "RequesterAccessCode_attempts_nonnegative" CHECK ("attempts" >= 0);

-- Audit log (SECURITY.md §6): append-only, hash-chained. The trigger takes a transaction-level
-- advisory lock and assigns the id under it, so chain order is id order even with concurrent writers.
CREATE FUNCTION "audit_event_digest"(prev_hash text, e "AuditEvent") RETURNS char(64)
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
        coalesce(prev_hash, ''), e."id"::text,
        to_char(e."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        e."actorType"::text, coalesce(e."actorId", ''), coalesce(e."actorRole", ''),
        e."action", e."objectType", coalesce(e."objectId", ''), coalesce(e."requestId"::text, ''),
        e."outcome"::text, coalesce(e."correlationId", ''), coalesce(e."details"::text, '')), 'UTF8')), 'hex')
$$;

CREATE FUNCTION "audit_event_chain"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last_hash char(64);
BEGIN
    PERFORM pg_advisory_xact_lock(8120250001);
    NEW."id" := nextval(pg_get_serial_sequence('"AuditEvent"', 'id'));
    SELECT "hash" INTO last_hash FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1;
    NEW."prevHash" := last_hash;
    NEW."hash" := "audit_event_digest"(last_hash, NEW);
    RETURN NEW;
END
$$;

CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEvent_chain" BEFORE INSERT ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_chain"();
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();

-- Illinois copying-fee maximums (735 ILCS 5/8-2001(d)), as data with an effective year (RULES.md §6).
INSERT INTO "FeeSchedule" ("year", "handlingCents", "pages1To25Cents", "pages26To50Cents", "pagesOver50Cents", "microformPageCents", "electronicPercent", "source") VALUES
    (2017, 2733, 102, 68, 34, 171, 50, 'Illinois Comptroller copying-fee adjustment for 2017, as summarized by doherty-progar.com'),
    (2020, 2909, 109, 73, 36, 182, 50, 'Illinois Comptroller copying-fee adjustment for 2020, as summarized by mcdonaldhopkins.com'),
    (2024, 3472, 130, 87, 43, 217, 50, 'Illinois Comptroller, Copying Fees Adjustments (illinoiscomptroller.gov), 2024');

-- Policy flags (RULES.md: "policy" lines are configurable).
INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES
    ('releaseRequiresPayment', 'true', CURRENT_TIMESTAMP);
