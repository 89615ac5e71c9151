/**
 * The message table: rows are written PENDING before the upstream call and updated to ACCEPTED or
 * FAILED after it, so a crash in between leaves a visible PENDING row, never a silent loss.
 */
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { DeliveryStatus, FallbackReason, Message, MessageContentType, MessageStatus } from "./generated/prisma/client.js";
import type { DirectQuery } from "./database.js";
import type { ErrorCode } from "../domain/errors.js";
import { historyFromJson, historyJson, type StatusEventRow } from "./status-events.js";
import { hiddenArray } from "./sql.js";

export type MessageRow = Message;

/** A message read with its delivery-status events (oldest first), in one statement. */
export interface MessageWithHistory {
  readonly row: MessageRow;
  readonly history: StatusEventRow[];
  /** Whether the events carry their raw payloads (null where they were not read). */
  readonly raw: boolean;
}

/** What a read with histories reads of each event: raw payloads only when they are asked for. */
export interface HistoryRead {
  readonly raw: boolean;
}

export interface NewMessage {
  readonly id: string;
  readonly businessId: string;
  readonly messageId: string;
  readonly clientMessageId: boolean;
  readonly recipientId: string;
  readonly recipientUserId: string | null;
  readonly recipientName: string | null;
  readonly senderId: string | null;
  readonly senderName: string | null;
  readonly contentType: MessageContentType;
  readonly content: Prisma.InputJsonValue;
  readonly requestBody: Prisma.InputJsonValue;
  readonly callbackData: Prisma.InputJsonValue | null;
  readonly campaignName: string | null;
  readonly orderParentId: string | null;
  readonly orderStrategy: string | null;
  /** A session message's fallback template ({content, requestBody}), when it carries one. */
  readonly fallback: Prisma.InputJsonValue | null;
  /** Set when the fallback is to be sent instead (the gateway knew the window closed before any call). */
  readonly fallbackReason: FallbackReason | null;
  readonly fallbackMessage: string | null;
}

/** Why a PENDING session message is now to be sent as its fallback template. */
export interface FallbackRecord {
  readonly reason: FallbackReason;
  readonly message: string;
  /** Connectly's refusal of the session content, when it refused it. */
  readonly upstream: Prisma.InputJsonObject | null;
}

export interface FailureRecord {
  readonly code: ErrorCode;
  readonly message: string;
  readonly upstreamStatus: number | null;
  readonly attempts: number;
  /** FAILED, or UNCONFIRMED when Connectly may have the message after all. */
  readonly status: "FAILED" | "UNCONFIRMED";
}

export interface MessageListFilter {
  readonly businessId: string;
  readonly recipientId?: string | null;
  readonly campaignName?: string | null;
  readonly status?: MessageStatus | null;
  readonly deliveryStatus?: DeliveryStatus | null;
  readonly createdAfter?: Date | null;
  readonly createdBefore?: Date | null;
  readonly updatedAfter?: Date | null;
}

/** Where a page ends: the last message's creation time and id (messages are listed newest first). */
export interface MessageCursor {
  readonly createdAt: Date;
  readonly id: string;
}

/**
 * A keyset read of a connection: `size` rows (plus one, telling whether more follow) after the
 * cursor in the connection's order (forward), or before it (backward: read nearest first).
 */
export interface PageRead<C> {
  readonly direction: "forward" | "backward";
  readonly size: number;
  readonly cursor: C | null;
}

export type CreateResult = { readonly created: true; readonly row: MessageRow } | { readonly created: false; readonly existing: MessageRow };

