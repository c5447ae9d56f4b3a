-- CreateEnum
CREATE TYPE "PortalSessionKind" AS ENUM ('PORTAL', 'DOWNLOAD');

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "idempotencyBinding" TEXT;

-- CreateTable
CREATE TABLE "PortalSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tokenHash" TEXT NOT NULL,
    "kind" "PortalSessionKind" NOT NULL,
    "requestId" UUID NOT NULL,
    "grantId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PortalSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalSession_tokenHash_key" ON "PortalSession"("tokenHash");

-- CreateIndex
CREATE INDEX "PortalSession_requestId_idx" ON "PortalSession"("requestId");

-- AddForeignKey
ALTER TABLE "PortalSession" ADD CONSTRAINT "PortalSession_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AuthorizationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
