/**
 * Delivery-status events and what they do to their message. Events are stored once per business
 * (the unique key (businessId, connectlyId, status, occurredAt) turns a redelivery into a no-op) and
 * joined to their message by (businessId, connectlyId), so an event that comes before the gateway
 * has stored Connectly's id attaches when it does, and only ever to a message of the business whose
 * webhook address took it (an event posted as another business changes nothing of this one's).
 * A message's deliveryStatus only moves forward in the order of meaning the database enum is
 * declared in (SENT < DELIVERED < FAILED < READ): the result is the same whatever order events
 * arrive in, and concurrent writers cannot move it back.
 */
import { hiddenArray } from "./sql.js";
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { DeliveryStatus, MessageStatusEvent } from "./generated/prisma/client.js";
import type { DirectQuery } from "./database.js";
import type { MessageRow } from "./messages.js";

export type StatusEventRow = MessageStatusEvent;

/** A message as webhooks name it: the business whose address took the event, and Connectly's id. */
export interface MessageKey {
  readonly businessId: string;
  readonly connectlyId: string;
}

/** A MessageKey as one string, for maps (business ids cannot hold NUL). */
export const messageKey = (key: MessageKey): string => `${key.businessId}\u0000${key.connectlyId}`;

export interface NewStatusEvent {
  readonly connectlyId: string;
  readonly status: DeliveryStatus;
  readonly occurredAt: Date;
  /** The business whose webhook address took the event (verified by its signature). */
  readonly businessId: string;
  readonly recipientId: string | null;
  readonly senderId: string | null;
  readonly errorCode: string | null;
  readonly errorType: string | null;
  readonly errorMessage: string | null;
  readonly callbackData: unknown;
  readonly campaignName: string | null;
  readonly raw: unknown;
}

/** An event stored by `apply`, and the message it belongs to when the gateway has it. */
export interface AppliedEvent {
  readonly event: StatusEventRow;
  /** The gateway's id of the event's message; null when no message has its Connectly id yet. */
  readonly messageId: string | null;
  readonly messageBusinessId: string | null;
}

export interface StatusEventStore {
  /**
   * Stores events, skipping those already stored, and moves their messages forward: one statement
   * (one round trip, one commit) whatever the number of events. Returns the events stored by this
   * call (redeliveries left out), in the order given.
   */
  apply(events: readonly NewStatusEvent[]): Promise<AppliedEvent[]>;
  /**
   * Moves each message of one of these (business, Connectly id) pairs to the furthest status that
   * business's stored events show, when that is further than where it stands; returns the gateway
   * ids of the messages that moved.
   */
  advance(keys: readonly MessageKey[]): Promise<string[]>;
  /** Messages by (business, Connectly id): a message of another business with that id is not one. */
  messagesByConnectlyId(keys: readonly MessageKey[]): Promise<MessageRow[]>;
  /** Every stored event of these (business, Connectly id) pairs, in the order they happened. */
  historyOf(keys: readonly MessageKey[]): Promise<StatusEventRow[]>;
  eventsById(ids: readonly bigint[]): Promise<StatusEventRow[]>;
}

/** What moving a message to `best` (its furthest event) sets. */
const ADVANCE_SET = Prisma.sql`
  "deliveryStatus" = best."status",
  "deliveryStatusAt" = best."occurredAt",
  "deliveryErrorCode" = CASE WHEN best."status" = 'FAILED' THEN COALESCE(best."errorCode", 'DELIVERY_FAILED') END,
  "deliveryErrorMessage" = CASE WHEN best."status" = 'FAILED' THEN COALESCE(best."errorMessage", 'Connectly reported the message as not delivered.') END,
  "updatedAt" = now()`;

/**
 * Whether `best` is further than where message m stands: a later status in the order of meaning,
 * or the same status reported later. Concurrent writers each compare against the row as committed
 * (PostgreSQL re-checks an UPDATE's condition on the newest row version), so the furthest wins.
 */
const IS_FURTHER = Prisma.sql`(m."deliveryStatus" IS NULL OR m."deliveryStatus" < best."status"
  OR (m."deliveryStatus" = best."status" AND m."deliveryStatusAt" < best."occurredAt"))`;

const jsonText = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** A row of the apply statement: an event it stored, and its message if the gateway has it. */
interface AppliedRow {
  id: bigint;
  businessId: string;
  connectlyId: string;
  status: DeliveryStatus;
  occurredAt: Date;
  receivedAt: Date;
  messageId: string | null;
  messageBusinessId: string | null;
}

