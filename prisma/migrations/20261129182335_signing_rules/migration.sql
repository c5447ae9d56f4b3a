-- CreateEnum
CREATE TYPE "SurvivingRelationship" AS ENUM ('SPOUSE', 'ADULT_CHILD', 'PARENT', 'ADULT_SIBLING');

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'MINOR_SIGNATURE_IMAGE';

-- AlterEnum
ALTER TYPE "RepresentativeAuthority" ADD VALUE 'SURVIVING_RELATIVE';

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "minorInformedRecordedAt" TIMESTAMPTZ(3),
ADD COLUMN     "minorInformedRecordedById" UUID,
ADD COLUMN     "minorNonObjectionRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "minorSignatureMethod" "SignatureMethod",
ADD COLUMN     "minorSignatureRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "patientEmancipated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "relativeNoSurvivingSpouse" BOOLEAN,
ADD COLUMN     "relativeRelationship" "SurvivingRelationship",
ADD COLUMN     "relativeStatement" TEXT,
ADD COLUMN     "witnessMethod" TEXT,
ADD COLUMN     "witnessName" TEXT,
ADD COLUMN     "witnessRecordedAt" TIMESTAMPTZ(3),
ADD COLUMN     "witnessRecordedById" UUID,
ADD COLUMN     "witnessRequired" BOOLEAN NOT NULL DEFAULT false;

-- Who signs what (src/domain/signing-rules.ts; docs/decisions/0008-who-signs-what.md): the database
-- refuses rows the signing rules would refuse. Enum values added above are compared as text: a
-- value added in this migration cannot be used as an enum literal before it commits.

-- Psychotherapy notes alone, or any special category alone, is a described request: the old CHECK
-- ("complete record or a record type") refused both. What is described now spans two tables, so it
-- is a constraint trigger checked at commit (the consents are inserted after the request).
ALTER TABLE "AuthorizationRequest" DROP CONSTRAINT "AuthorizationRequest_records_described";

CREATE FUNCTION authorization_request_records_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rid uuid;
    r record;
    consents text[];
BEGIN
    IF TG_TABLE_NAME = 'AuthorizationRequest' THEN rid := NEW."id";
    ELSIF TG_OP = 'DELETE' THEN rid := OLD."requestId";
    ELSE rid := NEW."requestId"; END IF;
    SELECT "completeRecord", "recordTypes", "witnessRequired", "minorSignatureRequired", "minorConsentName"
      INTO r FROM "AuthorizationRequest" WHERE "id" = rid;
    IF NOT FOUND THEN RETURN NULL; END IF;
    SELECT COALESCE(array_agg("category"::text), '{}') INTO consents FROM "SpecialCategoryConsent" WHERE "requestId" = rid;
    IF NOT (r."completeRecord" OR cardinality(r."recordTypes") > 0 OR cardinality(consents) > 0) THEN
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

-- A new request with general records needs no look at consents (those are checked as they are
-- inserted): bulk loads of ordinary requests fire nothing.
CREATE CONSTRAINT TRIGGER "AuthorizationRequest_records_described"
    AFTER INSERT ON "AuthorizationRequest"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT NEW."completeRecord" AND cardinality(NEW."recordTypes") = 0)
    EXECUTE FUNCTION authorization_request_records_check();
CREATE CONSTRAINT TRIGGER "AuthorizationRequest_records_described_update"
    AFTER UPDATE OF "completeRecord", "recordTypes", "witnessRequired" ON "AuthorizationRequest"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION authorization_request_records_check();
CREATE CONSTRAINT TRIGGER "SpecialCategoryConsent_records_described"
    AFTER INSERT OR UPDATE OR DELETE ON "SpecialCategoryConsent"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION authorization_request_records_check();

ALTER TABLE "AuthorizationRequest"
    -- The minor's own signature is there whenever the rules asked for it, and is the minor's kind of signature.
    ADD CONSTRAINT "AuthorizationRequest_minor_signature" CHECK (
        NOT "minorSignatureRequired"
        OR (length(btrim("minorConsentName")) > 0 AND "minorSignatureMethod" IS NOT NULL)),
    ADD CONSTRAINT "AuthorizationRequest_minor_signature_method" CHECK (
        "minorSignatureMethod" IS NULL
        OR (("source" = 'PAPER') = ("minorSignatureMethod"::text = 'WET_INK'))),
    -- Nothing is verified or released until staff recorded the witness and the minor's non-objection.
    ADD CONSTRAINT "AuthorizationRequest_witness_before_verified" CHECK (
        NOT "witnessRequired"
        OR "status"::text IN ('SUBMITTED', 'IN_REVIEW', 'DEFICIENT', 'REJECTED', 'REVOKED')
        OR (length(btrim("witnessName")) > 0 AND length(btrim("witnessMethod")) > 0 AND "witnessRecordedAt" IS NOT NULL AND "witnessRecordedById" IS NOT NULL)),
    ADD CONSTRAINT "AuthorizationRequest_minor_informed_before_verified" CHECK (
        NOT "minorNonObjectionRequired"
        OR "status"::text IN ('SUBMITTED', 'IN_REVIEW', 'DEFICIENT', 'REJECTED', 'REVOKED')
        OR ("minorInformedRecordedAt" IS NOT NULL AND "minorInformedRecordedById" IS NOT NULL)),
    -- Who may act for a patient who has died, and who may not (735 ILCS 5/8-2001.5).
    ADD CONSTRAINT "AuthorizationRequest_deceased_signer" CHECK (
        CASE
            WHEN "requesterKind"::text = 'PATIENT' THEN NOT "patientDeceased"
            WHEN "representativeAuthority"::text IN ('ESTATE_EXECUTOR_OR_ADMINISTRATOR', 'SURVIVING_RELATIVE') THEN "patientDeceased"
            WHEN "representativeAuthority"::text IN ('PARENT_OF_MINOR', 'COURT_APPOINTED_GUARDIAN', 'OTHER') THEN NOT "patientDeceased"
            ELSE TRUE
        END),
    -- A surviving relative's written statement and relationship, and the spouse's priority.
    ADD CONSTRAINT "AuthorizationRequest_surviving_relative" CHECK (
        ("representativeAuthority"::text = 'SURVIVING_RELATIVE') = ("relativeRelationship" IS NOT NULL)
        AND ("relativeRelationship" IS NULL
             OR (length(btrim("relativeStatement")) > 0
                 AND ("relativeRelationship" = 'SPOUSE' OR "relativeNoSurvivingSpouse" IS TRUE)))),
    -- Emancipation (750 ILCS 30): the patient signs for themself.
    ADD CONSTRAINT "AuthorizationRequest_emancipated_signs" CHECK (NOT "patientEmancipated" OR "requesterKind"::text = 'PATIENT');
