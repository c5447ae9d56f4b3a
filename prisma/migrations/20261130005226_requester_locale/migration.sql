-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('en', 'es');

-- AlterTable
ALTER TABLE "AuthorizationRequest" ADD COLUMN     "locale" "Locale" NOT NULL DEFAULT 'en';
