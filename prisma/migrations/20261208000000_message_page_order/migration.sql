-- A page of messages is ordered by (createdAt, id), both descending, or both ascending read backward.
-- These indexes had createdAt descending and id ascending (or no id), an order neither scan gives, so
-- PostgreSQL sorted all of a business's (or a campaign's) messages for each page.
-- DropIndex
DROP INDEX "Message_businessId_campaignName_createdAt_idx";

-- DropIndex
DROP INDEX "Message_businessId_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "Message_businessId_createdAt_id_idx" ON "Message"("businessId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_businessId_campaignName_createdAt_id_idx" ON "Message"("businessId", "campaignName", "createdAt", "id");
