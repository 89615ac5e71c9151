/**
 * A conversation: the messages a business sent to a customer and the ones the customer sent, in one
 * time order, read a page at a time in one statement.
 *
 * The order is (second, direction, at, id): at is a Message's createdAt or an InboundMessage's
 * occurredAt, second is at truncated to the whole second. Within one second the sent messages come
 * first: an inbound time is Connectly's whole second, so an answer dated S may follow a message sent
 * at S.123. Then the exact time, then the id (a sent message's ULID as text, an inbound message's id
 * as a number). Every entry has one place in it, so paging both ways sees each once.
 */
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { MessageRow, PageRead } from "./messages.js";
import type { InboundMessageRow } from "./inbound-messages.js";

/** An entry of a conversation: a Message row (sent) or an InboundMessage row (received). */
export type ConversationEntryRow = MessageRow | InboundMessageRow;

export type EntryDirection = "OUTBOUND" | "INBOUND";

/** An entry's place in the order; id is a Message's id, or an InboundMessage's id in decimal. */
export interface ConversationCursor {
  readonly at: Date;
  readonly direction: EntryDirection;
  readonly id: string;
}

export interface ConversationEntry extends ConversationCursor {
  readonly row: ConversationEntryRow;
}

export interface ConversationStore {
  /**
   * A page of the conversation of (businessId, customerId), oldest first: forward, the entries
   * after the cursor; backward, those before it, nearest the cursor first. One entry more than
   * the size tells whether more follow.
   */
  page(businessId: string, customerId: string, read: PageRead<ConversationCursor>): Promise<ConversationEntry[]>;
  /** How many entries the conversation has (sent and received). */
  count(businessId: string, customerId: string): Promise<number>;
}

const MESSAGE_COLUMNS = Object.values(Prisma.MessageScalarFieldEnum);
const INBOUND_COLUMNS = Object.values(Prisma.InboundMessageScalarFieldEnum);

/** `alias."column" AS "prefix.column"` for each column: the two tables' rows side by side in one result. */
const prefixed = (alias: string, prefix: string, columns: readonly string[]): Prisma.Sql =>
  Prisma.raw(columns.map((c) => `${alias}."${c}" AS "${prefix}.${c}"`).join(", "));

const unprefixed = <T>(row: Record<string, unknown>, prefix: string, columns: readonly string[]): T =>
  Object.fromEntries(columns.map((c) => [c, row[`${prefix}.${c}`]])) as T;

const SECOND = 1000;
const secondOf = (at: Date): Date => new Date(Math.floor(at.getTime() / SECOND) * SECOND);

/** The keyset conditions of each branch, so each reads its own index from the cursor on. */
function pastCursor(read: PageRead<ConversationCursor>): { outbound: Prisma.Sql; inbound: Prisma.Sql } {
  const { cursor } = read;
  if (cursor === null) return { outbound: Prisma.empty, inbound: Prisma.empty };
  const forward = read.direction === "forward";
  const after = Prisma.raw(forward ? ">" : "<");
  const { at } = cursor;
  const second = secondOf(at);
  const nextSecond = new Date(second.getTime() + SECOND);
  if (cursor.direction === "OUTBOUND") {
    // Inbound entries of the cursor's second come after it.
    return {
      outbound: Prisma.sql`AND ("createdAt", "id") ${after} (${at}, ${cursor.id})`,
      inbound: forward ? Prisma.sql`AND "occurredAt" >= ${second}` : Prisma.sql`AND "occurredAt" < ${second}`,
    };
  }
  // Sent entries of the cursor's second come before it.
  return {
    outbound: forward ? Prisma.sql`AND "createdAt" >= ${nextSecond}` : Prisma.sql`AND "createdAt" < ${nextSecond}`,
    inbound: Prisma.sql`AND ("occurredAt", "id") ${after} (${at}, CAST(${cursor.id} AS bigint))`,
  };
}

/** The page's statement: each direction's next rows by its index, merged in the conversation's order, then the rows themselves. */
export function conversationStatement(businessId: string, customerId: string, read: PageRead<ConversationCursor>): Prisma.Sql {
  const order = Prisma.raw(read.direction === "forward" ? "ASC" : "DESC");
  const limit = read.size + 1;
  const past = pastCursor(read);
  return Prisma.sql`
    WITH page AS (
      (SELECT date_trunc('second', "createdAt") AS "sec", "createdAt" AS "at", 0 AS "dir", "id" AS "messageId", CAST(NULL AS bigint) AS "inboundId" FROM "Message"
        WHERE "businessId" = ${businessId} AND "recipientId" = ${customerId} ${past.outbound}
        ORDER BY "createdAt" ${order}, "id" ${order} LIMIT ${limit})
      UNION ALL
      (SELECT date_trunc('second', "occurredAt"), "occurredAt", 1, CAST(NULL AS text), "id" FROM "InboundMessage"
        WHERE "businessId" = ${businessId} AND "customerId" = ${customerId} ${past.inbound}
        ORDER BY "occurredAt" ${order}, "id" ${order} LIMIT ${limit})
      ORDER BY "sec" ${order}, "dir" ${order}, "at" ${order}, "messageId" ${order}, "inboundId" ${order}
      LIMIT ${limit}
    )
    SELECT page."at" AS "entry.at", page."dir" AS "entry.dir", ${prefixed("m", "m", MESSAGE_COLUMNS)}, ${prefixed("i", "i", INBOUND_COLUMNS)}
    FROM page
      LEFT JOIN "Message" m ON m."id" = page."messageId"
      LEFT JOIN "InboundMessage" i ON i."id" = page."inboundId"
    ORDER BY page."sec" ${order}, page."dir" ${order}, page."at" ${order}, page."messageId" ${order}, page."inboundId" ${order}`;
}

/** The count's statement: both directions, each by its index. */
export function conversationCountStatement(businessId: string, customerId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT CAST((SELECT count(*) FROM "Message" WHERE "businessId" = ${businessId} AND "recipientId" = ${customerId})
      + (SELECT count(*) FROM "InboundMessage" WHERE "businessId" = ${businessId} AND "customerId" = ${customerId}) AS integer) AS "count"`;
}

function entryOf(row: Record<string, unknown>): ConversationEntry {
  const at = row["entry.at"] as Date;
  if (Number(row["entry.dir"]) === 0) {
    const message = unprefixed<MessageRow>(row, "m", MESSAGE_COLUMNS);
    return { at, direction: "OUTBOUND", id: message.id, row: message };
  }
  const inbound = unprefixed<InboundMessageRow>(row, "i", INBOUND_COLUMNS);
  return { at, direction: "INBOUND", id: String(inbound.id), row: inbound };
}

export function createConversationStore(prisma: PrismaClient): ConversationStore {
  return {
    async page(businessId, customerId, read) {
      const rows = await prisma.$queryRaw<Record<string, unknown>[]>(conversationStatement(businessId, customerId, read));
      return rows.map(entryOf);
    },
    async count(businessId, customerId) {
      const [row] = await prisma.$queryRaw<{ count: number }[]>(conversationCountStatement(businessId, customerId));
      return row?.count ?? 0;
    },
  };
}
