/**
 * What the gateway does with a verified webhook body: parse it, store it exactly once, move the
 * message's status forward, open the customer's session window, publish the change. A body that is
 * not an event is kept for inspection and refused with the reason, and so is one PostgreSQL would
 * not store (events.ts refuses what it can see; a statement refused for a value is split until only
 * that event fails, so it never fails the events written with it nor asks for a redelivery).
 *
 * Delivery-status events that arrive while a batch is being written are written together in the
 * next one (one statement stores them and moves their messages forward): a burst of webhooks costs
 * one round trip per batch, not a few per event. Each request is answered once its batch is
 * committed; messages are read back only for changes a subscriber of this process listens to.
 *
 * Everything is scoped by the business the route verified: an event is stored under it and only
 * ever moves, joins or is published with a message of that business with that Connectly id. An
 * event matching no such message (another business's, or one whose send's answer is still on its
 * way) is kept and answered exactly like a matched one, so the answer does not tell a business
 * whether another has that id, and Connectly does not redeliver it forever.
 */
import { createHash } from "node:crypto";
import type { CustomerStore } from "../persistence/customers.js";
import type { MessageRow, MessageStore } from "../persistence/messages.js";
import type { RejectedWebhookStore } from "../persistence/rejected-webhooks.js";
import { messageKey, type AppliedEvent, type MessageKey, type NewStatusEvent, type StatusEventStore } from "../persistence/status-events.js";
import type { PubSub, StatusChange, StoredChangeRef } from "../pubsub/pubsub.js";
import type { ActivityPubSub } from "../pubsub/activity.js";
import { futureTimestampRefusal, parseWebhookEvent, type InboundEvent, type Refusal, type StatusEvent, type WebhookEvent } from "./events.js";

export type IngestOutcome =
  { readonly status: 200; readonly topic: "delivery_status" | "messages"; readonly duplicate: boolean } | ({ readonly status: 400 } & Refusal);

export interface IngestDeps {
  readonly statusEvents: StatusEventStore;
  readonly messages: Pick<MessageStore, "findByIds">;
  readonly customers: CustomerStore;
  readonly rejected: RejectedWebhookStore;
  readonly pubsub: Pick<PubSub, "publish" | "publishStored">;
  /** Told of each inbound message stored (customerActivity); absent: nobody is. */
  readonly activity?: Pick<ActivityPubSub, "publishInbound">;
  readonly onError: (error: unknown) => void;
  /** Most events written in one statement. */
  readonly maxBatch?: number;
  /**
   * Batches written at the same time (each holds a database connection); default 2. Fewer means
   * larger batches (events that arrive while one is written wait for the next), so PostgreSQL does
   * less work per event; two let one batch's responses go out while the next is written.
   */
  readonly maxConcurrentBatches?: number;
  /**
   * Fewest events a batch starts with while another is being written (default 16); fewer wait for
   * that one to commit, at most maxHoldBehindBatchMs. A batch costs about as much to write for 1
   * event as for 10, so under load this trades a little latency for fewer, fuller batches; alone,
   * an event is written at once.
   */
  readonly minBatchWhileBusy?: number;
  /** Longest events wait for a batch being written before starting one of their own anyway (ms, default 10). */
  readonly maxHoldBehindBatchMs?: number;
  /**
   * When to look again for the message of an event that came before it (ms after the event): the
   * send may still be committing. Messages sent elsewhere are never found; that is fine.
   */
  readonly reattachAfterMs?: readonly number[];
  /** The gateway's clock, against which event timestamps are checked (Date.now by default). */
  readonly now?: () => number;
}

export interface Ingest {
  /** Handles one body verified as `businessId`'s (the business the webhook address names). */
  ingest(body: Buffer, businessId: string, contentType: string | null): Promise<IngestOutcome>;
  /**
   * A send of this process for this business was just accepted with this Connectly id: events of
   * that business that came before it (stored by this process) are applied and published now, each
   * as its own change, rather than on the timer.
   */
  accepted(businessId: string, connectlyId: string): void;
  close(): Promise<void>;
}

/** Work still running, so that close can wait for it. */
interface Tasks {
  track(run: Promise<void>): void;
  readonly size: () => number;
  settle(): Promise<unknown>;
}

function createTasks(onError: (error: unknown) => void): Tasks {
  const running = new Set<Promise<void>>();
  return {
    track(run) {
      running.add(run);
      // Reported, never an unhandled rejection (which would end the process).
      run.then(
        () => running.delete(run),
        (error: unknown) => {
          running.delete(run);
          onError(error);
        },
      );
    },
    size: () => running.size,
    settle: () => Promise.allSettled([...running]),
  };
}

