-- The signed authorization PDF is drawn after the submission commits, by the worker
-- (docs/decisions/0021): until it exists, the request names the encrypted file it is drawn from.

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "pdfSourceKey" TEXT,
ADD COLUMN     "pdfSourceSha256" TEXT;
