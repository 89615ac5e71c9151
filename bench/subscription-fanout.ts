/**
 * `npm run bench:fanout`: how fast a delivery-status webhook reaches many graphql-ws subscribers.
 *
 * Starts the gateway as its own process on a fresh PostgreSQL database (created by the gateway,
 * dropped at the end), opens BENCH_SUBSCRIBERS subscriptions to messageStatusChanged(businessId: B)
 * from this process, spread over BENCH_CONNECTIONS WebSocket connections (graphql-ws multiplexes
 * subscriptions on a connection), waits until every subscriber has received a warm-up event, then
 * posts BENCH_FANOUT_EVENTS signed delivery_status webhooks one at a time at BENCH_FANOUT_RATE per
 * second, each about a message of its own so every receipt can be matched to its POST. Latency is
 * measured from just before the POST to each subscriber's receipt.
 *
 * Prints p50/p99/max over all receipts (and per event, until its last subscriber got it), receipts
 * expected vs received, the gateway's RSS before and after, and the CPU time of the gateway, of the
 * database's PostgreSQL backends and of this process (which runs every client on the same 2-core
 * machine, so its own load and event-loop delay are part of what is measured). Exits 1 when a
 * receipt is missing or duplicated.
 *
 * Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_SUBSCRIBERS
 * (1000), BENCH_CONNECTIONS (50), BENCH_FANOUT_EVENTS (200), BENCH_FANOUT_RATE (20 per second),
 * BENCH_CPU_PROF=<dir> (profile the gateway), BENCH_NODE_FLAGS (extra node flags for the gateway).
 */
import { randomBytes } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient, type Client } from "graphql-ws";
import { Pool } from "undici";
import WebSocket from "ws";
import { signWebhookBody } from "../src/webhooks/signature.js";
import {
  backendCpuDelta,
  backendCpuSeconds,
  cpuProfileFlags,
  cpuSecondsOf,
  databaseUrlFor,
  dropDatabase,
  fmt,
  newestCpuProfile,
  percentile,
  seedAcceptedMessages,
  startQuietGateway,
  statusEventBody,
  summariseCpuProfile,
  type GatewayProc,
  type SeedMessage,
} from "./lib.js";

const baseDb = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const CONNECTIONS = Math.min(SUBSCRIBERS, Number(process.env.BENCH_CONNECTIONS ?? 50));
const EVENTS = Number(process.env.BENCH_FANOUT_EVENTS ?? 200);
const RATE = Number(process.env.BENCH_FANOUT_RATE ?? 20);
const CPU_PROF = process.env.BENCH_CPU_PROF;
const SECRET = `bench-secret-${randomBytes(12).toString("hex")}`;

const SUBSCRIPTION = `subscription Fanout($businessId: ID!) {
  messageStatusChanged(businessId: $businessId) { status deliveryStatus event { status } message { id } }
}`;

interface Change {
  messageStatusChanged: { status: string; deliveryStatus: string | null; event: { status: string } | null; message: { id: string } };
}

