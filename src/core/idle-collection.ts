/**
 * Full garbage collections when the process goes quiet after its heap grew. On an idle Node 20
 * gateway V8's memory reducer did not run (no collection at all in the 15 s after a load), so the
 * heap a burst of load grew to stayed committed; Node 22 and 24 shrink the heap's spaces but keep
 * the freed pages resident in V8's page pool, which only a memory-reducing ("last-resort")
 * collection releases (docs/benchmarks.md). A collection while nothing else runs gives it back. It needs `gc` (the start scripts pass
 * --expose-gc); without it, nothing is started. The decisions are pure (idleTick,
 * afterCollection); startIdleCollection reads the process.
 */
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";

export interface IdlePolicy {
  /** Event-loop utilisation over the last interval under which the process counts as quiet. */
  readonly quietBelow: number;
  /** Growth of V8's committed old generation since the last collection (bytes, at its peak) worth collecting for. */
  readonly growthBytes: number;
  /**
   * Collections in a row while each gives back a quarter of the growth or more: one regular
   * collection compacts only part of a fragmented heap (V8's own memory reducer runs up to three as
   * well); a last-resort one repeats itself until nothing more is freed.
   */
  readonly maxRounds: number;
  /**
   * Quiet ticks in a row after which a young generation still over youngBytes is worth one more
   * collection: V8 shrinks the young generation in a regular collection only once its allocation
   * rate of the last seconds is low.
   */
  readonly settleTicks: number;
  readonly youngBytes: number;
  /**
   * Ticks from one collection for growth to the next (its rounds and the young generation's
   * excepted), unless the growth reached largeGrowthBytes: a light load's sawtooth must not pause
   * the process every few seconds, while the end of a real load is collected for at once.
   */
  readonly minGrowthIntervalTicks: number;
  readonly largeGrowthBytes: number;
}

export const DEFAULT_IDLE_POLICY: IdlePolicy = {
  quietBelow: 0.05,
  growthBytes: 16 * 1024 * 1024,
  maxRounds: 3,
  settleTicks: 6,
  youngBytes: 8 * 1024 * 1024,
  minGrowthIntervalTicks: 30,
  largeGrowthBytes: 64 * 1024 * 1024,
};

/** V8 12 (Node 22) and later honour gc()'s last-resort flavor; V8 11 (Node 20) runs a regular collection for it. */
export const honoursLastResort = (v8Version: string): boolean => Number(v8Version.split(".")[0]) >= 12;

/** The policy for this runtime: where a collection is already a last-resort one, one round and no young-generation collection (it shrinks that too). */
export const policyFor = (v8Version: string): IdlePolicy =>
  honoursLastResort(v8Version) ? { ...DEFAULT_IDLE_POLICY, maxRounds: 1, settleTicks: Number.POSITIVE_INFINITY } : DEFAULT_IDLE_POLICY;

export interface IdleState {
  /** The committed old generation read after the last collection; null before the first. */
  readonly heapAfterLast: number | null;
  /**
   * The most the committed old generation was at any tick since the last collection: V8 may shrink its
   * spaces before the process goes quiet while the pages stay resident in its pool.
   */
  readonly peak: number;
  /** Collections in the current run of them (0: none running). */
  readonly round: number;
  /** The last collection gave back enough that one more is worth it, once quiet. */
  readonly again: boolean;
  /** Quiet ticks in a row. */
  readonly quietTicks: number;
  /** Ticks since the last collection for growth started. */
  readonly sinceGrowth: number;
  /** A collection for growth ran and the young generation's check after it has not. */
  readonly settleDue: boolean;
}

export const IDLE_START: IdleState = {
  heapAfterLast: null,
  peak: 0,
  round: 0,
  again: false,
  quietTicks: 0,
  sinceGrowth: Number.POSITIVE_INFINITY,
  settleDue: false,
};

export interface IdleSample {
  /** Event-loop utilisation over the last interval (0-1). */
  readonly utilization: number;
  /** V8's committed old generation now (bytes). */
  readonly heap: number;
  /** V8's committed young generation now (bytes). */
  readonly young: number;
}

/** Whether to collect now: quiet, and the old generation's peak outgrew what the last collection left (or none ran yet). */
export function shouldCollect(utilization: number, peak: number, heapAfterLast: number | null, policy: IdlePolicy): boolean {
  if (!(utilization < policy.quietBelow)) return false;
  return heapAfterLast === null || peak > heapAfterLast + policy.growthBytes;
}

/** Whether to collect once more, quiet permitting, after round `round` (1-based) went from `before` to `after` bytes. */
export function collectAgain(before: number, after: number, round: number, policy: IdlePolicy): boolean {
  return round < policy.maxRounds && before - after >= policy.growthBytes / 4;
}

/**
 * A tick with no collection running: whether to start one, and the state after. A busy tick ends a
 * run of rounds. Three kinds: the next round of a run; one for growth (at most one every
 * minGrowthIntervalTicks, the first and large growth excepted), which starts a run; and, once after each run for
 * growth, one for the young generation when the process has been quiet settleTicks in a row and the
 * young generation is still over youngBytes (the last round of its run).
 */
