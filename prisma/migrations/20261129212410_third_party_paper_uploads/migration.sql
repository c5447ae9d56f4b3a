-- CreateEnum
CREATE TYPE "PaperUploadStatus" AS ENUM ('PENDING', 'DEFICIENT', 'KEYED');

-- AlterEnum
ALTER TYPE "NotificationTemplate" ADD VALUE 'PAPER_AUTHORIZATION_DEFICIENT';

-- AlterEnum
ALTER TYPE "PaperChannel" ADD VALUE 'UPLOAD';

-- AlterTable
ALTER TABLE "SigningInvitation" ADD COLUMN     "idempotencyBinding" TEXT,
ADD COLUMN     "idempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "PaperAuthorizationUpload" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "thirdPartyRequesterId" UUID NOT NULL,
    "confirmationNumber" TEXT NOT NULL,
    "patientFirstName" TEXT NOT NULL,
    "patientLastName" TEXT NOT NULL,
    "patientDateOfBirth" DATE NOT NULL,
    "recordsRequested" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" "PaperUploadStatus" NOT NULL DEFAULT 'PENDING',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "idempotencyBinding" TEXT NOT NULL,
    "deficiencyReason" TEXT,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "notificationId" UUID,
    "correctionTokenHash" TEXT,
    "correctionExpiresAt" TIMESTAMPTZ(3),
    "requestId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperAuthorizationUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperAuthorizationScan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "uploadId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "originalName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperAuthorizationScan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaperAuthorizationUpload_confirmationNumber_key" ON "PaperAuthorizationUpload"("confirmationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "PaperAuthorizationUpload_idempotencyKey_key" ON "PaperAuthorizationUpload"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "PaperAuthorizationUpload_notificationId_key" ON "PaperAuthorizationUpload"("notificationId");

-- CreateIndex
CREATE UNIQUE INDEX "PaperAuthorizationUpload_correctionTokenHash_key" ON "PaperAuthorizationUpload"("correctionTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "PaperAuthorizationUpload_requestId_key" ON "PaperAuthorizationUpload"("requestId");

-- CreateIndex
CREATE INDEX "PaperAuthorizationUpload_status_receivedAt_idx" ON "PaperAuthorizationUpload"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PaperAuthorizationScan_storageKey_key" ON "PaperAuthorizationScan"("storageKey");

-- CreateIndex
CREATE INDEX "PaperAuthorizationScan_uploadId_createdAt_idx" ON "PaperAuthorizationScan"("uploadId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SigningInvitation_idempotencyKey_key" ON "SigningInvitation"("idempotencyKey");

-- AddForeignKey
ALTER TABLE "PaperAuthorizationUpload" ADD CONSTRAINT "PaperAuthorizationUpload_thirdPartyRequesterId_fkey" FOREIGN KEY ("thirdPartyRequesterId") REFERENCES "ThirdPartyRequester"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperAuthorizationUpload" ADD CONSTRAINT "PaperAuthorizationUpload_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperAuthorizationScan" ADD CONSTRAINT "PaperAuthorizationScan_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "PaperAuthorizationUpload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A keyed-in upload names the request it became, and only a keyed-in one does; a deficient one says why.
ALTER TABLE "PaperAuthorizationUpload" ADD CONSTRAINT "PaperAuthorizationUpload_keyed_has_request" CHECK (("status" = 'KEYED') = ("requestId" IS NOT NULL));
ALTER TABLE "PaperAuthorizationUpload" ADD CONSTRAINT "PaperAuthorizationUpload_deficient_has_reason" CHECK ("status" <> 'DEFICIENT' OR "deficiencyReason" IS NOT NULL);
