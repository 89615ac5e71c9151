/**
 * The message table: rows are written PENDING before the upstream call and updated to ACCEPTED or
 * FAILED after it, so a crash in between leaves a visible PENDING row, never a silent loss.
 */
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { DeliveryStatus, FallbackReason, Message, MessageContentType, MessageStatus } from "./generated/prisma/client.js";
import type { DirectQuery } from "./database.js";
import type { ErrorCode } from "../domain/errors.js";

export type MessageRow = Message;

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
  /** Messages by Connectly id, whatever their business (GraphQL's messageByConnectlyId checks the caller's). */
  findByConnectlyIds(connectlyIds: readonly string[]): Promise<MessageRow[]>;
  /**
   * A page of a business's messages in the order newest first: forward, the older ones after the
   * cursor; backward, the newer ones before it, nearest the cursor first. One row more than the
   * size tells whether more follow.
   */
  list(filter: MessageListFilter, page: PageRead<MessageCursor>): Promise<MessageRow[]>;
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

/** Rows past the cursor in the read's direction: older ones reading forward (newest first), newer ones reading backward. */
const pastCursor = ({ direction, cursor }: PageRead<MessageCursor>): Prisma.MessageWhereInput | null => {
  if (cursor === null) return null;
  const op = direction === "forward" ? "lt" : "gt";
  return { OR: [{ createdAt: { [op]: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { [op]: cursor.id } }] };
};

/** A business's messages matching the filter. */
const listWhere = (filter: MessageListFilter): Prisma.MessageWhereInput => ({
  businessId: filter.businessId,
  ...(filter.recipientId != null && { recipientId: filter.recipientId }),
  ...(filter.campaignName != null && { campaignName: filter.campaignName }),
  ...(filter.status != null && { status: filter.status }),
  ...(filter.deliveryStatus != null && { deliveryStatus: filter.deliveryStatus }),
  ...((filter.createdAfter != null || filter.createdBefore != null) && {
    createdAt: { ...(filter.createdAfter != null && { gte: filter.createdAfter }), ...(filter.createdBefore != null && { lt: filter.createdBefore }) },
  }),
  ...(filter.updatedAfter != null && { updatedAt: { gte: filter.updatedAfter } }),
});

/** MessageStore.list: the filter and the keyset, ordered from the cursor outward. */
function listPage(prisma: PrismaClient, filter: MessageListFilter, page: PageRead<MessageCursor>): Promise<MessageRow[]> {
  const past = pastCursor(page);
  const order = page.direction === "forward" ? "desc" : "asc";
  return prisma.message.findMany({
    where: past ? { AND: [listWhere(filter), past] } : listWhere(filter),
    orderBy: [{ createdAt: order }, { id: order }],
    take: page.size + 1,
  });
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

const findByConnectlyIds = (prisma: PrismaClient, connectlyIds: readonly string[]): Promise<MessageRow[]> =>
  connectlyIds.length === 0 ? Promise.resolve([]) : prisma.message.findMany({ where: { connectlyId: { in: [...new Set(connectlyIds)] } } });

/** The list, its count and the lookup by the business's messageId. */
const reads = (prisma: PrismaClient): Pick<MessageStore, "list" | "count" | "findByMessageId"> => ({
  list: (filter, page) => listPage(prisma, filter, page),
  count: (filter) => prisma.message.count({ where: listWhere(filter) }),
  findByMessageId: (businessId, messageId) => prisma.message.findUnique({ where: { businessId_messageId: { businessId, messageId } } }),
});

/**
 * `direct`, when given (a real PostgreSQL), runs the writes of every send as named prepared
 * statements on the pool; otherwise (the embedded database) they go through Prisma's raw queries.
 */
export function createMessageStore(prisma: PrismaClient, direct?: DirectQuery): MessageStore {
  const hot = <T>(name: string, statement: Prisma.Sql): Promise<T[]> => (direct ? (direct(name, statement) as Promise<T[]>) : prisma.$queryRaw<T[]>(statement));
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
    findById: (id) => prisma.message.findUnique({ where: { id } }),
    findByIds: (ids) => (ids.length === 0 ? Promise.resolve([]) : prisma.message.findMany({ where: { id: { in: [...ids] } } })),
    findByConnectlyIds: (connectlyIds) => findByConnectlyIds(prisma, connectlyIds),
    ...reads(prisma),
    findStalePending: (before, limit) =>
      prisma.message.findMany({ where: { status: "PENDING", updatedAt: { lt: before } }, orderBy: { updatedAt: "asc" }, take: limit }),
    async claimStale(id, before) {
      const { count } = await prisma.message.updateMany({
        where: { id, status: "PENDING", updatedAt: { lt: before } },
        data: { lastAttemptError: "The gateway stopped while sending this message; recovering it.", attempts: { increment: 1 } },
      });
      return count === 1;
    },
  };
}