export interface MessageStore {
  /**
   * Inserts a PENDING row with attempts 1 (its first call follows at once); when (businessId,
   * messageId) exists already, returns that row instead. `attempts` counts calls started.
   */
  createPending(message: NewMessage): Promise<CreateResult>;
  /** Moves a FAILED or UNCONFIRMED row back to PENDING (counting the call to come); null when someone else already did. */
  reopenFailed(id: string): Promise<MessageRow | null>;
  /**
   * Turns a PENDING session message (as this process holds it) into its fallback template: content
   * type TEMPLATE, why, and the call to come counted; returns the row as stored.
   */
  markFallback(row: MessageRow, fallback: FallbackRecord): Promise<MessageRow>;
  /** Records a failed attempt while retries go on. */
  recordAttempt(id: string, attempts: number, error: string): Promise<void>;
  /** Marks a PENDING row (as this process holds it) ACCEPTED; returns the row as stored. */
  markAccepted(row: MessageRow, connectlyId: string, upstreamStatus: number, attempts: number): Promise<MessageRow>;
  /** Marks a PENDING row (as this process holds it) FAILED or UNCONFIRMED; returns the row as stored. */
  markFailed(row: MessageRow, failure: FailureRecord): Promise<MessageRow>;
  findById(id: string): Promise<MessageRow | null>;
  findByIds(ids: readonly string[]): Promise<MessageRow[]>;
  /** The same, each with its delivery-status history. */
  findByIdsWithHistory(ids: readonly string[], history: HistoryRead): Promise<MessageWithHistory[]>;
  /** Messages by Connectly id, whatever their business (GraphQL's messageByConnectlyId checks the caller's). */
  findByConnectlyIds(connectlyIds: readonly string[]): Promise<MessageRow[]>;
  /**
   * A page of a business's messages in the order newest first: forward, the older ones after the
   * cursor; backward, the newer ones before it, nearest the cursor first. One row more than the
   * size tells whether more follow.
   */
  list(filter: MessageListFilter, page: PageRead<MessageCursor>): Promise<MessageRow[]>;
  /** The same page, each message with its delivery-status history. */
  listWithHistory(filter: MessageListFilter, page: PageRead<MessageCursor>, history: HistoryRead): Promise<MessageWithHistory[]>;
  /** How many messages match the filter. */
  count(filter: MessageListFilter): Promise<number>;
  /** A message by the id sent to Connectly as message.id, within its business. */
  findByMessageId(businessId: string, messageId: string): Promise<MessageRow | null>;
  /** PENDING rows untouched since `before`: candidates for crash recovery, oldest first. */
  findStalePending(before: Date, limit: number): Promise<MessageRow[]>;
  /** Claims a stale PENDING row for recovery (touching it, counting the call to come); false when another process claimed it first. */
  claimStale(id: string, before: Date): Promise<boolean>;
}

type DeliveryColumns = Pick<MessageRow, "deliveryStatus" | "deliveryStatusAt" | "deliveryErrorCode" | "deliveryErrorMessage">;

const insertPending = (message: NewMessage, now: Date): Prisma.Sql => Prisma.sql`
  INSERT INTO "Message" ("id", "businessId", "messageId", "clientMessageId", "status", "recipientId", "recipientUserId",
    "recipientName", "senderId", "senderName", "contentType", "content", "requestBody", "callbackData", "campaignName",
    "orderParentId", "orderStrategy", "fallback", "fallbackReason", "fallbackMessage", "attempts", "createdAt", "updatedAt")
  VALUES (${message.id}, ${message.businessId}, ${message.messageId}, ${message.clientMessageId}, 'PENDING', ${message.recipientId},
    ${message.recipientUserId}, ${message.recipientName}, ${message.senderId}, ${message.senderName},
    CAST(${message.contentType} AS "MessageContentType"), CAST(${JSON.stringify(message.content)} AS jsonb),
    CAST(${JSON.stringify(message.requestBody)} AS jsonb),
    CAST(${message.callbackData == null ? null : JSON.stringify(message.callbackData)} AS jsonb), ${message.campaignName},
    ${message.orderParentId}, ${message.orderStrategy}, CAST(${message.fallback == null ? null : JSON.stringify(message.fallback)} AS jsonb),
    CAST(${message.fallbackReason} AS "FallbackReason"), ${message.fallbackMessage}, 1, ${now}, ${now})
  ON CONFLICT ("businessId", "messageId") DO NOTHING
  RETURNING 1 AS "one"`;

/** The row insertPending wrote. */
const pendingRow = (message: NewMessage, now: Date): MessageRow => ({
  ...message,
  content: message.content as Prisma.JsonValue,
  requestBody: message.requestBody as Prisma.JsonValue,
  callbackData: message.callbackData as Prisma.JsonValue,
  fallback: message.fallback as Prisma.JsonValue,
  fallbackUpstream: null,
  connectlyId: null,
  status: "PENDING",
  errorCode: null,
  errorMessage: null,
  upstreamStatus: null,
  attempts: 1, // the first call follows at once: a crash mid-call must not read "never called"
  lastAttemptError: null,
  deliveryStatus: null,
  deliveryStatusAt: null,
  deliveryErrorCode: null,
  deliveryErrorMessage: null,
  createdAt: now,
  updatedAt: now,
});

/**
 * Delivery-status events can arrive before Connectly's answer does: the message starts from the
 * furthest status its business's webhooks already stored for its Connectly id (nothing, usually).
 */
