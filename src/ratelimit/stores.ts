/**
 * Where the sliding-window logs live: in this process (one gateway), or in Redis so that several
 * gateway processes sharing an API key share one budget. Both answer the same question: may one
 * more request for this key start now (and then hold its place until its answer comes), and if
 * not, how long until it may?
 */
import type { Redis } from "ioredis";
import { asAccountRules, createSlidingLog, isHold, type AccountRules, type SlidingLog, type Wait, type WindowRule } from "./sliding-log.js";

/** An admitted request: `release` when its answer has come (or the attempt has ended). */
export interface Admitted {
  readonly admitted: true;
  release(): Promise<void>;
}
export type Admission = Admitted | ({ readonly admitted: false } & Wait);

export interface WindowStore {
  /** Admits one request for `key`, or says how long to wait. */
  tryAcquire(key: string): Promise<Admission>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /**
   * "answer": a request counts in the window from its start until a window after its answer, so
   * no network delay can make the upstream see more than the limit (the default). "start": it
   * counts from its start only; full rate, but a request delayed on the way can meet a later one
   * in the upstream's window (widen the window by a margin for the network's jitter).
   */
  readonly countUntil?: "answer" | "start";
  /** A hold never released (a lost answer, a crashed process) lapses after this many ms. */
  readonly holdMs?: number;
}

const DEFAULT_HOLD_MS = 60_000;
const NOT_HELD = (): Promise<void> => Promise.resolve();

export function createMemoryStore(
  rules: AccountRules | readonly WindowRule[],
  now: () => number = () => performance.now(),
  options: StoreOptions = {},
): WindowStore {
  const logs = new Map<string, SlidingLog>();
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  const untilAnswer = (options.countUntil ?? "answer") === "answer";
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
      return Promise.resolve({
        admitted: true,
        release: () => {
          owner.settle(held, now());
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
 * intervalMs (0 0 for none), then limit, windowMs pairs. Answers "+member" when admitted, else
 * "wait:exact" in ms (exact 0 when the blocker is a request still in flight, possibly in another
 * process: its release cannot wake this one, so the wait is capped at pollMs).
 */
const ACQUIRE_SCRIPT = `
local function num(x) return string.format('%.17g', x) end -- tostring keeps 14 digits: 0.1 ms at today's epoch
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local hold = tonumber(ARGV[1])
local poll = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local interval = tonumber(ARGV[4])
local longest = 0
for i = 6, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i])) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', num(now - longest))
local wait = 0
local exact = 1
local tat = now
if interval > 0 then
  tat = math.max(tonumber(redis.call('GET', KEYS[1] .. ':tat') or '0'), now)
  wait = math.max(0, tat - now - (burst - 1) * interval)
end
for i = 5, #ARGV, 2 do
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
return '+' .. member
`;

/** Stamps a held request at Redis's now, if it is still held (not lapsed and cleared). */
const RELEASE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) > now then redis.call('ZADD', KEYS[1], 'XX', string.format('%.17g', now), ARGV[1]) end
return 1
`;

type RedisWithLog = Redis & {
  slidingLogAcquire(key: string, ...args: (string | number)[]): Promise<string>;
  slidingLogRelease(key: string, member: string): Promise<number>;
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
  const untilAnswer = (options.countUntil ?? "answer") === "answer";
  const holdMs = untilAnswer ? (options.holdMs ?? DEFAULT_HOLD_MS) : 0;
  const args = [holdMs, options.pollMs ?? 5, rules.shape?.burst ?? 0, rules.shape?.intervalMs ?? 0, ...rules.windows.flatMap((r) => [r.limit, r.windowMs])];
  return {
    async tryAcquire(key) {
      const redisKey = `${prefix}${key}`;
      const answer = await client.slidingLogAcquire(redisKey, ...args);
      if (answer.startsWith("+")) {
        const member = answer.slice(1);
        return { admitted: true, release: untilAnswer ? async () => void (await client.slidingLogRelease(redisKey, member)) : NOT_HELD };
      }
      const [waitMs, exact] = answer.split(":");
      return { admitted: false, waitMs: Number(waitMs), exact: exact === "1" };
    },
    close: async () => {
      await redis.quit();
    },
  };
}
