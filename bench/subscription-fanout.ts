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
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient, type Client, type FormattedExecutionResult, type Sink } from "graphql-ws";
import { Pool } from "undici";
import WebSocket from "ws";
import { signWebhookBody } from "../src/webhooks/signature.js";
import {
  BENCH_BASE_DB,
  cpuProfileFlags,
  fmt,
  percentile,
  postWebhook,
  printCpuProfile,
  runBench,
  seedAcceptedMessages,
  startCpuReading,
  startQuietGateway,
  statusEventBody,
  type BenchRun,
  type GatewayProc,
  type PhaseCpu,
  type SeedMessage,
} from "./lib.js";

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

/** What the subscribers have received so far, kept up by their callbacks. */
interface Receipts {
  readonly sentAt: Map<string, number>; // message id -> performance.now() just before its POST
  readonly latencies: number[];
  readonly lastReceipt: Map<string, number>; // message id -> latest receipt time
  readonly seen: Set<string>[]; // per subscriber, the message ids it received
  readonly warmed: boolean[]; // per subscriber, whether it received a warm-up event
  warmedUp: number;
  received: number;
  duplicates: number;
  unexpected: number;
  errors: number;
  completed: number;
  /** Called after each warm-up or measured receipt. */
  onProgress: (() => void) | undefined;
}

/** The gateway, its seeded messages and the subscribers' connections. */
interface Fanout {
  readonly gateway: GatewayProc;
  readonly profileSince: number;
  readonly business: string;
  readonly warmId: string;
  readonly ids: readonly string[];
  readonly rssStart: number;
  readonly clients: Client[];
  readonly receipts: Receipts;
  readonly pool: Pool;
}

/** What the measured phase took and left (receipts themselves are in Receipts). */
interface Measurement {
  readonly start: number;
  readonly lastPostAt: number;
  readonly phaseEnd: number;
  readonly timedOut: boolean;
  readonly postLatencies: number[];
  readonly postErrors: string[];
  readonly cpu: PhaseCpu;
  readonly loopDelay: IntervalHistogram;
  readonly rssAfter: number;
  readonly rssSeries: readonly number[];
}

function newReceipts(): Receipts {
  return {
    sentAt: new Map(),
    latencies: [],
    lastReceipt: new Map(),
    seen: Array.from({ length: SUBSCRIBERS }, () => new Set<string>()),
    warmed: new Array<boolean>(SUBSCRIBERS).fill(false),
    warmedUp: 0,
    received: 0,
    duplicates: 0,
    unexpected: 0,
    errors: 0,
    completed: 0,
    onProgress: undefined,
  };
}

/** Starts the gateway on the bench's database and seeds the warm-up message and one message per event. */
async function setUp(bench: BenchRun): Promise<Fanout> {
  const profileSince = Date.now();
  const env = {
    DATABASE_URL: bench.dbUrl,
    CONNECTLY_WEBHOOK_SECRET: SECRET,
    SANDBOX_STATUS_EVENTS: "false",
    LOG_LEVEL: "warn",
    WS_MAX_CONNECTIONS_PER_PRINCIPAL: String(CONNECTIONS),
  };
  const gateway = await startQuietGateway(env, cpuProfileFlags(CPU_PROF));
  const clients: Client[] = [];
  bench.onCleanup(() => gateway.stop());
  bench.onCleanup(() => disposeAll(clients));
  const business = `fanout_${bench.run}`;
  const warmId = `warm-${bench.run}`;
  const ids = Array.from({ length: EVENTS }, (_, i) => `fan-${bench.run}-${String(i).padStart(5, "0")}`);
  const seed: SeedMessage[] = [warmId, ...ids].map((id, i) => ({
    id,
    businessId: business,
    messageId: `m-${id}`,
    connectlyId: `cly-${id}`,
    recipientId: `+1604666${String(i % 10_000).padStart(4, "0")}`,
  }));
  await seedAcceptedMessages(bench.dbUrl, seed);
  const rssStart = await gateway.rssMb();
  console.log(
    `# subscription-fanout: ${SUBSCRIBERS} subscribers over ${CONNECTIONS} graphql-ws connections; ${EVENTS} webhooks at ${RATE}/s; PostgreSQL ${bench.dbName}`,
  );
  console.log(`gateway            ${gateway.url} (pid ${gateway.child.pid}), ${fmt(rssStart)} MB resident before any subscriber`);
  // undici connects on the first request: the pool is idle until the warm-up.
  const pool = new Pool(gateway.url, { connections: 4, pipelining: 1 });
  return { gateway, profileSince, business, warmId, ids, rssStart, clients, receipts: newReceipts(), pool };
}

/** Disposes graphql-ws clients and empties the list (dispose may or may not return a promise). */
async function disposeAll(clients: Client[]): Promise<void> {
  await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
}

