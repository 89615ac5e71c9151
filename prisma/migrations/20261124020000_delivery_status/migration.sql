-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('SENT', 'DELIVERED', 'FAILED', 'READ');

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "deliveryErrorCode" TEXT,
ADD COLUMN     "deliveryErrorMessage" TEXT,
ADD COLUMN     "deliveryStatus" "DeliveryStatus",
ADD COLUMN     "deliveryStatusAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "MessageStatusEvent" (
    "id" BIGSERIAL NOT NULL,
    "connectlyId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "businessId" TEXT,
    "recipientId" TEXT,
    "senderId" TEXT,
    "errorCode" TEXT,
    "errorType" TEXT,
    "errorMessage" TEXT,
    "callbackData" JSONB,
    "campaignName" TEXT,
    "raw" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" BIGSERIAL NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "businessId" TEXT,
    "businessNumber" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerName" TEXT,
    "text" TEXT,
    "replyToConnectlyId" TEXT,
    "callbackData" JSONB,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerSession" (
    "businessId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerName" TEXT,
    "businessNumber" TEXT,
    "lastInboundAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CustomerSession_pkey" PRIMARY KEY ("businessId","customerId")
);

-- CreateTable
CREATE TABLE "RejectedWebhook" (
    "id" BIGSERIAL NOT NULL,
    "reason" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "contentType" TEXT,
    "businessId" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectedWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MessageStatusEvent_receivedAt_idx" ON "MessageStatusEvent"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MessageStatusEvent_connectlyId_status_occurredAt_key" ON "MessageStatusEvent"("connectlyId", "status", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_bodyHash_key" ON "InboundMessage"("bodyHash");

-- CreateIndex
CREATE INDEX "InboundMessage_businessId_customerId_occurredAt_idx" ON "InboundMessage"("businessId", "customerId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "RejectedWebhook_receivedAt_idx" ON "RejectedWebhook"("receivedAt");

-- CreateIndex
CREATE INDEX "Message_businessId_updatedAt_idx" ON "Message"("businessId", "updatedAt");


