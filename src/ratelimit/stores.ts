/**
 * Where the sliding-window logs live: in this process (one gateway), or in Redis so that several
 * gateway processes sharing an API key share one budget. Both answer the same question: may one
 * more request for this key start now (and then hold its place until its answer comes), and if
 * not, how long until it may?
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { createRoundTrips, DEFAULT_LEARNING_RULE, type LearningRule, type RoundTrips } from "./round-trips.js";
import { asAccountRules, createSlidingLog, isHold, type AccountRules, type SlidingLog, type Wait, type WindowRule } from "./sliding-log.js";

/** How an admitted request's attempt ended: with an answer from the upstream (its HTTP status), or without one. */
export type Outcome = { readonly answered: true; readonly status: number } | { readonly answered: false };

/** An admitted request: `release` when its answer has come (or the attempt has ended); no outcome is an attempt without an answer. */
export interface Admitted {
  readonly admitted: true;
  release(outcome?: Outcome): Promise<void>;
}
export type Admission = Admitted | ({ readonly admitted: false } & Wait);

export interface WindowStore {
  /** Admits one request for `key`, or says how long to wait. */
  tryAcquire(key: string): Promise<Admission>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /**
   * "answer" (the default): a request counts in the window from its start until a window after its
   * answer, so no network delay can make the upstream see more than the limit. "learned": the
   * same hold, but once answered it counts from its answer less what the round trips observed say
   * is safe (round-trips.ts); an attempt without an answer, or a 429, counts until its answer.
   * "start": it counts from its start only; full rate, but a request delayed on the way can meet a
   * later one in the upstream's window (widen the window by a margin for the network's jitter).
   */
  readonly countUntil?: CountUntil;
  /** A hold never released (a lost answer, a crashed process) lapses after this many ms. */
  readonly holdMs?: number;
  /** The rule "learned" follows (tests change it). */
  readonly learning?: LearningRule;
  /** Told, at each release of a held request, how far before its answer (ms) it was stamped. */
  readonly onSettled?: (backMs: number) => void;
}

export type CountUntil = "answer" | "learned" | "start";

const DEFAULT_HOLD_MS = 60_000;
const NOT_HELD = (): Promise<void> => Promise.resolve();

/**
 * What a release tells the key's round trips, and how far before now (ms) the request may then be
 * stamped: 0 without an answer, after a 429, or when counting until the answer.
 */
function learnFrom(trips: RoundTrips | undefined, outcome: Outcome | undefined, at: number, admittedAt: number): number {
  if (!trips || !outcome?.answered) return 0;
  if (outcome.status === 429) {
    trips.rateLimited(at);
    return 0;
  }
  trips.observe(at, at - admittedAt);
  return trips.backdate(at).backMs;
}

/** Per key, its round trips when counting is learned; none otherwise. */
function roundTripsBy(countUntil: CountUntil, rule: LearningRule): (key: string) => RoundTrips | undefined {
  if (countUntil !== "learned") return () => undefined;
  const byKey = new Map<string, RoundTrips>();
  return (key) => {
    let trips = byKey.get(key);
    if (!trips) byKey.set(key, (trips = createRoundTrips(rule)));
    return trips;
  };
}

export function createMemoryStore(
  rules: AccountRules | readonly WindowRule[],
  now: () => number = () => performance.now(),
  options: StoreOptions = {},
): WindowStore {
  const logs = new Map<string, SlidingLog>();
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  const countUntil = options.countUntil ?? "answer";
  const untilAnswer = countUntil !== "start";
  const tripsOf = roundTripsBy(countUntil, options.learning ?? DEFAULT_LEARNING_RULE);
  return {
    tryAcquire(key) {
      let log = logs.get(key);
      if (!log) logs.set(key, (log = createSlidingLog(rules)));
      const at = now();
      if (!untilAnswer) {
        const waitMs = log.tryAcquire(at);
        return Promise.resolve(waitMs > 0 ? { admitted: false, waitMs, exact: true } : { admitted: true, release: NOT_HELD });
      }
      const held = log.tryHold(at, at + holdMs);
      if (!isHold(held)) return Promise.resolve({ admitted: false, ...held });
      const owner = log;
      const trips = tripsOf(key);
      return Promise.resolve({
        admitted: true,
        release: (outcome) => {
          const answeredAt = now();
          const backMs = learnFrom(trips, outcome, answeredAt, at);
          options.onSettled?.(backMs);
          owner.settle(held, Math.max(at, answeredAt - backMs));
          return Promise.resolve();
        },
      });
    },
    close: () => Promise.resolve(),
  };
}

/**
 * The same rules in Redis, checked and updated atomically by Lua scripts on Redis's own clock (so
 * processes on different machines agree on time): the logs as one sorted set per key (a held
 * request scored at its lapse time until released, then at its release time), the shaper as a
 * stored theoretical arrival time. ARGV: holdMs (0: count from the start), pollMs, burst,
 * intervalMs (0 0 for none), the process's id and the ttl of its entry in the key's `:backs` hash
 * ('' 0: no entry), then limit, windowMs pairs. Answers "+member" when admitted, else
 * "wait:exact" in ms (exact 0 when the blocker is a request still in flight, possibly in another
 * process: its release cannot wake this one, so the wait is capped at pollMs). An admitted process
 * without a live entry in `:backs` gets one of 0 (nothing learned yet: see RELEASE_SCRIPT).
 */