/**
 * One statement that stores events (insert through unnest: a fixed number of parameters whatever
 * the batch size) and moves their messages forward. The furthest status of each message is the
 * furthest of its earlier events (read through the unique index, one row per message) and of the
 * new ones, which the statement's own snapshot cannot see. Each array is read through a scalar
 * subquery (hiddenArray) so that the planner estimates the same rows whatever the batch's size:
 * PostgreSQL then keeps one generic plan of the prepared statement rather than planning each batch
 * anew (a custom plan of this statement costs more to plan than to run).
 */
function applyStatement(events: readonly NewStatusEvent[]): Prisma.Sql {
  const column = (pick: (e: NewStatusEvent) => string | null) => hiddenArray(events.map(pick));
  const occurredAt = hiddenArray(
    events.map((e) => e.occurredAt.toISOString()),
    "timestamptz[]",
  );
  return Prisma.sql`
        WITH ins AS (
          INSERT INTO "MessageStatusEvent" ("connectlyId", "status", "occurredAt", "businessId", "recipientId", "senderId",
            "errorCode", "errorType", "errorMessage", "callbackData", "campaignName", "raw", "receivedAt")
          SELECT e.cid, CAST(e.st AS "DeliveryStatus"), e.at, e.bid, e.rid, e.sid, e.ecode, e.etype, e.emsg,
            CAST(e.cb AS jsonb), e.camp, CAST(e.raw AS jsonb), now()
          FROM unnest(
            ${column((e) => e.connectlyId)}, ${column((e) => e.status)}, ${occurredAt}, ${column((e) => e.businessId)},
            ${column((e) => e.recipientId)}, ${column((e) => e.senderId)},
            ${column((e) => e.errorCode)}, ${column((e) => e.errorType)},
            ${column((e) => e.errorMessage)}, ${column((e) => jsonText(e.callbackData))},
            ${column((e) => e.campaignName)}, ${column((e) => JSON.stringify(e.raw))}
          ) AS e(cid, st, at, bid, rid, sid, ecode, etype, emsg, cb, camp, raw)
          ON CONFLICT ("businessId", "connectlyId", "status", "occurredAt") DO NOTHING
          RETURNING "id", "businessId", "connectlyId", "status", "occurredAt", "errorCode", "errorMessage", "receivedAt"
        ),
        candidates AS (
          SELECT ids.bid, ids.cid, prior."status", prior."occurredAt", prior."errorCode", prior."errorMessage"
          FROM (SELECT DISTINCT "businessId" AS bid, "connectlyId" AS cid FROM ins) AS ids
          CROSS JOIN LATERAL (
            SELECT p."status", p."occurredAt", p."errorCode", p."errorMessage" FROM "MessageStatusEvent" AS p
            WHERE p."businessId" = ids.bid AND p."connectlyId" = ids.cid ORDER BY p."status" DESC, p."occurredAt" DESC LIMIT 1
          ) AS prior
          UNION ALL
          SELECT "businessId", "connectlyId", "status", "occurredAt", "errorCode", "errorMessage" FROM ins
        ),
        best AS (
          SELECT DISTINCT ON (bid, cid) bid, cid, "status", "occurredAt", "errorCode", "errorMessage"
          FROM candidates ORDER BY bid, cid, "status" DESC, "occurredAt" DESC
        ),
        moved AS (
          UPDATE "Message" AS m SET ${ADVANCE_SET}
          FROM best
          WHERE m."businessId" = best.bid AND m."connectlyId" = best.cid AND ${IS_FURTHER}
          RETURNING m."id"
        )
        SELECT ins."id", ins."businessId", ins."connectlyId", ins."status", ins."occurredAt", ins."receivedAt",
          msg."id" AS "messageId", msg."businessId" AS "messageBusinessId"
        FROM ins LEFT JOIN "Message" AS msg ON msg."businessId" = ins."businessId" AND msg."connectlyId" = ins."connectlyId"`;
}

