import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  afterCollection,
  collectAgain,
  DEFAULT_IDLE_POLICY,
  honoursLastResort,
  IDLE_START,
  idleTick,
  policyFor,
  shouldCollect,
  startIdleCollection,
  type IdleSample,
  type IdleState,
} from "../src/core/idle-collection.js";

const MB = 1024 * 1024;
const policy = DEFAULT_IDLE_POLICY;

describe("when the idle collection runs", () => {
  it("runs once the process is quiet, the first time whatever the heap", () => {
    expect(shouldCollect(0.01, 40 * MB, null, policy)).toBe(true);
    expect(shouldCollect(0.5, 40 * MB, null, policy)).toBe(false);
  });

  it("runs again only after the heap grew by more than the policy's growth since the last one", () => {
    expect(shouldCollect(0.01, 60 * MB, 50 * MB, policy)).toBe(false);
    expect(shouldCollect(0.01, 66 * MB + 1, 50 * MB, policy)).toBe(true);
    expect(shouldCollect(0.01, 66 * MB, 50 * MB, policy)).toBe(false);
  });

  it("never runs while the event loop is busy (or its utilisation is not a number)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: policy.quietBelow, max: 1, noNaN: true }), fc.constant(Number.NaN)),
        fc.nat(),
        fc.option(fc.nat()),
        (utilization, heap, last) => !shouldCollect(utilization, heap, last, policy),
      ),
    );
  });

  it("when quiet, runs exactly when the heap outgrew the last collection's by the growth", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: policy.quietBelow, maxExcluded: true, noNaN: true }), fc.nat(), fc.nat(), (utilization, heap, last) => {
        expect(shouldCollect(utilization, heap, last, policy)).toBe(heap > last + policy.growthBytes);
      }),
    );
  });
});

describe("when the idle collection runs once more", () => {
  it("after a round that gave back at least a quarter of the growth, up to the policy's rounds", () => {
    const quarter = policy.growthBytes / 4;
    expect(collectAgain(100 * MB, 100 * MB - quarter, 1, policy)).toBe(true);
    expect(collectAgain(100 * MB, 100 * MB - quarter + 1, 1, policy)).toBe(false);
    expect(collectAgain(100 * MB, 50 * MB, policy.maxRounds - 1, policy)).toBe(true);
    expect(collectAgain(100 * MB, 50 * MB, policy.maxRounds, policy)).toBe(false);
  });

  it("never more than maxRounds in a row, nor after a round that gave back nothing", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 10 }), (before, after, round) => {
        const again = collectAgain(before, after, round, policy);
        if (round >= policy.maxRounds || after >= before) expect(again).toBe(false);
      }),
    );
  });
});

