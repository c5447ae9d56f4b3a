-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "minorConsentName" TEXT,
ADD COLUMN     "patientDeceased" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "purposeCode" TEXT,
ADD COLUMN     "representativeRelationship" TEXT;
