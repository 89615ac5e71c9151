/**
 * `npm run bench:footprint`: the gateway's resident memory after start and after load, and what holds it.
 *
 * Runs everything with the environment and node flags of `npm run start:prod` (package.json), in one run:
 *  1. the production build on a fresh PostgreSQL database, configured as deployed (a Connectly
 *     sandbox process as the upstream, auth on, a webhook secret): idle after start and BENCH_LATE_MS later; then after a
 *     load like bench:send's and bench:graphql's (BENCH_SENDS sends at concurrency 200 through the
 *     sandbox at 200 requests/s, delivery statuses for 100 of them, BENCH_READS reads of message(id)
 *     and of a page of 50 with histories at concurrency 16);
 *  2. the production build on the embedded default (a fresh EMBEDDED_DATABASE_DIR), idle after start;
 *  3. beside them, processes that each hold one part: Node alone, PGlite alone (a fresh in-memory
 *     database with PGlite's defaults, and the data directory of step 2 with the gateway's settings),
 *     the Prisma client on PostgreSQL alone, bare Apollo on Fastify.
 * Both gateways are asked /readyz every 5 s, as docker-compose.yml's healthcheck asks a deployed one.
 * Each figure is VmRSS read from /proc after the process is ready and has settled (BENCH_SETTLE_MS,
 * 3000), with its anonymous/file-backed split and V8's view (heap total, heap used, external:
 * process.memoryUsage() for the parts, the gateway's /metrics for the gateway).
 *
 * BENCH_FOOTPRINT_EXPERIMENTS=1 also runs step 1 (and step 2's idle figure) under each variant of
 * the start command (the production command less one of its settings, and the plain
 * `node --enable-source-maps`), so each setting's share is measured in the same run; and with
 * BENCH_FOOTPRINT_EXTRA="--flag A=1;--other" (alone or with the former) under the production command
 * plus each of those.
 * BENCH_HEAP_SNAPSHOT=<dir> runs step 1 once more, writing heap snapshots (idle and after the load)
 * into <dir>, and prints what holds the heap (bench/heap-summary.ts); a snapshot leaves memory of its
 * own behind, so the figures in the table come from the run without them.
 *
 * Env: BENCH_DATABASE_URL (as the other benches), BENCH_SETTLE_MS, BENCH_LATE_MS (15000: the second reading after
 * the load), BENCH_SENDS (4000), BENCH_READS (4000).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { Pool } from "undici";
import { signWebhookBody } from "../src/webhooks/signature.js";
import { summariseHeapSnapshot } from "./heap-summary.js";
import {
  BENCH_AUTH_SECRET,
  BENCH_BASE_DB,
  benchToken,
  cpuSecondsOf,
  databaseUrlFor,
  dropDatabase,
  fmt,
  graphqlClient,
  overrideStartCommand,
  ROOT,
  runBench,
  startCommand,
  startQuietGateway,
  startSandboxProcess,
  statusEventBody,
  type BenchRun,
  type GatewayProc,
  type NodeCommand,
  type Proc,
} from "./lib.js";

const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3000);
const LATE_MS = Math.max(SETTLE_MS, Number(process.env.BENCH_LATE_MS ?? 15000));
const SENDS = Number(process.env.BENCH_SENDS ?? 4000);
const READS = Number(process.env.BENCH_READS ?? 4000);
const EXPERIMENTS = process.env.BENCH_FOOTPRINT_EXPERIMENTS === "1" || !!process.env.BENCH_FOOTPRINT_EXTRA;
const ABLATIONS = process.env.BENCH_FOOTPRINT_EXPERIMENTS === "1";
const SNAPSHOT_DIR = process.env.BENCH_HEAP_SNAPSHOT;
const API_KEY = `bench_${randomBytes(8).toString("hex")}`;
const WEBHOOK_SECRET = "bench-footprint-webhook-secret";
const METRICS_TOKEN = "bench-footprint-metrics-token-of-32-chars";
const BUSINESS = "bench";

/** Resident memory of a process, split as the kernel accounts it, and V8's view of it when known. */
interface Memory {
  readonly rss: number;
  readonly anon: number;
  readonly file: number;
  readonly heapTotal?: number;
  readonly heapUsed?: number;
  readonly external?: number;
  readonly arrayBuffers?: number;
}

