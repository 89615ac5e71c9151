/**
 * The outbound limiter on its own, over the in-memory window store: requests for one key are
 * admitted in FIFO order, never more than the store's limit in any window, and refused at once
 * (RateLimitQueueFullError, before any timer could fire) when the queue is full or the wait cannot
 * end before the deadline. Pace is checked on fake timers; no test here asserts a duration.
 */
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { createRateLimiter, RateLimitQueueFullError, type RateLimiter } from "../src/ratelimit/limiter.js";
import type { WindowRule } from "../src/ratelimit/sliding-log.js";
import { createMemoryStore, type StoreOptions, type WindowStore } from "../src/ratelimit/stores.js";

/**
 * A memory store that records the store-clock time of every admission it grants. By default
 * requests count from their start only (the limiter's queueing on its own); "answer" holds them.
 */
function recordingStore(
  rules: readonly WindowRule[],
  options: StoreOptions = { countUntil: "start" },
): { store: WindowStore; admitted: number[]; calls: () => number; closed: () => boolean } {
  const clock = () => performance.now();
  const inner = createMemoryStore(rules, clock, options);
  const admitted: number[] = [];
  let calls = 0;
  let closed = false;
  return {
    admitted,
    calls: () => calls,
    closed: () => closed,
    store: {
      async tryAcquire(key) {
        calls++;
        const at = clock();
        const admission = await inner.tryAcquire(key);
        if (admission.admitted) admitted.push(at);
        return admission;
      },
      async close() {
        closed = true;
        await inner.close();
      },
    },
  };
}

function limiterFor(store: WindowStore, perSecond: number, maxQueue: number): RateLimiter {
  const limiter = createRateLimiter({ store, perSecond, maxQueue });
  onTestFinished(() => limiter.close());
  return limiter;
}

/**
 * Whether `promise` settles before any timer can fire: "at once" without a clock. A limiter that
 * waited for a window or a deadline would settle only after a timer.
 */
async function settlesAtOnce(promise: Promise<unknown>): Promise<boolean> {
  const settled = promise.then(
    () => true,
    () => true,
  );
  return Promise.race([settled, new Promise<false>((resolve) => setImmediate(() => resolve(false)))]);
}