/** Subscriber `s`'s callbacks: count each receipt (warm-up, measured, duplicate or unexpected) in `r`. */
function subscriberSink(r: Receipts, s: number, warmId: string): Sink<FormattedExecutionResult<Change, unknown>> {
  return {
    next: (result) => {
      const now = performance.now();
      const change = result.data?.messageStatusChanged;
      if (!change) {
        r.errors++;
        if (r.errors <= 3) console.error(`subscriber ${s}: ${JSON.stringify(result.errors ?? result)}`);
        return;
      }
      const id = change.message.id;
      if (id === warmId) {
        if (!r.warmed[s]) {
          r.warmed[s] = true;
          r.warmedUp++;
          r.onProgress?.();
        }
        return;
      }
      const t0 = r.sentAt.get(id);
      if (t0 === undefined || change.event?.status !== "SENT") {
        r.unexpected++;
        return;
      }
      if (r.seen[s]!.has(id)) {
        r.duplicates++;
        return;
      }
      r.seen[s]!.add(id);
      r.received++;
      r.latencies.push(now - t0);
      r.lastReceipt.set(id, Math.max(r.lastReceipt.get(id) ?? 0, now));
      r.onProgress?.();
    },
    error: (error) => {
      r.errors++;
      if (r.errors <= 3) console.error(`subscriber ${s} failed:`, error);
    },
    complete: () => {
      r.completed++;
    },
  };
}

