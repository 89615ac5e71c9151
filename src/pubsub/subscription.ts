/**
 * One subscription: a plain listener on an emitter key and a bounded queue (node's events.on()
 * iterator is too heavy at thousands of subscribers). Shared by status changes and customer activity.
 */
import type { EventEmitter } from "node:events";
import type { RequestErrorCode } from "../domain/errors.js";

/**
 * Ends a subscription whose reader fell more than `maxPending` items behind: holding them all would
 * let one stalled client grow the process without bound. `extensions` reaches the GraphQL error.
 */
export class SubscriberTooSlowError extends Error {
  override readonly name = "SubscriberTooSlowError";
  readonly extensions: { readonly code: Extract<RequestErrorCode, "SUBSCRIBER_TOO_SLOW">; readonly maxPending: number };
  /** `what` names the items ("status changes"), `recovery` says how to catch up. */
  constructor(maxPending: number, what: string, recovery: string) {
    super(`This subscription fell more than ${maxPending} ${what} behind and was ended; the ${what} not yet received are lost. ${recovery}`);
    this.extensions = { code: "SUBSCRIBER_TOO_SLOW", maxPending };
  }
}

export interface SubscriptionOptions<T> {
  readonly emitter: EventEmitter;
  /** How to end each open subscription; this one is in it while it is open. */
  readonly open: Set<() => void>;
  readonly key: string;
  readonly maxPending: number;
  /** Items the subscription takes of those emitted on its key (all, when absent). */
  readonly accept?: (item: T) => boolean;
  readonly tooSlow: () => Error;
  readonly onEnd?: () => void;
}

export function subscribe<T>(options: SubscriptionOptions<T>): AsyncIterableIterator<T> {
  const { emitter, open, key, maxPending, accept } = options;
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T, undefined>) => void) | null = null;
  /** Set once the reader fell too far behind: its next read fails, then the iterator is done. */
  let tooSlow: Error | null = null;
  const listener = (item: T) => {
    if (accept && !accept(item)) return;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ done: false, value: item });
    } else if (queue.length >= maxPending) {
      tooSlow = options.tooSlow();
      end();
    } else {
      queue.push(item);
    }
  };
  // Returning ends a pending next() at once, so an unsubscribe never waits for an event.
  const end = () => {
    if (!open.delete(end)) return;
    emitter.off(key, listener);
    queue.length = 0;
    options.onEnd?.();
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ done: true, value: undefined });
    }
  };
  emitter.on(key, listener);
  open.add(end);
  const iterator: AsyncIterableIterator<T> = {
    next() {
      if (tooSlow) {
        const error = tooSlow;
        tooSlow = null;
        return Promise.reject(error);
      }
      if (queue.length > 0) return Promise.resolve({ done: false, value: queue.shift()! });
      if (!open.has(end)) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      end();
      return Promise.resolve({ done: true, value: undefined });
    },
    throw(error?: unknown) {
      end();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
