/**
 * Where the sliding-window logs live: in this process (one gateway), or in Redis so that several
 * gateway processes sharing an API key share one budget. Both answer the same question: may one
 * more request for this key start now, and if not, in how many milliseconds?
 */
import type { Redis } from "ioredis";
import { asAccountRules, createSlidingLog, type AccountRules, type SlidingLog, type WindowRule } from "./sliding-log.js";

export interface WindowStore {
  /** Admits one request for `key` (recording it) and returns 0, or returns the ms to wait. */
  tryAcquire(key: string): Promise<number>;
  close(): Promise<void>;
}

export function createMemoryStore(rules: AccountRules | readonly WindowRule[], now: () => number = () => performance.now()): WindowStore {
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
 * The same rules in Redis, checked and updated atomically by one Lua script on Redis's own clock (so
 * processes on different machines agree on time): the logs as sorted sets, the shaper as a stored
 * theoretical arrival time. ARGV: burst, intervalMs (0 0 for none), then limit, windowMs pairs.
 */
const SLIDING_LOG_SCRIPT = `
local function num(x) return string.format('%.17g', x) end -- tostring keeps 14 digits: 0.1 ms at today's epoch
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local burst = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local longest = 0
for i = 4, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i])) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', num(now - longest))
local wait = 0
local tat = now
if interval > 0 then
  tat = math.max(tonumber(redis.call('GET', KEYS[1] .. ':tat') or '0'), now)
  wait = math.max(0, tat - now - (burst - 1) * interval)
end
for i = 3, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  local window = tonumber(ARGV[i + 1])
  local from = '(' .. num(now - window)
  local count = redis.call('ZCOUNT', KEYS[1], from, '+inf')
  if count >= limit then
    local blocker = redis.call('ZRANGEBYSCORE', KEYS[1], from, '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
    wait = math.max(wait, tonumber(blocker[2]) + window - now)
  end
end
if wait > 0 then return num(wait) end
local seq = redis.call('INCR', KEYS[1] .. ':seq')
redis.call('ZADD', KEYS[1], num(now), num(now) .. ':' .. seq)
redis.call('PEXPIRE', KEYS[1], math.ceil(longest) + 1000)
redis.call('PEXPIRE', KEYS[1] .. ':seq', math.ceil(longest) + 1000)
if interval > 0 then redis.call('SET', KEYS[1] .. ':tat', num(tat + interval), 'PX', math.ceil(longest) + 1000) end
return '0'
`;

type RedisWithLog = Redis & { slidingLog(key: string, ...args: (string | number)[]): Promise<string> };

export function createRedisStore(redis: Redis, given: AccountRules | readonly WindowRule[], prefix = "connectly-gateway:ratelimit:"): WindowStore {
  const rules = asAccountRules(given);
  redis.defineCommand("slidingLog", { numberOfKeys: 1, lua: SLIDING_LOG_SCRIPT });
  const client = redis as RedisWithLog;
  const args = [rules.shape?.burst ?? 0, rules.shape?.intervalMs ?? 0, ...rules.windows.flatMap((r) => [r.limit, r.windowMs])];
  return {
    async tryAcquire(key) {
      return Number(await client.slidingLog(`${prefix}${key}`, ...args));
    },
    close: async () => {
      await redis.quit();
    },
  };
}