const markAcceptedStatement = (row: MessageRow, connectlyId: string, upstreamStatus: number, attempts: number, updatedAt: Date): Prisma.Sql => Prisma.sql`
  UPDATE "Message" SET "status" = 'ACCEPTED', "connectlyId" = ${connectlyId}, "upstreamStatus" = ${upstreamStatus},
    "attempts" = ${attempts}, "errorCode" = NULL, "errorMessage" = NULL, "updatedAt" = ${updatedAt},
    ("deliveryStatus", "deliveryStatusAt", "deliveryErrorCode", "deliveryErrorMessage") = (
      SELECT e."status", e."occurredAt",
        CASE WHEN e."status" = 'FAILED' THEN COALESCE(e."errorCode", 'DELIVERY_FAILED') END,
        CASE WHEN e."status" = 'FAILED' THEN COALESCE(e."errorMessage", 'Connectly reported the message as not delivered.') END
      FROM (SELECT 1) AS one LEFT JOIN LATERAL (
        SELECT * FROM "MessageStatusEvent" WHERE "businessId" = ${row.businessId} AND "connectlyId" = ${connectlyId} ORDER BY "status" DESC, "occurredAt" DESC, "id" DESC LIMIT 1
      ) AS e ON true)
  WHERE "id" = ${row.id}
  RETURNING "deliveryStatus", "deliveryStatusAt", "deliveryErrorCode", "deliveryErrorMessage"`;

/**
 * The read statements, written out rather than built by Prisma's query compiler: on a read, the
 * compiler costs several times the round trip. Each statement's text depends only on which filters
 * are set, so a prepared statement's name is the shape's.
 */
const MESSAGE_COLUMNS = Prisma.raw('"Message".*');
const WITH_HISTORY = {
  raw: Prisma.sql`"Message".*, ${historyJson({ raw: true })} AS "statusHistory"`,
  events: Prisma.sql`"Message".*, ${historyJson({ raw: false })} AS "statusHistory"`,
};
const withHistoryColumns = (history: HistoryRead): Prisma.Sql => (history.raw ? WITH_HISTORY.raw : WITH_HISTORY.events);

/**
 * Splits a row read with WITH_HISTORY into the message and its events. The row is kept rather than
 * copied without the column (a rest copy of every column, per message of a page); the column's JSON is dropped.
 */
const withHistory =
  (history: HistoryRead) =>
  (read: MessageRow & { statusHistory: unknown }): MessageWithHistory => {
    const events = historyFromJson(read.statusHistory);
    read.statusHistory = undefined;
    return { row: read, history: events, raw: history.raw };
  };

/** A business's messages matching the filter, and the shape of the filter (which conditions are set). */
function listWhere(filter: MessageListFilter): { shape: string; where: Prisma.Sql } {
  const conditions = [Prisma.sql`"businessId" = ${filter.businessId}`];
  let shape = "";
  const when = (flag: string, set: boolean, condition: () => Prisma.Sql) => {
    if (!set) return;
    shape += flag;
    conditions.push(condition());
  };
  when("r", filter.recipientId != null, () => Prisma.sql`"recipientId" = ${filter.recipientId}`);
  when("c", filter.campaignName != null, () => Prisma.sql`"campaignName" = ${filter.campaignName}`);
  when("s", filter.status != null, () => Prisma.sql`"status" = CAST(${filter.status} AS "MessageStatus")`);
  when("d", filter.deliveryStatus != null, () => Prisma.sql`"deliveryStatus" = CAST(${filter.deliveryStatus} AS "DeliveryStatus")`);
  when("a", filter.createdAfter != null, () => Prisma.sql`"createdAt" >= CAST(${filter.createdAfter} AS timestamptz)`);
  when("b", filter.createdBefore != null, () => Prisma.sql`"createdAt" < CAST(${filter.createdBefore} AS timestamptz)`);
  when("u", filter.updatedAfter != null, () => Prisma.sql`"updatedAt" >= CAST(${filter.updatedAfter} AS timestamptz)`);
  return { shape, where: Prisma.join(conditions, " AND ") };
}