const MB = 1048576;

/** VmRSS and its anonymous / file-backed (+ shared memory) parts, in MB, from /proc/<pid>/status. */
async function kernelMemory(pid: number): Promise<Memory> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb("VmRSS"), anon: kb("RssAnon"), file: kb("RssFile") + kb("RssShmem") };
}

/** The gateway's V8 figures, from its /metrics (prom-client's default metrics). */
/** A reader of the gateway's /metrics: each sample's value by name, undefined when absent (or the scrape refused). */
async function scrapeMetrics(url: string): Promise<(name: string) => number | undefined> {
  const text = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => (r.ok ? r.text() : ""));
  return (name) => {
    const m = new RegExp(`^${name} ([\\d.e+-]+)`, "m").exec(text);
    return m ? Number(m[1]) : undefined;
  };
}

async function gatewayV8(url: string): Promise<Pick<Memory, "heapTotal" | "heapUsed" | "external">> {
  const sample = await scrapeMetrics(url);
  const value = (name: string) => {
    const bytes = sample(name);
    return bytes == null ? undefined : bytes / MB;
  };
  const heapTotal = value("nodejs_heap_size_total_bytes");
  const heapUsed = value("nodejs_heap_size_used_bytes");
  const external = value("nodejs_external_memory_bytes");
  return { ...(heapTotal != null ? { heapTotal } : {}), ...(heapUsed != null ? { heapUsed } : {}), ...(external != null ? { external } : {}) };
}

const gatewayMemory = async (gateway: GatewayProc): Promise<Memory> => ({ ...(await kernelMemory(gateway.child.pid!)), ...(await gatewayV8(gateway.url)) });

/** Each part on its own, as an ES module run by node; it prints "ready" once it holds what it measures. */
const PARTS: { name: string; code: (dbUrl: string, dataDir: string) => string }[] = [
  { name: "Node alone", code: () => `` },
  {
    name: "PGlite alone (fresh in-memory database, PGlite's defaults, SELECT 1)",
    code: () => `
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create("memory://");
    await db.query("SELECT 1");`,
  },
  {
    name: "PGlite alone (the embedded gateway's data directory and settings, SELECT 1)",
    code: (_, dataDir) => `
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(${JSON.stringify(dataDir)}, { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] });
    await db.query("SELECT 1");`,
  },
  {
    name: "Prisma client on PostgreSQL alone (SELECT 1)",
    code: (dbUrl) => `
    const { PrismaClient } = await import("./dist/persistence/generated/prisma/client.js");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: ${JSON.stringify(dbUrl)} }) });
    await prisma.$queryRawUnsafe("SELECT 1");`,
  },
  {
    name: "Apollo on Fastify alone ({ hello } served once)",
    code: () => `
    const { ApolloServer } = await import("@apollo/server");
    const { fastifyApolloHandler } = await import("@as-integrations/fastify");
    const Fastify = (await import("fastify")).default;
    const apollo = new ApolloServer({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hi" } } });
    await apollo.start();
    const app = Fastify();
    app.post("/graphql", fastifyApolloHandler(apollo));
    await app.listen({ port: 0, host: "127.0.0.1" });
    await app.inject({ method: "POST", url: "/graphql", payload: { query: "{ hello }" } });`,
  },
];

