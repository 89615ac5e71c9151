/**
 * Delivery-status events and what they do to their message. Events are stored once (the unique key
 * (connectlyId, status, occurredAt) turns a redelivery into a no-op) and joined to their message by
 * connectlyId, so an event that comes before the gateway has stored Connectly's id attaches when it
 * does. A message's deliveryStatus only moves forward in the order of meaning the database enum is
 * declared in (SENT < DELIVERED < FAILED < READ): the result is the same whatever order events
 * arrive in, and concurrent writers cannot move it back.
 */
import type { PrismaClient } from "./generated/prisma/client.js";
import type { DeliveryStatus, MessageStatusEvent } from "./generated/prisma/client.js";
import type { MessageRow } from "./messages.js";

export type StatusEventRow = MessageStatusEvent;

export interface NewStatusEvent {
  readonly connectlyId: string;
  readonly status: DeliveryStatus;
  readonly occurredAt: Date;
  readonly businessId: string | null;
  readonly recipientId: string | null;
  readonly senderId: string | null;
  readonly errorCode: string | null;
  readonly errorType: string | null;
  readonly errorMessage: string | null;
  readonly callbackData: unknown;
  readonly campaignName: string | null;
  readonly raw: unknown;
}

export interface RecordResult {
  /** The events stored by this call (redeliveries left out), in the order given. */
  readonly inserted: StatusEventRow[];
  /** How many of the events given were already stored. */
  readonly duplicates: number;
}

export interface StatusEventStore {
  /** Stores events (one statement), skipping those already stored. */
  record(events: readonly NewStatusEvent[]): Promise<RecordResult>;
  /**
   * Moves each message with one of these Connectly ids to the furthest status its stored events
   * show, when that is further than where it stands; returns the gateway ids of the messages that moved.
   */
  advance(connectlyIds: readonly string[]): Promise<string[]>;
  /** Messages by Connectly id. */
  messagesByConnectlyId(connectlyIds: readonly string[]): Promise<MessageRow[]>;
  /** Every stored event of these Connectly ids, in the order they happened. */
  historyOf(connectlyIds: readonly string[]): Promise<StatusEventRow[]>;
  eventsById(ids: readonly bigint[]): Promise<StatusEventRow[]>;
}

const jsonText = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

export function createStatusEventStore(prisma: PrismaClient): StatusEventStore {
  return {
    async record(events) {
      if (events.length === 0) return { inserted: [], duplicates: 0 };
      const column = <T>(pick: (e: NewStatusEvent) => T) => events.map(pick);
      // One multi-row insert through unnest: a fixed number of parameters whatever the batch size.
      const inserted = await prisma.$queryRaw<StatusEventRow[]>`
        INSERT INTO "MessageStatusEvent" ("connectlyId", "status", "occurredAt", "businessId", "recipientId", "senderId",
          "errorCode", "errorType", "errorMessage", "callbackData", "campaignName", "raw", "receivedAt")
        SELECT e.cid, CAST(e.st AS "DeliveryStatus"), e.at, e.bid, e.rid, e.sid, e.ecode, e.etype, e.emsg,
          CAST(e.cb AS jsonb), e.camp, CAST(e.raw AS jsonb), now()
        FROM unnest(
          CAST(${column((e) => e.connectlyId)} AS text[]), CAST(${column((e) => e.status)} AS text[]),
          CAST(${column((e) => e.occurredAt.toISOString())} AS timestamptz[]), CAST(${column((e) => e.businessId)} AS text[]),
          CAST(${column((e) => e.recipientId)} AS text[]), CAST(${column((e) => e.senderId)} AS text[]),
          CAST(${column((e) => e.errorCode)} AS text[]), CAST(${column((e) => e.errorType)} AS text[]),
          CAST(${column((e) => e.errorMessage)} AS text[]), CAST(${column((e) => jsonText(e.callbackData))} AS text[]),
          CAST(${column((e) => e.campaignName)} AS text[]), CAST(${column((e) => JSON.stringify(e.raw))} AS text[])
        ) AS e(cid, st, at, bid, rid, sid, ecode, etype, emsg, cb, camp, raw)
        ON CONFLICT ("connectlyId", "status", "occurredAt") DO NOTHING
        RETURNING *`;
      // RETURNING does not keep the input order: put it back.
      const key = (e: { connectlyId: string; status: string; occurredAt: Date }) => `${e.connectlyId}|${e.status}|${e.occurredAt.getTime()}`;
      const byKey = new Map(inserted.map((row) => [key(row), row]));
      const ordered: StatusEventRow[] = [];
      for (const e of events) {
        const row = byKey.get(key(e));
        if (row) {
          ordered.push(row);
          byKey.delete(key(e));
        }
      }
      return { inserted: ordered, duplicates: events.length - ordered.length };
    },

    async advance(connectlyIds) {
      if (connectlyIds.length === 0) return [];
      const ids = [...new Set(connectlyIds)];
      const moved = await prisma.$queryRaw<{ id: string }[]>`
        WITH best AS (
          SELECT DISTINCT ON ("connectlyId") "connectlyId", "status", "occurredAt", "errorCode", "errorMessage"
          FROM "MessageStatusEvent"
          WHERE "connectlyId" = ANY(CAST(${ids} AS text[]))
          ORDER BY "connectlyId", "status" DESC, "occurredAt" DESC, "id" DESC
        )
        UPDATE "Message" AS m SET
          "deliveryStatus" = best."status",
          "deliveryStatusAt" = best."occurredAt",
          "deliveryErrorCode" = CASE WHEN best."status" = 'FAILED' THEN COALESCE(best."errorCode", 'DELIVERY_FAILED') END,
          "deliveryErrorMessage" = CASE WHEN best."status" = 'FAILED' THEN COALESCE(best."errorMessage", 'Connectly reported the message as not delivered.') END,
          "updatedAt" = now()
        FROM best
        WHERE m."connectlyId" = best."connectlyId" AND (m."deliveryStatus" IS NULL OR m."deliveryStatus" < best."status")
        RETURNING m."id"`;
      return moved.map((m) => m.id);
    },

    messagesByConnectlyId: (connectlyIds) =>
      connectlyIds.length === 0 ? Promise.resolve([]) : prisma.message.findMany({ where: { connectlyId: { in: [...new Set(connectlyIds)] } } }),

    historyOf: (connectlyIds) =>
      connectlyIds.length === 0
        ? Promise.resolve([])
        : prisma.messageStatusEvent.findMany({
            where: { connectlyId: { in: [...new Set(connectlyIds)] } },
            // By Connectly's time; events of the same second in order of meaning, then as stored.
            orderBy: [{ occurredAt: "asc" }, { status: "asc" }, { id: "asc" }],
          }),

    eventsById: (ids) => (ids.length === 0 ? Promise.resolve([]) : prisma.messageStatusEvent.findMany({ where: { id: { in: [...ids] } } })),
  };
}

