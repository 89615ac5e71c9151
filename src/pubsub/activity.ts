/**
 * Customer activity, published once and delivered to every subscriber of every gateway process:
 * an inbound message stored (which opened or renewed the customer's window), or a window that
 * closed because 24 hours passed without one.
 *
 * As for status changes (pubsub.ts), other processes hear of an activity through a transport on a
 * channel of its own, carrying ids only, and read the inbound row back once per process. A window
 * closed by time is pushed by each process to its own subscribers (each keeps its own timers, see
 * window-closings.ts); a window Connectly said is closed is published like an inbound message.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { InboundMessageRow } from "../persistence/inbound-messages.js";
import type { Transport } from "./pubsub.js";
import { createOutbox, packNotices } from "./outbox.js";
import { subscribe, SubscriberTooSlowError } from "./subscription.js";
import { createWindowClosings, type WindowClock } from "./window-closings.js";

export type CustomerActivityKind = "INBOUND_MESSAGE" | "WINDOW_CLOSED";

export interface CustomerActivity {
  readonly kind: CustomerActivityKind;
  readonly businessId: string;
  readonly customerId: string;
  /** The message stored, for INBOUND_MESSAGE; null for WINDOW_CLOSED. */
  readonly inbound: InboundMessageRow | null;
}

/** What a subscriber listens to: a business's customers, or one of them. */
export interface ActivityTopic {
  readonly businessId: string;
  readonly customerId: string | null;
}

export interface ActivityPubSub {
  readonly transport: string;
  /** An inbound message was stored: its subscribers here and in every other process hear of it. Never throws. */
  publishInbound(row: InboundMessageRow): void;
  /** A window was recorded closed (markWindowClosed): as publishInbound. */
  publishWindowClosed(businessId: string, customerId: string): void;
  /** Activity on a topic until the iterator is returned. */
  subscribe(topic: ActivityTopic): AsyncIterableIterator<CustomerActivity>;
  /** Subscriptions open now in this process. */
  readonly subscriptions: number;
  close(): Promise<void>;
}

export interface ActivityPubSubOptions {
  /** Absent: in-process only (one gateway). */
  readonly transport?: Transport;
  /** Reads back inbound rows another process stored, by id. */
  readonly hydrate: (ids: readonly string[]) => Promise<InboundMessageRow[]>;
  /** Where windows closing by time are read; absent: no WINDOW_CLOSED by time. */
  readonly windows?: WindowClock;
  readonly now?: () => number;
  readonly onError: (error: unknown) => void;
  /** Activities one subscription may have waiting for its reader; past it the subscription ends (default 1,000). */
  readonly maxPending?: number;
}

const activityTooSlow = (maxPending: number): SubscriberTooSlowError =>
  new SubscriberTooSlowError(maxPending, "customer activities", "Re-read with conversation(...) or customers(...) and subscribe again.");

const businessKey = (businessId: string) => `b:${businessId}`;
const customerKey = (businessId: string, customerId: string) => `c:${businessId}\u0000${customerId}`;

/** A notice entry: the kind's letter, business, customer and (for an inbound message) the row's id. */
type Entry = [kind: "i" | "w", businessId: string, customerId: string, inboundId: string | null];

const isEntry = (value: unknown): value is Entry =>
  Array.isArray(value) &&
  (value[0] === "i" || value[0] === "w") &&
  typeof value[1] === "string" &&
  typeof value[2] === "string" &&
  (value[3] === null || typeof value[3] === "string");

function decodeNotice(notice: string): { origin: string; entries: Entry[] } | null {
  try {
    const parsed = JSON.parse(notice) as { o?: unknown; a?: unknown };
    if (typeof parsed.o !== "string" || !Array.isArray(parsed.a) || !parsed.a.every(isEntry)) return null;
    return { origin: parsed.o, entries: parsed.a };
  } catch {
    return null;
  }
}