/** Runs a part with the start command's environment and flags; its memory after it settled. */
async function partMemory(code: string): Promise<Memory> {
  const { env, flags } = startCommand();
  // On SIGUSR2 the part prints its process.memoryUsage(), so V8's view is read at the same moment as /proc.
  const script = `${code}
    process.on("SIGUSR2", () => console.log("memory " + JSON.stringify(process.memoryUsage())));
    console.log("ready"); setInterval(() => {}, 1e6);`;
  const child = spawn(process.execPath, [...flags, "--input-type=module", "-e", script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  let usage: ((line: string) => void) | undefined;
  await new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => (line === "ready" ? resolve() : usage?.(line)));
    child.once("exit", (code) => reject(new Error(`a part exited with ${code}`)));
  });
  await sleep(SETTLE_MS);
  const v8 = new Promise<NodeJS.MemoryUsage>(
    (resolve) => (usage = (line) => line.startsWith("memory ") && resolve(JSON.parse(line.slice(7)) as NodeJS.MemoryUsage)),
  );
  child.kill("SIGUSR2");
  const m = await v8;
  const kernel = await kernelMemory(child.pid!);
  child.kill("SIGTERM");
  await once(child, "exit");
  return { ...kernel, heapTotal: m.heapTotal / MB, heapUsed: m.heapUsed / MB, external: m.external / MB, arrayBuffers: m.arrayBuffers / MB };
}

/** Writes a heap snapshot of the gateway (started with --heapsnapshot-signal) and prints its summary. */
async function heapSnapshot(gateway: GatewayProc, label: string): Promise<void> {
  if (!SNAPSHOT_DIR) return;
  const before = new Set(await readdir(SNAPSHOT_DIR));
  gateway.child.kill("SIGUSR2");
  // The snapshot is written on the main thread: once /healthz answers again and the file stops growing, it is complete.
  let file: string | undefined;
  for (let last = -1; ; await sleep(500)) {
    file ??= (await readdir(SNAPSHOT_DIR)).find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
    if (!file) continue;
    const size = (await stat(path.join(SNAPSHOT_DIR, file))).size;
    const answering = await fetch(`${gateway.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (answering && size === last) break;
    last = size;
  }
  console.log(`\n## Heap snapshot of the PostgreSQL gateway, ${label}\n`);
  console.log("```");
  console.log(await summariseHeapSnapshot(path.join(SNAPSHOT_DIR, file), 20));
  console.log("```");
}

/** Connectly-ids of the messages the load sent, for their delivery statuses. */
async function sentConnectlyIds(dbUrl: string, count: number): Promise<string[]> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ connectlyId: string }>(
      `SELECT "connectlyId" FROM "Message" WHERE "businessId" = $1 AND "connectlyId" IS NOT NULL ORDER BY "createdAt" DESC LIMIT $2`,
      [BUSINESS, count],
    );
    return rows.map((r) => r.connectlyId);
  } finally {
    await db.end();
  }
}

const SEND = `mutation Send($input: SendSessionMessageInput!) { sendSessionMessage(input: $input) { __typename ... on Message { id connectlyId status } ... on ErrorResult { code } } }`;
const MESSAGE = `query Message($id: ID!) { message(id: $id) { id status deliveryStatus recipient { id } createdAt content { __typename ... on TextContent { text } } statusHistory { status occurredAt } } }`;
const PAGE = `query Page($b: ID!) { messages(filter: { businessId: $b }, first: 50) { edges { cursor node { id status deliveryStatus recipient { id } createdAt content { __typename ... on TextContent { text } } statusHistory { status occurredAt } } } pageInfo { hasNextPage endCursor } } }`;

/** Runs `count` calls of `fn` at `concurrency`; counts those that did not answer as expected. */
async function drive(count: number, concurrency: number, fn: (i: number) => Promise<boolean>): Promise<number> {
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) if (!(await fn(i))) failed++;
    }),
  );
  return failed;
}

