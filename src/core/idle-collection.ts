/**
 * One full garbage collection when the process goes quiet after its heap grew. V8 keeps the heap
 * a burst of load grew to (its memory reducer does not get to run on an idle Node 20 process), so
 * a gateway that served one burst would hold that memory for good; a major collection while
 * nothing else runs gives it back. It needs `gc` (the start scripts pass --expose-gc); without it,
 * nothing is started.
 */
import { performance, type EventLoopUtilization } from "node:perf_hooks";

export interface IdlePolicy {
  /** Event-loop utilisation over the last interval under which the process counts as quiet. */
  readonly quietBelow: number;
  /** Growth of V8's committed heap since the last collection (bytes) worth collecting for. */
  readonly growthBytes: number;
  /**
   * Collections in a row while each gives back a quarter of the growth or more: one collection
   * compacts only part of a fragmented heap (V8's own memory reducer runs up to three as well).
   */
  readonly maxRounds: number;
}

export const DEFAULT_IDLE_POLICY: IdlePolicy = { quietBelow: 0.05, growthBytes: 16 * 1024 * 1024, maxRounds: 3 };

/** Whether to collect now: quiet, and the heap grew since the last collection (or none ran yet). */
export function shouldCollect(utilization: number, heapTotal: number, heapAfterLastCollection: number | null, policy: IdlePolicy): boolean {
  if (!(utilization < policy.quietBelow)) return false;
  return heapAfterLastCollection === null || heapTotal > heapAfterLastCollection + policy.growthBytes;
}

/** Whether to collect once more, quiet permitting, after round `round` (1-based) went from `before` to `after` bytes. */
export function collectAgain(before: number, after: number, round: number, policy: IdlePolicy): boolean {
  return round < policy.maxRounds && before - after >= policy.growthBytes / 4;
}

export interface IdleCollection {
  stop(): void;
}

export interface IdleCollectionOptions {
  /** globalThis.gc under --expose-gc. */
  readonly gc: NodeJS.GCFunction;
  readonly intervalMs?: number;
  readonly policy?: IdlePolicy;
  /** Told the committed heap before and after each collection (bytes). */
  readonly onCollected?: (before: number, after: number) => void;
  readonly onError?: (error: unknown) => void;
}

export function startIdleCollection(options: IdleCollectionOptions): IdleCollection {
  const policy = options.policy ?? DEFAULT_IDLE_POLICY;
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let heapAfterLastCollection: number | null = null;
  let collecting = false;
  // The committed heap before the collection that finished last, until the next tick reads what it
  // gave back (V8 frees the swept pages after the collection itself).
  let collectedFrom: number | null = null;
  let round = 0;
  let again = false;
  const timer = setInterval(() => {
    const { utilization } = performance.eventLoopUtilization(last);
    last = performance.eventLoopUtilization();
    const heapTotal = process.memoryUsage().heapTotal;
    if (collectedFrom !== null) {
      heapAfterLastCollection = heapTotal;
      options.onCollected?.(collectedFrom, heapTotal);
      again = collectAgain(collectedFrom, heapTotal, round, policy);
      if (!again) round = 0;
      collectedFrom = null;
    }
    if (collecting) return;
    const quiet = utilization < policy.quietBelow;
    if (!(again && quiet) && !shouldCollect(utilization, heapTotal, heapAfterLastCollection, policy)) return;
    collecting = true;
    again = false;
    round++;
    // Async: V8 runs it as a task of its own instead of inside this callback.
    options.gc({ type: "major", execution: "async" }).then(
      () => {
        collecting = false;
        collectedFrom = heapTotal;
      },
      (error: unknown) => {
        collecting = false;
        round = 0;
        options.onError?.(error);
      },
    );
  }, options.intervalMs ?? 1_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
