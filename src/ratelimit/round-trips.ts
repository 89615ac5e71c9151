/**
 * How early a held request may be counted in the limiter's log, learned from the round trips this
 * process observes (CONNECTLY_RATE_COUNT_UNTIL=learned). Pure rules over a clock passed in.
 *
 * Why it is safe. A request A admitted at s_A is sent and counted by Connectly at c_A = s_A + f_A
 * (f: the forward leg, everything before Connectly counts it), and answered at a_A = c_A + g_A (g:
 * the return leg). Let f_lo and g_lo be the legs' floors. A request B that takes A's place in the log
 * starts at s_B >= stamp_A + W and is counted at c_B >= stamp_A + W + f_lo. With
 * stamp_A = a_A - (lo - m), where lo is the least round trip observed and m a margin:
 *   c_B - c_A >= W + g_A + f_lo - lo + m >= W + (f_lo + g_lo) - lo + m,
 * so Connectly's window never sees a place used twice, hence never limit + 1, whenever
 * lo - m <= f_lo + g_lo: the observed floor of the round trips, less the margin, is not above the sum
 * of the two legs' floors. That holds when a fast forward leg can meet a fast return leg (the legs are
 * not traded against each other) and the floor does not drop by more than m between observations. The
 * margin grows with the spread of the round trips, because the observed floor is less certain when they
 * are spread; when they are too spread, too few, or a 429 came lately, the request counts until its
 * answer (lo - m = 0), as with CONNECTLY_RATE_COUNT_UNTIL=answer.
 */

export interface LearningRule {
  /** Round trips kept, the newest. */
  readonly keep: number;
  /** With fewer recent round trips than this, requests count until their answer. */
  readonly minSamples: number;
  /** Round trips older than this (ms) are forgotten. */
  readonly maxAgeMs: number;
  /** After a 429, requests count until their answer for this long (ms). */
  readonly coolMs: number;
  /** The margin is at least this (ms)… */
  readonly minMarginMs: number;
  /** …and at least this share of the spread (the 95th percentile less the floor)… */
  readonly marginShare: number;
  /** …and at least this share of the floor: a drop of the floor up to it at once stays safe. */
  readonly floorShare: number;
  /** Requests count until their answer when the spread exceeds this multiple of the floor. */
  readonly maxSpreadRatio: number;
}

export const DEFAULT_LEARNING_RULE: LearningRule = {
  keep: 256,
  minSamples: 32,
  maxAgeMs: 30_000,
  coolMs: 60_000,
  minMarginMs: 1,
  marginShare: 0.25,
  floorShare: 0.1,
  maxSpreadRatio: 1,
};

/** What the round trips say: how far before its answer a request may be stamped, or why not at all. */
export type Backdate =
  | { readonly backMs: number; readonly floorMs: number; readonly spreadMs: number; readonly marginMs: number }
  | { readonly backMs: 0; readonly fallback: "few" | "spread" | "cooling" };

/** The rule on a set of recent round trips (ms), in any order. */
export function backdateFor(roundTrips: readonly number[], rule: LearningRule = DEFAULT_LEARNING_RULE): Backdate {
  if (roundTrips.length < rule.minSamples) return { backMs: 0, fallback: "few" };
  const sorted = Float64Array.from(roundTrips).sort();
  const floorMs = sorted[0]!;
  const spreadMs = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]! - floorMs;
  if (spreadMs > rule.maxSpreadRatio * floorMs) return { backMs: 0, fallback: "spread" };
  const marginMs = Math.max(rule.minMarginMs, rule.marginShare * spreadMs, rule.floorShare * floorMs);
  return { backMs: Math.max(0, floorMs - marginMs), floorMs, spreadMs, marginMs };
}

/** One key's recent round trips and 429s. */
export interface RoundTrips {
  /** An answer (not a 429) came at `at`, `rttMs` after its request was admitted. */
  observe(at: number, rttMs: number): void;
  /** A 429 came at `at`. */
  rateLimited(at: number): void;
  /** The rule at `at`, over the round trips observed so far. */
  backdate(at: number): Backdate;
}

export function createRoundTrips(rule: LearningRule = DEFAULT_LEARNING_RULE): RoundTrips {
  const rtts = new Float64Array(rule.keep);
  const times = new Float64Array(rule.keep).fill(-Infinity);
  let next = 0;
  let coolUntil = -Infinity;
  return {
    observe(at, rttMs) {
      rtts[next] = rttMs;
      times[next] = at;
      next = (next + 1) % rule.keep;
    },
    rateLimited(at) {
      coolUntil = Math.max(coolUntil, at + rule.coolMs);
    },
    backdate(at) {
      if (at < coolUntil) return { backMs: 0, fallback: "cooling" };
      const recent: number[] = [];
      for (let i = 0; i < rule.keep; i++) if (at - times[i]! <= rule.maxAgeMs) recent.push(rtts[i]!);
      return backdateFor(recent, rule);
    },
  };
}
