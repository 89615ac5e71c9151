/**
 * Full garbage collections when the process goes quiet after its heap grew. On an idle Node 20
 * gateway V8's memory reducer did not run (no collection at all in the 15 s after a load), so the
 * heap a burst of load grew to stayed committed; a major collection while nothing else runs gives
 * it back. It needs `gc` (the start scripts pass --expose-gc); without it, nothing is started.
 * The decisions are pure (idleTick, afterCollection); startIdleCollection reads the process.
 */
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";

export interface IdlePolicy {
  /** Event-loop utilisation over the last interval under which the process counts as quiet. */
  readonly quietBelow: number;
  /** Growth of V8's committed old generation since the last collection (bytes) worth collecting for. */
  readonly growthBytes: number;
  /**
   * Collections in a row while each gives back a quarter of the growth or more: one collection
   * compacts only part of a fragmented heap (V8's own memory reducer runs up to three as well).
   */
  readonly maxRounds: number;
}

export const DEFAULT_IDLE_POLICY: IdlePolicy = { quietBelow: 0.05, growthBytes: 16 * 1024 * 1024, maxRounds: 3 };

export interface IdleState {
  /** The committed old generation read after the last collection; null before the first. */
  readonly heapAfterLast: number | null;
  /** Collections in the current run of them (0: none running). */
  readonly round: number;
  /** The last collection gave back enough that one more is worth it, once quiet. */
  readonly again: boolean;
}

export const IDLE_START: IdleState = { heapAfterLast: null, round: 0, again: false };

export interface IdleSample {
  /** Event-loop utilisation over the last interval (0-1). */
  readonly utilization: number;
  /** V8's committed old generation now (bytes). */
  readonly heap: number;
}

/** Whether to collect now: quiet, and the heap grew since the last collection (or none ran yet). */
export function shouldCollect(utilization: number, heap: number, heapAfterLast: number | null, policy: IdlePolicy): boolean {
  if (!(utilization < policy.quietBelow)) return false;
  return heapAfterLast === null || heap > heapAfterLast + policy.growthBytes;
}

/** Whether to collect once more, quiet permitting, after round `round` (1-based) went from `before` to `after` bytes. */
export function collectAgain(before: number, after: number, round: number, policy: IdlePolicy): boolean {
  return round < policy.maxRounds && before - after >= policy.growthBytes / 4;
}

/** A tick with no collection running: whether to start one, and the state after. A busy tick ends a run of rounds. */
export function idleTick(state: IdleState, sample: IdleSample, policy: IdlePolicy): { readonly collect: boolean; readonly state: IdleState } {
  if (!(sample.utilization < policy.quietBelow)) return { collect: false, state: { ...state, round: 0, again: false } };
  const collect = state.again || shouldCollect(sample.utilization, sample.heap, state.heapAfterLast, policy);
  return collect ? { collect, state: { ...state, round: state.round + 1, again: false } } : { collect, state };
}

/** The state once a collection that started at `before` bytes left `after`. */
export function afterCollection(state: IdleState, before: number, after: number, policy: IdlePolicy): IdleState {
  const again = collectAgain(before, after, state.round, policy);
  return { heapAfterLast: after, round: again ? state.round : 0, again };
}

/** V8's committed old generation (every space but the young generation's, which a collection resizes anyway). */
function oldGenerationBytes(): number {
  let bytes = 0;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith("new_")) bytes += space.space_size;
  return bytes;
}

export interface IdleCollection {
  stop(): void;
}

export interface IdleCollectionOptions {
  /** globalThis.gc under --expose-gc. */
  readonly gc: NodeJS.GCFunction;
  readonly intervalMs?: number;
  readonly policy?: IdlePolicy;
  /** Told the committed old generation before and after each collection (bytes). */
  readonly onCollected?: (before: number, after: number) => void;
  readonly onError?: (error: unknown) => void;
}

export function startIdleCollection(options: IdleCollectionOptions): IdleCollection {
  const policy = options.policy ?? DEFAULT_IDLE_POLICY;
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let state = IDLE_START;
  let collecting = false;
  // The old generation before the collection that finished last, until the next tick reads what it
  // gave back (V8 frees the swept pages after the collection itself).
  let collectedFrom: number | null = null;
  const tick = () => {
    const { utilization } = performance.eventLoopUtilization(last);
    last = performance.eventLoopUtilization();
    const heap = oldGenerationBytes();
    if (collectedFrom !== null) {
      state = afterCollection(state, collectedFrom, heap, policy);
      options.onCollected?.(collectedFrom, heap);
      collectedFrom = null;
    }
    if (collecting) return;
    const next = idleTick(state, { utilization, heap }, policy);
    state = next.state;
    if (!next.collect) return;
    collecting = true;
    // Async: V8 runs it as a task of its own instead of inside this callback.
    options.gc({ type: "major", execution: "async" }).then(
      () => {
        collecting = false;
        collectedFrom = heap;
      },
      (error: unknown) => {
        collecting = false;
        state = { ...state, round: 0, again: false };
        options.onError?.(error);
      },
    );
  };
  const timer = setInterval(() => {
    // A tick that throws must not take the process with it.
    try {
      tick();
    } catch (error) {
      options.onError?.(error);
    }
  }, options.intervalMs ?? 1_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
