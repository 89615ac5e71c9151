/**
 * The Redis window store, against the real Redis at REDIS_URL (default redis://127.0.0.1:6379):
 * several processes (here: several clients) sharing one API key share one budget, on Redis's clock.
 * Then two whole gateways sharing Redis, in front of one strict sandbox: not a single 429.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Config } from "../src/config/config.js";
import { limiterKey } from "../src/connectly/delivery.js";
import type { WindowRule } from "../src/ratelimit/sliding-log.js";
import { createRedisStore, type Admission, type StoreOptions, type WindowStore } from "../src/ratelimit/stores.js";
import { startSandbox, type Sandbox } from "../src/sandbox/sandbox.js";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { testConfig } from "./support/gateway.js";
import { send, sendAccepted } from "./support/send.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** Keys of this run only, removed afterwards. */
const PREFIX = `gwtest:ratelimit:${randomBytes(6).toString("hex")}:`;

let admin: Redis;
beforeAll(() => {
  admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
});
afterAll(async () => {
  if (!admin) return;
  const keys = await admin.keys(`${PREFIX}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

/** A store on its own connection, as another gateway process would have; closed when the test ends. */
function storeOnNewConnection(rules: readonly WindowRule[], options: StoreOptions & { pollMs?: number } = { countUntil: "start" }): WindowStore {
  const store = createRedisStore(new Redis(REDIS_URL, { maxRetriesPerRequest: 2 }), rules, PREFIX, options);
  onTestFinished(() => store.close());
  return store;
}

/** 0 when admitted, else the ms to wait. */
const waitOf = async (admission: Promise<Admission>): Promise<number> => {
  const a = await admission;
  return a.admitted ? 0 : a.waitMs;
};

/** Every entry of a key's sorted set, by member, with its score (Redis's time of admission, ms). */
async function snapshot(key: string, into: Map<string, number>): Promise<void> {
  const flat = await admin.zrange(`${PREFIX}${key}`, "0", "-1", "WITHSCORES");
  for (let i = 0; i < flat.length; i += 2) into.set(flat[i]!, Number(flat[i + 1]));
}

describe("the Redis window store", () => {
  it("two stores on two connections sharing a key admit at most `limit` in any window, in total (20 per 500 ms for 1.5 s)", async () => {
    const rules = [{ limit: 20, windowMs: 500 }];
    const stores = [storeOnNewConnection(rules), storeOnNewConnection(rules)];
    const key = "shared-two-stores";
    const admittedBy = [0, 0];
    const end = performance.now() + 1500;

    // Every entry stays in the set for at least a window (500 ms), so a snapshot every 50 ms sees them all.
    const seen = new Map<string, number>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        await snapshot(key, seen);
        await sleep(50);
      }
    })();

    // Three loops per store, each asking again as soon as it has an answer (a short pause when refused).
    const hammer = async (which: number) => {
      let asked = 0;
      while (performance.now() < end) {
        const wait = await waitOf(stores[which]!.tryAcquire(key));
        asked++;
        if (wait === 0) admittedBy[which]!++;
        else {
          expect(wait).toBeGreaterThan(0);
          expect(wait).toBeLessThanOrEqual(500);
          await sleep(Math.random() * 2);
        }
      }
      return asked;
    };
    const asked = await Promise.all([0, 0, 0, 1, 1, 1].map(hammer));
    watching = false;
    await watcher;
    await snapshot(key, seen);

    const total = admittedBy[0]! + admittedBy[1]!;
    // Both stores were refused most of the time: the budget really was contended.
    expect(asked.reduce((a, b) => a + b, 0)).toBeGreaterThan(total * 3);
    // Both got a share of it.
    expect(admittedBy[0]).toBeGreaterThan(0);
    expect(admittedBy[1]).toBeGreaterThan(0);
    // 1.5 s at 20 per 500 ms: at most 20 + 3 × 20, and the budget was used, not starved.
    expect(total).toBeLessThanOrEqual(80);
    expect(total).toBeGreaterThanOrEqual(55);

    // Redis's own admission times: every admission was seen, and no 500 ms window holds more than 20.
    expect(seen.size).toBe(total);
    const times = [...seen.values()].sort((a, b) => a - b);
    // Scores are doubles of epoch milliseconds: exact to about 0.0002 ms today.
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(500 - 0.001);
  });

  it("a request held by one process blocks the other until its release, which frees the slot a window later (Redis's clock)", async () => {
    const rules = [{ limit: 1, windowMs: 200 }];
    const holder = storeOnNewConnection(rules, { countUntil: "answer", pollMs: 5 });
    const other = storeOnNewConnection(rules, { countUntil: "answer", pollMs: 5 });
    const key = "held-across-processes";
    const held = await holder.tryAcquire(key);
    expect(held.admitted).toBe(true);
    await sleep(300); // longer than a window: still held
    const blocked = await other.tryAcquire(key);
    // In flight in another process: no exact wait is known, so the answer is "ask again in pollMs".
    expect(blocked).toEqual({ admitted: false, waitMs: 5, exact: false });
    const releasedAt = performance.now();
    if (held.admitted) await held.release();
    const afterRelease = await other.tryAcquire(key);
    expect(afterRelease.admitted).toBe(false);
    if (!afterRelease.admitted) {
      expect(afterRelease.exact).toBe(true);
      expect(afterRelease.waitMs).toBeGreaterThan(150);
      expect(afterRelease.waitMs).toBeLessThanOrEqual(200);
      await sleep(Math.ceil(afterRelease.waitMs) + 2);
    }
    expect((await other.tryAcquire(key)).admitted).toBe(true);
    expect(performance.now() - releasedAt).toBeGreaterThanOrEqual(195);
  });

  it("says how long to wait: after `limit` admissions the next waits about a window, and fits once that has passed", async () => {
    const store = storeOnNewConnection([{ limit: 5, windowMs: 400 }]);
    const other = storeOnNewConnection([{ limit: 5, windowMs: 400 }]);
    const key = "wait-answer";
    const started = performance.now();
    for (let i = 0; i < 5; i++) expect(await waitOf(store.tryAcquire(key))).toBe(0);
    const wait = await waitOf(other.tryAcquire(key)); // the other connection sees the same window
    const elapsed = performance.now() - started;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(400);
    // The first admission leaves the window 400 ms after it happened (Redis's clock, so give 5 ms).
    expect(wait).toBeGreaterThanOrEqual(400 - elapsed - 5);
    // A refusal is not recorded: asking again right away gives the same answer, less the time passed.
    const again = await waitOf(store.tryAcquire(key));
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThanOrEqual(wait);

    // Once that wait has passed, the window has room again, for either connection.
    await sleep(Math.ceil(again) + 2);
    expect(await waitOf(other.tryAcquire(key))).toBe(0);
  });

  it("with two windows, waits for the strictest (10 per second and 5 per 450 ms)", async () => {
    const store = storeOnNewConnection([
      { limit: 10, windowMs: 1000 },
      { limit: 5, windowMs: 450 },
    ]);
    const key = "two-windows";
    // Bounds are taken from measured time, so a busy machine moves them instead of failing the test.
    const started = performance.now();
    for (let i = 0; i < 5; i++) expect(await waitOf(store.tryAcquire(key))).toBe(0);
    const shortWait = await waitOf(store.tryAcquire(key));
    expect(shortWait).toBeGreaterThan(0);
    expect(shortWait).toBeLessThanOrEqual(450);
    expect(shortWait).toBeGreaterThanOrEqual(450 - (performance.now() - started) - 5);
    await sleep(Math.ceil(shortWait) + 2);
    const secondBatch = performance.now();
    for (let i = 0; i < 5; i++) expect(await waitOf(store.tryAcquire(key))).toBe(0);
    // Ten in the last second now: the 1-second window decides, about a second after the first.
    const longWait = await waitOf(store.tryAcquire(key));
    const now = performance.now();
    expect(longWait).toBeLessThanOrEqual(1000);
    expect(longWait).toBeGreaterThanOrEqual(1000 - (now - started) - 5);
    expect(longWait).toBeGreaterThan(450 - (now - secondBatch));
  });

  it("keeps keys apart, and its keys expire", async () => {
    const store = storeOnNewConnection([{ limit: 1, windowMs: 300 }]);
    expect(await waitOf(store.tryAcquire("expiry-a"))).toBe(0);
    expect(await waitOf(store.tryAcquire("expiry-b"))).toBe(0);
    expect(await waitOf(store.tryAcquire("expiry-a"))).toBeGreaterThan(0);
    const ttl = await admin.pttl(`${PREFIX}expiry-a`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1300);
    expect(await admin.pttl(`${PREFIX}expiry-a:seq`)).toBeGreaterThan(0);
  });
});

describe("two gateways sharing Redis, in front of one strict sandbox (10 per second)", () => {
  const LIMIT = 10;
  let sandbox: Sandbox;
  const gateways: { gateway: Gateway; database: TestDatabase }[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimitPerSecond: LIMIT });
    const overrides: Partial<Config> = {
      connectly: { mode: "live", baseUrl: sandbox.url, defaultApiKey: sandbox.apiKey, businessApiKeys: new Map() },
      redisUrl: REDIS_URL,
      // Both gateways and the sandbox share this process's event loop, so a request can reach the sandbox
      // ~150 ms after it was admitted: counting each request until its answer keeps that from mattering.
      outbound: {
        perSecond: LIMIT,
        burst: LIMIT,
        marginMs: 0,
        countUntil: "answer",
        maxQueue: 1000,
        retry: { maxAttempts: 1, deadlineMs: 15_000, minBackoffMs: 10, maxBackoffMs: 100 },
        templateBudget: "shared",
      },
    };
    for (const label of ["redis_pair_a", "redis_pair_b"]) {
      const database = await createTestDatabase(label);
      const gateway = await startGateway(testConfig(database.config, overrides)).catch(async (error: unknown) => {
        await database.drop();
        throw error;
      });
      gateways.push({ gateway, database });
    }
  });
  afterAll(async () => {
    for (const { gateway, database } of gateways) {
      await gateway.close();
      await database.drop();
    }
    await sandbox?.close();
    // The gateways' own keys (default prefix, the digest of this run's random sandbox key).
    const key = `connectly-gateway:ratelimit:${limiterKey(sandbox.apiKey)}`;
    await admin.del(key, `${key}:seq`);
  });

  it("40 messages split across both, all at once: all ACCEPTED, zero 429s, never more than 10 in any second at the sandbox", async () => {
    const business = "biz-redis-pair";
    const message = (i: number) => ({
      businessId: business,
      recipient: { id: `+1604777${String(1000 + i)}` },
      content: { text: `Message ${i}` },
      messageId: `pair-${i}`,
    });
    // One message through each gateway first, so the test measures the shared limit, not cold connections.
    for (const [j, { gateway }] of gateways.entries()) await sendAccepted(gateway, message(100 + j));

    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => send(gateways[i % 2]!.gateway, message(i))));
    const elapsed = performance.now() - started;

    const statuses = results.map((r) => (r.__typename === "Message" ? r.status : r.__typename));
    expect(statuses).toEqual(Array(40).fill("ACCEPTED"));
    expect(sandbox.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(sandbox.requests).toHaveLength(42);
    expect(new Set(sandbox.requests.map((r) => (r.body as { message: { id: string } }).message.id)).size).toBe(42);

    const at = sandbox.requests.map((r) => r.at).sort((a, b) => a - b);
    for (let i = LIMIT; i < at.length; i++) expect(at[i]! - at[i - LIMIT]!).toBeGreaterThanOrEqual(1000);
    // 42 at 10 per (1 s + margin): not before four windows after the first (the rate is bench:send-network's to say).
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    // Each gateway's rows: 21 ACCEPTED with one call each.
    for (const { gateway } of gateways) {
      const rows = await gateway.database.prisma.message.findMany({ where: { businessId: business } });
      expect(rows).toHaveLength(21);
      expect(rows.every((r) => r.status === "ACCEPTED" && r.attempts === 1)).toBe(true);
    }
  });
});