/** The load: sends through the sandbox, delivery statuses for 100 of them, then reads. Returns the gateway's CPU seconds. */
async function load(gateway: GatewayProc, bench: BenchRun, dbUrl: string, run: string): Promise<{ cpu: number; seconds: number }> {
  const cpuBefore = await cpuSecondsOf(gateway.child.pid!);
  const started = performance.now();
  const token = await benchToken();
  const sender = graphqlClient(gateway.url, 200, token);
  const recipient = (i: number) => `+1604555${String(i % 10000).padStart(4, "0")}`;
  const sendFailures = await drive(SENDS, 200, async (i) => {
    const { json } = await sender.post(
      JSON.stringify({
        query: SEND,
        variables: { input: { businessId: BUSINESS, recipient: { id: recipient(i) }, content: { text: `footprint ${i}` }, messageId: `${run}-${i}` } },
      }),
    );
    return (json as { data?: { sendSessionMessage?: { __typename?: string } } }).data?.sendSessionMessage?.__typename === "Message";
  });
  await sender.close();
  if (sendFailures > 0) bench.problems.push(`${sendFailures} of ${SENDS} sends did not return a Message`);

  const ids = await sentConnectlyIds(dbUrl, 100);
  const hooks = new Pool(gateway.url, { connections: 8 });
  const now = Math.floor(Date.now() / 1000);
  const events = ids.flatMap((id, i) =>
    (["sent", "delivered", "read"] as const).map((status, k) => ({ id, status, timestamp: now + k, recipientId: recipient(i) })),
  );
  const hookFailures = await drive(events.length, 8, async (i) => {
    const e = events[i]!;
    const body = statusEventBody({ connectlyId: e.id, status: e.status, timestamp: e.timestamp, recipientId: e.recipientId });
    const res = await hooks.request({
      method: "POST",
      path: `/webhooks/connectly?businessId=${BUSINESS}`,
      headers: { "content-type": "text/plain; charset=utf-8", "x-connectly-hmac-sha256": signWebhookBody(body, WEBHOOK_SECRET) },
      body,
    });
    await res.body.text();
    return res.statusCode === 200;
  });
  await hooks.close();
  if (hookFailures > 0) bench.problems.push(`${hookFailures} of ${events.length} webhooks were not taken`);

  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const messageIds = (
    await db.query<{ id: string }>(`SELECT id FROM "Message" WHERE "businessId" = $1 ORDER BY "createdAt" DESC LIMIT 100`, [BUSINESS])
  ).rows.map((r) => r.id);
  await db.end();
  const reader = graphqlClient(gateway.url, 16, token);
  const readFailures = await drive(READS, 16, async (i) => {
    const body = i % 2 === 0 ? { query: MESSAGE, variables: { id: messageIds[i % messageIds.length] } } : { query: PAGE, variables: { b: BUSINESS } };
    const { status, json } = await reader.post(JSON.stringify(body));
    return status === 200 && !(json as { errors?: unknown }).errors;
  });
  await reader.close();
  if (readFailures > 0) bench.problems.push(`${readFailures} of ${READS} reads failed`);
  return { cpu: (await cpuSecondsOf(gateway.child.pid!)) - cpuBefore, seconds: (performance.now() - started) / 1000 };
}

interface PostgresFigures {
  readonly idle: Memory;
  /** Idle, LATE_MS after start (the idle collection has had its rounds). */
  readonly idleLate: Memory;
  readonly loaded: Memory;
  /** After the load, LATE_MS later. */
  readonly late: Memory;
  readonly cpu: number;
  readonly seconds: number;
  /** The idle collections the gateway ran (its /metrics), and their mean duration (ms). */
  readonly collections: { readonly count: number; readonly meanMs: number };
}

let runs = 0;

/** gateway_idle_collection_seconds from the gateway's /metrics. */
async function idleCollections(url: string): Promise<{ count: number; meanMs: number }> {
  const sample = await scrapeMetrics(url);
  const count = sample("gateway_idle_collection_seconds_count") ?? 0;
  return { count, meanMs: count > 0 ? (1000 * (sample("gateway_idle_collection_seconds_sum") ?? 0)) / count : 0 };
}

/** Asks /readyz every 5 s, as docker-compose.yml's healthcheck does a deployed gateway; returns the stop. */
function probeReadiness(url: string): () => void {
  const probe = () =>
    void fetch(`${url}/readyz`).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
  probe();
  const timer = setInterval(probe, 5_000);
  return () => clearInterval(timer);
}

