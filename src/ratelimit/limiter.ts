/**
 * The outbound limiter: requests for one API key wait their turn in a bounded FIFO queue until the
 * window store admits them. The queue is bounded by length and by each request's deadline; past
 * either bound a request is refused at once (RATE_LIMIT_QUEUE_FULL) rather than left hanging.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { WindowStore } from "./stores.js";

export class RateLimitQueueFullError extends Error {
  override readonly name = "RateLimitQueueFullError";
  readonly code = "RATE_LIMIT_QUEUE_FULL";
  constructor(
    message: string,
    readonly bound: "length" | "deadline",
  ) {
    super(message);
  }
}

export interface RateLimiterOptions {
  readonly store: WindowStore;
  /** Requests allowed per second per key: used to refuse at once a wait that cannot end in time. */
  readonly perSecond: number;
  /** Most requests waiting per key in this process. */
  readonly maxQueue: number;
  readonly now?: () => number;
}

export interface RateLimiter {
  /** Resolves when a request for `key` may start; rejects with RateLimitQueueFullError past a bound. */
  acquire(key: string, deadline: number): Promise<void>;
  /** Requests waiting, over all keys. */
  queued(): number;
  close(): Promise<void>;
}

interface Waiter {
  readonly deadline: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { store, perSecond, maxQueue } = options;
  const now = options.now ?? Date.now;
  const queues = new Map<string, Waiter[]>();
  const pumping = new Set<string>();
  let closed = false;

  const tooLate = () =>
    new RateLimitQueueFullError("The request could not get a slot within its deadline under Connectly's rate limit; try again shortly.", "deadline");

  async function pump(key: string, queue: Waiter[]): Promise<void> {
    if (pumping.has(key)) return;
    pumping.add(key);
    try {
      while (queue.length > 0 && !closed) {
        const head = queue[0]!;
        if (now() >= head.deadline) {
          queue.shift();
          head.reject(tooLate());
          continue;
        }
        let wait: number;
        try {
          wait = await store.tryAcquire(key);
        } catch (error) {
          queue.shift();
          head.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        if (wait <= 0) {
          queue.shift();
          head.resolve();
          continue;
        }
        if (now() + wait > head.deadline) {
          queue.shift();
          head.reject(tooLate());
          continue;
        }
        await sleep(Math.ceil(wait));
      }
    } finally {
      pumping.delete(key);
      if (queue.length === 0) queues.delete(key);
    }
  }

  return {
    acquire(key, deadline) {
      if (closed) return Promise.reject(new RateLimitQueueFullError("The gateway is shutting down.", "length"));
      let queue = queues.get(key);
      if (!queue) queues.set(key, (queue = []));
      if (queue.length >= maxQueue) {
        return Promise.reject(
          new RateLimitQueueFullError(`${queue.length} requests are already waiting for Connectly's rate limit; try again shortly.`, "length"),
        );
      }
      // Refuse at once what cannot start before its deadline even if every slot goes to the queue ahead.
      const earliest = now() + (queue.length * 1000) / perSecond;
      if (earliest > deadline) {
        return Promise.reject(
          new RateLimitQueueFullError(
            `${queue.length} requests are waiting for Connectly's rate limit; this one could not start within its deadline. Try again shortly.`,
            "deadline",
          ),
        );
      }
      const promise = new Promise<void>((resolve, reject) => queue.push({ deadline, resolve, reject }));
      void pump(key, queue);
      return promise;
    },
    queued: () => [...queues.values()].reduce((n, q) => n + q.length, 0),
    async close() {
      closed = true;
      for (const queue of queues.values()) for (const w of queue.splice(0)) w.reject(new RateLimitQueueFullError("The gateway is shutting down.", "length"));
      await store.close();
    },
  };
}
