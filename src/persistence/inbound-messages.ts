/**
 * Inbound messages as rows: read by id, by the message they answer, and the latest of each customer.
 * (Storing them is the customer store's recordInbound: one statement with the window they open.)
 */
import type { InboundMessage, Prisma, PrismaClient } from "./generated/prisma/client.js";

/** A stored inbound message, as Prisma reads it. */
export type InboundMessageRow = InboundMessage;

/** A message whose answers are asked for: its gateway id, its business and Connectly's id of it. */
export interface RepliedMessageKey {
  readonly id: string;
  readonly businessId: string;
  readonly connectlyId: string | null;
  /** Its customer: a row not linked yet answers it only if that customer sent it. */
  readonly recipientId: string;
}

export interface CustomerKey {
  readonly businessId: string;
  readonly customerId: string;
}

export interface InboundMessageStore {
  /** Rows by the gateway's ids (digits); unknown ids and rows of no business are left out. */
  findByIds(ids: readonly string[]): Promise<InboundMessageRow[]>;
  /**
   * The answers to each message, oldest first: rows linked to it, and rows of its business naming
   * its Connectly id that were stored before it (with no link yet).
   */
  repliesOf(keys: readonly RepliedMessageKey[]): Promise<InboundMessageRow[][]>;
  /** Each customer's latest inbound message (by Connectly's time, then as stored), or null. */
  latestOf(keys: readonly CustomerKey[]): Promise<(InboundMessageRow | null)[]>;
}

const DIGITS = /^\d{1,19}$/;
const MAX_BIGINT = 2n ** 63n - 1n;

/** Oldest first; same-second messages as stored. */
const OLDEST_FIRST: Prisma.InboundMessageOrderByWithRelationInput[] = [{ occurredAt: "asc" }, { id: "asc" }];

function repliesWhere(keys: readonly RepliedMessageKey[]): Prisma.InboundMessageWhereInput[] {
  const byBusiness = new Map<string, RepliedMessageKey[]>();
  for (const key of keys) byBusiness.set(key.businessId, [...(byBusiness.get(key.businessId) ?? []), key]);
  return [...byBusiness].map(([businessId, group]) => {
    const connectlyIds = group.flatMap((k) => (k.connectlyId == null ? [] : [k.connectlyId]));
    return {
      businessId,
      OR: [
        { inReplyToId: { in: group.map((k) => k.id) } },
        ...(connectlyIds.length > 0 ? [{ inReplyToId: null, replyToConnectlyId: { in: connectlyIds } }] : []),
      ],
    };
  });
}

export function createInboundMessageStore(prisma: PrismaClient): InboundMessageStore {
  return {
    async findByIds(ids) {
      const wanted = [...new Set(ids.filter((id) => DIGITS.test(id)))].map(BigInt).filter((id) => id <= MAX_BIGINT);
      if (wanted.length === 0) return [];
      return prisma.inboundMessage.findMany({ where: { id: { in: wanted }, businessId: { not: null } } });
    },

    async repliesOf(keys) {
      if (keys.length === 0) return [];
      const rows = await prisma.inboundMessage.findMany({ where: { OR: repliesWhere(keys) }, orderBy: OLDEST_FIRST });
      return keys.map((k) =>
        rows.filter(
          (r) =>
            r.businessId === k.businessId &&
            (r.inReplyToId === k.id ||
              (r.inReplyToId === null && k.connectlyId !== null && r.replyToConnectlyId === k.connectlyId && r.customerId === k.recipientId)),
        ),
      );
    },

    async latestOf(keys) {
      if (keys.length === 0) return [];
      // One index probe per customer on (businessId, customerId, occurredAt, id).
      const rows = await prisma.$queryRaw<InboundMessageRow[]>`
        SELECT i.* FROM unnest(CAST(${keys.map((k) => k.businessId)} AS text[]), CAST(${keys.map((k) => k.customerId)} AS text[])) AS k(bid, cid)
        CROSS JOIN LATERAL (
          SELECT * FROM "InboundMessage" AS m WHERE m."businessId" = k.bid AND m."customerId" = k.cid
          ORDER BY m."occurredAt" DESC, m."id" DESC LIMIT 1
        ) AS i`;
      const byCustomer = new Map(rows.map((r) => [`${r.businessId}|${r.customerId}`, r]));
      return keys.map((k) => byCustomer.get(`${k.businessId}|${k.customerId}`) ?? null);
    },
  };
}
