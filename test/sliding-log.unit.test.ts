import { describe, expect, it } from "vitest";
import { accountRules, createSlidingLog, isHold, type Hold } from "../src/ratelimit/sliding-log.js";

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

  describe("held events (counted until their answer)", () => {
    const hold = (log: ReturnType<typeof createSlidingLog>, now: number, until = now + 60_000): Hold => {
      const h = log.tryHold(now, until);
      if (!isHold(h)) throw new Error(`expected admission at ${now}, got a wait of ${h.waitMs}`);
      return h;
    };

    it("a held event blocks its slot with an inexact wait; settled, it frees the slot a window after its answer", () => {
      const log = createSlidingLog([{ limit: 2, windowMs: 1000 }]);
      const a = hold(log, 0);
      hold(log, 10);
      // Both in flight: the wait is only an upper bound (until a hold could lapse, plus a window).
      expect(log.tryHold(2000, 62_000)).toEqual({ waitMs: 59_000, exact: false });
      log.settle(a, 2500); // a's answer came at 2500: its slot frees at 3500, not 1000
      expect(log.tryHold(3000, 63_000)).toEqual({ waitMs: 500, exact: true });
      expect(isHold(log.tryHold(3500, 63_500))).toBe(true);
    });

    it("settling twice, or after the hold lapsed and its slot went to another event, changes nothing", () => {
      const log = createSlidingLog([{ limit: 1, windowMs: 100 }]);
      const a = hold(log, 0, 50); // lapses at 50
      const b = hold(log, 150); // a's slot, reused
      log.settle(a, 160); // too late: must not free b's slot
      expect(log.tryHold(300, 1000)).toMatchObject({ exact: false });
      log.settle(b, 200);
      log.settle(b, 10); // a second settle cannot move the stamp
      expect(log.tryHold(250, 1000)).toEqual({ waitMs: 50, exact: true });
    });

    it("whatever the delays, an upstream stamping each event between its start and its answer never sees more than the limit in a window", () => {
      // 200 per second; each request's answer comes 0 to 80 ms after its start; the upstream stamps it
      // anywhere in between. Requests are offered every 0.5 ms for 5 s.
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const log = createSlidingLog([{ limit: 200, windowMs: 1000 }]);
      const inFlight: { hold: Hold; answerAt: number }[] = [];
      const upstream: number[] = [];
      for (let t = 0; t < 5000; t += 0.5) {
        for (let i = inFlight.length - 1; i >= 0; i--) {
          if (inFlight[i]!.answerAt <= t) {
            log.settle(inFlight[i]!.hold, inFlight[i]!.answerAt);
            inFlight.splice(i, 1);
          }
        }
        const h = log.tryHold(t, t + 60_000);
        if (!isHold(h)) continue;
        const rtt = 80 * random();
        upstream.push(t + rtt * random());
        inFlight.push({ hold: h, answerAt: t + rtt });
      }
      upstream.sort((x, y) => x - y);
      for (let i = 200; i < upstream.length; i++) expect(upstream[i]! - upstream[i - 200]!).toBeGreaterThanOrEqual(1000);
      // The cost of certainty: each slot is busy for a window plus a round trip (40 ms on average here).
      expect(upstream.length).toBeGreaterThan(900);
    });
  });
});
