/**
 * Status changes, published once and delivered to every subscriber of every gateway process.
 *
 * A change is dispatched at once to the subscribers of the process that made it. Other processes
 * hear of it through a transport (PostgreSQL LISTEN/NOTIFY, or Redis pub/sub) carrying only ids,
 * and read the message and event back from the shared database once per process, whatever the
 * number of subscribers. With the in-process transport (one gateway) nothing leaves the process.
 */
import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import type { MessageRow } from "../persistence/messages.js";
import type { StatusEventRow } from "../persistence/status-events.js";
import { createOutbox, packNotices } from "./outbox.js";
import { subscribe, SubscriberTooSlowError } from "./subscription.js";

export { SubscriberTooSlowError } from "./subscription.js";

/** A change of a message's status: its send outcome (event null) or a delivery-status event. */
export interface StatusChange {
  readonly message: MessageRow;
  readonly event: StatusEventRow | null;
}

/** What a subscriber listens to: one message, or a business (optionally one campaign of it). */
export type SubscriptionTopic = { readonly messageId: string } | { readonly businessId: string; readonly campaignName: string | null };

/** Moves notices between processes; implementations: Postgres LISTEN/NOTIFY, Redis. */
export interface Transport {
  readonly name: string;
  /** Sends one notice (a short string) to every process, this one included. */
  send(notice: string): Promise<void>;
  /** Registers the receiver of every notice; called once, before any send. */
  listen(receive: (notice: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** Reads changes back from the database by ids, for changes made in another process. */
export type Hydrate = (refs: readonly ChangeRef[]) => Promise<StatusChange[]>;

export interface ChangeRef {
  readonly messageId: string;
  readonly eventId: string | null;
}

/** A change known by ids, with the message's business so this process can tell whether anyone listens. */
export interface StoredChangeRef extends ChangeRef {
  readonly businessId: string;
}

export interface PubSub {
  readonly transport: string;
  /** Publishes changes; never throws (a transport failure is reported to onError). */
  publish(changes: readonly StatusChange[]): void;
  /**
   * Publishes changes stored in the database without reading them back: other processes get the
   * ids, and `load` reads the rows only for the changes a subscriber of this process listens to.
   * Resolves once this process's subscribers have them; never rejects.
   */
  publishStored(refs: readonly StoredChangeRef[], load: (refs: readonly StoredChangeRef[]) => Promise<StatusChange[]>): Promise<void>;
  /** Changes on a topic until the iterator is returned. */
  subscribe(topic: SubscriptionTopic): AsyncIterableIterator<StatusChange>;
  /** Subscriptions open now in this process. */
  readonly subscriptions: number;
  close(): Promise<void>;
}

const keyOf = (topic: SubscriptionTopic): string => ("messageId" in topic ? `m:${topic.messageId}` : `b:${topic.businessId}`);

/** A notice carries [messageId, eventId] pairs under `c`, from the process `o`. */
const noticeEntry = (ref: ChangeRef): [string, string | null] => [ref.messageId, ref.eventId];

function decodeNotice(notice: string): { origin: string; refs: ChangeRef[] } | null {
  try {
    const parsed = JSON.parse(notice) as { o?: unknown; c?: unknown };
    if (typeof parsed.o !== "string" || !Array.isArray(parsed.c)) return null;
    const refs: ChangeRef[] = [];
    for (const entry of parsed.c as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string") return null;
      refs.push({ messageId: entry[0], eventId: typeof entry[1] === "string" ? entry[1] : null });
    }
    return { origin: parsed.o, refs };
  } catch {
    return null;
  }
}

export interface PubSubOptions {
  /** Absent: in-process only (one gateway). */
  readonly transport?: Transport;
  readonly hydrate: Hydrate;
  readonly onError: (error: unknown) => void;
  /** Changes one subscription may have waiting for its reader; past it the subscription ends (default 1,000). */
  readonly maxPending?: number;
}

/** The error ending a status-change subscription whose reader fell too far behind. */
export const statusChangesTooSlow = (maxPending: number): SubscriberTooSlowError =>
  new SubscriberTooSlowError(
    maxPending,
    "status changes",
    "Re-read with messages(filter: { businessId, updatedAfter }) (or the message's statusHistory) and subscribe again.",
  );

const refOf = (change: StatusChange): ChangeRef => ({ messageId: change.message.id, eventId: change.event ? String(change.event.id) : null });

type Dispatch = (change: StatusChange) => void;
type OnError = (error: unknown) => void;

/** Notices from other processes: their changes read back and dispatched here. */
interface Inbox {
  readonly receive: (notice: string) => void;
  /** The read-back under way, if any. */
  readonly draining: Promise<void> | undefined;
}

// Remote notices are read back in arrival order, one batch at a time, so a subscriber sees a
// message's changes in the order they were published.
function createInbox(origin: string, hydrate: Hydrate, dispatch: Dispatch, onError: OnError): Inbox {
  let pending: ChangeRef[] = [];
  let draining: Promise<void> | undefined;
  const drain = async () => {
    while (pending.length > 0) {
      const refs = pending;
      pending = [];
      try {
        for (const change of await hydrate(refs)) dispatch(change);
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
      pending.push(...decoded.refs);
      draining ??= drain();
    },
    get draining() {
      return draining;
    },
  };
}

/** Stored changes read back for this process's subscribers. */
interface StoredLoads {
  readonly load: (wanted: readonly StoredChangeRef[], load: (refs: readonly StoredChangeRef[]) => Promise<StatusChange[]>) => Promise<void>;
  /** Loads not yet settled. */
  readonly loads: ReadonlySet<Promise<void>>;
}

// Stored changes are read back for local subscribers one batch at a time, in publishing order.
function createStoredLoads(dispatch: Dispatch, onError: OnError): StoredLoads {
  let loading: Promise<void> = Promise.resolve();
  const loads = new Set<Promise<void>>();
  return {
    load: (wanted, load) => {
      const done = (loading = loading.then(async () => {
        try {
          for (const change of await load(wanted)) dispatch(change);
        } catch (error) {
          onError(error);
        }
      }));
      loads.add(done);
      void done.finally(() => loads.delete(done));
      return done;
    },
    loads,
  };
}

export async function createPubSub(options: PubSubOptions): Promise<PubSub> {
  const maxPending = options.maxPending ?? 1_000;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const origin = randomUUID();
  /** How to end each open subscription (on close). */
  const open = new Set<() => void>();
  const listened = (ref: StoredChangeRef) => emitter.listenerCount(`m:${ref.messageId}`) > 0 || emitter.listenerCount(`b:${ref.businessId}`) > 0;

  const dispatch = (change: StatusChange) => {
    emitter.emit(`m:${change.message.id}`, change);
    emitter.emit(`b:${change.message.businessId}`, change);
  };

  const { transport } = options;
  const inbox = createInbox(origin, options.hydrate, dispatch, options.onError);
  if (transport) await transport.listen(inbox.receive);
  const outbox = createOutbox<ChangeRef>(transport, (refs) => packNotices(origin, "c", refs.map(noticeEntry)), options.onError);
  const stored = createStoredLoads(dispatch, options.onError);

  return {
    transport: transport?.name ?? "in-process",
    publish(changes) {
      if (changes.length === 0) return;
      for (const change of changes) dispatch(change);
      outbox.send(changes.map(refOf));
    },
    publishStored(refs, load) {
      outbox.send(refs);
      const wanted = refs.filter(listened);
      if (wanted.length === 0) return Promise.resolve();
      return stored.load(wanted, load);
    },
    subscribe: (topic) => {
      const campaign = "businessId" in topic ? topic.campaignName : null;
      return subscribe<StatusChange>({
        emitter,
        open,
        key: keyOf(topic),
        maxPending,
        ...(campaign != null ? { accept: (change) => change.message.campaignName === campaign } : {}),
        tooSlow: () => statusChangesTooSlow(maxPending),
      });
    },
    get subscriptions() {
      return open.size;
    },
    async close() {
      outbox.close();
      await Promise.allSettled([...outbox.sending, ...stored.loads]);
      await transport?.close();
      await inbox.draining;
      for (const end of [...open]) end();
      emitter.removeAllListeners();
    },
  };
}