/** MessageStore.list: the filter and the keyset, ordered from the cursor outward (older ones forward, newer ones backward). */
export function listStatement(filter: MessageListFilter, page: PageRead<MessageCursor>, history: HistoryRead | null): { name: string; statement: Prisma.Sql } {
  const { shape, where } = listWhere(filter);
  const forward = page.direction === "forward";
  const order = Prisma.raw(forward ? "DESC" : "ASC");
  const past = page.cursor
    ? Prisma.sql` AND ("createdAt", "id") ${Prisma.raw(forward ? "<" : ">")} (CAST(${page.cursor.createdAt} AS timestamptz), ${page.cursor.id})`
    : Prisma.empty;
  return {
    name: `messages-page-${forward ? "f" : "b"}${page.cursor ? "c" : ""}${history ? (history.raw ? "h" : "e") : ""}-${shape}`,
    statement: Prisma.sql`SELECT ${history ? withHistoryColumns(history) : MESSAGE_COLUMNS} FROM "Message" WHERE ${where}${past} ORDER BY "createdAt" ${order}, "id" ${order} LIMIT ${page.size + 1}`,
  };
}

/** MessageStore.markFallback: the row becomes its template, counting the call to come. */
async function markFallback(prisma: PrismaClient, row: MessageRow, fallback: FallbackRecord): Promise<MessageRow> {
  const updatedAt = new Date();
  const attempts = row.attempts + 1;
  await prisma.message.update({
    where: { id: row.id },
    data: {
      contentType: "TEMPLATE",
      fallbackReason: fallback.reason,
      fallbackMessage: fallback.message,
      fallbackUpstream: fallback.upstream ?? Prisma.DbNull,
      attempts,
      updatedAt,
    },
  });
  return {
    ...row,
    contentType: "TEMPLATE",
    fallbackReason: fallback.reason,
    fallbackMessage: fallback.message,
    fallbackUpstream: fallback.upstream as Prisma.JsonValue,
    attempts,
    updatedAt,
  };
}

type Read = <T>(name: string, statement: Prisma.Sql) => Promise<T[]>;

/**
 * A condition on one of a message's keys, and its statement's name. One key is `= $1`: PostgreSQL's
 * generic plan of `= ANY($1)` assumes ten keys, so it planned that statement for every execution
 * (about 0.1 ms of a read by id). Several go through hiddenArray.
 */
function keyIn(column: "id" | "connectlyId", keys: readonly string[]): { name: string; condition: Prisma.Sql } | null {
  const by = column === "id" ? "id" : "connectly-id";
  const key = Prisma.raw(`"${column}"`);
  if (keys.length === 0) return null;
  if (keys.length === 1) return { name: `message-by-${by}`, condition: Prisma.sql`${key} = ${keys[0]}` };
  return { name: `messages-by-${by}s`, condition: Prisma.sql`${key} = ANY(CAST(${hiddenArray(keys)} AS text[]))` };
}

/** The reads: by ids, the list, its count and the lookup by the business's messageId. */
const reads = (
  read: Read,
): Pick<MessageStore, "findById" | "findByIds" | "findByIdsWithHistory" | "findByConnectlyIds" | "list" | "listWithHistory" | "count" | "findByMessageId"> => {
  const byKeys = (column: "id" | "connectlyId", keys: readonly string[]): Promise<MessageRow[]> => {
    const where = keyIn(column, keys);
    return where ? read<MessageRow>(where.name, Prisma.sql`SELECT ${MESSAGE_COLUMNS} FROM "Message" WHERE ${where.condition}`) : Promise.resolve([]);
  };
  return {
    findById: async (id) => (await byKeys("id", [id]))[0] ?? null,
    findByIds: (ids) => byKeys("id", ids),
    findByIdsWithHistory: async (ids, history) => {
      const where = keyIn("id", ids);
      if (!where) return [];
      const name = `${where.name}-with-${history.raw ? "history" : "events"}`;
      const rows = await read<MessageRow & { statusHistory: unknown }>(
        name,
        Prisma.sql`SELECT ${withHistoryColumns(history)} FROM "Message" WHERE ${where.condition}`,
      );
      return rows.map(withHistory(history));
    },
    findByConnectlyIds: (connectlyIds) => byKeys("connectlyId", [...new Set(connectlyIds)]),
    list: (filter, page) => {
      const { name, statement } = listStatement(filter, page, null);
      return read<MessageRow>(name, statement);
    },
    listWithHistory: async (filter, page, history) => {
      const { name, statement } = listStatement(filter, page, history);
      return (await read<MessageRow & { statusHistory: unknown }>(name, statement)).map(withHistory(history));
    },
    count: async (filter) => {
      const { shape, where } = listWhere(filter);
      const [row] = await read<{ n: number }>(`messages-count-${shape}`, Prisma.sql`SELECT CAST(count(*) AS int) AS n FROM "Message" WHERE ${where}`);
      return row?.n ?? 0;
    },
    findByMessageId: async (businessId, messageId) =>
      (
        await read<MessageRow>(
          "message-by-message-id",
          Prisma.sql`SELECT ${MESSAGE_COLUMNS} FROM "Message" WHERE "businessId" = ${businessId} AND "messageId" = ${messageId}`,
        )
      )[0] ?? null,
  };
};