/** The stored events in the order given (RETURNING does not keep it), filled in from what the caller already has. */
function matchApplied(events: readonly NewStatusEvent[], rows: readonly AppliedRow[]): AppliedEvent[] {
  const key = (e: MessageKey & { status: string; occurredAt: Date }) => `${messageKey(e)}|${e.status}|${e.occurredAt.getTime()}`;
  const byKey = new Map(rows.map((row) => [key(row), row]));
  const stored: AppliedEvent[] = [];
  for (const e of events) {
    const row = byKey.get(key(e));
    if (!row) continue;
    byKey.delete(key(e));
    stored.push({
      event: {
        id: row.id,
        connectlyId: e.connectlyId,
        status: e.status,
        occurredAt: row.occurredAt,
        businessId: e.businessId,
        recipientId: e.recipientId,
        senderId: e.senderId,
        errorCode: e.errorCode,
        errorType: e.errorType,
        errorMessage: e.errorMessage,
        callbackData: e.callbackData ?? null,
        campaignName: e.campaignName,
        raw: e.raw as Prisma.JsonValue,
        receivedAt: row.receivedAt,
      },
      messageId: row.messageId,
      messageBusinessId: row.messageBusinessId,
    });
  }
  return stored;
}

const distinctKeys = (keys: readonly MessageKey[]): MessageKey[] => [...new Map(keys.map((k) => [messageKey(k), k])).values()];

/** A filter matching exactly these pairs: one `connectlyId IN (...)` per business (a page is usually one business). */
function byBusiness(keys: readonly MessageKey[]): { businessId: string; connectlyId: { in: string[] } }[] {
  const ids = new Map<string, Set<string>>();
  for (const k of keys) ids.set(k.businessId, (ids.get(k.businessId) ?? new Set()).add(k.connectlyId));
  return [...ids].map(([businessId, connectlyIds]) => ({ businessId, connectlyId: { in: [...connectlyIds] } }));
}

/** pg's rows of the apply statement (bigint ids come as text). */
const appliedRowOf = (row: Record<string, unknown>): AppliedRow => ({
  id: BigInt(row.id as string),
  businessId: row.businessId as string,
  connectlyId: row.connectlyId as string,
  status: row.status as DeliveryStatus,
  occurredAt: row.occurredAt as Date,
  receivedAt: row.receivedAt as Date,
  messageId: row.messageId as string | null,
  messageBusinessId: row.messageBusinessId as string | null,
});

/**
 * A message's events as one JSON array in the history's order, for a read of messages that answers
 * their histories in the same statement (`"Message"` is the outer row). The id goes as text: JSON
 * numbers cannot hold every bigint. Each event's raw payload is most of the array's bytes (a page of
 * 50 with histories: 125 KB with it, 89 KB without), so it is read only when asked for.
 */
export const historyJson = (options: { readonly raw: boolean }): Prisma.Sql => Prisma.sql`(
  SELECT json_agg(json_build_object('id', CAST(e."id" AS text), 'connectlyId', e."connectlyId", 'status', e."status",
    'occurredAt', e."occurredAt", 'businessId', e."businessId", 'recipientId', e."recipientId", 'senderId', e."senderId",
    'errorCode', e."errorCode", 'errorType', e."errorType", 'errorMessage', e."errorMessage", 'callbackData', e."callbackData",
    'campaignName', e."campaignName", ${options.raw ? Prisma.raw(`'raw', e."raw", `) : Prisma.empty}'receivedAt', e."receivedAt")
    ORDER BY e."occurredAt", e."status", e."id")
  FROM "MessageStatusEvent" AS e WHERE e."businessId" = "Message"."businessId" AND e."connectlyId" = "Message"."connectlyId")`;

type HistoryJson = Omit<StatusEventRow, "id" | "occurredAt" | "receivedAt" | "raw"> & {
  id: string;
  occurredAt: string;
  receivedAt: string;
  raw?: StatusEventRow["raw"];
};

/**
 * An event of a historyJson value. Its id and instants are converted when first read: a page of 50
 * with histories builds some 150 of these and answers few of their fields (docs/benchmarks.md).
 */
class HistoryEvent implements StatusEventRow {
  readonly connectlyId: StatusEventRow["connectlyId"];
  readonly status: StatusEventRow["status"];
  readonly businessId: StatusEventRow["businessId"];
  readonly recipientId: StatusEventRow["recipientId"];
  readonly senderId: StatusEventRow["senderId"];
  readonly errorCode: StatusEventRow["errorCode"];
  readonly errorType: StatusEventRow["errorType"];
  readonly errorMessage: StatusEventRow["errorMessage"];
  readonly callbackData: StatusEventRow["callbackData"];
  readonly campaignName: StatusEventRow["campaignName"];
  readonly raw: StatusEventRow["raw"];
  readonly #json: HistoryJson;
  #id: bigint | undefined;
  #occurredAt: Date | undefined;
  #receivedAt: Date | undefined;

