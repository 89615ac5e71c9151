/**
 * Where the sliding-window logs live: in this process (one gateway), or in Redis so that several
 * gateway processes sharing an API key share one budget. Both answer the same question: may one
 * more request for this key start now, and if not, in how many milliseconds?
 */
import type { Redis } from "ioredis";
import { createSlidingLog, type SlidingLog, type WindowRule } from "./sliding-log.js";

export interface WindowStore {
  /** Admits one request for `key` (recording it) and returns 0, or returns the ms to wait. */
  tryAcquire(key: string): Promise<number>;
  close(): Promise<void>;
}

export function createMemoryStore(rules: readonly WindowRule[], now: () => number = () => performance.now()): WindowStore {
  const logs = new Map<string, SlidingLog>();
  return {
    tryAcquire(key) {
      let log = logs.get(key);
      if (!log) logs.set(key, (log = createSlidingLog(rules)));
      return Promise.resolve(log.tryAcquire(now()));
    },
    close: () => Promise.resolve(),
  };
}

/**
 * The same logs as Redis sorted sets, checked and updated atomically by one Lua script on Redis's
 * own clock (so processes on different machines agree on time). ARGV: limit, windowMs pairs.
 */
const SLIDING_LOG_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local longest = 0
for i = 2, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i])) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local wait = 0
for i = 1, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  local window = tonumber(ARGV[i + 1])
  local from = '(' .. tostring(now - window)
  local count = redis.call('ZCOUNT', KEYS[1], from, '+inf')
  if count >= limit then
    local blocker = redis.call('ZRANGEBYSCORE', KEYS[1], from, '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
    wait = math.max(wait, tonumber(blocker[2]) + window - now)
  end
end
if wait > 0 then return tostring(wait) end
local seq = redis.call('INCR', KEYS[1] .. ':seq')
redis.call('ZADD', KEYS[1], now, tostring(now) .. ':' .. seq)
redis.call('PEXPIRE', KEYS[1], math.ceil(longest) + 1000)
redis.call('PEXPIRE', KEYS[1] .. ':seq', math.ceil(longest) + 1000)
return '0'
`;

type RedisWithLog = Redis & { slidingLog(key: string, ...args: (string | number)[]): Promise<string> };

export function createRedisStore(redis: Redis, rules: readonly WindowRule[], prefix = "connectly-gateway:ratelimit:"): WindowStore {
  redis.defineCommand("slidingLog", { numberOfKeys: 1, lua: SLIDING_LOG_SCRIPT });
  const client = redis as RedisWithLog;
  const args = rules.flatMap((r) => [r.limit, r.windowMs]);
  return {
    async tryAcquire(key) {
      return Number(await client.slidingLog(`${prefix}${key}`, ...args));
    },
    close: async () => {
      await redis.quit();
    },
  };
}
