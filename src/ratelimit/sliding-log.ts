/**
 * The outbound rate rules, as pure functions of a clock passed in.
 *
 * - A strict sliding-window log: at most `limit` events in any `windowMs` span. Unlike a fixed
 *   window, which admits up to twice its limit across a window boundary, a log never lets a strict
 *   upstream window see more than the limit. Each event is stamped when it is actually admitted.
 * - A burst shaper (a token bucket, GCRA): `burst` requests may go back to back, then they are paced
 *   slightly faster than the account rate. It spreads requests out (a strict upstream is sensitive
 *   to bunches, whose queueing delays differ from those of lone requests) while the log sets the
 *   pace. A bucket keeps the credit a late timer would otherwise lose, so event-loop lag does not
 *   lower the rate, as it would for a short sliding window.
 */
export interface WindowRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface ShapeRule {
  /** Requests that may go back to back. */
  readonly burst: number;
  /** Average spacing, in ms, once the burst is spent. */
  readonly intervalMs: number;
}

export interface AccountRules {
  readonly windows: readonly WindowRule[];
  readonly shape?: ShapeRule;
}

export interface SlidingLog {
  /** Records an event at `now` and returns 0, or returns the ms to wait before it would fit every rule. */
  tryAcquire(now: number): number;
}

/** One window: a ring buffer of the last `limit` admitted events. */
function createRing({ limit, windowMs }: WindowRule) {
  const stamps = new Float64Array(limit);
  let next = 0;
  let count = 0;
  return {
    waitMs: (now: number) => (count < limit ? 0 : Math.max(0, (stamps[next] ?? 0) + windowMs - now)),
    record(now: number) {
      stamps[next] = now;
      next = (next + 1) % limit;
      if (count < limit) count++;
    },
  };
}

/** GCRA: `tat` is the theoretical arrival time of the next request. */
function createBucket({ burst, intervalMs }: ShapeRule) {
  let tat = -Infinity;
  const tolerance = (burst - 1) * intervalMs;
  return {
    waitMs: (now: number) => Math.max(0, Math.max(tat, now) - now - tolerance),
    record(now: number) {
      tat = Math.max(tat, now) + intervalMs;
    },
  };
}

/** Rules as given: the full set, or just windows. */
export const asAccountRules = (rules: AccountRules | readonly WindowRule[]): AccountRules =>
  Array.isArray(rules) ? { windows: rules as readonly WindowRule[] } : (rules as AccountRules);

export function createSlidingLog(rules: AccountRules | readonly WindowRule[]): SlidingLog {
  const { windows, shape } = asAccountRules(rules);
  if (windows.length === 0 || windows.some((r) => !(r.limit >= 1 && r.windowMs > 0))) throw new Error("sliding log: invalid rules");
  const parts: { waitMs(now: number): number; record(now: number): void }[] = windows.map(createRing);
  if (shape) parts.push(createBucket(shape));
  return {
    tryAcquire(now) {
      let wait = 0;
      for (const p of parts) wait = Math.max(wait, p.waitMs(now));
      if (wait > 0) return wait;
      for (const p of parts) p.record(now);
      return 0;
    },
  };
}

/**
 * An account limit of `perSecond`: the strict 1-second log (widened by a margin for network jitter)
 * and a shaper allowing `burst` back to back, paced 10% faster than the account rate.
 */
export function accountRules(perSecond: number, burst: number, marginMs: number): AccountRules {
  return {
    windows: [{ limit: perSecond, windowMs: 1000 + marginMs }],
    ...(burst < perSecond ? { shape: { burst, intervalMs: 1000 / (perSecond * 1.1) } } : {}),
  };
}
