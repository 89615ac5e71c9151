-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('PENDING', 'ACCEPTED', 'FAILED');

-- CreateEnum
CREATE TYPE "MessageContentType" AS ENUM ('TEXT', 'ATTACHMENT', 'LOCATION', 'LIST_MESSAGE', 'REPLY_BUTTON_MESSAGE', 'SINGLE_PRODUCT_MESSAGE', 'MULTI_PRODUCT_MESSAGE');

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "clientMessageId" BOOLEAN NOT NULL DEFAULT false,
    "connectlyId" TEXT,
    "status" "MessageStatus" NOT NULL DEFAULT 'PENDING',
    "recipientId" TEXT NOT NULL,
    "recipientUserId" TEXT,
    "recipientName" TEXT,
    "senderId" TEXT,
    "senderName" TEXT,
    "contentType" "MessageContentType" NOT NULL,
    "content" JSONB NOT NULL,
    "requestBody" JSONB NOT NULL,
    "callbackData" JSONB,
    "campaignName" TEXT,
    "orderParentId" TEXT,
    "orderStrategy" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "upstreamStatus" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Message_connectlyId_key" ON "Message"("connectlyId");

-- CreateIndex
CREATE INDEX "Message_businessId_createdAt_id_idx" ON "Message"("businessId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Message_businessId_recipientId_createdAt_idx" ON "Message"("businessId", "recipientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Message_businessId_campaignName_createdAt_idx" ON "Message"("businessId", "campaignName", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Message_status_createdAt_idx" ON "Message"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_businessId_messageId_key" ON "Message"("businessId", "messageId");


