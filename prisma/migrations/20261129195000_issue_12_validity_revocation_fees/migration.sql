-- CreateEnum
CREATE TYPE "RevocationChannel" AS ENUM ('PORTAL', 'MAIL', 'FAX');

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'EXTENSION_LETTER';

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "extensionLetterMailedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pageCountAdjustmentReason" TEXT,
ADD COLUMN     "pdfPageCount" INTEGER,
ADD COLUMN     "providerAddressVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "providerAddressVerifiedById" UUID;

-- AlterTable
ALTER TABLE "FeeSchedule" ADD COLUMN     "enteredAt" TIMESTAMPTZ(3),
ADD COLUMN     "enteredById" UUID;

-- AlterTable
ALTER TABLE "Revocation" ADD COLUMN     "documentId" UUID,
ADD COLUMN     "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "receivedVia" "RevocationChannel" NOT NULL DEFAULT 'PORTAL',
ADD COLUMN     "recordedById" UUID,
ADD COLUMN     "signerKind" "RequesterKind" NOT NULL DEFAULT 'PATIENT';

-- A revocation that came on paper is recorded by staff with its scan.
ALTER TABLE "Revocation" ADD CONSTRAINT "Revocation_paper_recorded_with_scan"
  CHECK ("receivedVia" = 'PORTAL' OR ("recordedById" IS NOT NULL AND "documentId" IS NOT NULL));

-- Pages billed differ from the PDF's own count only with a reason.
ALTER TABLE "AuthorizationRequest" ADD CONSTRAINT "AuthorizationRequest_page_adjustment_has_reason"
  CHECK ("pageCount" IS NULL OR "pdfPageCount" IS NULL OR "pageCount" = "pdfPageCount" OR "pageCountAdjustmentReason" IS NOT NULL);

-- Every fee schedule names its source.
ALTER TABLE "FeeSchedule" ADD CONSTRAINT "FeeSchedule_source_given" CHECK (length(btrim("source")) > 0);

-- CreateTable
CREATE TABLE "AccountingRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fulfilledAt" TIMESTAMPTZ(3),
    "fulfilledById" UUID,

    CONSTRAINT "AccountingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountingRequest_requestId_idx" ON "AccountingRequest"("requestId");

-- AddForeignKey
ALTER TABLE "AccountingRequest" ADD CONSTRAINT "AccountingRequest_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
