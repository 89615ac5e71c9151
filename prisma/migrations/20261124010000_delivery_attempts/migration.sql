-- AlterEnum
ALTER TYPE "MessageStatus" ADD VALUE 'UNCONFIRMED';

-- DropIndex
DROP INDEX "Message_status_createdAt_idx";

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "lastAttemptError" TEXT;

-- CreateIndex
CREATE INDEX "Message_status_updatedAt_idx" ON "Message"("status", "updatedAt");