function toNewStatusEvent(event: StatusEvent, businessId: string, raw: unknown): NewStatusEvent {
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

const eventKey = (e: { businessId: string | null; connectlyId: string; status: string; occurredAt: Date }) =>
  `${messageKey({ businessId: e.businessId ?? "", connectlyId: e.connectlyId })}|${e.status}|${e.occurredAt.getTime()}`;

/** The stored events whose message the gateway has, as pub/sub references. */
function refsOf(stored: readonly AppliedEvent[]): StoredChangeRef[] {
  const refs: StoredChangeRef[] = [];
  for (const s of stored) {
    if (s.messageId !== null && s.messageBusinessId !== null)
      refs.push({ messageId: s.messageId, eventId: String(s.event.id), businessId: s.messageBusinessId });
  }
  return refs;
}

/** Pairs the messages read back with the events stored (which are already in memory). */
function changesFor(refs: readonly StoredChangeRef[], stored: readonly AppliedEvent[], messages: readonly MessageRow[]): StatusChange[] {
  const messageById = new Map(messages.map((m) => [m.id, m]));
  const eventById = new Map(stored.map((s) => [String(s.event.id), s.event]));
  const changes: StatusChange[] = [];
  for (const ref of refs) {
    const message = messageById.get(ref.messageId);
    const event = ref.eventId === null ? undefined : eventById.get(ref.eventId);
    if (message && event) changes.push({ message, event });
  }
  return changes;
}

interface Waiting {
  readonly event: NewStatusEvent;
  readonly resolve: (stored: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/** Status events queued for the next batch; `record` resolves once its batch is committed (false: a duplicate). */
interface Batcher {
  record(event: NewStatusEvent): Promise<boolean>;
  /** Starts batches for what is queued (close uses it to drain the queue). */
  flush(): void;
  readonly queued: () => number;
}

interface BatcherOptions {
  readonly apply: (events: readonly NewStatusEvent[]) => Promise<AppliedEvent[]>;
  readonly onStored: (stored: AppliedEvent[]) => void;
  readonly maxBatch: number;
  readonly maxConcurrent: number;
  readonly minBatchWhileBusy: number;
  readonly maxHoldMs: number;
}

function createBatcher(options: BatcherOptions, tasks: Tasks): Batcher {
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  const writeBatch = async (batch: Waiting[]): Promise<void> => {
    let stored: AppliedEvent[];
    try {
      stored = await options.apply(batch.map((w) => w.event));
    } catch (error) {
      // A value PostgreSQL refuses fails the whole statement: halves are written apart until only its event fails.
      if (batch.length > 1 && isDataException(error)) {
        const half = Math.ceil(batch.length / 2);
        await writeBatch(batch.slice(0, half));
        await writeBatch(batch.slice(half));
        return;
      }
      for (const w of batch) w.reject(error);
      return;
    }
    const keys = new Set(stored.map((s) => eventKey(s.event)));
    // The first of equal events in a batch is the one stored; the others are duplicates.
    for (const w of batch) w.resolve(keys.delete(eventKey(w.event)));
    options.onStored(stored);
  };
  const minWhileBusy = Math.min(options.minBatchWhileBusy, options.maxBatch);
  // Events held back behind a batch wait at most maxHoldMs: that batch may be slow (split, waiting on a lock).
  let holdTimer: NodeJS.Timeout | undefined;
  const pump = (holdOver = false) => {
    scheduled = false;
    while (queue.length > 0 && inFlight < options.maxConcurrent) {
      if (!holdOver && inFlight > 0 && queue.length < minWhileBusy) {
        holdTimer ??= setTimeout(() => {
          holdTimer = undefined;
          pump(true);
        }, options.maxHoldMs);
        break;
      }
      holdOver = false;
      clearTimeout(holdTimer);
      holdTimer = undefined;
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      tasks.track(
        writeBatch(batch).finally(() => {
          inFlight--;
          if (queue.length > 0) schedule();
        }),
      );
    }
  };
  // Requests that arrive in the same turn of the event loop share a batch.
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(pump);
    }
  };
  return {
    record: (event) =>
      new Promise<boolean>((resolve, reject) => {
        queue.push({ event, resolve, reject });
        schedule();
      }),
    flush: () => {
      if (queue.length > 0) pump();
    },
    queued: () => queue.length,
  };
}

/**
 * Whether PostgreSQL refused a value of the statement (SQLSTATE class 22, data exception: a
 * character it cannot store, a number out of range): the same event would be refused every time.
 * pg's errors carry the SQLSTATE as `code`; Prisma's carry it in the driver adapter's cause.
 */
function sqlStateOf(error: unknown): string | null {
  if (error === null || typeof error !== "object") return null;
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const adapted = e.meta?.driverAdapterError?.cause?.originalCode;
  const state = typeof adapted === "string" ? adapted : e.code;
  return typeof state === "string" && /^[0-9A-Z]{5}$/.test(state) ? state : null;
}

const isDataException = (error: unknown): boolean => sqlStateOf(error)?.startsWith("22") ?? false;

/** The refusal of an event PostgreSQL would not store, or null when `error` is not that. */
function unstorableEvent(error: unknown): Refusal | null {
  if (!isDataException(error)) return null;
  const e = error as { message?: unknown; meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } };
  const message = e.meta?.driverAdapterError?.cause?.originalMessage ?? e.message;
  const said = typeof message === "string" ? `: ${message.slice(0, 200)}` : "";
  return { code: "MALFORMED_EVENT", reason: `malformed event: PostgreSQL refused a value of it (SQLSTATE ${sqlStateOf(error)}${said})` };
}

