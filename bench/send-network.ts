/**
 * `npm run bench:send-network`: the outbound rate over a simulated network.
 *
 * Starts the Connectly sandbox (strict sliding window, 200 requests/s, 429 beyond) as its own process
 * and, for each way of counting a request in the limiter's window (CONNECTLY_RATE_COUNT_UNTIL=answer,
 * the old hold, beside learned) and each topology (one gateway; two sharing the limit through Redis),
 * offers twice the limit (BENCH_MESSAGES mutations at BENCH_CONCURRENCY) with the sandbox's simulated
 * network at each of BENCH_DELAYS (round trips in ms) with BENCH_JITTER_MS each way. Prints the
 * accepted rate, 429s, the most requests the sandbox's window counted in any 1-second span, client
 * errors and mutation latency. First the same with the limiter alone (the gateway's limiter, store,
 * Connectly client and delivery in this process, no GraphQL or database: what the limiter admits, with
 * little CPU, so a busy machine moves it less), then through whole gateway processes.
 *
 * Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres, a fresh database is
 * created beside it), REDIS_URL (default redis://127.0.0.1:6379), BENCH_MESSAGES (4000),
 * BENCH_CONCURRENCY (200), BENCH_DELAYS ("0,40,80"), BENCH_JITTER_MS (2), BENCH_MODES ("answer,learned"),
 * BENCH_SKIP_REDIS=1, BENCH_LAYERS ("limiter,gateway").
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { createConnectlyClient } from "../src/connectly/client.js";
import { createDelivery } from "../src/connectly/delivery.js";
import type { RestSendMessageBody } from "../src/connectly/rest-body.js";
import { createRateLimiter } from "../src/ratelimit/limiter.js";
import { accountRules } from "../src/ratelimit/sliding-log.js";
import { createMemoryStore, createRedisStore, type CountUntil } from "../src/ratelimit/stores.js";
import { fmt, offerSends, sendingGatewayEnv, withFreshDatabase, percentile, startGatewayProcess, startSandboxProcess, type Proc } from "./lib.js";

const baseDb = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const DELAYS = (process.env.BENCH_DELAYS ?? "0,40,80").split(",").map(Number);
const JITTER_MS = Number(process.env.BENCH_JITTER_MS ?? 2);
const MODES = (process.env.BENCH_MODES ?? "answer,learned").split(",") as CountUntil[];
const LAYERS = (process.env.BENCH_LAYERS ?? "limiter,gateway").split(",");
const API_KEY = `bench_${randomBytes(8).toString("hex")}`;

interface SandboxStats {
  total: number;
  accepted: number;
  rateLimited: number;
  firstAcceptedAt: number | null;
  lastAcceptedAt: number | null;
  mostInOneSecond: number;
  counted: number[];
}

/** The median time (ms) from a request to the one 200 places later, as the sandbox counted them: the cycle of one place in the window. */
function cycleOf(counted: readonly number[]): number {
  const sorted = [...counted].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 200; i < sorted.length; i++) gaps.push(sorted[i]! - sorted[i - 200]!);
  return percentile(
    gaps.sort((a, b) => a - b),
    50,
  );
}

const stats = async (sandbox: Proc, since = 0): Promise<SandboxStats> =>
  (await (await fetch(`${sandbox.url}/sandbox/stats?since=${since}`)).json()) as SandboxStats;