export function idleTick(state: IdleState, sample: IdleSample, policy: IdlePolicy): { readonly collect: boolean; readonly state: IdleState } {
  const peak = Math.max(state.peak, sample.heap);
  const sinceGrowth = state.sinceGrowth + 1;
  if (!(sample.utilization < policy.quietBelow)) return { collect: false, state: { ...state, peak, sinceGrowth, round: 0, again: false, quietTicks: 0 } };
  const base: IdleState = { ...state, peak, sinceGrowth, quietTicks: state.quietTicks + 1 };
  if (state.again) return { collect: true, state: { ...base, round: state.round + 1, again: false } };
  const spaced = state.heapAfterLast === null || sinceGrowth >= policy.minGrowthIntervalTicks || peak >= state.heapAfterLast + policy.largeGrowthBytes;
  if (spaced && shouldCollect(sample.utilization, peak, state.heapAfterLast, policy)) {
    return { collect: true, state: { ...base, round: 1, sinceGrowth: 0, settleDue: true } };
  }
  if (state.settleDue && base.quietTicks >= policy.settleTicks) {
    const settle = sample.young > policy.youngBytes;
    return { collect: settle, state: { ...base, settleDue: false, round: settle ? policy.maxRounds : state.round } };
  }
  return { collect: false, state: base };
}

/** The state once a collection that started at `before` bytes left `after`. */
export function afterCollection(state: IdleState, before: number, after: number, policy: IdlePolicy): IdleState {
  const again = collectAgain(before, after, state.round, policy);
  return { ...state, heapAfterLast: after, peak: after, round: again ? state.round : 0, again };
}

/** The state once a collection failed at `heap` bytes: as if it had run, so it is not retried until the heap grows again. */
function afterFailure(state: IdleState, heap: number): IdleState {
  return { ...state, heapAfterLast: heap, peak: heap, round: 0, again: false };
}

/** V8's committed old generation (every space but the young generation's, which follows the allocation rate alone) and young generation. */
function generations(): { heap: number; young: number } {
  let heap = 0;
  let young = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name.startsWith("new_")) young += space.space_size;
    else heap += space.space_size;
  }
  return { heap, young };
}

export interface IdleCollection {
  stop(): void;
}

export interface IdleCollectionOptions {
  /** globalThis.gc under --expose-gc. */
  readonly gc: NodeJS.GCFunction;
  /** Reads V8's committed generations (tests give their own). */
  readonly read?: () => { readonly heap: number; readonly young: number };
  readonly intervalMs?: number;
  /** Default: policyFor(process.versions.v8). */
  readonly policy?: IdlePolicy;
  /** Told the committed old generation before and after each collection (bytes), and how long the collection took (ms). */
  readonly onCollected?: (before: number, after: number, ms: number) => void;
  readonly onError?: (error: unknown) => void;
}

export function startIdleCollection(options: IdleCollectionOptions): IdleCollection {
  const policy = options.policy ?? policyFor(process.versions.v8);
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let state = IDLE_START;
  let collecting = false;
  // The heap before the collection that finished last, and how long it took, until the next tick
  // reads what it gave back (V8 frees the swept pages after the collection itself).
  let collectedFrom: number | null = null;
  let tookMs = 0;
  const read = options.read ?? generations;
  const settled = () => {
    collecting = false;
    // The collection's own pause is not load: the next tick measures from its end.
    last = performance.eventLoopUtilization();
  };
  const intervalMs = options.intervalMs ?? 1_000;
  const tick = () => {
    const window = performance.eventLoopUtilization(last);
    // Just after a collection the window starts at its end: too short yet to tell quiet from busy.
    if (window.idle + window.active < intervalMs / 2) return;
    const { utilization } = window;
    last = performance.eventLoopUtilization();
    const { heap, young } = read();
    if (collectedFrom !== null) {
      state = afterCollection(state, collectedFrom, heap, policy);
      options.onCollected?.(collectedFrom, heap, tookMs);
      collectedFrom = null;
    }
    if (collecting) return;
    const next = idleTick(state, { utilization, heap, young }, policy);
    state = next.state;
    if (!next.collect) return;
    collecting = true;
    const started = performance.now();
    const failed = (error: unknown) => {
      settled();
      state = afterFailure(state, heap);
      options.onError?.(error);
    };
    let collection: Promise<void>;
    try {
      // Async: V8 runs it as a task of its own instead of inside this callback. Last-resort: a
      // memory-reducing collection, the one that also releases V8's page pool (where honoured).
      collection = options.gc({ type: "major", execution: "async", flavor: "last-resort" });
    } catch (error) {
      failed(error);
      return;
    }
    Promise.resolve(collection).then(() => {
      settled();
      collectedFrom = heap;
      tookMs = performance.now() - started;
    }, failed);
  };
  const timer = setInterval(() => {
    // A tick that throws must not take the process with it.
    try {
      tick();
    } catch (error) {
      options.onError?.(error);
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
