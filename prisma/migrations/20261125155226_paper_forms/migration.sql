-- CreateEnum
CREATE TYPE "PaperChannel" AS ENUM ('MAIL', 'FAX');

-- AlterEnum
ALTER TYPE "SignatureMethod" ADD VALUE 'WET_INK';

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "receivedVia" "PaperChannel";

-- ───────────── Hand-written: what schema.prisma cannot express ─────────────

-- A paper form keyed in by staff says how it arrived and was signed in ink; an online request
-- has neither. The signature method is compared as text: a value added to an enum cannot be
-- used in the transaction that adds it.
ALTER TABLE "AuthorizationRequest"
    ADD CONSTRAINT "AuthorizationRequest_paper_receipt" CHECK (("source" = 'PAPER') = ("receivedVia" IS NOT NULL)),
    ADD CONSTRAINT "AuthorizationRequest_paper_signature" CHECK (("source" = 'PAPER') = ("signatureMethod"::text = 'WET_INK'));
