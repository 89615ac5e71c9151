/**
 * DataLoaders: every list or row a resolver reads goes through one, so a page of N messages with
 * their histories costs a fixed number of database round trips, not N. Built per request (per
 * subscription event for subscriptions, so nothing is served stale).
 */
import DataLoader from "dataloader";
import type { CustomerRow, CustomerStore } from "../persistence/customers.js";
import type { CustomerKey, InboundMessageRow, InboundMessageStore, RepliedMessageKey } from "../persistence/inbound-messages.js";
import type { HistoryRead, MessageRow, MessageStore, MessageWithHistory } from "../persistence/messages.js";
import { messageKey, type MessageKey, type StatusEventRow, type StatusEventStore } from "../persistence/status-events.js";

export interface Loaders {
  readonly messageById: DataLoader<string, MessageRow | null>;
  /** The same rows read with their histories in the same statement (priming statusHistory); raw payloads when any key asks. */
  readonly messageWithHistoryById: DataLoader<{ readonly id: string } & HistoryRead, MessageRow | null, string>;
  readonly messageByConnectlyId: DataLoader<string, MessageRow | null>;
  /** Histories read in the same statement as their message, by its row: answered without waiting on a load (without raw payloads, only to selections that do not ask them). */
  readonly histories: WeakMap<MessageRow, MessageWithHistory>;
  /** Every event of a message (its business's events for its Connectly id), in the order they happened. */
  readonly statusHistory: DataLoader<MessageKey, StatusEventRow[], string>;
  readonly customer: DataLoader<{ businessId: string; customerId: string }, CustomerRow, string>;
  readonly inboundMessageById: DataLoader<string, InboundMessageRow | null>;
  /** The inbound messages answering a message, oldest first. */
  readonly replies: DataLoader<RepliedMessageKey, InboundMessageRow[], string>;
  /** A customer's latest inbound message. */
  readonly lastInbound: DataLoader<CustomerKey, InboundMessageRow | null, string>;
}

export interface LoaderStores {
  readonly messages: MessageStore;
  readonly statusEvents: StatusEventStore;
  readonly customers: CustomerStore;
  readonly inboundMessages: InboundMessageStore;
}

const byKey = <K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K | null): (V | null)[] => {
  const map = new Map<K, V>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key != null) map.set(key, row);
  }
  return keys.map((k) => map.get(k) ?? null);
};

/**
 * Primes the loaders with a message read with its history, so its fields resolve without another
 * read. Only a whole history primes the history loader, which any later selection may ask raw of.
 */
export function primeHistory(loaders: Pick<Loaders, "messageById" | "statusHistory" | "histories">, read: MessageWithHistory): void {
  const { row, history, raw } = read;
  loaders.messageById.prime(row.id, row);
  loaders.histories.set(row, read);
  if (raw && row.connectlyId != null) loaders.statusHistory.prime({ businessId: row.businessId, connectlyId: row.connectlyId }, history);
}

/** `cache: false` for contexts that outlive one read (a subscription's): batching still applies. */
export function createLoaders(stores: LoaderStores, options: { cache: boolean } = { cache: true }): Loaders {
  const { cache } = options;
  const statusHistory: Loaders["statusHistory"] = new DataLoader(
    async (keys) => {
      const grouped = new Map<string, StatusEventRow[]>(keys.map((k) => [messageKey(k), []]));
      for (const event of await stores.statusEvents.historyOf(keys)) {
        if (event.businessId !== null) grouped.get(messageKey({ businessId: event.businessId, connectlyId: event.connectlyId }))?.push(event);
      }
      return keys.map((k) => grouped.get(messageKey(k)) ?? []);
    },
    { cache, cacheKeyFn: messageKey },
  );
  const messageById: Loaders["messageById"] = new DataLoader(async (ids) => byKey(ids, await stores.messages.findByIds(ids), (m) => m.id), { cache });
  const histories = new WeakMap<MessageRow, MessageWithHistory>();
  return {
    messageById,
    histories,
    messageWithHistoryById: new DataLoader(
      async (keys) => {
        const ids = [...new Set(keys.map((k) => k.id))];
        const read = await stores.messages.findByIdsWithHistory(ids, { raw: keys.some((k) => k.raw) });
        for (const r of read) primeHistory({ messageById, statusHistory, histories }, r);
        return byKey(
          keys.map((k) => k.id),
          read.map((r) => r.row),
          (m) => m.id,
        );
      },
      { cache, cacheKeyFn: (k) => `${k.raw ? "r" : "e"}:${k.id}` },
    ),
    messageByConnectlyId: new DataLoader(async (ids) => byKey(ids, await stores.messages.findByConnectlyIds(ids), (m) => m.connectlyId), { cache }),
    statusHistory,
    customer: new DataLoader((keys) => stores.customers.customers(keys), { cache, cacheKeyFn: (k) => `${k.businessId}|${k.customerId}` }),
    inboundMessageById: new DataLoader(async (ids) => byKey(ids, await stores.inboundMessages.findByIds(ids), (r) => String(r.id)), { cache }),
    replies: new DataLoader((keys) => stores.inboundMessages.repliesOf(keys), { cache, cacheKeyFn: (k) => k.id }),
    lastInbound: new DataLoader((keys) => stores.inboundMessages.latestOf(keys), { cache, cacheKeyFn: (k) => `${k.businessId}|${k.customerId}` }),
  };
}
