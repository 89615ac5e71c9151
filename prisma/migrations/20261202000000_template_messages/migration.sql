-- CreateEnum
CREATE TYPE "FallbackReason" AS ENUM ('SESSION_WINDOW_CLOSED', 'CONNECTLY_REFUSED_SESSION');

-- AlterEnum
ALTER TYPE "MessageContentType" ADD VALUE 'TEMPLATE';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "fallback" JSONB,
ADD COLUMN     "fallbackMessage" TEXT,
ADD COLUMN     "fallbackReason" "FallbackReason",
ADD COLUMN     "fallbackUpstream" JSONB;

-- CreateTable
CREATE TABLE "TemplateCatalog" (
    "businessId" TEXT NOT NULL,
    "templates" JSONB NOT NULL,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TemplateCatalog_pkey" PRIMARY KEY ("businessId")
);


