/**
 * The outbound limiter: requests for one API key wait their turn in a bounded FIFO queue until the
 * window store admits them. The queue is bounded by length and by each request's deadline; past
 * either bound a request is refused at once (RATE_LIMIT_QUEUE_FULL) rather than left hanging.
 * An admitted request holds its place until its caller releases it (when the upstream's answer has
 * come); a release wakes the key's queue at once.
 */
import type { WindowStore } from "./stores.js";

/** Called once when the admitted request's answer has come, or its attempt has ended without one. */
export type Release = () => void;

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
  /**
   * Resolves when a request for `key` may start, with the function to call when its answer has come;
   * rejects with RateLimitQueueFullError past a bound.
   */
  acquire(key: string, deadline: number): Promise<Release>;
  /** Requests waiting, over all keys. */
  queued(): number;
  close(): Promise<void>;
}

interface Waiter {
  readonly deadline: number;
  readonly resolve: (release: Release) => void;
  readonly reject: (error: Error) => void;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { store, perSecond, maxQueue } = options;
  const now = options.now ?? Date.now;
  const queues = new Map<string, Waiter[]>();
  const pumping = new Set<string>();
  /** Per key: ends the pump's current sleep early (a held slot was released). */
  const wakers = new Map<string, () => void>();
  let closed = false;

  const sleep = (key: string, ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        if (wakers.get(key) === wake) wakers.delete(key);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(1, Math.ceil(ms)));
      wakers.set(key, wake);
    });

  const releaser = (key: string, release: () => Promise<void>): Release => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      // A release that fails (Redis unreachable) leaves the hold to lapse on its own.
      void release().then(
        () => wakers.get(key)?.(),
        () => wakers.get(key)?.(),
      );
    };
  };

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
        let admission;
        try {
          admission = await store.tryAcquire(key);
        } catch (error) {
          queue.shift();
          head.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        if (admission.admitted) {
          queue.shift();
          head.resolve(releaser(key, admission.release));
          continue;
        }
        // An exact wait past the deadline cannot end in time; a wait on a request in flight may end
        // sooner (when its answer comes), so it is waited out up to the deadline.
        if (admission.exact && now() + admission.waitMs > head.deadline) {
          queue.shift();
          head.reject(tooLate());
          continue;
        }
        await sleep(key, Math.min(admission.waitMs, head.deadline - now()));
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
      const promise = new Promise<Release>((resolve, reject) => queue.push({ deadline, resolve, reject }));
      void pump(key, queue);
      return promise;
    },
    queued: () => [...queues.values()].reduce((n, q) => n + q.length, 0),
    async close() {
      closed = true;
      for (const wake of [...wakers.values()]) wake();
      for (const queue of queues.values()) for (const w of queue.splice(0)) w.reject(new RateLimitQueueFullError("The gateway is shutting down.", "length"));
      await store.close();
    },
  };
}
