/**
 * How many of a business's messages stand in each status over a time range: one statement of
 * count(*) FILTER over the (businessId, createdAt) or (businessId, campaignName, createdAt) index.
 */
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import { DeliveryStatus, MessageStatus } from "./generated/prisma/enums.js";

export interface MessageCountFilter {
  readonly businessId: string;
  readonly campaignName: string | null;
  /** Inclusive. */
  readonly createdAfter: Date | null;
  /** Exclusive. */
  readonly createdBefore: Date | null;
}

export interface MessageCountValues {
  readonly total: number;
  /** Every MessageStatus, zeros included. */
  readonly byStatus: Readonly<Record<MessageStatus, number>>;
  /** Every DeliveryStatus of the ACCEPTED messages, zeros included. */
  readonly byDeliveryStatus: Readonly<Record<DeliveryStatus, number>>;
  /** ACCEPTED with no delivery status yet. */
  readonly awaitingDeliveryStatus: number;
  /** At least one inbound message of the business answers it (InboundMessage.inReplyToId). */
  readonly answered: number;
}

export interface MessageCountStore {
  counts(filter: MessageCountFilter): Promise<MessageCountValues>;
}

export const MESSAGE_STATUSES = Object.values(MessageStatus);
export const DELIVERY_STATUSES = Object.values(DeliveryStatus);

const count = (alias: string, condition: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`CAST(count(*) FILTER (WHERE ${condition}) AS integer) AS ${Prisma.raw(`"${alias}"`)}`;

function rangeConditions(filter: MessageCountFilter, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  const conditions = [Prisma.sql`${a}."businessId" = ${filter.businessId}`];
  if (filter.campaignName !== null) conditions.push(Prisma.sql`${a}."campaignName" = ${filter.campaignName}`);
  if (filter.createdAfter !== null) conditions.push(Prisma.sql`${a}."createdAt" >= ${filter.createdAfter}`);
  if (filter.createdBefore !== null) conditions.push(Prisma.sql`${a}."createdAt" < ${filter.createdBefore}`);
  return Prisma.join(conditions, " AND ");
}

/** The counts' statement; the answered count is a semi-join of its own, so the planner can hash it. */
export function messageCountsStatement(filter: MessageCountFilter): Prisma.Sql {
  const columns = [
    Prisma.sql`CAST(count(*) AS integer) AS "total"`,
    ...MESSAGE_STATUSES.map((s) => count(`status.${s}`, Prisma.sql`m."status" = CAST(${s} AS "MessageStatus")`)),
    ...DELIVERY_STATUSES.map((s) => count(`delivery.${s}`, Prisma.sql`m."status" = 'ACCEPTED' AND m."deliveryStatus" = CAST(${s} AS "DeliveryStatus")`)),
    count("awaiting", Prisma.sql`m."status" = 'ACCEPTED' AND m."deliveryStatus" IS NULL`),
  ];
  return Prisma.sql`
    SELECT ${Prisma.join(columns, ", ")},
      (SELECT CAST(count(*) AS integer) FROM "Message" a WHERE ${rangeConditions(filter, "a")}
        AND (EXISTS (SELECT 1 FROM "InboundMessage" i WHERE i."businessId" = a."businessId" AND i."inReplyToId" = a."id")
          OR (a."connectlyId" IS NOT NULL AND EXISTS (SELECT 1 FROM "InboundMessage" i WHERE i."businessId" = a."businessId"
            AND i."customerId" = a."recipientId" AND i."inReplyToId" IS NULL AND i."replyToConnectlyId" = a."connectlyId")))) AS "answered"
    FROM "Message" m WHERE ${rangeConditions(filter, "m")}`;
}

export function createMessageCountStore(prisma: PrismaClient): MessageCountStore {
  return {
    async counts(filter) {
      const [row = {}] = await prisma.$queryRaw<Record<string, number>[]>(messageCountsStatement(filter));
      const n = (key: string): number => row[key] ?? 0;
      return {
        total: n("total"),
        byStatus: Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, n(`status.${s}`)])) as Record<MessageStatus, number>,
        byDeliveryStatus: Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, n(`delivery.${s}`)])) as Record<DeliveryStatus, number>,
        awaitingDeliveryStatus: n("awaiting"),
        answered: n("answered"),
      };
    },
  };
}
