/**
 * CONNECTLY_RATE_COUNT_UNTIL=learned on its own: the learning rule as pure functions of the round
 * trips and a clock passed in, and the in-memory store following it on a simulated network, where
 * every request's two legs are drawn within the modelled spread and the upstream's strict window is
 * checked by the times it counted each request.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backdateFor, createRoundTrips, DEFAULT_LEARNING_RULE } from "../src/ratelimit/round-trips.js";
import { createMemoryStore, type CountUntil } from "../src/ratelimit/stores.js";

const steady = (n: number, floor: number, spread: number): number[] => Array.from({ length: n }, (_, i) => floor + (spread * (i % 20)) / 19);

describe("the learning rule", () => {
  it("counts until the answer while it has too few round trips", () => {
    expect(backdateFor(steady(DEFAULT_LEARNING_RULE.minSamples - 1, 40, 4))).toEqual({ backMs: 0, fallback: "few" });
    expect(backdateFor(steady(DEFAULT_LEARNING_RULE.minSamples, 40, 4)).backMs).toBeGreaterThan(0);
  });

  it("counts until the answer when the round trips are spread wider than their floor", () => {
    expect(backdateFor(steady(100, 10, 30))).toEqual({ backMs: 0, fallback: "spread" });
    expect(backdateFor(steady(100, 10, 9)).backMs).toBeGreaterThan(0);
  });

  it("back-dates by the floor less a margin, and the margin grows with the spread (so requests count longer after their start)", () => {
    const narrow = backdateFor(steady(100, 40, 2));
    const wide = backdateFor(steady(100, 40, 20));
    // Narrow: the margin is the floor's share (4 ms of 40), more than a quarter of a 2 ms spread.
    expect(narrow).toMatchObject({ floorMs: 40, marginMs: 40 * DEFAULT_LEARNING_RULE.floorShare, backMs: 40 - 40 * DEFAULT_LEARNING_RULE.floorShare });
    expect("marginMs" in wide && wide.marginMs).toBeGreaterThan(40 * DEFAULT_LEARNING_RULE.floorShare);
    expect(wide.backMs).toBeLessThan(narrow.backMs);
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (floor, a, b) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          const first = backdateFor(steady(64, floor, less * floor));
          const second = backdateFor(steady(64, floor, more * floor));
          expect(second.backMs).toBeLessThanOrEqual(first.backMs);
          expect(first.backMs).toBeLessThan(floor);
        },
      ),
    );
  });

  it("counts until the answer for the cooling period after a 429, then learns again", () => {
    const trips = createRoundTrips();
    for (let i = 0; i < 64; i++) trips.observe(i, 40 + (i % 5));
    expect(trips.backdate(100).backMs).toBeGreaterThan(0);
    trips.rateLimited(100);
    expect(trips.backdate(100 + DEFAULT_LEARNING_RULE.coolMs - 1)).toEqual({ backMs: 0, fallback: "cooling" });
    for (let i = 0; i < 64; i++) trips.observe(100 + DEFAULT_LEARNING_RULE.coolMs + i, 40 + (i % 5));
    expect(trips.backdate(100 + DEFAULT_LEARNING_RULE.coolMs + 64).backMs).toBeGreaterThan(0);
  });

  it("forgets round trips older than maxAgeMs", () => {
    const trips = createRoundTrips();
    for (let i = 0; i < 64; i++) trips.observe(i, 40);
    expect(trips.backdate(64).backMs).toBeGreaterThan(0);
    expect(trips.backdate(64 + DEFAULT_LEARNING_RULE.maxAgeMs)).toEqual({ backMs: 0, fallback: "few" });
  });
});

/** A request's two legs: the way there (until the upstream counts it) and the way back. */
interface Legs {
  readonly there: number;
  readonly back: number;
}

const LIMIT = 10;
const WINDOW_MS = 1000;

/**
 * Runs `count` requests through a memory store on a simulated clock: each admitted request is
 * counted upstream after its way there and answered after its way back (200 unless `status` says
 * otherwise), and released then. Returns the upstream's counting times; `backs` gets how far before
 * its answer each request was stamped, in the order of the answers.
 */
