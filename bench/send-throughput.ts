/**
 * `npm run bench:send`: outbound throughput and resilience against a strict upstream.
 *
 * Starts the Connectly sandbox (strict sliding window, 200 requests/s, 429 beyond) and the gateway
 * as separate processes on a real PostgreSQL, then:
 *  1. offers twice the limit (4,000 mutations at concurrency 200) to one gateway;
 *  2. the same split across two gateway processes sharing the limit through Redis;
 *  3. a light load (50/s) to measure the gateway's added latency against direct POSTs to the sandbox.
 * Prints the upstream's accepted rate and 429s, client-visible errors, mutation latency, and checks
 * that the database agrees with the upstream's log (no message lost or sent twice).
 *
 * Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres, a fresh database is
 * created beside it), REDIS_URL (default redis://127.0.0.1:6379), BENCH_MESSAGES (4000),
 * BENCH_CONCURRENCY (200), BENCH_LIGHT_SECONDS (10).
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { Redis } from "ioredis";
import { Pool } from "undici";
import {
  benchToken,
  fmt,
  graphqlClient,
  offerSends,
  sendingGatewayEnv,
  withFreshDatabase,
  percentile,
  sendBody,
  startGatewayProcess,
  startSandboxProcess,
  type Proc,
} from "./lib.js";

const baseDb = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const LIGHT_SECONDS = Number(process.env.BENCH_LIGHT_SECONDS ?? 10);
const API_KEY = `bench_${randomBytes(8).toString("hex")}`;

interface SandboxStats {
  total: number;
  received: number;
  accepted: number;
  rateLimited: number;
  firstAcceptedAt: number | null;
  lastAcceptedAt: number | null;
  acceptedIds: string[];
}

/** The sandbox's log from request number `since` on. */
async function stats(sandbox: Proc, since = 0): Promise<SandboxStats> {
  return (await (await fetch(`${sandbox.url}/sandbox/stats?since=${since}`)).json()) as SandboxStats;
}

const offer = offerSends;

async function checkAgreement(dbUrl: string, sandbox: Proc, run: string) {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const { rows } = await db.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM "Message" WHERE "messageId" LIKE $1 GROUP BY status`, [
    `${run}-%`,
  ]);
  const ids = await db.query<{ connectlyId: string }>(`SELECT "connectlyId" FROM "Message" WHERE "messageId" LIKE $1 AND status = 'ACCEPTED'`, [`${run}-%`]);
  await db.end();
  const s = await stats(sandbox);
  const upstream = new Set(s.acceptedIds);
  const stored = new Set(ids.rows.map((r) => r.connectlyId));
  const missing = [...stored].filter((id) => !upstream.has(id)).length;
  return { byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), storedAccepted: stored.size, storedNotUpstream: missing };
}

function report(label: string, phase: SandboxStats, result: Awaited<ReturnType<typeof offer>>, agreement: Awaited<ReturnType<typeof checkAgreement>>) {
  const accepted = phase.accepted;
  // Sustained rate: accepted requests after the first, over the time from the first to the last.
  const span = ((phase.lastAcceptedAt ?? 0) - (phase.firstAcceptedAt ?? 0)) / 1000;
  const rate = (accepted - 1) / span;
  const errors = [...result.errors].map(([c, n]) => `${c}=${n}`).join(" ") || "none";
  console.log(`\n## ${label}`);
  console.log(
    `offered            ${MESSAGES} mutations at concurrency ${CONCURRENCY} (${fmt(MESSAGES / result.seconds)}/s completed, ${fmt(result.seconds)} s)`,
  );
  console.log(`upstream accepted  ${accepted} in ${fmt(span, 2)} s = ${fmt(rate)} /s`);
  console.log(`upstream 429s      ${phase.rateLimited}`);
  console.log(`client errors      ${errors}`);
  console.log(`mutation latency   p50 ${fmt(percentile(result.latencies, 50))} ms, p99 ${fmt(percentile(result.latencies, 99))} ms`);
  console.log(`database           ${JSON.stringify(agreement.byStatus)}; ACCEPTED rows not in the upstream's log: ${agreement.storedNotUpstream}`);
  return { rate, r429: phase.rateLimited };
}

