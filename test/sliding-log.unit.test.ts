import { describe, expect, it } from "vitest";
import { createSlidingWindow } from "../src/sandbox/sliding-window.js";

describe("the sandbox's strict sliding window", () => {
  it("admits `limit` events in any window and says how long to wait for the next", () => {
    const window = createSlidingWindow(3, 1000);
    expect([0, 100, 200].map((t) => window.tryAcquire(t))).toEqual([0, 0, 0]);
    expect(window.tryAcquire(999)).toBe(1); // the event at 0 leaves the window at 1000
    expect(window.tryAcquire(1000)).toBe(0);
    expect(window.tryAcquire(1050)).toBe(50); // now 100, 200, 1000 are inside
    expect(window.tryAcquire(1100)).toBe(0);
  });

  it("never admits more than the limit in any 1-second span of a dense stream", () => {
    const window = createSlidingWindow(200, 1000);
    const admitted: number[] = [];
    for (let t = 0; t < 5000; t += 0.5) if (window.tryAcquire(t) === 0) admitted.push(t);
    for (let i = 200; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 200]!).toBeGreaterThanOrEqual(1000);
    expect(admitted.length).toBe(1000); // and reaches the limit: 200 per second over 5 s
  });
});