/** Opens CONNECTIONS graphql-ws connections and SUBSCRIBERS subscriptions spread over them; answers when subscribing began. */
function subscribeAll(f: Fanout): number {
  const wsUrl = `${f.gateway.url.replace("http", "ws")}/graphql`;
  for (let c = 0; c < CONNECTIONS; c++) {
    f.clients.push(
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
    f.clients[s % CONNECTIONS]!.subscribe<Change>({ query: SUBSCRIPTION, variables: { businessId: f.business } }, subscriberSink(f.receipts, s, f.warmId));
  }
  return subscribedAt;
}

/** Posts a signed "sent" event about `connectlyId`; throws unless the gateway stored it as new. */
async function post(f: Fanout, connectlyId: string, timestamp: number): Promise<void> {
  const body = statusEventBody({ connectlyId, status: "sent", timestamp, recipientId: "+16046660000" });
  const { status, json } = await postWebhook(f.pool, f.business, body, signWebhookBody(body, SECRET));
  if (status !== 200 || json.duplicate) throw new Error(`webhook answered ${status} ${JSON.stringify(json)}`);
}

/** Posts events about the warm-up message until every subscriber has received one; answers how many it posted. */
async function warmUp(f: Fanout): Promise<number> {
  const r = f.receipts;
  const allWarm = new Promise<void>((resolve) => {
    r.onProgress = () => {
      if (r.warmedUp === SUBSCRIBERS) resolve();
    };
  });
  let warmPosts = 0;
  const warmDeadline = performance.now() + 60_000;
  while (r.warmedUp < SUBSCRIBERS) {
    if (performance.now() > warmDeadline) throw new Error(`only ${r.warmedUp} of ${SUBSCRIBERS} subscribers received a warm-up event within 60 s`);
    await post(f, `cly-${f.warmId}`, 1_750_000_000 + warmPosts++);
    // Wait for the last subscribers, or post again after 250 ms (a subscription may not have been registered yet).
    await Promise.race([allWarm, sleep(250)]);
  }
  return warmPosts;
}

/** Posts one webhook per event every 1000/RATE ms (open loop); answers when the last POST was answered. */
async function postEvents(f: Fanout, start: number, postLatencies: number[], postErrors: string[]): Promise<number> {
  const pending: Promise<void>[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    const id = f.ids[i]!;
    pending.push(
      (async () => {
        const t0 = performance.now();
        f.receipts.sentAt.set(id, t0);
        try {
          await post(f, `cly-${id}`, 1_760_000_000 + i);
          postLatencies.push(performance.now() - t0);
        } catch (error) {
          postErrors.push(String(error));
        }
      })(),
    );
  }
  await Promise.all(pending);
  return performance.now();
}

/** The measured phase: every event posted, then every receipt awaited (15 s after the last POST at most). */
async function measuredRound(f: Fanout, bench: BenchRun): Promise<Measurement> {
  const r = f.receipts;
  const expected = EVENTS * SUBSCRIBERS;
  const allReceived = new Promise<void>((resolve) => {
    r.onProgress = () => {
      if (r.received >= expected) resolve();
    };
  });
  const postLatencies: number[] = [];
  const postErrors: string[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const cpuUsed = await startCpuReading(f.gateway.child.pid!, BENCH_BASE_DB, bench.dbName);
  const start = performance.now();
  // The gateway's RSS every second of the phase, to tell growth per event from a one-off.
  const rssSeries: number[] = [];
  const sampler = setInterval(
    () =>
      void f.gateway.rssMb().then(
        (mb) => rssSeries.push(mb),
        () => {},
      ),
    1000,
  );
  const lastPostAt = await postEvents(f, start, postLatencies, postErrors);
  const timedOut = await Promise.race([allReceived.then(() => false), sleep(15_000).then(() => true)]);
  const phaseEnd = performance.now();
  clearInterval(sampler);
  loopDelay.disable();
  const cpu = await cpuUsed();
  const rssAfter = await f.gateway.rssMb();
  return { start, lastPostAt, phaseEnd, timedOut, postLatencies, postErrors, cpu, loopDelay, rssAfter, rssSeries };
}

/** p50, p99 and max of sorted latencies, as printed. */
const spread = (sorted: readonly number[]) =>
  `p50 ${fmt(percentile(sorted, 50), 1)} ms, p99 ${fmt(percentile(sorted, 99), 1)} ms, max ${fmt(sorted.at(-1) ?? NaN, 1)} ms`;

/** Prints the fan-out table and records what went wrong in `problems`. */
function printTable(f: Fanout, m: Measurement, rssBefore: number, problems: string[]): void {
  const r = f.receipts;
  const expected = EVENTS * SUBSCRIBERS;
  const phaseSeconds = (m.phaseEnd - m.start) / 1000;
  r.latencies.sort((a, b) => a - b);
  m.postLatencies.sort((a, b) => a - b);
  const perEvent = f.ids
    .filter((id) => r.lastReceipt.has(id))
    .map((id) => r.lastReceipt.get(id)! - r.sentAt.get(id)!)
    .sort((a, b) => a - b);
  const missing = expected - r.received;
  const eventsIncomplete = f.ids.filter((id) => r.seen.filter((s) => s.has(id)).length < SUBSCRIBERS).length;
  console.log(`\n## Fan-out (${EVENTS} webhooks at ${RATE}/s to ${SUBSCRIBERS} subscribers)`);
  console.log(
    `receipts           ${r.received} received of ${expected} expected; missing ${missing} (over ${eventsIncomplete} events); duplicated ${r.duplicates}; unexpected ${r.unexpected}; errors ${r.errors}; completed early ${r.completed}${m.timedOut ? " (timed out waiting)" : ""}`,
  );
  console.log(`POST -> receipt    ${spread(r.latencies)} (all ${r.latencies.length} receipts)`);
  console.log(`POST -> last one   ${spread(perEvent)} (per event, until its last subscriber had it)`);
  console.log(`webhook answer     ${spread(m.postLatencies)}; POST errors ${m.postErrors.length}${m.postErrors[0] ? ` (${m.postErrors[0]})` : ""}`);
  console.log(`posting took       ${fmt((m.lastPostAt - m.start) / 1000, 2)} s; phase ${fmt(phaseSeconds, 2)} s`);
  console.log(
    `CPU in the phase   gateway ${fmt(m.cpu.gateway, 2)} s (${fmt((100 * m.cpu.gateway) / phaseSeconds, 0)}% of one core); PostgreSQL backends ${fmt(m.cpu.postgres, 2)} s; ` +
      `bench process (all ${SUBSCRIBERS} clients) ${fmt(m.cpu.bench, 2)} s (${fmt((100 * m.cpu.bench) / phaseSeconds, 0)}% of one core)`,
  );
  // The histogram holds the intervals between 1 ms timer ticks: what exceeds 1 ms is delay.
  const lag = (ns: number) => fmt(Math.max(0, ns / 1e6 - 1), 1);
  console.log(
    `bench event loop   delay p50 ${lag(m.loopDelay.percentile(50))} ms, p99 ${lag(m.loopDelay.percentile(99))} ms, max ${lag(m.loopDelay.max)} ms (the clients' own queueing is part of the latencies)`,
  );
  console.log(
    `gateway memory     ${fmt(f.rssStart)} MB before subscribers, ${fmt(rssBefore)} MB with ${SUBSCRIBERS} subscribers before the events, ${fmt(m.rssAfter)} MB after (VmRSS)`,
  );
  console.log(`gateway RSS/s      ${m.rssSeries.map((mb) => fmt(mb, 0)).join(" ")} MB`);
  if (missing > 0) problems.push(`${missing} receipts missing`);
  if (r.duplicates > 0) problems.push(`${r.duplicates} receipts duplicated`);
  if (r.unexpected > 0 || r.errors > 0 || r.completed > 0)
    problems.push(`${r.unexpected} unexpected receipts, ${r.errors} errors, ${r.completed} subscriptions completed early`);
  if (m.postErrors.length > 0) problems.push(`${m.postErrors.length} webhooks not acknowledged`);
}

async function fanout(bench: BenchRun): Promise<void> {
  const f = await setUp(bench);
  const subscribedAt = subscribeAll(f);
  const warmPosts = await warmUp(f);
  const readyMs = performance.now() - subscribedAt;
  const rssBefore = await f.gateway.rssMb();
  console.log(
    `subscribed         ${SUBSCRIBERS} subscribers all receiving after ${fmt(readyMs / 1000, 2)} s (${warmPosts} warm-up webhooks); gateway ${fmt(rssBefore)} MB resident`,
  );
  const m = await measuredRound(f, bench);
  printTable(f, m, rssBefore, bench.problems);
  await f.pool.close();
  await disposeAll(f.clients);
  await f.gateway.stop();
  await printCpuProfile(CPU_PROF, f.profileSince, f.gateway, { label: "measured phase only", start: m.start, ms: m.phaseEnd - m.start });
}

await runBench("bench_fanout", "every subscriber received every event once", fanout);
