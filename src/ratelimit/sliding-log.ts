/**
 * Strict sliding-window logs: at most `limit` events in any `windowMs` span, for each of several
 * windows at once (e.g. 200 per second and, as the burst allowance, 20 per 100 ms). Unlike a fixed
 * window, which admits up to twice its limit across a window boundary, a log never lets a strict
 * upstream window see more than the limit. Pure; the clock is passed in.
 */
export interface WindowRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface SlidingLog {
  /** Records an event at `now` and returns 0, or returns the ms to wait before it would fit every rule. */
  tryAcquire(now: number): number;
}

/** One rule: a ring buffer of the last `limit` admitted events. */
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

export function createSlidingLog(rules: readonly WindowRule[]): SlidingLog {
  if (rules.length === 0 || rules.some((r) => !(r.limit >= 1 && r.windowMs > 0))) throw new Error("sliding log: invalid rules");
  const rings = rules.map(createRing);
  return {
    tryAcquire(now) {
      const wait = Math.max(...rings.map((r) => r.waitMs(now)));
      if (wait > 0) return wait;
      for (const ring of rings) ring.record(now);
      return 0;
    },
  };
}

/**
 * The rules for an account limit of `perSecond`: the strict 1-second window (widened by a margin for
 * network jitter), and a burst allowance of `burst` requests in a short window. The short window runs
 * 10% faster than the account rate so it only shapes bursts: the 1-second rule sets the pace, and a
 * late timer costs a short window proportionally more than the long one.
 */
export function accountRules(perSecond: number, burst: number, marginMs: number): WindowRule[] {
  const rules: WindowRule[] = [{ limit: perSecond, windowMs: 1000 + marginMs }];
  if (burst < perSecond) rules.push({ limit: burst, windowMs: (burst * 1000 * 0.9) / perSecond });
  return rules;
}
