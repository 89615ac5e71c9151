-- Backfill: events stored before they were bound to a business take their message's (matched by
-- Connectly id, as they were read until now), so existing history stays visible under the
-- per-business join. Events whose message was never found keep NULL and attach to nothing.
UPDATE "MessageStatusEvent" AS e
SET "businessId" = m."businessId"
FROM "Message" AS m
WHERE e."businessId" IS NULL AND m."connectlyId" = e."connectlyId";

-- DropIndex
DROP INDEX "InboundMessage_bodyHash_key";

-- DropIndex
DROP INDEX "MessageStatusEvent_connectlyId_status_occurredAt_key";

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_businessId_bodyHash_key" ON "InboundMessage"("businessId", "bodyHash");

-- CreateIndex
CREATE UNIQUE INDEX "MessageStatusEvent_businessId_connectlyId_status_occurredAt_key" ON "MessageStatusEvent"("businessId", "connectlyId", "status", "occurredAt");