/** Awaits a promise expected to reject with RateLimitQueueFullError; returns it and whether it was refused at once. */
async function refusal(promise: Promise<unknown>): Promise<{ error: RateLimitQueueFullError; atOnce: boolean }> {
  const atOnce = await settlesAtOnce(promise);
  const error = await promise.then(
    () => {
      throw new Error("expected a RateLimitQueueFullError, but the request was admitted");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitQueueFullError);
  return { error: error as RateLimitQueueFullError, atOnce };
}

const far = () => Date.now() + 60_000;

describe("the outbound limiter", () => {
  it("admits waiting requests in FIFO order", async () => {
    const { store } = recordingStore([{ limit: 2, windowMs: 100 }]);
    const limiter = limiterFor(store, 20, 100);
    const order: number[] = [];
    const all = Array.from({ length: 8 }, (_, i) => limiter.acquire("k", far()).then(() => void order.push(i)));
    expect(limiter.queued()).toBe(8);
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(limiter.queued()).toBe(0);
  });

  it("never admits more than `limit` in any window, and admits the next ones as each window frees (5 per 200 ms)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    onTestFinished(() => void vi.useRealTimers());
    const { store, admitted } = recordingStore([{ limit: 5, windowMs: 200 }]);
    const limiter = limiterFor(store, 25, 1000);
    let resolved = 0;
    const all = Promise.all(Array.from({ length: 25 }, () => limiter.acquire("k", far()).then(() => void resolved++)));

    // The clock moves only when told to: five at once, then five more as each window frees (a
    // millisecond of rounding a window at most), and the next five not before their window.
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(5);
    for (let window = 1; window <= 4; window++) {
      await vi.advanceTimersByTimeAsync(205);
      expect(resolved).toBe(5 * (window + 1));
    }
    await all;
    expect(admitted).toHaveLength(25);
    // Admission times are the store's own clock: strictly at most 5 in any 200 ms.
    for (let i = 5; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 5]!).toBeGreaterThanOrEqual(200);
  });

  it("keeps a queue per key: a full window for one key does not hold up another", async () => {
    const { store } = recordingStore([{ limit: 1, windowMs: 2000 }]);
    const limiter = limiterFor(store, 1, 10);
    await limiter.acquire("a", far());
    const blocked = limiter.acquire("a", far());
    blocked.catch(() => {}); // rejected by close() when the test ends
    const other = limiter.acquire("b", far());
    expect(await settlesAtOnce(other)).toBe(true);
    await other;
    expect(limiter.queued()).toBe(1);
  });

  it("refuses at once with bound 'length' when the key's queue is full", async () => {
    const { store, calls } = recordingStore([{ limit: 1, windowMs: 2000 }]);
    const limiter = limiterFor(store, 1, 2);
    await limiter.acquire("k", far()); // takes the window's one slot
    const waiting = [limiter.acquire("k", far()), limiter.acquire("k", far())];
    for (const w of waiting) w.catch(() => {});
    expect(limiter.queued()).toBe(2);
    const callsBefore = calls();

    const { error, atOnce } = await refusal(limiter.acquire("k", far()));
    expect(error.bound).toBe("length");
    expect(error.code).toBe("RATE_LIMIT_QUEUE_FULL");
    expect(error.message).toMatch(/2 requests are already waiting.*try again/i);
    expect(atOnce).toBe(true);
    expect(calls()).toBe(callsBefore); // refused without asking the store
    expect(limiter.queued()).toBe(2); // the waiters are still waiting
  });

  it("refuses at once with bound 'deadline' when the queue ahead cannot clear before the deadline", async () => {
    const { store } = recordingStore([{ limit: 1, windowMs: 2000 }]);
    const limiter = limiterFor(store, 1, 100);
    await limiter.acquire("k", far());
    const waiting = limiter.acquire("k", far());
    waiting.catch(() => {});
    // One request ahead at 1 per second: this one cannot start within 500 ms.
    const { error, atOnce } = await refusal(limiter.acquire("k", Date.now() + 500));
    expect(error.bound).toBe("deadline");
    expect(error.message).toMatch(/deadline.*try again/i);
    expect(atOnce).toBe(true);
    expect(limiter.queued()).toBe(1);
  });

  it("refuses at once with bound 'deadline' when the store's wait outlasts the deadline (empty queue)", async () => {
    const { store, admitted } = recordingStore([{ limit: 1, windowMs: 2000 }]);
    const limiter = limiterFor(store, 100, 100);
    await limiter.acquire("k", far());
    // The window frees a slot in about 2 s; the deadline is 300 ms away: no point waiting.
    const { error, atOnce } = await refusal(limiter.acquire("k", Date.now() + 300));
    expect(error.bound).toBe("deadline");
    expect(atOnce).toBe(true);
    expect(admitted).toHaveLength(1);
    expect(limiter.queued()).toBe(0);
  });

  it("admits a waiter whose deadline the wait fits in", async () => {
    const { store, admitted } = recordingStore([{ limit: 1, windowMs: 150 }]);
    const limiter = limiterFor(store, 5, 10);
    await limiter.acquire("k", far());
    const started = performance.now();
    await limiter.acquire("k", Date.now() + 1000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(admitted).toHaveLength(2);
    expect(admitted[1]! - admitted[0]!).toBeGreaterThanOrEqual(150);
  });

  describe("holds (counting until the answer), on fake timers", () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    /** Tracks whether a promise has settled, and how. */
    const track = <T>(promise: Promise<T>) => {
      const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
      promise.then(
        (value) => Object.assign(state, { settled: true, value }),
        (error: unknown) => Object.assign(state, { settled: true, error }),
      );
      return state;
    };

    it("holds an admitted request's place until its release, then frees it a window later; a release wakes the queue at once", async () => {
      const { store, admitted } = recordingStore([{ limit: 1, windowMs: 100 }], { countUntil: "answer" });
      const limiter = limiterFor(store, 10, 10);
      const release = await limiter.acquire("k", far());
      const next = track(limiter.acquire("k", far()));
      // Held for three windows: the next request must not start meanwhile.
      await vi.advanceTimersByTimeAsync(300);
      expect(next.settled).toBe(false);
      release();
      // It starts a full window after the release, not after the admission.
      await vi.advanceTimersByTimeAsync(99);
      expect(next.settled).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      expect(next.settled).toBe(true);
      expect(next.error).toBeUndefined();
      expect(admitted).toHaveLength(2);
      expect(admitted[1]! - admitted[0]!).toBeGreaterThanOrEqual(400);
    });

    it("waits on a request in flight up to the deadline instead of refusing at once, and is admitted when it is released", async () => {
      const { store } = recordingStore([{ limit: 1, windowMs: 20 }], { countUntil: "answer", holdMs: 60_000 });
      const limiter = limiterFor(store, 50, 10);
      const release = await limiter.acquire("k", far());
      // The hold could last a minute, but the deadline is 2 s away: it waits, and gets in after the release.
      const waiting = track(limiter.acquire("k", Date.now() + 2_000));
      await vi.advanceTimersByTimeAsync(100);
      expect(waiting.settled).toBe(false);
      release();
      await vi.advanceTimersByTimeAsync(21);
      expect(waiting.settled).toBe(true);
      expect(waiting.error).toBeUndefined();
    });

    it("refuses with bound 'deadline' when the request in flight is not released before the deadline", async () => {
      const { store } = recordingStore([{ limit: 1, windowMs: 20 }], { countUntil: "answer" });
      const limiter = limiterFor(store, 50, 10);
      await limiter.acquire("k", far()); // never released in this test
      const waiting = track(limiter.acquire("k", Date.now() + 200));
      await vi.advanceTimersByTimeAsync(150);
      expect(waiting.settled).toBe(false);
      await vi.advanceTimersByTimeAsync(60);
      expect(waiting.error).toBeInstanceOf(RateLimitQueueFullError);
      expect((waiting.error as RateLimitQueueFullError).bound).toBe("deadline");
    });

    it("a hold never released lapses after holdMs", async () => {
      const { store } = recordingStore([{ limit: 1, windowMs: 20 }], { countUntil: "answer", holdMs: 100 });
      const limiter = limiterFor(store, 50, 10);
      await limiter.acquire("k", far()); // never released
      const next = track(limiter.acquire("k", far()));
      // The hold lapses at 100 ms and counts for a window (20 ms) after that.
      await vi.advanceTimersByTimeAsync(119);
      expect(next.settled).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      expect(next.settled).toBe(true);
      expect(next.error).toBeUndefined();
    });
  });

  it("close() rejects every waiter, refuses new requests and closes the store", async () => {
    const { store, closed } = recordingStore([{ limit: 1, windowMs: 2000 }]);
    const limiter = createRateLimiter({ store, perSecond: 1, maxQueue: 10 });
    await limiter.acquire("k", far());
    const waiters = [limiter.acquire("k", far()), limiter.acquire("k", far()), limiter.acquire("other", far())];
    const outcomes = Promise.allSettled(waiters);
    await limiter.close();
    const settled = await outcomes;
    // "other" had a free window, so it may have been admitted before close(); the two behind "k" were not.
    expect(settled[0]).toMatchObject({ status: "rejected", reason: expect.any(RateLimitQueueFullError) });
    expect(settled[1]).toMatchObject({ status: "rejected", reason: expect.any(RateLimitQueueFullError) });
    expect(String((settled[0] as PromiseRejectedResult).reason.message)).toMatch(/shutting down/);
    expect(limiter.queued()).toBe(0);
    expect(closed()).toBe(true);
    const { error } = await refusal(limiter.acquire("k", far()));
    expect(error.message).toMatch(/shutting down/);
  });
});
