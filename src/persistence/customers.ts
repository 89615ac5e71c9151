/**
 * Inbound customer messages and what they open: the 24-hour session window of a customer with a
 * business. Inbound events are stored once per business and distinct body (a redelivery is the
 * same bytes to the same address; the same bytes for two businesses are two messages), and
 * a customer's last-inbound time only moves forward, whatever order events arrive in. Each is
 * linked, when stored, to the message of the same business it answers (docs/inbound.md).
 */
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import { storedContent, type AdReferralValue, type InboundContentValue } from "../domain/inbound.js";
import type { InboundMessageRow } from "./inbound-messages.js";
import type { WindowClock } from "../pubsub/window-closings.js";

export interface NewInboundMessage {
  readonly bodyHash: string;
  /** The business whose webhook address took the message (verified by its signature). */
  readonly businessId: string;
  readonly businessNumber: string;
  readonly customerId: string;
  readonly customerName: string | null;
  readonly content: InboundContentValue;
  readonly referral: AdReferralValue | null;
  readonly text: string | null;
  readonly replyToConnectlyId: string | null;
  readonly callbackData: unknown;
  readonly occurredAt: Date;
  readonly raw: unknown;
}

/** A customer of a business as the GraphQL Customer type reads it; lastInboundAt null when they never wrote. */
export interface CustomerRow {
  readonly businessId: string;
  readonly customerId: string;
  readonly name: string | null;
  readonly lastInboundAt: Date | null;
  /** When the window was known closed before its 24 hours ran out (see sessionWindow); null when it was not. */
  readonly windowClosedAt: Date | null;
}

export interface CustomerStore extends WindowClock {
  /**
   * Stores an inbound message, linked to the message it answers, and moves the customer's
   * last-inbound time forward; returns the stored row, or null when it was stored before.
   */
  recordInbound(message: NewInboundMessage): Promise<InboundMessageRow | null>;
  /**
   * Records that the customer's window is closed as of `at` (Connectly refused a session message as
   * outside it, or the sandbox closed it); true when it was open and is now closed.
   */
  markWindowClosed(businessId: string, customerId: string, at: Date): Promise<boolean>;
  /** Customers by (businessId, customerId); a customer never seen reads with lastInboundAt null. */
  customers(keys: readonly { businessId: string; customerId: string }[]): Promise<CustomerRow[]>;
}

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

/**
 * One statement, so a crash cannot keep the message (making its redelivery a duplicate) without the
 * window it opened. The link: the message of this business to this customer the event names by
 * Connectly id; when it names none, the latest one to this customer with equal callbackData sent
 * before it (within its whole second). A named message not stored yet is found later by its id.
 */
const recordInboundStatement = (message: NewInboundMessage): Prisma.Sql => Prisma.sql`
  WITH link AS (
    SELECT m."id", CAST('CONNECTLY_ID' AS "ReplyLink") AS "how", 0 AS "rank" FROM "Message" m
    WHERE m."connectlyId" = ${message.replyToConnectlyId} AND m."businessId" = ${message.businessId}
      AND m."recipientId" = ${message.customerId}
    UNION ALL
    SELECT * FROM (
      SELECT m."id", CAST('CALLBACK_DATA' AS "ReplyLink"), 1 FROM "Message" m
      WHERE ${message.replyToConnectlyId === null} AND m."businessId" = ${message.businessId} AND m."recipientId" = ${message.customerId}
        AND m."callbackData" = CAST(${json(message.callbackData)} AS jsonb)
        AND m."createdAt" < CAST(${message.occurredAt} AS timestamptz) + interval '1 second'
      ORDER BY m."createdAt" DESC, m."id" DESC LIMIT 1
    ) latest
    ORDER BY "rank" LIMIT 1
  ), ins AS (
    INSERT INTO "InboundMessage" ("bodyHash", "businessId", "businessNumber", "customerId", "customerName", "kind", "content",
      "referral", "text", "replyToConnectlyId", "callbackData", "inReplyToId", "linkedBy", "occurredAt", "raw", "receivedAt")
    SELECT ${message.bodyHash}, ${message.businessId}, ${message.businessNumber}, ${message.customerId}, ${message.customerName},
      CAST(${message.content.inboundKind} AS "InboundKind"), CAST(${JSON.stringify(storedContent(message.content))} AS jsonb),
      CAST(${json(message.referral)} AS jsonb), ${message.text}, ${message.replyToConnectlyId},
      CAST(${json(message.callbackData)} AS jsonb), (SELECT "id" FROM link), (SELECT "how" FROM link),
      ${message.occurredAt}, CAST(${JSON.stringify(message.raw)} AS jsonb), now()
    ON CONFLICT ("businessId", "bodyHash") DO NOTHING
    RETURNING *
  ), session AS (
    INSERT INTO "CustomerSession" ("businessId", "customerId", "customerName", "businessNumber", "lastInboundAt", "updatedAt")
    SELECT "businessId", "customerId", "customerName", "businessNumber", "occurredAt", now() FROM ins
    ON CONFLICT ("businessId", "customerId") DO UPDATE SET
      "lastInboundAt" = GREATEST("CustomerSession"."lastInboundAt", EXCLUDED."lastInboundAt"),
      "customerName" = CASE WHEN EXCLUDED."lastInboundAt" >= "CustomerSession"."lastInboundAt"
        THEN COALESCE(EXCLUDED."customerName", "CustomerSession"."customerName") ELSE "CustomerSession"."customerName" END,
      "businessNumber" = COALESCE(EXCLUDED."businessNumber", "CustomerSession"."businessNumber"),
      "updatedAt" = now()
    RETURNING 1
  )
  SELECT * FROM ins`;

