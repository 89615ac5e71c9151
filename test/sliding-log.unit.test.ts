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

  it("with the burst shaper, let `burst` go back to back, then pace them, while the log sets the pace", () => {
    const log = createSlidingLog(accountRules(200, 5, 0)); // 200 per 1000 ms; 5 back to back, then every 1000/220 ms
    const fresh = createSlidingLog(accountRules(200, 5, 0));
    for (let i = 0; i < 5; i++) expect(fresh.tryAcquire(0)).toBe(0);
    expect(fresh.tryAcquire(0)).toBeCloseTo(1000 / 220, 6);
    const admitted: number[] = [];
    for (let t = 0; t < 3000; t += 0.25) if (log.tryAcquire(t) === 0) admitted.push(t);
    for (let i = 200; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 200]!).toBeGreaterThanOrEqual(1000);
    // GCRA: in any span, at most `burst` plus one per interval
    for (let i = 0; i < admitted.length; i++)
      for (let j = i + 1; j < Math.min(admitted.length, i + 60); j++)
        expect(j - i + 1).toBeLessThanOrEqual(5 + (admitted[j]! - admitted[i]!) / (1000 / 220) + 1e-6);
    expect(admitted.length).toBe(600); // the 1-second rule sets the pace
  });

  it("keep the shaper's credit across a late wake-up, so lag does not lower the rate", () => {
    const log = createSlidingLog({ windows: [{ limit: 1000, windowMs: 1000 }], shape: { burst: 5, intervalMs: 5 } });
    expect(log.tryAcquire(0)).toBe(0);
    // nothing for 50 ms (a stalled event loop): 5 may go at once, not 1
    expect([50, 50, 50, 50, 50].map((t) => log.tryAcquire(t))).toEqual([0, 0, 0, 0, 0]);
    expect(log.tryAcquire(50)).toBeGreaterThan(0);
  });

  it("widen the account window by the margin", () => {
    const rules = accountRules(200, 20, 5);
    expect(rules.windows).toEqual([{ limit: 200, windowMs: 1005 }]);
    expect(rules.shape?.burst).toBe(20);
    expect(rules.shape?.intervalMs).toBeCloseTo(1000 / 220, 9);
    expect(accountRules(200, 200, 0)).toEqual({ windows: [{ limit: 200, windowMs: 1000 }] });
  });
});