async function lightLoad(gateway: Proc, sandbox: Proc, run: string) {
  const count = LIGHT_SECONDS * 50;
  const client = graphqlClient(gateway.url, 16, await benchToken());
  const direct = new Pool(sandbox.url, { connections: 16 });
  const gatewayLat: number[] = [];
  const directLat: number[] = [];
  // Open loop at 50/s: one mutation at the start of each 20 ms tick and one direct POST half a tick
  // later, so neither measurement waits behind the other at the sandbox or for this process.
  const start = performance.now();
  const pending: Promise<void>[] = [];
  const at = async (due: number) => {
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  };
  for (let i = 0; i < count; i++) {
    await at(start + i * 20);
    pending.push(
      (async () => {
        const t0 = performance.now();
        await client.post(sendBody(i, run));
        gatewayLat.push(performance.now() - t0);
      })(),
    );
    await at(start + i * 20 + 10);
    pending.push(
      (async () => {
        const t0 = performance.now();
        const res = await direct.request({
          method: "POST",
          path: "/v1/businesses/bench/send/messages",
          headers: { "content-type": "application/json", "x-api-key": API_KEY },
          body: JSON.stringify({ recipient: { id: "+16044441111", channelType: "whatsapp" }, message: { id: `${run}-direct-${i}`, text: `direct ${i}` } }),
        });
        await res.body.text();
        directLat.push(performance.now() - t0);
      })(),
    );
  }
  await Promise.all(pending);
  await client.close();
  await direct.close();
  gatewayLat.sort((a, b) => a - b);
  directLat.sort((a, b) => a - b);
  const p = (q: number) => ({ gateway: percentile(gatewayLat, q), direct: percentile(directLat, q) });
  const p50 = p(50);
  const p99 = p(99);
  console.log(`\n## Added latency at light load (${count} mutations at 50/s, and as many direct POSTs to the sandbox)`);
  console.log(`mutation           p50 ${fmt(p50.gateway, 2)} ms, p99 ${fmt(p99.gateway, 2)} ms`);
  console.log(`direct POST        p50 ${fmt(p50.direct, 2)} ms, p99 ${fmt(p99.direct, 2)} ms`);
  console.log(`added by gateway   p50 ${fmt(p50.gateway - p50.direct, 2)} ms, p99 ${fmt(p99.gateway - p99.direct, 2)} ms`);
}

const stamp = Date.now().toString(36);
await withFreshDatabase(baseDb, `bench_send_${stamp}`, async (dbUrl) => {
  const sandbox = await startSandboxProcess(0, Number(process.env.BENCH_SANDBOX_RATE ?? 200), API_KEY);
  const gatewayEnv = sendingGatewayEnv(dbUrl, sandbox, API_KEY);
  const procs: Proc[] = [sandbox];
  try {
    console.log(`# send-throughput: sandbox strict at 200 requests/s; ${MESSAGES} mutations at concurrency ${CONCURRENCY}; PostgreSQL`);
    // 1. one gateway, in-process limiter
    const one = await startGatewayProcess(gatewayEnv);
    procs.push(one);
    await offer([one], 50, 10, `${stamp}-warm`); // warm-up, then let the window empty
    await sleep(1100);
    let before = (await stats(sandbox)).total;
    const r1 = await offer([one], MESSAGES, CONCURRENCY, `${stamp}-one`);
    report("One gateway process (in-process limiter)", await stats(sandbox, before), r1, await checkAgreement(dbUrl, sandbox, `${stamp}-one`));
    console.log(`gateway memory     ${fmt(await one.rssMb())} MB resident after the run`);
    if (LIGHT_SECONDS > 0) {
      await sleep(1100);
      await lightLoad(one, sandbox, `${stamp}-light`);
    }
    await one.stop();
    if (process.env.BENCH_SKIP_REDIS === "1") return;

    // 2. two gateways sharing the limit through Redis
    const redis = new Redis(redisUrl);
    const keys = await redis.keys("connectly-gateway:ratelimit:*");
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    const a = await startGatewayProcess({ ...gatewayEnv, REDIS_URL: redisUrl });
    const b = await startGatewayProcess({ ...gatewayEnv, REDIS_URL: redisUrl });
    procs.push(a, b);
    await offer([a, b], 50, 10, `${stamp}-warm2`);
    await sleep(1100);
    before = (await stats(sandbox)).total;
    const r2 = await offer([a, b], MESSAGES, CONCURRENCY, `${stamp}-two`);
    report("Two gateway processes sharing the limit through Redis", await stats(sandbox, before), r2, await checkAgreement(dbUrl, sandbox, `${stamp}-two`));
  } finally {
    for (const p of procs.reverse()) await p.stop();
  }
});
