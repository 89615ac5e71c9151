-- CreateEnum
CREATE TYPE "InboundKind" AS ENUM ('TEXT', 'ATTACHMENTS', 'LOCATION', 'BUTTON_REPLY', 'LIST_REPLY', 'REACTION', 'UNSUPPORTED');

-- CreateEnum
CREATE TYPE "ReplyLink" AS ENUM ('CONNECTLY_ID', 'CALLBACK_DATA');

-- DropIndex
DROP INDEX "InboundMessage_businessId_customerId_occurredAt_idx";

-- DropIndex
DROP INDEX "Message_businessId_recipientId_createdAt_idx";

-- AlterTable
ALTER TABLE "CustomerSession" ADD COLUMN     "windowClosedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "content" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "inReplyToId" TEXT,
ADD COLUMN     "kind" "InboundKind" NOT NULL DEFAULT 'TEXT',
ADD COLUMN     "linkedBy" "ReplyLink",
ADD COLUMN     "referral" JSONB;

-- CreateIndex
CREATE INDEX "CustomerSession_businessId_lastInboundAt_customerId_idx" ON "CustomerSession"("businessId", "lastInboundAt" DESC, "customerId");

-- CreateIndex
CREATE INDEX "InboundMessage_businessId_customerId_occurredAt_id_idx" ON "InboundMessage"("businessId", "customerId", "occurredAt", "id");

-- CreateIndex
CREATE INDEX "InboundMessage_businessId_inReplyToId_idx" ON "InboundMessage"("businessId", "inReplyToId");

-- CreateIndex
CREATE INDEX "InboundMessage_businessId_replyToConnectlyId_idx" ON "InboundMessage"("businessId", "replyToConnectlyId");

-- CreateIndex
CREATE INDEX "InboundMessage_businessId_receivedAt_idx" ON "InboundMessage"("businessId", "receivedAt");

-- CreateIndex
CREATE INDEX "Message_businessId_recipientId_createdAt_id_idx" ON "Message"("businessId", "recipientId", "createdAt", "id");


-- Rows stored before inbound content was read: a text message, or one the gateway did not model.
UPDATE "InboundMessage" SET "content" = jsonb_build_object('text', "text") WHERE "text" IS NOT NULL;
UPDATE "InboundMessage" SET "kind" = 'UNSUPPORTED', "content" = jsonb_build_object('kind', NULL, 'text', NULL) WHERE "text" IS NULL;