/**
 * `direct`, when given (a real PostgreSQL), runs the writes of every send and the reads as named
 * prepared statements on the pool; otherwise (the embedded database) they go through Prisma's raw queries.
 */
export function createMessageStore(prisma: PrismaClient, direct?: DirectQuery): MessageStore {
  const hot: Read = <T>(name: string, statement: Prisma.Sql): Promise<T[]> =>
    direct ? (direct(name, statement) as Promise<T[]>) : prisma.$queryRaw<T[]>(statement);
  return {
    // The two writes of every send (PENDING before the call, the outcome after it) are single
    // statements built here: on this path Prisma's query compiler costs more than the round trip,
    // and a prepared statement on pg's pool saves more. The row returned is the row written.
    async createPending(message) {
      const now = new Date();
      const inserted = await hot<{ one: number }>("message-create-pending", insertPending(message, now));
      if (inserted.length === 1) return { created: true, row: pendingRow(message, now) };
      const existing = await prisma.message.findUnique({
        where: { businessId_messageId: { businessId: message.businessId, messageId: message.messageId } },
      });
      if (!existing) throw new Error(`message ${message.messageId} of ${message.businessId} conflicted but cannot be read`);
      return { created: false, existing };
    },
    async reopenFailed(id) {
      const { count } = await prisma.message.updateMany({
        where: { id, status: { in: ["FAILED", "UNCONFIRMED"] } },
        data: { status: "PENDING", errorCode: null, errorMessage: null, upstreamStatus: null, attempts: { increment: 1 } },
      });
      return count === 1 ? prisma.message.findUnique({ where: { id } }) : null;
    },
    markFallback: (row, fallback) => markFallback(prisma, row, fallback),
    async recordAttempt(id, attempts, error) {
      await prisma.message.update({ where: { id }, data: { attempts, lastAttemptError: error } });
    },
    async markAccepted(row, connectlyId, upstreamStatus, attempts) {
      const updatedAt = new Date();
      const [delivery] = await hot<DeliveryColumns>("message-mark-accepted", markAcceptedStatement(row, connectlyId, upstreamStatus, attempts, updatedAt));
      return {
        ...row,
        status: "ACCEPTED",
        connectlyId,
        upstreamStatus,
        attempts,
        errorCode: null,
        errorMessage: null,
        updatedAt,
        deliveryStatus: delivery?.deliveryStatus ?? null,
        deliveryStatusAt: delivery?.deliveryStatusAt ?? null,
        deliveryErrorCode: delivery?.deliveryErrorCode ?? null,
        deliveryErrorMessage: delivery?.deliveryErrorMessage ?? null,
      };
    },
    async markFailed(row, failure) {
      const updatedAt = new Date();
      const lastAttemptError = failure.attempts > 0 ? failure.message : row.lastAttemptError;
      await hot(
        "message-mark-failed",
        Prisma.sql`
        UPDATE "Message" SET "status" = CAST(${failure.status} AS "MessageStatus"), "errorCode" = ${failure.code},
          "errorMessage" = ${failure.message}, "upstreamStatus" = ${failure.upstreamStatus}, "attempts" = ${failure.attempts},
          "lastAttemptError" = ${lastAttemptError}, "updatedAt" = ${updatedAt}
        WHERE "id" = ${row.id}`,
      );
      return {
        ...row,
        status: failure.status,
        errorCode: failure.code,
        errorMessage: failure.message,
        upstreamStatus: failure.upstreamStatus,
        attempts: failure.attempts,
        lastAttemptError,
        updatedAt,
      };
    },
    ...reads(hot),
    // Written out, as the reads are: this runs at start-up and every minute, and through Prisma it
    // would load the query compiler into every idle gateway.
    findStalePending: (before, limit) =>
      hot<MessageRow>(
        "message-find-stale-pending",
        Prisma.sql`SELECT ${MESSAGE_COLUMNS} FROM "Message" WHERE "status" = 'PENDING' AND "updatedAt" < CAST(${before} AS timestamptz) ORDER BY "updatedAt" LIMIT ${limit}`,
      ),
    async claimStale(id, before) {
      const { count } = await prisma.message.updateMany({
        where: { id, status: "PENDING", updatedAt: { lt: before } },
        data: { lastAttemptError: "The gateway stopped while sending this message; recovering it.", attempts: { increment: 1 } },
      });
      return count === 1;
    },
  };
}
