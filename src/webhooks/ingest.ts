/**
 * What the gateway does with a verified webhook body: parse it, store it exactly once, move the
 * message's status forward, open the customer's session window, publish the change. A body that is
 * not an event is kept for inspection and refused with the reason.
 *
 * Delivery-status events that arrive together are written together (one insert, one status
 * update, one read-back per batch): a burst of webhooks costs a few round trips, not a few per event.
 * Each request is answered only once its batch is committed.
 */
import { createHash } from "node:crypto";
import type { CustomerStore } from "../persistence/customers.js";
import type { MessageRow, MessageStore } from "../persistence/messages.js";
import type { RejectedWebhookStore } from "../persistence/rejected-webhooks.js";
import type { NewStatusEvent, StatusEventRow, StatusEventStore } from "../persistence/status-events.js";
import type { StatusChange } from "../pubsub/pubsub.js";
import { parseWebhookEvent, type StatusEvent } from "./events.js";

export type IngestOutcome =
  | { readonly status: 200; readonly topic: "delivery_status" | "messages"; readonly duplicate: boolean }
  | { readonly status: 400; readonly code: "MALFORMED_EVENT" | "UNRECOGNISED_EVENT"; readonly reason: string };

export interface IngestDeps {
  readonly statusEvents: StatusEventStore;
  readonly messages: Pick<MessageStore, "findById">;
  readonly customers: CustomerStore;
  readonly rejected: RejectedWebhookStore;
  readonly publish: (changes: readonly StatusChange[]) => void;
  readonly onError: (error: unknown) => void;
  /** Most events written in one statement. */
  readonly maxBatch?: number;
  /** Batches written at the same time (each holds a database connection). */
  readonly maxConcurrentBatches?: number;
  /**
   * When to look again for the message of an event that came before it (ms after the event): the
   * send may still be committing. Messages sent elsewhere are never found; that is fine.
   */
  readonly reattachAfterMs?: readonly number[];
}

export interface Ingest {
  /** Handles one verified body; `businessId` is the business the webhook address names, if any. */
  ingest(body: Buffer, businessId: string | null, contentType: string | null): Promise<IngestOutcome>;
  /** Looks again now for the messages of events that came before them (also done on a timer). */
  reattach(): Promise<void>;
  close(): Promise<void>;
}

interface Waiting {
  readonly event: NewStatusEvent;
  readonly resolve: (stored: boolean) => void;
  readonly reject: (error: unknown) => void;
}

export function toNewStatusEvent(event: StatusEvent, businessId: string | null, raw: unknown): NewStatusEvent {
  return {
    connectlyId: event.connectlyId,
    status: event.status,
    occurredAt: event.occurredAt,
    businessId,
    recipientId: event.recipientId,
    senderId: event.senderId,
    errorCode: event.error?.code ?? null,
    errorType: event.error?.type ?? null,
    errorMessage: event.error?.message ?? null,
    callbackData: event.callbackData,
    campaignName: event.campaignName,
    raw,
  };
}

/** Changes to publish for the events a batch stored: one per event whose message is known. */
export function changesFor(inserted: readonly StatusEventRow[], messages: readonly MessageRow[]): StatusChange[] {
  const byConnectlyId = new Map(messages.map((m) => [m.connectlyId, m]));
  const changes: StatusChange[] = [];
  for (const event of inserted) {
    const message = byConnectlyId.get(event.connectlyId);
    if (message) changes.push({ message, event });
  }
  return changes;
}

