/**
 * The limiter's no-429 guarantee over a simulated network: the real sandbox HTTP server answers after
 * 40 ms ± 3 ms each way (its strict window counts a request after the way there), and the gateway's
 * limiter, store, Connectly client and delivery send to it with CONNECTLY_RATE_COUNT_UNTIL=learned:
 * in one process, and as two processes sharing the limit through Redis (two stores on their own
 * connections). Checked by the sandbox's own counting times: zero 429s, never more than the limit in
 * any 1-second span.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConnectlyClient } from "../src/connectly/client.js";
import { createDelivery, type Delivery } from "../src/connectly/delivery.js";
import type { RestSendMessageBody } from "../src/connectly/rest-body.js";
import { createRateLimiter, type RateLimiter } from "../src/ratelimit/limiter.js";
import { DEFAULT_LEARNING_RULE } from "../src/ratelimit/round-trips.js";
import { accountRules } from "../src/ratelimit/sliding-log.js";
import { createMemoryStore, createRedisStore, type StoreOptions } from "../src/ratelimit/stores.js";
import { mostInOneSecond, startSandbox, type Sandbox } from "../src/sandbox/sandbox.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `gwtest:ratelimit-net:${randomBytes(6).toString("hex")}:`;
const LIMIT = 50;

// A sandbox per test: its strict window starts empty, as the limiter's does.
let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ rateLimitPerSecond: LIMIT, network: { delayMs: 40, jitterMs: 3 } });
});
afterEach(async () => {
  await sandbox?.close();
});
afterAll(async () => {
  const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  const keys = await admin.keys(`${PREFIX}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

/** One sender as a gateway process has it: a store, the limiter over it, a client and delivery. */
function sender(redis: boolean, options: StoreOptions): { delivery: Delivery; limiter: RateLimiter; close: () => Promise<void> } {
  const rules = accountRules(LIMIT, 5, 1);
  const store = redis
    ? createRedisStore(new Redis(REDIS_URL, { maxRetriesPerRequest: 2 }), rules, PREFIX, options)
    : createMemoryStore(rules, undefined, options);
  const limiter = createRateLimiter({ store, perSecond: LIMIT, maxQueue: 10_000 });
  const client = createConnectlyClient({ baseUrl: sandbox.url, connectTimeoutMs: 5000, headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, connections: 32 });
  const delivery = createDelivery(client, limiter, { maxAttempts: 1, deadlineMs: 60_000, minBackoffMs: 100, maxBackoffMs: 1000 });
  return {
    delivery,
    limiter,
    close: async () => {
      await limiter.close();
      await client.close();
    },
  };
}

/** Sends `count` session messages spread over the senders, all offered at once; returns the outcomes' ok flags. */
async function sendAll(senders: readonly { delivery: Delivery }[], count: number, run: string): Promise<boolean[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const body = { recipient: { id: "+16044441111", channelType: "whatsapp" }, message: { id: `${run}-${i}`, text: `network ${i}` } };
      const outcome = await senders[i % senders.length]!.delivery.send("biz-network", sandbox.apiKey, {
        endpoint: "session",
        body: body as unknown as RestSendMessageBody,
      });
      return outcome.ok;
    }),
  );
}

describe("learned counting over a network of 40 ms ± 3 ms each way, against the real sandbox", () => {
  it.each([
    ["one process (in-memory store)", false, 1],
    ["two processes sharing the limit through Redis", true, 2],
  ])("%s: zero 429s, never more than the limit in any second of the sandbox's counting times", async (_label, redis, processes) => {
    const backs: number[] = [];
    // The first round trips of a cold start (new connections, code not yet compiled) are slow and keep
    // the rule on its fallback while they are among the kept ones: keep fewer, so this short run learns.
    // A busy machine spreads the round trips; a higher spread limit back-dates more, so checks more.
    const learning = { ...DEFAULT_LEARNING_RULE, keep: 64, maxSpreadRatio: 3 };
    const senders = Array.from({ length: processes }, () => sender(redis, { countUntil: "learned", learning, onSettled: (ms) => backs.push(ms) }));
    try {
      const ok = await sendAll(senders, 6 * LIMIT, `net-${processes}-${randomBytes(3).toString("hex")}`);
      expect(ok.every(Boolean)).toBe(true);
    } finally {
      for (const s of senders) await s.close();
    }
    const phase = sandbox.requests;
    expect(phase.filter((r) => r.status === 429)).toEqual([]);
    expect(phase).toHaveLength(6 * LIMIT);
    expect(mostInOneSecond(phase.map((r) => r.countedAt!))).toBeLessThanOrEqual(LIMIT);
    // The rule did learn (it is the learned path that was checked, not its fallback).
    expect(backs.some((ms) => ms > 0)).toBe(true);
  });
});
