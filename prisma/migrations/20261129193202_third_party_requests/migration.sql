-- CreateEnum
CREATE TYPE "ThirdPartyKind" AS ENUM ('ATTORNEY', 'INSURER', 'OTHER');

-- AlterEnum
ALTER TYPE "NotificationTemplate" ADD VALUE 'SIGNING_INVITATION';

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "thirdPartyRequesterId" UUID;

-- CreateTable
CREATE TABLE "ThirdPartyRequester" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ThirdPartyKind" NOT NULL,
    "organization" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "matterReference" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThirdPartyRequester_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningInvitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "thirdPartyRequesterId" UUID NOT NULL,
    "confirmationNumber" TEXT NOT NULL,
    "tokenHash" TEXT,
    "notificationId" UUID,
    "patientFirstName" TEXT NOT NULL,
    "patientLastName" TEXT NOT NULL,
    "patientDateOfBirth" DATE NOT NULL,
    "patientEmail" TEXT NOT NULL,
    "recordsRequested" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "usedAt" TIMESTAMPTZ(3),
    "requestId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SigningInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningInvitation_confirmationNumber_key" ON "SigningInvitation"("confirmationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "SigningInvitation_tokenHash_key" ON "SigningInvitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "SigningInvitation_notificationId_key" ON "SigningInvitation"("notificationId");

-- CreateIndex
CREATE UNIQUE INDEX "SigningInvitation_requestId_key" ON "SigningInvitation"("requestId");

-- AddForeignKey
ALTER TABLE "AuthorizationRequest" ADD CONSTRAINT "AuthorizationRequest_thirdPartyRequesterId_fkey" FOREIGN KEY ("thirdPartyRequesterId") REFERENCES "ThirdPartyRequester"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SigningInvitation" ADD CONSTRAINT "SigningInvitation_thirdPartyRequesterId_fkey" FOREIGN KEY ("thirdPartyRequesterId") REFERENCES "ThirdPartyRequester"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SigningInvitation" ADD CONSTRAINT "SigningInvitation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A request a third party started names that third party as its recipient (the Illinois third-party fees apply).
ALTER TABLE "AuthorizationRequest" ADD CONSTRAINT "AuthorizationRequest_third_party_is_recipient" CHECK ("thirdPartyRequesterId" IS NULL OR "recipientKind" = 'THIRD_PARTY');