describe("the idle collection's rounds, tick by tick", () => {
  const quiet = (heap: number, young = 0): IdleSample => ({ utilization: 0.01, heap, young });
  const busy = (heap: number, young = 0): IdleSample => ({ utilization: 0.5, heap, young });
  /** The policy without the spacing of collections for growth, for the rules that do not depend on it. */
  const unspaced = { ...policy, minGrowthIntervalTicks: 0 };
  /** Runs ticks; a collection takes `gives` MB back from the heap it started at. */
  function run(samples: IdleSample[], gives: number[], p = unspaced): { collections: number; state: IdleState; at: number[] } {
    let state = IDLE_START;
    let collections = 0;
    const at: number[] = [];
    for (const [i, sample] of samples.entries()) {
      const tick = idleTick(state, sample, p);
      state = tick.state;
      if (tick.collect) {
        at.push(i);
        state = afterCollection(state, sample.heap, sample.heap - (gives[collections++] ?? 0) * MB, p);
      }
    }
    return { collections, state, at };
  }

  it("after a load, collects while each round gives back enough, at most maxRounds in a row", () => {
    expect(run([quiet(40 * MB), busy(200 * MB), quiet(200 * MB), quiet(150 * MB), quiet(110 * MB), quiet(90 * MB)], [0, 50, 40, 20, 10]).collections).toBe(4);
  });

  it("stops the rounds when one gives back little", () => {
    const { collections, state } = run([quiet(40 * MB), quiet(200 * MB), quiet(200 * MB), quiet(200 * MB)], [0, 1]);
    // The first at start-up, the second for the growth; it gave back 1 MB, so no third.
    expect(collections).toBe(2);
    expect(state).toMatchObject({ heapAfterLast: 199 * MB, peak: 200 * MB, round: 0, again: false, quietTicks: 4 });
  });

  it("collects for a peak seen while busy, though V8 shrank its spaces before the process went quiet", () => {
    // Node 22 and 24 shrink the spaces themselves and keep the pages resident: the growth shows only at its peak.
    expect(run([quiet(40 * MB), busy(300 * MB), busy(120 * MB), quiet(45 * MB)], [0, 0]).collections).toBe(2);
    expect(run([quiet(40 * MB), busy(50 * MB), quiet(45 * MB)], [0, 0]).collections).toBe(1);
  });

  it("after a collection the peak starts again from what it left", () => {
    // Start-up, the load's peak, the round after it (it gave back 250 MB), then 10 MB of growth: no fourth.
    const { collections, state } = run([quiet(40 * MB), busy(300 * MB), quiet(300 * MB), quiet(50 * MB), busy(60 * MB), quiet(60 * MB)], [0, 250, 0]);
    expect(collections).toBe(3);
    expect(state).toMatchObject({ heapAfterLast: 50 * MB, peak: 60 * MB, round: 0, again: false, quietTicks: 1 });
  });

  it("the peak is the most of every tick's heap since the last collection", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ utilization: fc.double({ min: 0, max: 1, noNaN: true }), heap: fc.nat(), young: fc.nat() }), { minLength: 1, maxLength: 30 }),
        (samples) => {
          let state: IdleState = { ...IDLE_START, heapAfterLast: Number.MAX_SAFE_INTEGER };
          for (const sample of samples) state = idleTick(state, sample, policy).state;
          expect(state.peak).toBe(Math.max(...samples.map((s) => s.heap)));
        },
      ),
    );
  });

  it("collects the young generation once after each run for growth, six quiet ticks in", () => {
    const ticks = (n: number, young: number, heap = 40 * MB) => Array.from({ length: n }, () => quiet(heap, young));
    // Start-up's collection, then the sixth quiet tick with 32 MB of young generation; no third.
    expect(run(ticks(12, 32 * MB), [0, 0]).at).toEqual([0, policy.settleTicks - 1]);
    expect(run(ticks(policy.settleTicks - 1, 32 * MB), [0]).collections).toBe(1);
    expect(run(ticks(12, policy.youngBytes), [0]).collections).toBe(1);
    // A busy tick does not make another due: only a new run for growth does.
    expect(run([...ticks(8, 32 * MB), busy(40 * MB, 32 * MB), ...ticks(8, 32 * MB)], [0, 0]).collections).toBe(2);
    expect(run([...ticks(8, 32 * MB), busy(80 * MB, 32 * MB), ...ticks(8, 32 * MB, 80 * MB)], [0, 0, 0, 0]).collections).toBe(4);
  });

  it("the young generation's collection ends its run: no round after it", () => {
    // It gave back 40 MB of old generation, which would make a round after a collection for growth.
    const ticks = [...Array.from({ length: 6 }, () => quiet(300 * MB, 32 * MB)), ...Array.from({ length: 4 }, () => quiet(260 * MB, 1 * MB))];
    expect(run(ticks, [0, 40], policy).collections).toBe(2);
  });

  it("collects for growth at once, spacing or not, when the old generation grew by largeGrowthBytes", () => {
    const { at } = run([quiet(40 * MB), busy(40 * MB + policy.largeGrowthBytes), quiet(50 * MB), busy(60 * MB), quiet(60 * MB)], [], {
      ...policy,
      maxRounds: 1,
    });
    expect(at).toEqual([0, 2]);
  });

  it("collects for growth at most once every minGrowthIntervalTicks, the first excepted", () => {
    // A sawtooth: the heap outgrows the last collection's by 40 MB on every other tick.
    const saw = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? quiet(40 * MB) : busy(80 * MB)));
    const { at } = run(saw, [], { ...policy, maxRounds: 1 });
    expect(at[0]).toBe(0);
    for (let k = 1; k < at.length; k++) expect(at[k]! - at[k - 1]!).toBeGreaterThanOrEqual(policy.minGrowthIntervalTicks);
    expect(at.length).toBeGreaterThan(1);
  });

  it("never more than maxRounds + 1 collections in any minGrowthIntervalTicks ticks, whatever the ticks", () => {
    fc.assert(
      fc.property(
        // Heaps in a band narrower than largeGrowthBytes, collections that give back little: a light load's sawtooth.
        fc.array(
          fc.record({ utilization: fc.double({ min: 0, max: 0.2, noNaN: true }), heap: fc.integer({ min: 200, max: 259 }), young: fc.nat({ max: 64 }) }),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        fc.array(fc.nat({ max: 4 }), { maxLength: 200 }),
        (raw, gives) => {
          const samples = raw.map((r) => ({ utilization: r.utilization, heap: r.heap * MB, young: r.young * MB }));
          const { at } = run(samples, gives, policy);
          for (let k = 0; k < at.length; k++) {
            const within = at.filter((t) => t >= at[k]! && t < at[k]! + policy.minGrowthIntervalTicks).length;
            // The first run (start-up, not spaced) may meet the next one in a window.
            expect(within).toBeLessThanOrEqual(k === 0 ? 2 * (policy.maxRounds + 1) : policy.maxRounds + 1);
          }
        },
      ),
    );
  });

  it("a busy tick ends a run of rounds: after it, only new growth starts one", () => {
    const { collections } = run([quiet(100 * MB), busy(60 * MB), quiet(60 * MB), quiet(60 * MB)], [40]);
    expect(collections).toBe(1);
  });

  it("never collects on a busy tick, whatever the state", () => {
    fc.assert(
      fc.property(
        fc.record({
          heapAfterLast: fc.option(fc.nat()),
          peak: fc.nat(),
          round: fc.nat({ max: 5 }),
          again: fc.boolean(),
          quietTicks: fc.nat({ max: 100 }),
          sinceGrowth: fc.nat({ max: 100 }),
          settleDue: fc.boolean(),
        }),
        fc.double({ min: policy.quietBelow, max: 1, noNaN: true }),
        fc.nat(),
        fc.nat(),
        (state, utilization, heap, young) => !idleTick(state, { utilization, heap, young }, policy).collect,
      ),
    );
  });

  it("never more than maxRounds collections without a busy tick or new growth between them", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 64 }), { minLength: 1, maxLength: 20 }), (gives) => {
        const heap = 500 * MB;
        // Quiet ticks at a heap that never grows again after the first collection.
        let state = IDLE_START;
        let collections = 0;
        for (let i = 0; i < gives.length; i++) {
          const tick = idleTick(state, quiet(heap - (i === 0 ? 0 : 400 * MB)), policy);
          state = tick.state;
          if (tick.collect) state = afterCollection(state, heap, heap - gives[collections++]! * MB, policy);
        }
        expect(collections).toBeLessThanOrEqual(policy.maxRounds);
      }),
    );
  });
});