  constructor(e: HistoryJson) {
    this.#json = e;
    this.connectlyId = e.connectlyId;
    this.status = e.status;
    this.businessId = e.businessId;
    this.recipientId = e.recipientId;
    this.senderId = e.senderId;
    this.errorCode = e.errorCode;
    this.errorType = e.errorType;
    this.errorMessage = e.errorMessage;
    this.callbackData = e.callbackData;
    this.campaignName = e.campaignName;
    this.raw = e.raw ?? null;
  }
  get id(): bigint {
    return (this.#id ??= BigInt(this.#json.id));
  }
  get occurredAt(): Date {
    return (this.#occurredAt ??= new Date(this.#json.occurredAt));
  }
  get receivedAt(): Date {
    return (this.#receivedAt ??= new Date(this.#json.receivedAt));
  }
}

/** The rows of a historyJson value (parsed by the driver, or still text); raw is null where it was not read. */
export function historyFromJson(value: unknown): StatusEventRow[] {
  const events = (typeof value === "string" ? JSON.parse(value) : value) as HistoryJson[] | null;
  return events ? events.map((e) => new HistoryEvent(e)) : [];
}

/** Every event of these pairs: by Connectly's time; events of the same second in order of meaning, then as stored. */
const historyStatement = (keys: readonly MessageKey[]): Prisma.Sql => Prisma.sql`
  SELECT e.* FROM "MessageStatusEvent" AS e
  JOIN unnest(${hiddenArray(keys.map((k) => k.businessId))}, ${hiddenArray(keys.map((k) => k.connectlyId))}) AS k(bid, cid)
    ON e."businessId" = k.bid AND e."connectlyId" = k.cid
  ORDER BY e."occurredAt", e."status", e."id"`;

/**
 * `direct`, when given, runs the webhook hot path (apply) straight on the real PostgreSQL's pool as
 * a named prepared statement: parsed and planned once per connection instead of once per batch.
 */
export function createStatusEventStore(prisma: PrismaClient, direct?: DirectQuery): StatusEventStore {
  return {
    async apply(events) {
      if (events.length === 0) return [];
      const statement = applyStatement(events);
      const rows = direct ? (await direct("apply-status-events", statement)).map(appliedRowOf) : await prisma.$queryRaw<AppliedRow[]>(statement);
      return matchApplied(events, rows);
    },

    async advance(keys) {
      if (keys.length === 0) return [];
      const unique = distinctKeys(keys);
      const moved = await prisma.$queryRaw<{ id: string }[]>`
        WITH best AS (
          SELECT ids.bid, ids.cid, e."status", e."occurredAt", e."errorCode", e."errorMessage"
          FROM unnest(CAST(${unique.map((k) => k.businessId)} AS text[]), CAST(${unique.map((k) => k.connectlyId)} AS text[])) AS ids(bid, cid)
          CROSS JOIN LATERAL (
            SELECT p."status", p."occurredAt", p."errorCode", p."errorMessage" FROM "MessageStatusEvent" AS p
            WHERE p."businessId" = ids.bid AND p."connectlyId" = ids.cid ORDER BY p."status" DESC, p."occurredAt" DESC LIMIT 1
          ) AS e
        )
        UPDATE "Message" AS m SET ${ADVANCE_SET}
        FROM best
        WHERE m."businessId" = best.bid AND m."connectlyId" = best.cid AND ${IS_FURTHER}
        RETURNING m."id"`;
      return moved.map((m) => m.id);
    },

    messagesByConnectlyId: (keys) => (keys.length === 0 ? Promise.resolve([]) : prisma.message.findMany({ where: { OR: byBusiness(keys) } })),

    async historyOf(keys) {
      if (keys.length === 0) return [];
      const statement = historyStatement(distinctKeys(keys));
      // pg reads a bigint as text; Prisma's row has a bigint.
      return direct
        ? (await direct("status-history", statement)).map((row) => ({ ...(row as StatusEventRow), id: BigInt(row.id as string) }))
        : prisma.$queryRaw<StatusEventRow[]>(statement);
    },

    eventsById: (ids) => (ids.length === 0 ? Promise.resolve([]) : prisma.messageStatusEvent.findMany({ where: { id: { in: [...ids] } } })),
  };
}
