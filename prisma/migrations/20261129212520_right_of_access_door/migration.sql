-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('ACCESS', 'AUTHORIZATION');

-- CreateEnum
CREATE TYPE "AccessFormat" AS ENUM ('PDF_DOWNLOAD', 'EHI_EXPORT', 'PAPER_MAIL', 'PAPER_PICKUP');

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "accessCategories" "SpecialCategory"[] DEFAULT ARRAY[]::"SpecialCategory"[],
ADD COLUMN     "accessFormat" "AccessFormat",
ADD COLUMN     "requestKind" "RequestKind" NOT NULL DEFAULT 'AUTHORIZATION',
ALTER COLUMN "purpose" DROP NOT NULL,
ALTER COLUMN "expirationKind" DROP NOT NULL;

-- Issue 17 (docs/decisions/0018-right-of-access.md): the door a request came through, held to the
-- rules of that door (src/domain/signing-rules.ts decideRequest; src/domain/authorization-form.ts).
ALTER TABLE "AuthorizationRequest"
    -- An expiry, when there is one (an authorization's: the door CHECK below requires it there), is a date or an event.
    DROP CONSTRAINT "AuthorizationRequest_expiration",
    ADD CONSTRAINT "AuthorizationRequest_expiration" CHECK (
        ("expirationKind" IS NULL AND "expirationDate" IS NULL AND "expirationEvent" IS NULL)
        OR ("expirationKind" = 'DATE' AND "expirationDate" IS NOT NULL)
        OR ("expirationKind" = 'EVENT' AND "expirationEvent" IS NOT NULL)),
    -- An authorization states a purpose and an expiry (45 CFR 164.508(c)(1)(iv)–(v)) and has no access format;
    -- an access request (164.524) has neither purpose nor expiry, goes to the patient, has a format, and is never a third party's.
    ADD CONSTRAINT "AuthorizationRequest_door_fields" CHECK (
        CASE "requestKind"
            WHEN 'AUTHORIZATION' THEN "purpose" IS NOT NULL AND "expirationKind" IS NOT NULL
                AND "accessFormat" IS NULL AND cardinality("accessCategories") = 0
            WHEN 'ACCESS' THEN "purpose" IS NULL AND "purposeCode" IS NULL
                AND "expirationKind" IS NULL AND "expirationDate" IS NULL AND "expirationEvent" IS NULL
                AND "recipientKind" = 'SELF' AND "accessFormat" IS NOT NULL AND "thirdPartyRequesterId" IS NULL
        END),
    ADD CONSTRAINT "AuthorizationRequest_access_categories_present" CHECK ("accessCategories" IS NOT NULL),
    -- Psychotherapy notes are outside the right of access (164.524(a)(1)(i)).
    ADD CONSTRAINT "AuthorizationRequest_access_no_psychotherapy_notes" CHECK (NOT ('PSYCHOTHERAPY_NOTES' = ANY("accessCategories"))),
    -- Each format has its one delivery: PDF and EHI export through the secure download; paper by mail or at pickup.
    ADD CONSTRAINT "AuthorizationRequest_access_format_delivery" CHECK (
        "accessFormat" IS NULL
        OR ("accessFormat" IN ('PDF_DOWNLOAD', 'EHI_EXPORT') AND "deliveryMethod" = 'SECURE_EMAIL')
        OR ("accessFormat" = 'PAPER_MAIL' AND "deliveryMethod" = 'MAIL')
        OR ("accessFormat" = 'PAPER_PICKUP' AND "deliveryMethod" = 'PICKUP'));

-- What a request describes now also counts an access request's own special categories (no initialed
-- consents), and an access request has no initialed consents at all (they belong to an authorization).
CREATE OR REPLACE FUNCTION authorization_request_records_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rid uuid;
    r record;
    consents text[];
BEGIN
    IF TG_TABLE_NAME = 'AuthorizationRequest' THEN rid := NEW."id";
    ELSIF TG_OP = 'DELETE' THEN rid := OLD."requestId";
    ELSE rid := NEW."requestId"; END IF;
    SELECT "completeRecord", "recordTypes", "witnessRequired", "minorSignatureRequired", "minorConsentName", "requestKind", "accessCategories"
      INTO r FROM "AuthorizationRequest" WHERE "id" = rid;
    IF NOT FOUND THEN RETURN NULL; END IF;
    SELECT COALESCE(array_agg("category"::text), '{}') INTO consents FROM "SpecialCategoryConsent" WHERE "requestId" = rid;
    IF r."requestKind" = 'ACCESS' AND cardinality(consents) > 0 THEN
        RAISE EXCEPTION 'AuthorizationRequest_access_no_consents: an access request has no initialed consents' USING ERRCODE = 'check_violation', CONSTRAINT = 'AuthorizationRequest_access_no_consents';
    END IF;
    IF NOT (r."completeRecord" OR cardinality(r."recordTypes") > 0 OR cardinality(consents) > 0 OR cardinality(r."accessCategories") > 0) THEN
        RAISE EXCEPTION 'AuthorizationRequest_records_described: authorization % describes no records', rid USING ERRCODE = 'check_violation', CONSTRAINT = 'AuthorizationRequest_records_described';
    END IF;
    -- 45 CFR 164.508(b)(3)(ii): psychotherapy notes only on an authorization for them alone.
    IF 'PSYCHOTHERAPY_NOTES' = ANY(consents) AND (r."completeRecord" OR cardinality(r."recordTypes") > 0 OR cardinality(consents) > 1) THEN
        RAISE EXCEPTION 'AuthorizationRequest_psychotherapy_notes_alone: psychotherapy notes are authorized alone' USING ERRCODE = 'check_violation', CONSTRAINT = 'AuthorizationRequest_psychotherapy_notes_alone';
    END IF;
    -- 740 ILCS 110/5: mental health records and psychotherapy notes need the witness.
    IF ('MENTAL_HEALTH' = ANY(consents) OR 'PSYCHOTHERAPY_NOTES' = ANY(consents)) AND NOT r."witnessRequired" THEN
        RAISE EXCEPTION 'AuthorizationRequest_mental_health_witness: mental health records need a witness' USING ERRCODE = 'check_violation', CONSTRAINT = 'AuthorizationRequest_mental_health_witness';
    END IF;
    RETURN NULL;
END $$;