/** Events stored before their message, looked for again on a timer or when a send of theirs is accepted. */
interface Reattacher {
  later(key: MessageKey, eventId: bigint): void;
  now(key: MessageKey): void;
  close(): void;
}

type ReattachDeps = Pick<IngestDeps, "statusEvents" | "pubsub" | "onError">;

function createReattacher(deps: ReattachDeps, reattachAfter: readonly number[], tasks: Tasks): Reattacher {
  /**
   * (business, Connectly id) of events stored before their message, by messageKey: when to look
   * again, and the events, which nobody has been told of yet (published once their message is found).
   */
  const unattached = new Map<string, { readonly key: MessageKey; readonly due: number[]; readonly eventIds: bigint[] }>();
  let closed = false;
  // One timer looks again, in one batch, for every event whose time has come.
  let sweeper: NodeJS.Timeout | undefined;

  function sweep() {
    const now = Date.now();
    const due: MessageKey[] = [];
    for (const { key, due: times } of unattached.values()) {
      if (times[0]! <= now) {
        due.push(key);
        times.shift();
      }
    }
    if (unattached.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
    for (let i = 0; i < due.length; i += 1000) tasks.track(lookAgain(due.slice(i, i + 1000)));
  }

  /**
   * Applies stored events to messages that appeared after them and publishes, for each message found,
   * every event it had not been told of (the message as it now stands with each), or, when this
   * process kept no such event, the message if it moved.
   */
  async function lookAgain(keys: readonly MessageKey[]) {
    try {
      const moved = new Set(await deps.statusEvents.advance(keys));
      const messages = await deps.statusEvents.messagesByConnectlyId(keys);
      const changes: StatusChange[] = [];
      const withEvents: { message: MessageRow; eventIds: bigint[] }[] = [];
      for (const message of messages) {
        const key = message.connectlyId == null ? null : messageKey({ businessId: message.businessId, connectlyId: message.connectlyId });
        const kept = key === null ? undefined : unattached.get(key);
        if (key !== null) unattached.delete(key);
        if (kept) withEvents.push({ message, eventIds: kept.eventIds });
        else if (moved.has(message.id)) changes.push({ message, event: null });
      }
      if (withEvents.length > 0) changes.push(...(await keptChanges(withEvents)));
      if (changes.length > 0) deps.pubsub.publish(changes);
    } catch (error) {
      deps.onError(error);
    } finally {
      // Ids whose last look is over are given up (messages sent elsewhere never appear here).
      for (const key of keys) if (unattached.get(messageKey(key))?.due.length === 0) unattached.delete(messageKey(key));
    }
  }

  /** Each found message with every event of it this process kept, in the order they happened (then as stored). */
  async function keptChanges(withEvents: readonly { message: MessageRow; eventIds: bigint[] }[]): Promise<StatusChange[]> {
    const events = new Map((await deps.statusEvents.eventsById(withEvents.flatMap((m) => m.eventIds))).map((e) => [e.id, e]));
    const changes: StatusChange[] = [];
    for (const { message, eventIds } of withEvents) {
      const own = eventIds.flatMap((id) => events.get(id) ?? []);
      own.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1));
      for (const event of own) changes.push({ message, event });
    }
    return changes;
  }

  return {
    later(key, eventId) {
      if (closed) return;
      const known = unattached.get(messageKey(key));
      if (known) {
        known.eventIds.push(eventId);
        return;
      }
      const now = Date.now();
      unattached.set(messageKey(key), { key, due: reattachAfter.map((ms) => now + ms), eventIds: [eventId] });
      sweeper ??= setInterval(sweep, Math.max(50, Math.min(...reattachAfter, 500)));
      sweeper.unref();
    },
    now(key) {
      if (!closed && unattached.has(messageKey(key))) tasks.track(lookAgain([key]));
    },
    close() {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      unattached.clear();
    },
  };
}

