/**
 * Inbound customer messages and what they open: the 24-hour session window of a customer with a
 * business. Inbound events are stored once per business and distinct body (a redelivery is the
 * same bytes to the same address; the same bytes for two businesses are two messages), and
 * a customer's last-inbound time only moves forward, whatever order events arrive in.
 */
import type { PrismaClient } from "./generated/prisma/client.js";

export interface NewInboundMessage {
  readonly bodyHash: string;
  /** The business whose webhook address took the message (verified by its signature). */
  readonly businessId: string;
  readonly businessNumber: string;
  readonly customerId: string;
  readonly customerName: string | null;
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
}

export interface CustomerStore {
  /** Stores an inbound message and moves the customer's last-inbound time forward; false when it was stored before. */
  recordInbound(message: NewInboundMessage): Promise<boolean>;
  /** Customers by (businessId, customerId); a customer never seen reads with lastInboundAt null. */
  customers(keys: readonly { businessId: string; customerId: string }[]): Promise<CustomerRow[]>;
}

export function createCustomerStore(prisma: PrismaClient): CustomerStore {
  return {
    async recordInbound(message) {
      // One statement, so a crash cannot keep the message (making its redelivery a duplicate)
      // without the window it opened.
      const [result] = await prisma.$queryRaw<{ inserted: number }[]>`
        WITH ins AS (
          INSERT INTO "InboundMessage" ("bodyHash", "businessId", "businessNumber", "customerId", "customerName", "text",
            "replyToConnectlyId", "callbackData", "occurredAt", "raw", "receivedAt")
          VALUES (${message.bodyHash}, ${message.businessId}, ${message.businessNumber}, ${message.customerId}, ${message.customerName},
            ${message.text}, ${message.replyToConnectlyId}, CAST(${message.callbackData == null ? null : JSON.stringify(message.callbackData)} AS jsonb),
            ${message.occurredAt}, CAST(${JSON.stringify(message.raw)} AS jsonb), now())
          ON CONFLICT ("businessId", "bodyHash") DO NOTHING
          RETURNING "businessId", "customerId", "customerName", "businessNumber", "occurredAt"
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
        SELECT CAST(count(*) AS integer) AS inserted FROM ins`;
      return (result?.inserted ?? 0) > 0;
    },
    async customers(keys) {
      if (keys.length === 0) return [];
      const rows = await prisma.customerSession.findMany({
        where: { OR: keys.map((k) => ({ businessId: k.businessId, customerId: k.customerId })) },
      });
      const found = new Map(rows.map((r) => [`${r.businessId}|${r.customerId}`, r]));
      return keys.map((k) => {
        const row = found.get(`${k.businessId}|${k.customerId}`);
        return { businessId: k.businessId, customerId: k.customerId, name: row?.customerName ?? null, lastInboundAt: row?.lastInboundAt ?? null };
      });
    },
  };
}

/** The 24-hour customer-service window from the customer's last message. */
const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;

export function sessionWindow(lastInboundAt: Date | null, now: number): { open: boolean; expiresAt: Date | null } {
  if (lastInboundAt == null) return { open: false, expiresAt: null };
  const expiresAt = new Date(lastInboundAt.getTime() + SESSION_WINDOW_MS);
  return { open: expiresAt.getTime() > now, expiresAt };
}