const ACQUIRE_SCRIPT = `
local function num(x) return string.format('%.17g', x) end -- tostring keeps 14 digits: 0.1 ms at today's epoch
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local hold = tonumber(ARGV[1])
local poll = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local interval = tonumber(ARGV[4])
local proc = ARGV[5]
local backTtl = tonumber(ARGV[6])
local longest = 0
for i = 8, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i])) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', num(now - longest))
local wait = 0
local exact = 1
local tat = now
if interval > 0 then
  tat = math.max(tonumber(redis.call('GET', KEYS[1] .. ':tat') or '0'), now)
  wait = math.max(0, tat - now - (burst - 1) * interval)
end
for i = 7, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  local window = tonumber(ARGV[i + 1])
  local from = '(' .. num(now - window)
  local count = redis.call('ZCOUNT', KEYS[1], from, '+inf')
  if count >= limit then
    local blocker = redis.call('ZRANGEBYSCORE', KEYS[1], from, '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
    local score = tonumber(blocker[2])
    local w = score + window - now
    if score > now then w = math.min(w, poll) end
    if w > wait then
      wait = w
      if score > now then exact = 0 else exact = 1 end
    end
  end
end
if wait > 0 then return num(wait) .. ':' .. exact end
local seq = redis.call('INCR', KEYS[1] .. ':seq')
local member = num(now) .. ':' .. seq
redis.call('ZADD', KEYS[1], num(now + hold), member)
local ttl = math.ceil(longest + hold) + 1000
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[1] .. ':seq', ttl)
if interval > 0 then redis.call('SET', KEYS[1] .. ':tat', num(tat + interval), 'PX', ttl) end
if proc ~= '' then
  local backs = KEYS[1] .. ':backs'
  local mine = redis.call('HGET', backs, proc)
  if not mine or tonumber(string.match(mine, ' (%S+)$')) < now then
    redis.call('HSET', backs, proc, '0 ' .. num(now + backTtl))
    redis.call('PEXPIRE', backs, backTtl)
  end
end
return '+' .. member
`;

/**
 * Stamps a held request, if it is still held (not lapsed and cleared), at Redis's now less `back` ms,
 * never before its admission. ARGV: member, back, process id, ttl. With a process id, the process's
 * own back is recorded in the key's `:backs` hash and the least live one of every process is used:
 * a request of one process can take the place of another's, so the back-dating must hold for the
 * fastest of their networks (and a process that has learned nothing yet, at 0, keeps them all at 0).
 * `back` is relative to the answer, so only Redis's clock is used.
 */
const RELEASE_SCRIPT = `
local function num(x) return string.format('%.17g', x) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) <= now then return 1 end
local back = tonumber(ARGV[2])
if ARGV[3] ~= '' then
  local backs = KEYS[1] .. ':backs'
  local ttl = tonumber(ARGV[4])
  redis.call('HSET', backs, ARGV[3], num(back) .. ' ' .. num(now + ttl))
  redis.call('PEXPIRE', backs, ttl)
  local all = redis.call('HGETALL', backs)
  for i = 1, #all, 2 do
    local b, e = string.match(all[i + 1], '^(%S+) (%S+)$')
    if tonumber(e) < now then redis.call('HDEL', backs, all[i]) else back = math.min(back, tonumber(b)) end
  end
end
local admitted = tonumber(string.match(ARGV[1], '^([^:]+)'))
redis.call('ZADD', KEYS[1], 'XX', num(math.max(admitted, now - back)), ARGV[1])
return 1
`;

/** How long a process's learned back-dating stays in Redis without a release refreshing it. */
const BACK_TTL_MS = 10_000;

type RedisWithLog = Redis & {
  slidingLogAcquire(key: string, ...args: (string | number)[]): Promise<string>;
  slidingLogRelease(key: string, member: string, back: number, proc: string, ttl: number): Promise<number>;
};

export function createRedisStore(
  redis: Redis,
  given: AccountRules | readonly WindowRule[],
  prefix = "connectly-gateway:ratelimit:",
  options: StoreOptions & { readonly pollMs?: number } = {},
): WindowStore {
  const rules = asAccountRules(given);
  redis.defineCommand("slidingLogAcquire", { numberOfKeys: 1, lua: ACQUIRE_SCRIPT });
  redis.defineCommand("slidingLogRelease", { numberOfKeys: 1, lua: RELEASE_SCRIPT });
  const client = redis as RedisWithLog;
  const countUntil = options.countUntil ?? "answer";
  const untilAnswer = countUntil !== "start";
  const tripsOf = roundTripsBy(countUntil, options.learning ?? DEFAULT_LEARNING_RULE);
  const now = () => performance.now();
  // Every holding process has an entry in `:backs`, so that one counting until the answer keeps learned ones from back-dating.
  const proc = untilAnswer ? randomBytes(6).toString("hex") : "";
  const holdMs = untilAnswer ? (options.holdMs ?? DEFAULT_HOLD_MS) : 0;
  const args = [
    holdMs,
    options.pollMs ?? 5,
    rules.shape?.burst ?? 0,
    rules.shape?.intervalMs ?? 0,
    proc,
    BACK_TTL_MS,
    ...rules.windows.flatMap((r) => [r.limit, r.windowMs]),
  ];
  return {
    async tryAcquire(key) {
      const redisKey = `${prefix}${key}`;
      const answer = await client.slidingLogAcquire(redisKey, ...args);
      if (answer.startsWith("+")) {
        const member = answer.slice(1);
        if (!untilAnswer) return { admitted: true, release: NOT_HELD };
        const admittedAt = now();
        const trips = tripsOf(key);
        return {
          admitted: true,
          release: async (outcome) => {
            const backMs = learnFrom(trips, outcome, now(), admittedAt);
            options.onSettled?.(backMs);
            await client.slidingLogRelease(redisKey, member, backMs, proc, BACK_TTL_MS);
          },
        };
      }
      const [waitMs, exact] = answer.split(":");
      return { admitted: false, waitMs: Number(waitMs), exact: exact === "1" };
    },
    close: async () => {
      await redis.quit();
    },
  };
}
