/**
 * A strict sliding-window counter: at most `limit` events in any `windowMs` span. The sandbox uses
 * it to answer 429 exactly as a strict upstream would. Pure; the clock is passed in.
 */
export interface SlidingWindow {
  /** Records an event at `now` and returns 0, or returns the ms to wait when it would exceed the limit. */
  tryAcquire(now: number): number;
}

export function createSlidingWindow(limit: number, windowMs: number): SlidingWindow {
  const stamps = new Float64Array(limit); // ring buffer of the last `limit` accepted events
  let next = 0;
  let count = 0;
  return {
    tryAcquire(now) {
      if (count === limit) {
        const oldest = stamps[next] ?? 0;
        const wait = oldest + windowMs - now;
        if (wait > 0) return wait;
      } else {
        count++;
      }
      stamps[next] = now;
      next = (next + 1) % limit;
      return 0;
    },
  };
}
