import { describe, expect, it } from "vitest";
import { accountRules, createSlidingLog } from "../src/ratelimit/sliding-log.js";

describe("strict sliding-window logs", () => {
  it("admit `limit` events in any window and say how long to wait for the next", () => {
    const log = createSlidingLog([{ limit: 3, windowMs: 1000 }]);
    expect([0, 100, 200].map((t) => log.tryAcquire(t))).toEqual([0, 0, 0]);
    expect(log.tryAcquire(999)).toBe(1); // the event at 0 leaves the window at 1000
    expect(log.tryAcquire(1000)).toBe(0);
    expect(log.tryAcquire(1050)).toBe(50); // now 100, 200, 1000 are inside
    expect(log.tryAcquire(1100)).toBe(0);
  });

  it("never admit more than the limit in any 1-second span of a dense stream, and reach it", () => {
    const log = createSlidingLog([{ limit: 200, windowMs: 1000 }]);
    const admitted: number[] = [];
    for (let t = 0; t < 5000; t += 0.5) if (log.tryAcquire(t) === 0) admitted.push(t);
    for (let i = 200; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 200]!).toBeGreaterThanOrEqual(1000);
    expect(admitted.length).toBe(1000);
  });

  it("with a burst rule, hold every rule at once and wait for the strictest", () => {
    const log = createSlidingLog(accountRules(200, 20, 0)); // 200 per 1000 ms and 20 per 90 ms
    const admitted: number[] = [];
    for (let t = 0; t < 3000; t += 0.25) if (log.tryAcquire(t) === 0) admitted.push(t);
    for (let i = 20; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 20]!).toBeGreaterThanOrEqual(90);
    for (let i = 200; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 200]!).toBeGreaterThanOrEqual(1000);
    expect(admitted.length).toBe(600); // the 1-second rule sets the pace
    const fresh = createSlidingLog(accountRules(200, 20, 0));
    for (let i = 0; i < 20; i++) expect(fresh.tryAcquire(0)).toBe(0);
    expect(fresh.tryAcquire(0)).toBe(90);
  });

  it("widen the account window by the margin", () => {
    expect(accountRules(200, 20, 5)).toEqual([
      { limit: 200, windowMs: 1005 },
      { limit: 20, windowMs: 90 },
    ]);
    expect(accountRules(200, 200, 0)).toEqual([{ limit: 200, windowMs: 1000 }]);
  });
});