export function createCustomerStore(prisma: PrismaClient): CustomerStore {
  return {
    async recordInbound(message) {
      const rows = await prisma.$queryRaw<InboundMessageRow[]>(recordInboundStatement(message));
      return rows[0] ?? null;
    },
    async markWindowClosed(businessId, customerId, at) {
      // Open means: not known closed since the last message, and under 24 hours old at `at`.
      const closed = await prisma.$executeRaw`
        UPDATE "CustomerSession" SET "windowClosedAt" = ${at}, "updatedAt" = now()
        WHERE "businessId" = ${businessId} AND "customerId" = ${customerId}
          AND "lastInboundAt" <= ${at} AND "lastInboundAt" > ${new Date(at.getTime() - SESSION_WINDOW_MS)}
          AND ("windowClosedAt" IS NULL OR "windowClosedAt" < "lastInboundAt")`;
      return closed > 0;
    },
    async nextExpiry(businessId, after) {
      // The oldest window still open after `after`, on the (businessId, lastInboundAt) index.
      const [row] = await prisma.$queryRaw<{ lastInboundAt: Date }[]>`
        SELECT "lastInboundAt" FROM "CustomerSession"
        WHERE "businessId" = ${businessId} AND "lastInboundAt" > ${new Date(after.getTime() - SESSION_WINDOW_MS)}
          AND ("windowClosedAt" IS NULL OR "windowClosedAt" < "lastInboundAt")
        ORDER BY "lastInboundAt" LIMIT 1`;
      return row ? new Date(row.lastInboundAt.getTime() + SESSION_WINDOW_MS) : null;
    },
    async expiredBetween(businessId, from, to, page) {
      const after = page?.after ?? null;
      return prisma.$queryRaw<{ customerId: string; lastInboundAt: Date }[]>`
        SELECT "customerId", "lastInboundAt" FROM "CustomerSession"
        WHERE "businessId" = ${businessId}
          AND "lastInboundAt" > ${new Date(from.getTime() - SESSION_WINDOW_MS)} AND "lastInboundAt" <= ${new Date(to.getTime() - SESSION_WINDOW_MS)}
          AND ("windowClosedAt" IS NULL OR "windowClosedAt" < "lastInboundAt")
          AND (CAST(${after?.lastInboundAt ?? null} AS timestamptz) IS NULL
            OR ("lastInboundAt", "customerId") > (CAST(${after?.lastInboundAt ?? null} AS timestamptz), CAST(${after?.customerId ?? null} AS text)))
        ORDER BY "lastInboundAt", "customerId" LIMIT ${page?.limit ?? 1000}`;
    },
    async customers(keys) {
      if (keys.length === 0) return [];
      const rows = await prisma.customerSession.findMany({
        where: { OR: keys.map((k) => ({ businessId: k.businessId, customerId: k.customerId })) },
      });
      const found = new Map(rows.map((r) => [`${r.businessId}|${r.customerId}`, r]));
      return keys.map((k) => {
        const row = found.get(`${k.businessId}|${k.customerId}`);
        return {
          businessId: k.businessId,
          customerId: k.customerId,
          name: row?.customerName ?? null,
          lastInboundAt: row?.lastInboundAt ?? null,
          windowClosedAt: row?.windowClosedAt ?? null,
        };
      });
    },
  };
}

/** The 24-hour customer-service window from the customer's last message. */
const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The window of a customer: open for 24 hours from their last message, unless it was known closed
 * since that message (Connectly refused a session message as outside it, or the built-in sandbox
 * closed it); then it closed at that time. A message after that opens it again.
 */
export function sessionWindow(customer: Pick<CustomerRow, "lastInboundAt" | "windowClosedAt">, now: number): { open: boolean; expiresAt: Date | null } {
  const { lastInboundAt, windowClosedAt } = customer;
  if (lastInboundAt == null) return { open: false, expiresAt: null };
  const expiresAt = new Date(lastInboundAt.getTime() + SESSION_WINDOW_MS);
  if (windowClosedAt != null && windowClosedAt >= lastInboundAt && windowClosedAt < expiresAt) return { open: false, expiresAt: windowClosedAt };
  return { open: expiresAt.getTime() > now, expiresAt };
}