/** Step 1: a gateway on a fresh PostgreSQL database (the gateway creates it and applies the migrations), idle after start, then after the load. */
async function postgresGateway(bench: BenchRun, sandbox: Proc, snapshots: boolean): Promise<PostgresFigures> {
  const n = runs++;
  const run = `${bench.run}-${n}`;
  // The first run uses the bench's own database (dropped by runBench), the experiments one each.
  const dbName = n === 0 ? bench.dbName : `${bench.dbName}_${n}`;
  const dbUrl = databaseUrlFor(BENCH_BASE_DB, dbName);
  if (n > 0) bench.onCleanup(() => dropDatabase(BENCH_BASE_DB, dbName));
  const gateway = await startQuietGateway(
    {
      DATABASE_URL: dbUrl,
      CONNECTLY_API_KEY: API_KEY,
      CONNECTLY_BASE_URL: sandbox.url,
      CONNECTLY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      AUTH_JWT_SECRET: BENCH_AUTH_SECRET,
      METRICS_TOKEN,
      REQUEST_RATE_LIMIT: "10000000",
    },
    snapshots && SNAPSHOT_DIR ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${SNAPSHOT_DIR}`] : [],
    5,
  );
  const stopProbing = probeReadiness(gateway.url);
  try {
    await sleep(SETTLE_MS);
    const idle = await gatewayMemory(gateway);
    if (snapshots) await heapSnapshot(gateway, "idle after start");
    await sleep(LATE_MS - SETTLE_MS);
    const idleLate = await gatewayMemory(gateway);
    const { cpu, seconds } = await load(gateway, bench, dbUrl, run);
    await sleep(SETTLE_MS);
    const loaded = await gatewayMemory(gateway);
    if (snapshots) await heapSnapshot(gateway, "after the load");
    // V8 gives memory back some seconds after the allocation rate drops (its memory reducer): read again later.
    await sleep(LATE_MS - SETTLE_MS);
    const late = await gatewayMemory(gateway);
    return { idle, idleLate, loaded, late, cpu, seconds, collections: await idleCollections(gateway.url) };
  } finally {
    stopProbing();
    await gateway.stop();
  }
}

/** Step 2: a gateway on the embedded default in a fresh data directory (left for the PGlite part), idle after start. */
async function embeddedGateway(dataDir: string, sandbox: Proc): Promise<Memory> {
  await rm(dataDir, { recursive: true, force: true });
  const gateway = await startQuietGateway(
    {
      DATABASE_URL: "",
      EMBEDDED_DATABASE_DIR: dataDir,
      CONNECTLY_API_KEY: API_KEY,
      CONNECTLY_BASE_URL: sandbox.url,
      CONNECTLY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      AUTH_JWT_SECRET: BENCH_AUTH_SECRET,
      METRICS_TOKEN,
    },
    [],
    5,
  );
  const stopProbing = probeReadiness(gateway.url);
  try {
    await sleep(SETTLE_MS);
    return await gatewayMemory(gateway);
  } finally {
    stopProbing();
    await gateway.stop();
  }
}

/** The production command, less each of its settings in turn, and the plain command the docs' first figures were taken with. */
function variants(production: NodeCommand): { label: string; command: NodeCommand }[] {
  const out: { label: string; command: NodeCommand }[] = [];
  for (const key of ABLATIONS ? Object.keys(production.env) : []) {
    const env = { ...production.env };
    delete env[key];
    out.push({ label: `without ${key}=${production.env[key]}`, command: { env, flags: production.flags } });
  }
  for (const flag of ABLATIONS ? production.flags : []) {
    if (flag === "--enable-source-maps") continue;
    out.push({ label: `without ${flag}`, command: { env: production.env, flags: production.flags.filter((f) => f !== flag) } });
  }
  if (ABLATIONS) out.push({ label: "node --enable-source-maps (no other setting)", command: { env: {}, flags: ["--enable-source-maps"] } });
  for (const extra of (process.env.BENCH_FOOTPRINT_EXTRA ?? "").split(";").filter((e) => e.trim())) {
    const words = extra.trim().split(/\s+/);
    const env = Object.fromEntries(words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)]));
    const flags = words.filter((w) => !/^[A-Z_]+=/.test(w));
    out.push({ label: `with ${extra.trim()}`, command: { env: { ...production.env, ...env }, flags: [...production.flags, ...flags] } });
  }
  return out;
}

const mb = (n: number | undefined) => (n == null ? "–" : fmt(n, 0));
const row = (name: string, m: Memory, target: string) =>
  `| ${name} | ${mb(m.rss)} | ${mb(m.anon)} | ${mb(m.file)} | ${mb(m.heapTotal)} | ${mb(m.heapUsed)} | ${mb(m.external)} | ${target} |`;

await runBench("bench_footprint", "footprints measured", async (bench) => {
  const production = startCommand();
  const sandbox = await startSandboxProcess(0, 200, API_KEY);
  const dir = await mkdtemp(path.join(tmpdir(), "footprint-"));
  bench.onCleanup(async () => {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  });
  const dataDir = path.join(dir, "pglite");

  const postgres = await postgresGateway(bench, sandbox, false);
  const embedded = await embeddedGateway(dataDir, sandbox);
  const parts: [string, Memory][] = [];
  for (const part of PARTS) parts.push([part.name, await partMemory(part.code(bench.dbUrl, dataDir))]);

  // Writing a snapshot leaves its own memory behind in the process: the snapshots get a gateway of their own.
  if (SNAPSHOT_DIR) await postgresGateway(bench, sandbox, true);

  const experiments: { label: string; postgres: PostgresFigures; embedded: Memory }[] = [];
  if (EXPERIMENTS) {
    for (const { label, command } of variants(production)) {
      overrideStartCommand(command);
      try {
        experiments.push({ label, postgres: await postgresGateway(bench, sandbox, false), embedded: await embeddedGateway(dataDir, sandbox) });
      } finally {
        overrideStartCommand(undefined);
      }
    }
  }

  const command = [...Object.entries(production.env).map(([k, v]) => `${k}=${v}`), "node", ...production.flags].join(" ");
  console.log(`\n# footprint: resident memory (VmRSS) ${SETTLE_MS} ms after ready; Node ${process.version}; every process runs as \`${command}\``);
  console.log(`load: ${SENDS} sends at concurrency 200 through the sandbox (200/s), 300 delivery statuses, ${READS} reads at concurrency 16\n`);
  console.log("| process | resident MB | anonymous | file-backed | V8 heap total | V8 heap used | external | target |");
  console.log("|---|---|---|---|---|---|---|---|");
  console.log(row("gateway, production build, PostgreSQL, idle after start", postgres.idle, "≤ 150 MB"));
  console.log(row(`gateway, production build, PostgreSQL, idle ${fmt(LATE_MS / 1000, 0)} s after start`, postgres.idleLate, "≤ 150 MB"));
  console.log(
    row(`gateway, production build, PostgreSQL, after the load (${fmt(postgres.seconds, 0)} s, ${fmt(postgres.cpu, 1)} CPU s)`, postgres.loaded, "≤ 200 MB"),
  );
  console.log(row(`gateway, production build, PostgreSQL, ${fmt(LATE_MS / 1000, 0)} s after the load`, postgres.late, "≤ 200 MB"));
  console.log(row("gateway, production build, embedded database (fresh directory), idle after start", embedded, "≤ 400 MB"));
  for (const [name, m] of parts) console.log(row(name, m, "baseline"));
  console.log(
    `\nidle collections by the PostgreSQL gateway over the run: ${postgres.collections.count}, ${fmt(postgres.collections.meanMs, 0)} ms each on average (the event loop waits for each)`,
  );

  if (experiments.length > 0) {
    console.log("\n## Each setting's share (the same gateways, the start command varied)\n");
    const late = `${fmt(LATE_MS / 1000, 0)} s after`;
    console.log(`| start command | PostgreSQL idle MB | after the load | ${late} | load CPU s | embedded idle MB |`);
    console.log("|---|---|---|---|---|---|");
    const line = (label: string, p: PostgresFigures, e: Memory) =>
      `| ${label} | ${mb(p.idle.rss)} | ${mb(p.loaded.rss)} | ${mb(p.late.rss)} | ${fmt(p.cpu, 1)} | ${mb(e.rss)} |`;
    console.log(line(`production (\`${command}\`)`, postgres, embedded));
    for (const e of experiments) console.log(line(e.label, e.postgres, e.embedded));
  }
});