export function createIngest(deps: IngestDeps): Ingest {
  const maxBatch = deps.maxBatch ?? 500;
  const maxConcurrent = deps.maxConcurrentBatches ?? 4;
  const reattachAfter = deps.reattachAfterMs ?? [1_000, 10_000];
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;
  const running = new Set<Promise<void>>();
  /** Connectly ids of events stored before their message, with when to look again. */
  const unattached = new Map<string, number[]>();
  let closed = false;

  const writeBatch = async (batch: Waiting[]) => {
    try {
      const { inserted } = await deps.statusEvents.record(batch.map((w) => w.event));
      const stored = new Set(inserted.map((e) => `${e.connectlyId}|${e.status}|${e.occurredAt.getTime()}`));
      if (inserted.length > 0) {
        const ids = [...new Set(inserted.map((e) => e.connectlyId))];
        await deps.statusEvents.advance(ids);
        const messages = await deps.statusEvents.messagesByConnectlyId(ids);
        const known = new Set(messages.map((m) => m.connectlyId));
        for (const id of ids) if (!known.has(id)) scheduleReattach(id);
        deps.publish(changesFor(inserted, messages));
      }
      for (const w of batch) {
        const key = `${w.event.connectlyId}|${w.event.status}|${w.event.occurredAt.getTime()}`;
        // The first of equal events in a batch is the one stored; the others are duplicates.
        w.resolve(stored.delete(key));
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };

  const pump = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < maxConcurrent) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      const run = writeBatch(batch).finally(() => {
        inFlight--;
        running.delete(run);
        if (queue.length > 0) schedule();
      });
      running.add(run);
    }
  };
  // Requests that arrive in the same turn of the event loop share a batch.
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(pump);
    }
  };

  const recordStatus = (event: NewStatusEvent) =>
    new Promise<boolean>((resolve, reject) => {
      queue.push({ event, resolve, reject });
      schedule();
    });

  // One timer looks again, in one batch, for every event whose time has come.
  let sweeper: NodeJS.Timeout | undefined;
  function scheduleReattach(connectlyId: string) {
    if (closed || unattached.has(connectlyId)) return;
    const now = Date.now();
    unattached.set(connectlyId, reattachAfter.map((ms) => now + ms));
    sweeper ??= setInterval(sweep, Math.max(50, Math.min(...reattachAfter, 500)));
    sweeper.unref();
  }
  function sweep() {
    const now = Date.now();
    const due: string[] = [];
    for (const [id, times] of unattached) {
      if (times[0]! <= now) {
        due.push(id);
        times.shift();
        if (times.length === 0) unattached.delete(id);
      }
    }
    if (unattached.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
    for (let i = 0; i < due.length; i += 1000) {
      const run = reattachIds(due.slice(i, i + 1000));
      running.add(run);
      void run.finally(() => running.delete(run));
    }
  }

  /** Applies stored events to messages that appeared after them, and publishes what moved. */
  async function reattachIds(ids: readonly string[]) {
    try {
      const moved = await deps.statusEvents.advance(ids);
      if (moved.length === 0) return;
      const messages = await deps.statusEvents.messagesByConnectlyId(ids);
      for (const m of messages) if (m.connectlyId) unattached.delete(m.connectlyId);
      const movedSet = new Set(moved);
      deps.publish(messages.filter((m) => movedSet.has(m.id)).map((message) => ({ message, event: null })));
    } catch (error) {
      deps.onError(error);
    }
  }

  return {
    async ingest(body, businessId, contentType) {
      const reject = async (code: "MALFORMED_EVENT" | "UNRECOGNISED_EVENT", reason: string): Promise<IngestOutcome> => {
        await deps.rejected.record({ reason, body: body.toString("utf8"), contentType, businessId });
        return { status: 400, code, reason };
      };
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8").replace(/^\uFEFF/, ""));
      } catch {
        return reject("MALFORMED_EVENT", "the body is not JSON");
      }
      const parsed = parseWebhookEvent(json);
      if (!parsed.ok) return reject(parsed.reason.startsWith("malformed") ? "MALFORMED_EVENT" : "UNRECOGNISED_EVENT", parsed.reason);
      const { event } = parsed;
      if (event.topic === "delivery_status") {
        const stored = await recordStatus(toNewStatusEvent(event, businessId, json));
        return { status: 200, topic: event.topic, duplicate: !stored };
      }
      const stored = await deps.customers.recordInbound({
        bodyHash: createHash("sha256").update(body).digest("hex"),
        businessId,
        businessNumber: event.businessNumber,
        customerId: event.customerId,
        customerName: event.customerName,
        text: event.text,
        replyToConnectlyId: event.replyToConnectlyId,
        callbackData: event.callbackData,
        occurredAt: event.occurredAt,
        raw: json,
      });
      return { status: 200, topic: event.topic, duplicate: !stored };
    },
    reattach: () => reattachIds([...unattached.keys()]),
    async close() {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      unattached.clear();
      while (queue.length > 0 || running.size > 0) {
        if (queue.length > 0) pump();
        await Promise.allSettled([...running]);
      }
    },
  };
}