async function setNetwork(sandbox: Proc, delayMs: number, jitterMs: number): Promise<void> {
  const res = await fetch(`${sandbox.url}/sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": API_KEY },
    body: JSON.stringify({ network: { delayMs, jitterMs } }),
  });
  if (!res.ok) throw new Error(`the sandbox refused the network setting: ${res.status} ${await res.text()}`);
}

const offer = offerSends;

interface Row {
  readonly topology: string;
  readonly mode: string;
  readonly delayMs: number;
  readonly rate: number;
  readonly cycle: number;
  readonly r429: number;
  readonly most: number;
  readonly errors: string;
  readonly p50: number;
  readonly p99: number;
}

type Offer = (count: number, concurrency: number, run: string) => Promise<{ latencies: number[]; errors: Map<string, number> }>;

/** The gateway's limiter, store, client and delivery in this process, `count` of them sharing Redis when more than one (as processes would). */
function limiterOnly(sandboxUrl: string, mode: CountUntil, count: number): { offer: Offer; close: () => Promise<void> } {
  const rules = accountRules(200, 5, 1);
  const options = { countUntil: mode, holdMs: 30_000 };
  const parts = Array.from({ length: count }, () => {
    const store = count > 1 ? createRedisStore(new Redis(redisUrl), rules, undefined, options) : createMemoryStore(rules, undefined, options);
    const limiter = createRateLimiter({ store, perSecond: 200, maxQueue: 10_000 });
    const client = createConnectlyClient({ baseUrl: sandboxUrl, connectTimeoutMs: 5000, headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, connections: 64 });
    return { limiter, client, delivery: createDelivery(client, limiter, { maxAttempts: 3, deadlineMs: 60_000, minBackoffMs: 100, maxBackoffMs: 5000 }) };
  });
  const offer: Offer = async (total, concurrency, run) => {
    const latencies: number[] = [];
    const errors = new Map<string, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        const { delivery } = parts[worker % parts.length]!;
        for (let i = next++; i < total; i = next++) {
          const t0 = performance.now();
          const message = { recipient: { id: "+16044441111", channelType: "whatsapp" }, message: { id: `${run}-${i}`, text: `bench ${i}` } };
          const outcome = await delivery.send("bench", API_KEY, { endpoint: "session", body: message as unknown as RestSendMessageBody });
          latencies.push(performance.now() - t0);
          if (!outcome.ok) errors.set(outcome.failure.code, (errors.get(outcome.failure.code) ?? 0) + 1);
          else if (outcome.attempts > 1) errors.set("RETRIED", (errors.get("RETRIED") ?? 0) + 1);
        }
      }),
    );
    return { latencies: latencies.sort((a, b) => a - b), errors };
  };
  return {
    offer,
    close: async () => {
      for (const p of parts) {
        await p.limiter.close();
        await p.client.close();
      }
    },
  };
}

async function runPhase(sandbox: Proc, send: Offer, topology: string, mode: string, delayMs: number, run: string): Promise<Row> {
  await setNetwork(sandbox, delayMs, delayMs > 0 ? JITTER_MS : 0);
  // Warm-up: connections, and round trips for the limiter to learn from; then let the window empty.
  await send(100, 20, `${run}-warm`);
  await sleep(1100);
  const before = (await stats(sandbox)).total;
  const result = await send(MESSAGES, CONCURRENCY, run);
  const phase = await stats(sandbox, before);
  const span = ((phase.lastAcceptedAt ?? 0) - (phase.firstAcceptedAt ?? 0)) / 1000;
  const row: Row = {
    topology,
    mode,
    delayMs,
    rate: (phase.accepted - 1) / span,
    cycle: cycleOf(phase.counted),
    r429: phase.rateLimited,
    most: phase.mostInOneSecond,
    errors: [...result.errors].map(([c, n]) => `${c}=${n}`).join(" ") || "none",
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
  };
  console.log(
    `${topology.padEnd(34)} ${mode.padEnd(8)} ${String(delayMs).padStart(3)} ms  ${fmt(row.rate).padStart(6)}/s  (cycle ${fmt(row.cycle)} ms = ${fmt(200_000 / row.cycle)}/s)  429s ${String(row.r429).padStart(3)}  most/1s ${String(row.most).padStart(3)}  errors ${row.errors}  p50 ${fmt(row.p50, 0)} ms p99 ${fmt(row.p99, 0)} ms`,
  );
  await sleep(1100);
  return row;
}

async function clearRedis(): Promise<void> {
  const redis = new Redis(redisUrl);
  const keys = await redis.keys("connectly-gateway:ratelimit:*");
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}

const stamp = Date.now().toString(36);
await withFreshDatabase(baseDb, `bench_net_${stamp}`, async (dbUrl) => {
  const sandbox = await startSandboxProcess(0, 200, API_KEY);
  const gatewayEnv = sendingGatewayEnv(dbUrl, sandbox, API_KEY);
  const rows: Row[] = [];
  try {
    console.log(
      `# send-network: sandbox strict at 200 requests/s; ${MESSAGES} mutations at concurrency ${CONCURRENCY}; round trips ${DELAYS.join(", ")} ms, ±${JITTER_MS} ms each way; PostgreSQL`,
    );
    const counts = process.env.BENCH_SKIP_REDIS === "1" ? [1] : [1, 2];
    if (LAYERS.includes("limiter")) {
      for (const count of counts) {
        const name = count === 1 ? "limiter alone" : "two limiters + Redis";
        for (const delayMs of DELAYS) {
          for (const mode of MODES) {
            await clearRedis();
            const parts = limiterOnly(sandbox.url, mode, count);
            try {
              rows.push(await runPhase(sandbox, parts.offer, name, mode, delayMs, `${stamp}-l${count}-${mode}-${delayMs}`));
            } finally {
              await parts.close();
            }
          }
        }
      }
    }
    const topologies: { name: string; count: number; env: Record<string, string> }[] = [];
    if (LAYERS.includes("gateway")) {
      topologies.push({ name: "one gateway", count: 1, env: {} });
      if (counts.includes(2)) topologies.push({ name: "two gateways + Redis", count: 2, env: { REDIS_URL: redisUrl } });
    }
    for (const topology of topologies) {
      // Modes alternate within each delay, so a baseline and its comparison run minutes, not a whole run, apart.
      await clearRedis();
      const byMode = new Map<string, Proc[]>();
      for (const mode of MODES) {
        const procs: Proc[] = [];
        for (let i = 0; i < topology.count; i++) procs.push(await startGatewayProcess({ ...gatewayEnv, ...topology.env, CONNECTLY_RATE_COUNT_UNTIL: mode }));
        byMode.set(mode, procs);
      }
      try {
        for (const delayMs of DELAYS) {
          for (const mode of MODES) {
            // The idle mode's processes left their entries in the key's `:backs` (0 for answer, which would hold learned back too).
            if (topology.count > 1) await clearRedis();
            const gateways = byMode.get(mode)!;
            rows.push(
              await runPhase(sandbox, (n, c, run) => offer(gateways, n, c, run), topology.name, mode, delayMs, `${stamp}-${topology.count}-${mode}-${delayMs}`),
            );
          }
        }
      } finally {
        for (const procs of byMode.values()) for (const p of procs) await p.stop();
      }
    }
  } finally {
    await sandbox.stop();
  }
  console.log("\n| topology | round trip | count until | accepted/s | steady (cycle of a place) | 429s | most in 1 s | client errors | p50 / p99 ms |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.topology} | ${r.delayMs} ms${r.delayMs > 0 ? ` ±${JITTER_MS}` : ""} | ${r.mode} | ${fmt(r.rate)} | ${fmt(200_000 / r.cycle)}/s (${fmt(r.cycle)} ms) | ${r.r429} | ${r.most} | ${r.errors} | ${fmt(r.p50, 0)} / ${fmt(r.p99, 0)} |`,
    );
});
