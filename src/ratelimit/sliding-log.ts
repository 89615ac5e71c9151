/**
 * The outbound rate rules, as pure functions of a clock passed in.
 *
 * - A strict sliding-window log: at most `limit` events in any `windowMs` span. Unlike a fixed
 *   window, which admits up to twice its limit across a window boundary, a log never lets a strict
 *   upstream window see more than the limit.
 * - Held events: an admitted request is stamped by the upstream when it arrives there, some time
 *   between our send and its answer, and that time is unknown. So a request holds its place in the
 *   log until it is settled with the time its answer came (never earlier than the upstream's stamp);
 *   the next request in its slot starts a full window after that. However the network delays the
 *   request or the answer, the upstream never sees `limit + 1` in a window. A hold that is never
 *   settled lapses at its `until` time.
 * - A burst shaper (a token bucket, GCRA): `burst` requests may go back to back, then they are paced
 *   slightly faster than the account rate, so the log, not a bunch, sets the pace. A bucket keeps
 *   the credit a late timer would otherwise lose, so event-loop lag does not lower the rate.
 */
export interface WindowRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface ShapeRule {
  /** Requests that may go back to back. */
  readonly burst: number;
  /** Average spacing, in ms, once the burst is spent. */
  readonly intervalMs: number;
}

export interface AccountRules {
  readonly windows: readonly WindowRule[];
  readonly shape?: ShapeRule;
}

/** Why an event cannot go yet: how long to wait, and whether that is exact or an upper bound. */
export interface Wait {
  readonly waitMs: number;
  /** False when the slot that blocks is held by a request in flight: it frees a window after its answer. */
  readonly exact: boolean;
}

/** An admitted event's places in the log, to be settled when its answer comes. */
export interface Hold {
  readonly places: readonly { readonly window: number; readonly slot: number; readonly generation: number }[];
}

export interface SlidingLog {
  /** Records an event at `now` and returns 0, or returns the ms to wait before it would fit every rule. */
  tryAcquire(now: number): number;
  /** Admits an event held until settled (or until `until`), or says how long to wait. */
  tryHold(now: number, until: number): Hold | Wait;
  /** Stamps a held event at `at` (its answer's time). A hold already lapsed and reused is left alone. */
  settle(hold: Hold, at: number): void;
}

export const isHold = (x: Hold | Wait): x is Hold => "places" in x;

/** One window: `limit` slots, each the stamp of an event in it (a held event's stamp is its `until`). */
function createWindow({ limit, windowMs }: WindowRule) {
  const stamps = new Float64Array(limit).fill(-Infinity);
  const held = new Uint8Array(limit);
  const generations = new Uint32Array(limit);
  const oldest = () => {
    let at = 0;
    for (let i = 1; i < limit; i++) if (stamps[i]! < stamps[at]!) at = i;
    return at;
  };
  return {
    wait(now: number): Wait {
      const slot = oldest();
      const stamp = stamps[slot]!;
      const waitMs = Math.max(0, stamp + windowMs - now);
      return { waitMs, exact: waitMs === 0 || !(held[slot] && stamp > now) };
    },
    record(now: number, until: number | null): { slot: number; generation: number } {
      const slot = oldest();
      stamps[slot] = until ?? now;
      held[slot] = until == null ? 0 : 1;
      generations[slot] = (generations[slot]! + 1) >>> 0;
      return { slot, generation: generations[slot] };
    },
    settle(slot: number, generation: number, at: number) {
      if (generations[slot] !== generation || !held[slot]) return;
      stamps[slot] = Math.min(stamps[slot]!, at);
      held[slot] = 0;
    },
  };
}

/** GCRA: `tat` is the theoretical arrival time of the next request. */
function createBucket({ burst, intervalMs }: ShapeRule) {
  let tat = -Infinity;
  const tolerance = (burst - 1) * intervalMs;
  return {
    waitMs: (now: number) => Math.max(0, Math.max(tat, now) - now - tolerance),
    record(now: number) {
      tat = Math.max(tat, now) + intervalMs;
    },
  };
}

/** Rules as given: the full set, or just windows. */
export const asAccountRules = (rules: AccountRules | readonly WindowRule[]): AccountRules =>
  Array.isArray(rules) ? { windows: rules as readonly WindowRule[] } : (rules as AccountRules);

export function createSlidingLog(rules: AccountRules | readonly WindowRule[]): SlidingLog {
  const { windows: windowRules, shape } = asAccountRules(rules);
  if (windowRules.length === 0 || windowRules.some((r) => !(r.limit >= 1 && r.windowMs > 0))) throw new Error("sliding log: invalid rules");
  const windows = windowRules.map(createWindow);
  const bucket = shape ? createBucket(shape) : null;

  const wait = (now: number): Wait | null => {
    let longest: Wait = { waitMs: bucket?.waitMs(now) ?? 0, exact: true };
    for (const w of windows) {
      const next = w.wait(now);
      if (next.waitMs > longest.waitMs) longest = next;
    }
    return longest.waitMs > 0 ? longest : null;
  };
  const record = (now: number, until: number | null): Hold => {
    bucket?.record(now);
    return { places: windows.map((w, window) => ({ window, ...w.record(now, until) })) };
  };

  return {
    tryAcquire(now) {
      const blocked = wait(now);
      if (blocked) return blocked.waitMs;
      record(now, null);
      return 0;
    },
    tryHold(now, until) {
      return wait(now) ?? record(now, Math.max(now, until));
    },
    settle(hold, at) {
      for (const { window, slot, generation } of hold.places) windows[window]!.settle(slot, generation, at);
    },
  };
}

/**
 * An account limit of `perSecond`: the strict 1-second log (widened by a margin) and a shaper
 * allowing `burst` back to back, paced 10% faster than the account rate.
 */
export function accountRules(perSecond: number, burst: number, marginMs: number): AccountRules {
  return {
    windows: [{ limit: perSecond, windowMs: 1000 + marginMs }],
    ...(burst < perSecond ? { shape: { burst, intervalMs: 1000 / (perSecond * 1.1) } } : {}),
  };
}