async function simulate(
  countUntil: CountUntil,
  legs: readonly Legs[],
  count: number,
  status: (i: number) => number = () => 200,
  backs: { i: number; ms: number }[] = [],
): Promise<number[]> {
  let t = 0;
  let releasing = -1;
  const store = createMemoryStore({ windows: [{ limit: LIMIT, windowMs: WINDOW_MS + 1 }] }, () => t, {
    countUntil,
    onSettled: (ms) => backs.push({ i: releasing, ms }),
  });
  const counted: number[] = [];
  const inFlight: { at: number; i: number; release: (o: { answered: true; status: number }) => Promise<void> }[] = [];
  let next = 0;
  while (next < count || inFlight.length > 0) {
    let waitMs = Infinity;
    while (next < count) {
      const admission = await store.tryAcquire("k");
      if (!admission.admitted) {
        waitMs = admission.waitMs;
        break;
      }
      const { there, back } = legs[next % legs.length]!;
      counted.push(t + there);
      inFlight.push({ at: t + there + back, i: next, release: (o) => admission.release(o) });
      next++;
    }
    inFlight.sort((a, b) => a.at - b.at);
    t = Math.min(inFlight[0]?.at ?? Infinity, next < count ? t + waitMs : Infinity);
    while (inFlight.length > 0 && inFlight[0]!.at <= t) {
      const done = inFlight.shift()!;
      releasing = done.i;
      await done.release({ answered: true, status: status(done.i) });
    }
  }
  return counted;
}

/** The most counting times in any span shorter than the upstream's window. */
function mostInWindow(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= WINDOW_MS) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

/**
 * Delays within the model: each leg is its floor plus up to twice the jitter, and in every 32
 * requests one has both legs at their floors (a fast way there can meet a fast way back).
 */
const unit = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
const network = fc
  .record({
    there: fc.double({ min: 0, max: 200, noNaN: true }),
    back: fc.double({ min: 0, max: 200, noNaN: true }),
    jitter: fc.double({ min: 0, max: 25, noNaN: true }),
    // Draws at the extremes often: the worst case pairs a slow way there with a fast one in the same place.
    draws: fc.array(fc.tuple(unit, unit), { minLength: 32, maxLength: 128 }),
    floorAt: fc.nat({ max: 31 }),
  })
  .map(({ there, back, jitter, draws, floorAt }): Legs[] =>
    draws.map(([u, v], i) => (i % 32 === floorAt ? { there, back } : { there: there + 2 * jitter * u, back: back + 2 * jitter * v })),
  );

describe("the memory store, learned, on a simulated network", () => {
  it("never puts limit + 1 in any window of the upstream's counting times, for random delays within the modelled spread", async () => {
    await fc.assert(
      fc.asyncProperty(network, async (legs) => {
        const counted = await simulate("learned", legs, 300);
        expect(mostInWindow(counted)).toBeLessThanOrEqual(LIMIT);
      }),
      { numRuns: 60 },
    );
  });

  it("learns: at a 40 ms round trip with little jitter, a place is used again sooner than a window after the answer", async () => {
    const legs = Array.from({ length: 64 }, (_, i): Legs => ({ there: 20 + (i % 4), back: 20 + ((i * 3) % 4) }));
    const learned = [...(await simulate("learned", legs, 400))].sort((a, b) => a - b);
    const answer = [...(await simulate("answer", legs, 400))].sort((a, b) => a - b);
    // Counting times of the last request: learned reaches it sooner, answer holds a round trip per place.
    expect(learned.at(-1)!).toBeLessThan(answer.at(-1)!);
    expect(mostInWindow(learned)).toBeLessThanOrEqual(LIMIT);
  });

  it("keeps the window when the way there suddenly gets faster by less than the floor's share of the margin", async () => {
    // 200 requests at 40 ms each way, then the way there drops to 33 ms (the 80 ms floor's tenth is 8 ms)
    // while the way back stays: the worst case, a slow answer's place taken by a fast arrival.
    const legs = Array.from({ length: 400 }, (_, i): Legs => ({ there: i < 200 ? 40 + (i % 2) : 33, back: 40 + (i % 2) }));
    expect(mostInWindow(await simulate("learned", legs, 400))).toBeLessThanOrEqual(LIMIT);
  });

  it("after a 429, counts until the answer again for the cooling period", async () => {
    const legs = Array.from({ length: 64 }, (_, i): Legs => ({ there: 20 + (i % 4), back: 20 + ((i * 3) % 4) }));
    const backs: { i: number; ms: number }[] = [];
    // Request 100 is refused; the run (400 at 10 per second) ends within the cooling minute.
    await simulate("learned", legs, 400, (i) => (i === 100 ? 429 : 200), backs);
    const refused = backs.findIndex((b) => b.i === 100);
    expect(backs.slice(0, refused).some((b) => b.ms > 0)).toBe(true);
    expect(backs.slice(refused).filter((b) => b.ms !== 0)).toEqual([]);
  });

  it("the check has teeth: counting from the start only, the same kind of network does put limit + 1 in a window", async () => {
    // A batch of a window's requests slow on the way, the next batch fast.
    const legs = Array.from({ length: 2 * LIMIT }, (_, i): Legs => ({ there: i < LIMIT ? 30 : 5, back: 5 }));
    expect(mostInWindow(await simulate("start", legs, 300))).toBeGreaterThan(LIMIT);
  });
});