/** Notices from other processes: the activity of businesses listened to here, read back in arrival order. */
function createInbox(
  origin: string,
  watched: (businessId: string) => boolean,
  hydrate: ActivityPubSubOptions["hydrate"],
  happened: (activity: CustomerActivity) => void,
  onError: (error: unknown) => void,
): { readonly receive: (notice: string) => void; readonly draining: Promise<void> | undefined } {
  let pending: Entry[] = [];
  let draining: Promise<void> | undefined;
  const drain = async () => {
    while (pending.length > 0) {
      const entries = pending;
      pending = [];
      try {
        const ids = entries.flatMap((e) => (e[0] === "i" && e[3] !== null ? [e[3]] : []));
        const rows = new Map((ids.length > 0 ? await hydrate(ids) : []).map((r) => [String(r.id), r]));
        for (const [kind, businessId, customerId, inboundId] of entries) {
          if (kind === "w") happened({ kind: "WINDOW_CLOSED", businessId, customerId, inbound: null });
          const row = inboundId === null ? undefined : rows.get(inboundId);
          // The row read back decides whose it is, not what the notice claims.
          if (kind === "i" && row && row.businessId === businessId && row.customerId === customerId)
            happened({ kind: "INBOUND_MESSAGE", businessId, customerId, inbound: row });
        }
      } catch (error) {
        onError(error);
      }
    }
    draining = undefined;
  };
  return {
    receive: (notice) => {
      const decoded = decodeNotice(notice);
      if (!decoded || decoded.origin === origin) return;
      pending.push(...decoded.entries.filter((e) => watched(e[1])));
      if (pending.length > 0) draining ??= drain();
    },
    get draining() {
      return draining;
    },
  };
}

export async function createActivityPubSub(options: ActivityPubSubOptions): Promise<ActivityPubSub> {
  const maxPending = options.maxPending ?? 1_000;
  const { transport, onError } = options;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const origin = randomUUID();
  const open = new Set<() => void>();
  /** Subscriptions per business in this process: its windows are watched while it has any. */
  const watchers = new Map<string, number>();

  const dispatch = (activity: CustomerActivity) => {
    emitter.emit(businessKey(activity.businessId), activity);
    emitter.emit(customerKey(activity.businessId, activity.customerId), activity);
  };
  const closings = options.windows
    ? createWindowClosings({
        windows: options.windows,
        now: options.now ?? Date.now,
        onError,
        closed: (businessId, customerId) => dispatch({ kind: "WINDOW_CLOSED", businessId, customerId, inbound: null }),
      })
    : undefined;
  const happened = (activity: CustomerActivity) => {
    dispatch(activity);
    if (watchers.has(activity.businessId)) closings?.replan(activity.businessId);
  };

  const inbox = createInbox(origin, (businessId) => watchers.has(businessId), options.hydrate, happened, onError);
  if (transport) await transport.listen(inbox.receive);
  const outbox = createOutbox<Entry>(transport, (entries) => packNotices(origin, "a", entries), onError);

  const unwatch = (businessId: string) => {
    const left = (watchers.get(businessId) ?? 1) - 1;
    if (left > 0) {
      watchers.set(businessId, left);
      return;
    }
    watchers.delete(businessId);
    closings?.unwatch(businessId);
  };

  return {
    transport: transport?.name ?? "in-process",
    publishInbound(row) {
      if (row.businessId === null) return;
      happened({ kind: "INBOUND_MESSAGE", businessId: row.businessId, customerId: row.customerId, inbound: row });
      outbox.send([["i", row.businessId, row.customerId, String(row.id)]]);
    },
    publishWindowClosed(businessId, customerId) {
      happened({ kind: "WINDOW_CLOSED", businessId, customerId, inbound: null });
      outbox.send([["w", businessId, customerId, null]]);
    },
    subscribe(topic) {
      const key = topic.customerId === null ? businessKey(topic.businessId) : customerKey(topic.businessId, topic.customerId);
      const count = watchers.get(topic.businessId) ?? 0;
      watchers.set(topic.businessId, count + 1);
      if (count === 0) closings?.watch(topic.businessId);
      return subscribe<CustomerActivity>({
        emitter,
        open,
        key,
        maxPending,
        tooSlow: () => activityTooSlow(maxPending),
        onEnd: () => unwatch(topic.businessId),
      });
    },
    get subscriptions() {
      return open.size;
    },
    async close() {
      outbox.close();
      await Promise.allSettled([...outbox.sending]);
      await transport?.close();
      await inbox.draining;
      closings?.close();
      for (const end of [...open]) end();
      emitter.removeAllListeners();
    },
  };
}