async function main() {
  const run = randomBytes(4).toString("hex");
  const dbName = `bench_fanout_${run}`;
  const dbUrl = databaseUrlFor(baseDb, dbName);
  const business = `fanout_${run}`;
  let gateway: GatewayProc | undefined;
  const clients: Client[] = [];
  const problems: string[] = [];
  let failed = false;
  try {
    const profileSince = Date.now();
    gateway = await startQuietGateway({ DATABASE_URL: dbUrl, CONNECTLY_WEBHOOK_SECRET: SECRET, SANDBOX_STATUS_EVENTS: "false", LOG_LEVEL: "warn", WS_MAX_CONNECTIONS_PER_PRINCIPAL: String(CONNECTIONS) }, cpuProfileFlags(CPU_PROF));
    const warmId = `warm-${run}`;
    const ids = Array.from({ length: EVENTS }, (_, i) => `fan-${run}-${String(i).padStart(5, "0")}`);
    const seed: SeedMessage[] = [warmId, ...ids].map((id, i) => ({ id, businessId: business, messageId: `m-${id}`, connectlyId: `cly-${id}`, recipientId: `+1604666${String(i % 10_000).padStart(4, "0")}` }));
    await seedAcceptedMessages(dbUrl, seed);
    const rssStart = await gateway.rssMb();
    console.log(`# subscription-fanout: ${SUBSCRIBERS} subscribers over ${CONNECTIONS} graphql-ws connections; ${EVENTS} webhooks at ${RATE}/s; PostgreSQL ${dbName}`);
    console.log(`gateway            ${gateway.url} (pid ${gateway.child.pid}), ${fmt(rssStart)} MB resident before any subscriber`);

    // ---- subscribers
    const sentAt = new Map<string, number>(); // message id -> performance.now() just before its POST
    const latencies: number[] = [];
    const lastReceipt = new Map<string, number>(); // message id -> latest receipt time
    const seen: Set<string>[] = Array.from({ length: SUBSCRIBERS }, () => new Set());
    let warmedUp = 0;
    const warmed = new Array<boolean>(SUBSCRIBERS).fill(false);
    let received = 0;
    let duplicates = 0;
    let unexpected = 0;
    let errors = 0;
    let completed = 0;
    let onProgress: (() => void) | undefined;
    const wsUrl = `${gateway.url.replace("http", "ws")}/graphql`;
    for (let c = 0; c < CONNECTIONS; c++) {
      clients.push(
        createClient({
          url: wsUrl,
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          keepAlive: 0,
          on: { error: (error) => console.error(`connection ${c}:`, error) },
        }),
      );
    }
    const subscribedAt = performance.now();
    for (let s = 0; s < SUBSCRIBERS; s++) {
      const client = clients[s % CONNECTIONS]!;
      client.subscribe<Change>(
        { query: SUBSCRIPTION, variables: { businessId: business } },
        {
          next: (result) => {
            const now = performance.now();
            const change = result.data?.messageStatusChanged;
            if (!change) {
              errors++;
              if (errors <= 3) console.error(`subscriber ${s}: ${JSON.stringify(result.errors ?? result)}`);
              return;
            }
            const id = change.message.id;
            if (id === warmId) {
              if (!warmed[s]) {
                warmed[s] = true;
                warmedUp++;
                onProgress?.();
              }
              return;
            }
            const t0 = sentAt.get(id);
            if (t0 === undefined || change.event?.status !== "SENT") {
              unexpected++;
              return;
            }
            if (seen[s]!.has(id)) {
              duplicates++;
              return;
            }
            seen[s]!.add(id);
            received++;
            latencies.push(now - t0);
            lastReceipt.set(id, Math.max(lastReceipt.get(id) ?? 0, now));
            onProgress?.();
          },
          error: (error) => {
            errors++;
            if (errors <= 3) console.error(`subscriber ${s} failed:`, error);
          },
          complete: () => {
            completed++;
          },
        },
      );
    }

    // ---- warm-up: post events about the warm-up message until every subscriber has received one
    const pool = new Pool(gateway.url, { connections: 4, pipelining: 1 });
    const post = async (connectlyId: string, timestamp: number) => {
      const body = statusEventBody({ connectlyId, status: "sent", timestamp, recipientId: "+16046660000" });
      const res = await pool.request({
        method: "POST",
        path: `/webhooks/connectly?businessId=${business}`,
        headers: { "content-type": "text/plain; charset=utf-8", "x-connectly-hmac-sha256": signWebhookBody(body, SECRET) },
        body,
      });
      const json = (await res.body.json()) as { ok?: boolean; duplicate?: boolean };
      if (res.statusCode !== 200 || json.duplicate) throw new Error(`webhook answered ${res.statusCode} ${JSON.stringify(json)}`);
    };
    const allWarm = new Promise<void>((resolve) => {
      onProgress = () => {
        if (warmedUp === SUBSCRIBERS) resolve();
      };
    });
    let warmPosts = 0;
    const warmDeadline = performance.now() + 60_000;
    while (warmedUp < SUBSCRIBERS) {
      if (performance.now() > warmDeadline) throw new Error(`only ${warmedUp} of ${SUBSCRIBERS} subscribers received a warm-up event within 60 s`);
      await post(`cly-${warmId}`, 1_750_000_000 + warmPosts++);
      // Wait for the last subscribers, or post again after 250 ms (a subscription may not have been registered yet).
      await Promise.race([allWarm, sleep(250)]);
    }
    const readyMs = performance.now() - subscribedAt;
    const rssBefore = await gateway.rssMb();
    console.log(`subscribed         ${SUBSCRIBERS} subscribers all receiving after ${fmt(readyMs / 1000, 2)} s (${warmPosts} warm-up webhooks); gateway ${fmt(rssBefore)} MB resident`);

    // ---- measured phase: one webhook every 1000/RATE ms, open loop
    const expected = EVENTS * SUBSCRIBERS;
    const allReceived = new Promise<void>((resolve) => {
      onProgress = () => {
        if (received >= expected) resolve();
      };
    });
    const postLatencies: number[] = [];
    const postErrors: string[] = [];
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const gatewayCpuBefore = await cpuSecondsOf(gateway.child.pid!);
    const pgBefore = await backendCpuSeconds(baseDb, dbName);
    const benchCpuBefore = process.cpuUsage();
    const start = performance.now();
    // The gateway's RSS every second of the phase, to tell growth per event from a one-off.
    const rssSeries: number[] = [];
    const sampler = setInterval(() => void gateway!.rssMb().then((mb) => rssSeries.push(mb), () => {}), 1000);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const wait = start + (i * 1000) / RATE - performance.now();
      if (wait > 0) await sleep(wait);
      const id = ids[i]!;
      pending.push(
        (async () => {
          const t0 = performance.now();
          sentAt.set(id, t0);
          try {
            await post(`cly-${id}`, 1_760_000_000 + i);
            postLatencies.push(performance.now() - t0);
          } catch (error) {
            postErrors.push(String(error));
          }
        })(),
      );
    }
    await Promise.all(pending);
    const lastPostAt = performance.now();
    // Every receipt, or 15 s after the last POST at most.
    const timedOut = await Promise.race([allReceived.then(() => false), sleep(15_000).then(() => true)]);
    const phaseEnd = performance.now();
    clearInterval(sampler);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    loopDelay.disable();
    const gatewayCpu = (await cpuSecondsOf(gateway.child.pid!)) - gatewayCpuBefore;
    const pgCpu = backendCpuDelta(pgBefore, await backendCpuSeconds(baseDb, dbName));
    const rssAfter = await gateway.rssMb();
    const phaseSeconds = (phaseEnd - start) / 1000;

    latencies.sort((a, b) => a - b);
    postLatencies.sort((a, b) => a - b);
    const perEvent = ids.filter((id) => lastReceipt.has(id)).map((id) => lastReceipt.get(id)! - sentAt.get(id)!).sort((a, b) => a - b);
    const missing = expected - received;
    const eventsIncomplete = ids.filter((id) => seen.filter((s) => s.has(id)).length < SUBSCRIBERS).length;
    console.log(`\n## Fan-out (${EVENTS} webhooks at ${RATE}/s to ${SUBSCRIBERS} subscribers)`);
    console.log(`receipts           ${received} received of ${expected} expected; missing ${missing} (over ${eventsIncomplete} events); duplicated ${duplicates}; unexpected ${unexpected}; errors ${errors}; completed early ${completed}${timedOut ? " (timed out waiting)" : ""}`);
    console.log(`POST -> receipt    p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms, max ${fmt(latencies.at(-1) ?? NaN, 1)} ms (all ${latencies.length} receipts)`);
    console.log(`POST -> last one   p50 ${fmt(percentile(perEvent, 50), 1)} ms, p99 ${fmt(percentile(perEvent, 99), 1)} ms, max ${fmt(perEvent.at(-1) ?? NaN, 1)} ms (per event, until its last subscriber had it)`);
    console.log(`webhook answer     p50 ${fmt(percentile(postLatencies, 50), 1)} ms, p99 ${fmt(percentile(postLatencies, 99), 1)} ms, max ${fmt(postLatencies.at(-1) ?? NaN, 1)} ms; POST errors ${postErrors.length}${postErrors[0] ? ` (${postErrors[0]})` : ""}`);
    console.log(`posting took       ${fmt((lastPostAt - start) / 1000, 2)} s; phase ${fmt(phaseSeconds, 2)} s`);
    console.log(
      `CPU in the phase   gateway ${fmt(gatewayCpu, 2)} s (${fmt((100 * gatewayCpu) / phaseSeconds, 0)}% of one core); PostgreSQL backends ${fmt(pgCpu, 2)} s; ` +
        `bench process (all ${SUBSCRIBERS} clients) ${fmt((benchCpu.user + benchCpu.system) / 1e6, 2)} s (${fmt((100 * (benchCpu.user + benchCpu.system)) / 1e6 / phaseSeconds, 0)}% of one core)`,
    );
    // The histogram holds the intervals between 1 ms timer ticks: what exceeds 1 ms is delay.
    const lag = (ns: number) => fmt(Math.max(0, ns / 1e6 - 1), 1);
    console.log(`bench event loop   delay p50 ${lag(loopDelay.percentile(50))} ms, p99 ${lag(loopDelay.percentile(99))} ms, max ${lag(loopDelay.max)} ms (the clients' own queueing is part of the latencies)`);
    console.log(`gateway memory     ${fmt(rssStart)} MB before subscribers, ${fmt(rssBefore)} MB with ${SUBSCRIBERS} subscribers before the events, ${fmt(rssAfter)} MB after (VmRSS)`);
    console.log(`gateway RSS/s      ${rssSeries.map((mb) => fmt(mb, 0)).join(" ")} MB`);
    if (missing > 0) problems.push(`${missing} receipts missing`);
    if (duplicates > 0) problems.push(`${duplicates} receipts duplicated`);
    if (unexpected > 0 || errors > 0 || completed > 0) problems.push(`${unexpected} unexpected receipts, ${errors} errors, ${completed} subscriptions completed early`);
    if (postErrors.length > 0) problems.push(`${postErrors.length} webhooks not acknowledged`);

    await pool.close();
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await gateway.stop();
    if (CPU_PROF) {
      const file = await newestCpuProfile(CPU_PROF, profileSince);
      if (file) {
        console.log(`\n## Gateway CPU profile (${file}), measured phase only`);
        console.log(await summariseCpuProfile(file, { skipMs: start - gateway.spawnedAt, windowMs: phaseEnd - start, top: 25 }));
      } else console.log(`\n(no CPU profile found in ${CPU_PROF})`);
    }
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await gateway?.stop();
    await dropDatabase(baseDb, dbName).catch((error: unknown) => console.error(`could not drop ${dbName}:`, error));
  }
  if (problems.length > 0) console.log(`\nFAILED: ${problems.join("; ")}`);
  else if (!failed) console.log(`\nOK: every subscriber received every event once`);
  process.exitCode = failed || problems.length > 0 ? 1 : 0;
}

await main();
