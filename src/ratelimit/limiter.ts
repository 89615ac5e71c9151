/**
 * The outbound limiter: requests for one API key wait their turn in a bounded FIFO queue until the
 * window store admits them. The queue is bounded by length and by each request's deadline; past
 * either bound a request is refused at once (RATE_LIMIT_QUEUE_FULL) rather than left hanging.
 * An admitted request holds its place until its caller releases it (when the upstream's answer has
 * come, saying how the attempt ended: the store learns from the round trip); a release wakes the
 * key's queue at once.
 */
import type { ErrorCode } from "../domain/errors.js";
import type { Admitted, Outcome, WindowStore } from "./stores.js";

export type { Outcome } from "./stores.js";

/** Called once when the admitted request's answer has come, or its attempt has ended without one (no outcome: without). */
export type Release = (outcome?: Outcome) => void;

export class RateLimitQueueFullError extends Error {
  override readonly name = "RateLimitQueueFullError";
  readonly code: Extract<ErrorCode, "RATE_LIMIT_QUEUE_FULL"> = "RATE_LIMIT_QUEUE_FULL";
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

/** One limiter's state, shared by its acquire, its per-key pumps and its close. */
interface LimiterState {
  readonly store: WindowStore;
  readonly perSecond: number;
  readonly maxQueue: number;
  readonly now: () => number;
  readonly queues: Map<string, Waiter[]>;
  /** Keys whose queue a pump is serving now. */
  readonly pumping: Set<string>;
  /** Per key: ends the pump's current sleep early (a held slot was released). */
  readonly wakers: Map<string, () => void>;
  closed: boolean;
}

const shuttingDown = () => new RateLimitQueueFullError("The gateway is shutting down.", "length");

const tooLate = () =>
  new RateLimitQueueFullError("The request could not get a slot within its deadline under Connectly's rate limit; try again shortly.", "deadline");

/** Waits `ms`, or less if the key's waker is called first. */
function sleep(wakers: Map<string, () => void>, key: string, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      if (wakers.get(key) === wake) wakers.delete(key);
      resolve();
    };
    const timer = setTimeout(wake, Math.max(1, Math.ceil(ms)));
    wakers.set(key, wake);
  });
}

/** The caller's release: frees the admitted slot once, then wakes the key's pump. */
function releaser(wakers: Map<string, () => void>, key: string, admitted: Admitted): Release {
  let done = false;
  return (outcome) => {
    if (done) return;
    done = true;
    // A release that fails (Redis unreachable) leaves the hold to lapse on its own.
    void admitted.release(outcome).then(
      () => wakers.get(key)?.(),
      () => wakers.get(key)?.(),
    );
  };
}

/** Serves a key's queue head first until it is empty; one pump per key at a time. */
async function pump(state: LimiterState, key: string, queue: Waiter[]): Promise<void> {
  const { store, now, pumping } = state;
  if (pumping.has(key)) return;
  pumping.add(key);
  try {
    while (queue.length > 0 && !state.closed) {
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
        head.resolve(releaser(state.wakers, key, admission));
        continue;
      }
      // An exact wait past the deadline cannot end in time; a wait on a request in flight may end
      // sooner (when its answer comes), so it is waited out up to the deadline.
      if (admission.exact && now() + admission.waitMs > head.deadline) {
        queue.shift();
        head.reject(tooLate());
        continue;
      }
      await sleep(state.wakers, key, Math.min(admission.waitMs, head.deadline - now()));
    }
  } finally {
    pumping.delete(key);
    if (queue.length === 0) state.queues.delete(key);
  }
}

/** Queues a request for `key`, or refuses it at once past the queue's length or the request's deadline. */
function acquire(state: LimiterState, key: string, deadline: number): Promise<Release> {
  const { now } = state;
  if (state.closed) return Promise.reject(shuttingDown());
  let queue = state.queues.get(key);
  if (!queue) state.queues.set(key, (queue = []));
  if (queue.length >= state.maxQueue) {
    return Promise.reject(new RateLimitQueueFullError(`${queue.length} requests are already waiting for Connectly's rate limit; try again shortly.`, "length"));
  }
  // Refuse at once what cannot start before its deadline even if every slot goes to the queue ahead.
  const earliest = now() + (queue.length * 1000) / state.perSecond;
  if (earliest > deadline) {
    return Promise.reject(
      new RateLimitQueueFullError(
        `${queue.length} requests are waiting for Connectly's rate limit; this one could not start within its deadline. Try again shortly.`,
        "deadline",
      ),
    );
  }
  const promise = new Promise<Release>((resolve, reject) => queue.push({ deadline, resolve, reject }));
  void pump(state, key, queue);
  return promise;
}

async function close(state: LimiterState): Promise<void> {
  state.closed = true;
  for (const wake of [...state.wakers.values()]) wake();
  for (const queue of state.queues.values()) for (const w of queue.splice(0)) w.reject(shuttingDown());
  await state.store.close();
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const state: LimiterState = {
    store: options.store,
    perSecond: options.perSecond,
    maxQueue: options.maxQueue,
    now: options.now ?? Date.now,
    queues: new Map(),
    pumping: new Set(),
    wakers: new Map(),
    closed: false,
  };
  return {
    acquire: (key, deadline) => acquire(state, key, deadline),
    queued: () => [...state.queues.values()].reduce((n, q) => n + q.length, 0),
    close: () => close(state),
  };
}