/** An inbound message and the session window it opens, stored once per business and body. */
const recordInbound = (customers: CustomerStore, event: InboundEvent, body: Buffer, businessId: string, raw: unknown) =>
  customers.recordInbound({
    bodyHash: createHash("sha256").update(body).digest("hex"),
    businessId,
    businessNumber: event.businessNumber,
    customerId: event.customerId,
    customerName: event.customerName,
    content: event.content,
    referral: event.referral,
    text: event.text,
    replyToConnectlyId: event.replyToConnectlyId,
    callbackData: event.callbackData,
    occurredAt: event.occurredAt,
    raw,
  });

/** A body's event and its JSON (a leading byte-order mark ignored), or why it is refused. */
function readEvent(
  body: Buffer,
  nowMs: number,
): { readonly ok: true; readonly event: WebhookEvent; readonly json: unknown } | ({ readonly ok: false } & Refusal) {
  const text = body.toString("utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: "MALFORMED_EVENT", reason: "the body is not JSON" };
  }
  const parsed = parseWebhookEvent(json, text);
  if (!parsed.ok) return parsed;
  const future = futureTimestampRefusal(parsed.event.occurredAt, nowMs);
  return future ? { ok: false, ...future } : { ok: true, event: parsed.event, json };
}

export function createIngest(deps: IngestDeps): Ingest {
  const clock = deps.now ?? Date.now;
  const tasks = createTasks(deps.onError);
  const reattacher = createReattacher(deps, deps.reattachAfterMs ?? [1_000, 10_000], tasks);
  const onStored = (stored: AppliedEvent[]) => {
    for (const s of stored) {
      if (s.messageId === null && s.event.businessId !== null)
        reattacher.later({ businessId: s.event.businessId, connectlyId: s.event.connectlyId }, s.event.id);
    }
    const refs = refsOf(stored);
    if (refs.length > 0) {
      const load = async (wanted: readonly StoredChangeRef[]) =>
        changesFor(wanted, stored, await deps.messages.findByIds([...new Set(wanted.map((r) => r.messageId))]));
      tasks.track(deps.pubsub.publishStored(refs, load));
    }
  };
  const batcher = createBatcher(
    {
      apply: (events) => deps.statusEvents.apply(events),
      onStored,
      maxBatch: deps.maxBatch ?? 500,
      maxConcurrent: deps.maxConcurrentBatches ?? 2,
      minBatchWhileBusy: deps.minBatchWhileBusy ?? 16,
      maxHoldMs: deps.maxHoldBehindBatchMs ?? 10,
    },
    tasks,
  );

  return {
    async ingest(body, businessId, contentType) {
      const read = readEvent(body, clock());
      if (!read.ok) {
        await deps.rejected.record({ reason: read.reason, body: body.toString("utf8"), contentType, businessId });
        return { status: 400, code: read.code, reason: read.reason };
      }
      const { event, json } = read;
      try {
        if (event.topic === "delivery_status") {
          const stored = await batcher.record(toNewStatusEvent(event, businessId, json));
          return { status: 200, topic: event.topic, duplicate: !stored };
        }
        const row = await recordInbound(deps.customers, event, body, businessId, json);
        if (row) deps.activity?.publishInbound(row);
        return { status: 200, topic: event.topic, duplicate: row === null };
      } catch (error) {
        // Kept and refused like any malformed event: a redelivery would be refused the same way.
        const refusal = unstorableEvent(error);
        if (!refusal) throw error;
        await deps.rejected.record({ reason: refusal.reason, body: body.toString("utf8"), contentType, businessId });
        return { status: 400, ...refusal };
      }
    },
    accepted: (businessId, connectlyId) => reattacher.now({ businessId, connectlyId }),
    async close() {
      reattacher.close();
      while (batcher.queued() > 0 || tasks.size() > 0) {
        batcher.flush();
        await tasks.settle();
      }
    },
  };
}