describe("the collection the process asks V8 for", () => {
  it("is a last-resort one, which also releases V8's page pool, in one round where V8 honours it (12 and later)", () => {
    expect(honoursLastResort("11.3.244.8-node.33")).toBe(false);
    expect(honoursLastResort("12.4.254.21-node.33")).toBe(true);
    expect(honoursLastResort("13.6.233.17-node.63")).toBe(true);
    expect(policyFor("11.3.244.8-node.33")).toEqual(DEFAULT_IDLE_POLICY);
    expect(policyFor("12.4.254.21-node.33")).toEqual({ ...DEFAULT_IDLE_POLICY, maxRounds: 1, settleTicks: Number.POSITIVE_INFINITY });
  });

  it("is a major, asynchronous, last-resort collection", async () => {
    const asked: NodeJS.GCOptions[] = [];
    const gc = ((options: NodeJS.GCOptions) => {
      asked.push(options);
      return Promise.resolve();
    }) as NodeJS.GCFunction;
    let collected!: () => void;
    const done = new Promise<void>((resolve) => (collected = resolve));
    // The first quiet tick collects (none ran yet); the tick after reports it.
    const idle = startIdleCollection({ gc, intervalMs: 20, onCollected: () => collected() });
    try {
      await done;
    } finally {
      idle.stop();
    }
    expect(asked[0]).toEqual({ type: "major", execution: "async", flavor: "last-resort" });
  });
});

describe("the idle collection's own pause", () => {
  it("is not counted as load: the rounds after a long collection still run", async () => {
    // Each collection blocks the event loop for 300 ms (in a task of its own, as V8's does) and gives
    // back 30 MB; quiet is under 50% busy here, so that the test runner's own work after it does not count.
    let heap = 200 * MB;
    const gc = (() =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          const end = performance.now() + 300;
          while (performance.now() < end);
          heap -= 30 * MB;
          resolve();
        }),
      )) as NodeJS.GCFunction;
    let reads = 0;
    let collections = 0;
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const read = () => {
      if (++reads === 40 || collections === 3) stop();
      return { heap, young: 0 };
    };
    const idle = startIdleCollection({
      gc,
      read,
      intervalMs: 100,
      policy: { ...DEFAULT_IDLE_POLICY, quietBelow: 0.5, maxRounds: 3, minGrowthIntervalTicks: 0, settleTicks: Number.POSITIVE_INFINITY },
      onCollected: () => collections++,
    });
    try {
      await stopped;
    } finally {
      idle.stop();
    }
    expect(collections).toBe(3);
  });

  it("a collection that fails is not retried until the heap grows again", async () => {
    let asked = 0;
    const errors: unknown[] = [];
    const gc = (() => {
      asked++;
      throw new Error("no collection");
    }) as unknown as NodeJS.GCFunction;
    let reads = 0;
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const idle = startIdleCollection({
      gc,
      read: () => {
        if (++reads === 20) stop();
        return { heap: 100 * MB, young: 0 };
      },
      intervalMs: 10,
      onError: (error) => errors.push(error),
    });
    try {
      await stopped;
    } finally {
      idle.stop();
    }
    expect(asked).toBe(1);
    expect(errors).toHaveLength(1);
  });
});

describe("the idle collection in a process run with --expose-gc", () => {
  it("gives back the memory a burst of allocation took once the process is quiet", async () => {
    // A burst that leaves its garbage behind, then quiet: the collection must shrink the resident
    // memory (Node 22 and 24 shrink the heap's spaces themselves but keep the pages resident).
    const script = `
      import { startIdleCollection } from "./src/core/idle-collection.ts";
      const rss = () => process.memoryUsage.rss();
      let keep = [];
      for (let i = 0; i < 600000; i++) keep.push({ s: "x".repeat(40) + i, n: [i] });
      keep = [];
      console.log("burst " + rss());
      startIdleCollection({ gc: globalThis.gc, intervalMs: 50, onCollected: () => console.log("collected " + rss()) });
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const lines = createInterface({ input: child.stdout });
      const seen: string[] = [];
      for await (const line of lines) {
        seen.push(line);
        if (line.startsWith("collected")) break;
      }
      const burst = Number(seen.find((l) => l.startsWith("burst"))?.split(" ")[1]);
      const after = Number(seen.at(-1)!.split(" ")[1]);
      expect(burst).toBeGreaterThan(0);
      expect(after).toBeLessThan(burst - 32 * MB);
    } finally {
      child.kill();
      await once(child, "exit");
    }
  });

  it("starts nothing without --expose-gc: the gateway's main checks for gc first", async () => {
    const child = spawn(process.execPath, ["-e", "console.log(typeof globalThis.gc)"], { stdio: ["ignore", "pipe", "inherit"] });
    const [line] = await Promise.all([createInterface({ input: child.stdout })[Symbol.asyncIterator]().next(), once(child, "exit")]);
    expect(line.value).toBe("undefined");
  });
});
