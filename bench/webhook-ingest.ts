/**
 * `npm run bench:ingest`: delivery-status webhook ingestion under load, and whether every event
 * lands exactly once with the right final state.
 *
 * Starts the gateway as its own process on a fresh PostgreSQL database (created by the gateway,
 * dropped at the end), seeds ACCEPTED messages with known Connectly ids straight into the Message
 * table, builds BENCH_EVENTS distinct delivery_status events over them (sent / delivered / read /
 * delivery_failed in several patterns, some in the same second), adds 10% exact duplicates (the
 * same bytes again), shuffles everything and POSTs it signed (x-connectly-hmac-sha256, text/plain)
 * over a keep-alive undici Pool at BENCH_CONCURRENCY. A 503 (NOT_STORED) or a connection error is
 * posted again, as Connectly would redeliver (at most BENCH_RETRIES times).
 *
 * Prints throughput, HTTP statuses, duplicates reported vs expected, stored rows vs distinct events,
 * and the final state of every message (deliveryStatus = the furthest of its events in the order
 * SENT < DELIVERED < FAILED < READ, deliveryStatusAt and deliveryErrorCode to match). Exits 1 when an
 * event is lost, stored twice, acknowledged wrongly, or a message ends in the wrong state.
 *
 * Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a fresh database
 * bench_ingest_<random> is used beside it), BENCH_EVENTS (50000), BENCH_CONCURRENCY (64),
 * BENCH_DUPLICATES (0.1), BENCH_RETRIES (3), BENCH_SEED (1), BENCH_POOL_SIZE (gateway's
 * DATABASE_POOL_SIZE, default the gateway's 10), BENCH_ERROR_SHAPE (documented: delivery_failed errors
 * carry every documented field; partial: only code, type and message), BENCH_CPU_PROF=<dir> (profile
 * the gateway and print its top self-time functions), BENCH_NODE_FLAGS (extra node flags for the gateway),
 * BENCH_BASELINES (true; false skips them), BENCH_SQL_CONNECTIONS (16: the SQL baseline's connections).
 *
 * Then, in the same run, two baselines over the same posts at the same concurrency: the HTTP floor
 * (a bare node:http server that only reads each body and answers), and the SQL baseline (each post
 * its own INSERT ... ON CONFLICT DO NOTHING and commit into a copy of the events table).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import pg from "pg";
import { Pool } from "undici";
import { signWebhookBody } from "../src/webhooks/signature.js";
import {
  BENCH_AUTH_SECRET,
  BENCH_BASE_DB,
  cpuProfileFlags,
  cpuSecondsOf,
  databaseCounters,
  fmt,
  percentile,
  postWebhook,
  printCpuProfile,
  runBench,
  seedAcceptedMessages,
  seededRandom,
  shuffle,
  startCpuReading,
  startQuietGateway,
  statusEventBody,
  type BenchRun,
  type GatewayProc,
  type PhaseCpu,
  type SeedMessage,
} from "./lib.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const DUPLICATE_SHARE = Number(process.env.BENCH_DUPLICATES ?? 0.1);
const RETRIES = Number(process.env.BENCH_RETRIES ?? 3);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const POOL_SIZE = process.env.BENCH_POOL_SIZE;
const CPU_PROF = process.env.BENCH_CPU_PROF;
const BASELINES = process.env.BENCH_BASELINES !== "false";
const SQL_CONNECTIONS = Number(process.env.BENCH_SQL_CONNECTIONS ?? 16);
const ERROR_SHAPE = process.env.BENCH_ERROR_SHAPE ?? "documented"; // or "partial": error objects without userTitle/userMessage/...
const SECRET = `bench-secret-${randomBytes(12).toString("hex")}`;
const BUSINESS = "bench";

type Word = "sent" | "delivered" | "read" | "delivery_failed";
type Status = "SENT" | "DELIVERED" | "FAILED" | "READ";
const STATUS_OF: Record<Word, Status> = { sent: "SENT", delivered: "DELIVERED", read: "READ", delivery_failed: "FAILED" };
// The order of meaning, written out here rather than imported, so a bug in the gateway's own table shows.
const RANK: Record<Status, number> = { SENT: 1, DELIVERED: 2, FAILED: 3, READ: 4 };

interface BenchEvent {
  readonly key: string; // connectlyId|STATUS|epoch ms: the gateway's identity of an event
  readonly connectlyId: string;
  readonly status: Status;
  readonly occurredAtMs: number;
  readonly errorCode: string | null;
  readonly body: string;
  readonly signature: string;
}

interface Expected {
  status: Status;
  atMs: number;
  errorCode: string | null;
}

/**
 * Events of message i, by pattern (i % 8): the furthest status is READ for some (even after a
 * failure), FAILED for others; some events share a second; some messages have no failure at all.
 */
function patternOf(i: number): { word: Word; dt: number }[] {
  switch (i % 8) {
    case 0:
      return [
        { word: "sent", dt: 0 },
        { word: "delivered", dt: 1 },
        { word: "read", dt: 2 },
        { word: "delivery_failed", dt: 3 },
      ]; // READ despite a later failure
    case 1:
      return [
        { word: "sent", dt: 0 },
        { word: "delivered", dt: 1 },
        { word: "delivery_failed", dt: 2 },
      ]; // FAILED
    case 2:
      return [
        { word: "sent", dt: 0 },
        { word: "delivered", dt: 1 },
        { word: "read", dt: 5 },
      ]; // READ
    case 3:
      return [
        { word: "sent", dt: 0 },
        { word: "delivered", dt: 0 },
        { word: "read", dt: 0 },
        { word: "delivery_failed", dt: 0 },
      ]; // all in one second: READ
    case 4:
      return [
        { word: "sent", dt: 0 },
        { word: "delivery_failed", dt: 1 },
      ]; // FAILED
    case 5:
      return [
        { word: "sent", dt: 0 },
        { word: "delivered", dt: 2 },
      ]; // DELIVERED
    case 6:
      return [
        { word: "sent", dt: 0 },
        { word: "delivered", dt: 1 },
        { word: "read", dt: 1 },
        { word: "delivery_failed", dt: 4 },
      ]; // READ
    default:
      return [{ word: "sent", dt: 0 }]; // SENT only
  }
}

function buildEvents(run: string) {
  const messages: SeedMessage[] = [];
  const events: BenchEvent[] = [];
  const expected = new Map<string, Expected>(); // by connectlyId
  for (let i = 0; events.length < EVENTS; i++) {
    const connectlyId = `cly-${run}-${String(i).padStart(6, "0")}`;
    const recipientId = `+1604555${String(i % 10_000).padStart(4, "0")}`;
    messages.push({ id: `msg-${run}-${String(i).padStart(6, "0")}`, businessId: BUSINESS, messageId: `bench-${run}-${i}`, connectlyId, recipientId });
    const t0 = 1_750_000_000 + i * 10;
    for (const { word, dt } of patternOf(i)) {
      if (events.length >= EVENTS) break;
      const timestamp = t0 + dt;
      const error =
        word === "delivery_failed" ? { code: `ERROR_CODE_BENCH_${i % 7}`, type: "ERROR_TYPE_INVALID_REQUEST", message: `bench failure ${i}` } : null;
      // The documented shape has every field; BENCH_ERROR_SHAPE=partial leaves out all but code, type and message.
      const posted =
        error && ERROR_SHAPE !== "partial"
          ? { ...error, userTitle: "Message not delivered", userMessage: `bench failure ${i}`, cntTraceId: `trace-${i}`, details: [] }
          : error;
      const body = statusEventBody({ connectlyId, status: word, timestamp, recipientId, error: posted });
      const status = STATUS_OF[word];
      const occurredAtMs = timestamp * 1000;
      events.push({
        key: `${connectlyId}|${status}|${occurredAtMs}`,
        connectlyId,
        status,
        occurredAtMs,
        errorCode: error?.code ?? null,
        body,
        signature: signWebhookBody(body, SECRET),
      });
      const best = expected.get(connectlyId);
      // Furthest status; among its events (none repeat a status here) the latest time.
      if (!best || RANK[status] > RANK[best.status] || (status === best.status && occurredAtMs > best.atMs)) {
        expected.set(connectlyId, { status, atMs: occurredAtMs, errorCode: error?.code ?? null });
      }
    }
  }
  return { messages, events, expected };
}

interface Outcome {
  readonly event: BenchEvent;
  readonly statuses: number[]; // every attempt's HTTP status (0: connection error)
  duplicate: boolean | null; // the 200's answer, null without a 200
  latencyMs: number; // of the last attempt
}

interface PostResult {
  readonly outcomes: Outcome[];
  readonly seconds: number;
  readonly errors: Map<string, number>; // by HTTP status and error code, or connection error
  readonly started: number; // performance.now() when the first post went out
}

async function postAll(url: string, posts: readonly BenchEvent[]): Promise<PostResult> {
  const pool = new Pool(url, { connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 60_000 });
  const outcomes = new Array<Outcome>(posts.length);
  const errors = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < posts.length; i = next++) {
        const event = posts[i]!;
        const outcome: Outcome = { event, statuses: [], duplicate: null, latencyMs: 0 };
        outcomes[i] = outcome;
        for (let attempt = 0; attempt <= RETRIES; attempt++) {
          const t0 = performance.now();
          try {
            const { status, json } = await postWebhook(pool, BUSINESS, event.body, event.signature);
            outcome.latencyMs = performance.now() - t0;
            outcome.statuses.push(status);
            if (status === 200) {
              outcome.duplicate = json.duplicate === true;
              break;
            }
            const code = `${status} ${json.error?.code ?? "?"}`;
            if (!errors.has(code)) console.error(`first ${code}: ${json.error?.message ?? JSON.stringify(json)}`);
            errors.set(code, (errors.get(code) ?? 0) + 1);
            if (status !== 503) break; // only "not stored, send it again" is worth a redelivery
          } catch (error) {
            outcome.latencyMs = performance.now() - t0;
            outcome.statuses.push(0);
            const code = `connection ${(error as { code?: string }).code ?? (error as Error).message}`;
            errors.set(code, (errors.get(code) ?? 0) + 1);
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { outcomes, seconds, errors, started };
}

/** The distinct events, the exact duplicates among them, and everything to post in its shuffled order. */
interface Plan {
  readonly messages: SeedMessage[];
  readonly events: BenchEvent[];
  readonly expected: Map<string, Expected>;
  readonly duplicateCount: number;
  readonly posts: BenchEvent[];
}

/** What the gateway answered to the posts. */
interface Answers {
  readonly statusCounts: Map<string, number>; // every attempt's HTTP status (0: connection error)
  readonly retried: number;
  readonly reportedDuplicates: number;
  readonly notAcknowledged: number;
  readonly neverNew: number; // distinct events never acknowledged as new
  readonly newTwice: number; // distinct events acknowledged as new more than once
  readonly latencies: number[];
}

/** The MessageStatusEvent rows against the distinct events posted. */
interface StoredEvents {
  readonly rows: number;
  readonly distinct: number;
  readonly lost: number;
  readonly storedTwice: number;
  readonly unexpectedRows: number;
  readonly rejectedRows: string;
}

/** The Message rows' final delivery state against the furthest status of each message's events. */
interface FinalStates {
  readonly messages: number;
  readonly counts: Record<string, number>;
  readonly wrongStatus: number;
  readonly wrongAt: number;
  readonly wrongError: number;
  readonly missingMessages: number;
  readonly wrongExamples: string[];
}

function planPosts(bench: BenchRun): Plan {
  const { messages, events, expected } = buildEvents(bench.run);
  const random = seededRandom(SEED);
  const duplicateCount = Math.round(events.length * DUPLICATE_SHARE);
  const duplicates = shuffle([...events], random).slice(0, duplicateCount);
  const posts = shuffle([...events, ...duplicates], random);
  const byStatus = events.reduce<Record<string, number>>((acc, e) => ((acc[e.status] = (acc[e.status] ?? 0) + 1), acc), {});
  console.log(
    `# webhook-ingest: ${events.length} distinct delivery_status events over ${messages.length} messages, + ${duplicateCount} exact duplicates, shuffled; concurrency ${CONCURRENCY}; error objects ${ERROR_SHAPE}; PostgreSQL ${bench.dbName}`,
  );
  console.log(`events by status   ${JSON.stringify(byStatus)}`);
  return { messages, events, expected, duplicateCount, posts };
}

/** Starts the gateway on the bench's database and seeds the messages the events are about. */
async function setUp(bench: BenchRun, messages: readonly SeedMessage[]): Promise<{ gateway: GatewayProc; profileSince: number }> {
  // As deployed: an API key (no built-in sandbox, whose own secret every webhook would be checked
  // against too); nothing is sent, so the upstream address is never called.
  const env: Record<string, string> = {
    DATABASE_URL: bench.dbUrl,
    CONNECTLY_API_KEY: "bench-ingest-key",
    CONNECTLY_BASE_URL: "http://127.0.0.1:9",
    AUTH_JWT_SECRET: BENCH_AUTH_SECRET,
    CONNECTLY_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: "warn",
  };
  if (POOL_SIZE) env.DATABASE_POOL_SIZE = POOL_SIZE;
  const profileSince = Date.now();
  const gateway = await startQuietGateway(env, cpuProfileFlags(CPU_PROF));
  bench.onCleanup(() => gateway.stop());
  await seedAcceptedMessages(bench.dbUrl, messages);
  console.log(
    `gateway            ${gateway.url} (pid ${gateway.child.pid}, DATABASE_POOL_SIZE ${POOL_SIZE ?? "10 (default)"}), ${fmt(await gateway.rssMb())} MB resident after start-up and seeding`,
  );
  return { gateway, profileSince };
}

function summariseAnswers(outcomes: readonly Outcome[], events: readonly BenchEvent[]): Answers {
  const statusCounts = new Map<string, number>();
  let retried = 0;
  for (const o of outcomes) {
    if (o.statuses.length > 1) retried++;
    for (const s of o.statuses) statusCounts.set(String(s), (statusCounts.get(String(s)) ?? 0) + 1);
  }
  const reportedDuplicates = outcomes.filter((o) => o.duplicate === true).length;
  const notAcknowledged = outcomes.filter((o) => o.duplicate === null).length;
  // Per distinct event, how many posts were acknowledged as new (duplicate: false): exactly one each.
  const firstAcks = new Map<string, number>();
  for (const o of outcomes) if (o.duplicate === false) firstAcks.set(o.event.key, (firstAcks.get(o.event.key) ?? 0) + 1);
  const neverNew = events.filter((e) => !firstAcks.has(e.key)).length;
  const newTwice = [...firstAcks.values()].filter((n) => n > 1).length;
  const latencies = outcomes.map((o) => o.latencyMs).sort((a, b) => a - b);
  return { statusCounts, retried, reportedDuplicates, notAcknowledged, neverNew, newTwice, latencies };
}

async function readStoredEvents(db: pg.Client, events: readonly BenchEvent[]): Promise<StoredEvents> {
  const rows = await db.query<{ connectlyId: string; status: Status; ms: string }>(
    `SELECT "connectlyId", "status"::text AS status, (extract(epoch FROM "occurredAt") * 1000)::bigint AS ms FROM "MessageStatusEvent"`,
  );
  const stored = new Map<string, number>();
  for (const r of rows.rows) {
    const key = `${r.connectlyId}|${r.status}|${r.ms}`;
    stored.set(key, (stored.get(key) ?? 0) + 1);
  }
  const distinctKeys = new Set(events.map((e) => e.key));
  const lost = [...distinctKeys].filter((k) => !stored.has(k)).length;
  const storedTwice = [...stored.values()].filter((n) => n > 1).length;
  const unexpectedRows = [...stored.keys()].filter((k) => !distinctKeys.has(k)).length;
  const rejected = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "RejectedWebhook"`);
  return { rows: rows.rows.length, distinct: distinctKeys.size, lost, storedTwice, unexpectedRows, rejectedRows: rejected.rows[0]!.n };
}

async function readFinalStates(db: pg.Client, expected: ReadonlyMap<string, Expected>): Promise<FinalStates> {
  const msgs = await db.query<{ connectlyId: string; deliveryStatus: Status | null; ms: string | null; deliveryErrorCode: string | null; status: string }>(
    `SELECT "connectlyId", "deliveryStatus"::text AS "deliveryStatus", (extract(epoch FROM "deliveryStatusAt") * 1000)::bigint AS ms, "deliveryErrorCode", "status"::text AS status FROM "Message" WHERE "businessId" = $1`,
    [BUSINESS],
  );
  const f = { wrongStatus: 0, wrongAt: 0, wrongError: 0, missingMessages: 0, wrongExamples: [] as string[] };
  const byConnectlyId = new Map(msgs.rows.map((m) => [m.connectlyId, m]));
  for (const [connectlyId, want] of expected) {
    const m = byConnectlyId.get(connectlyId);
    if (!m) {
      f.missingMessages++;
      continue;
    }
    if (m.deliveryStatus !== want.status) {
      f.wrongStatus++;
      if (f.wrongExamples.length < 5) f.wrongExamples.push(`${connectlyId}: ${m.deliveryStatus} instead of ${want.status}`);
    } else {
      if (Number(m.ms) !== want.atMs) f.wrongAt++;
      if ((want.status === "FAILED" ? want.errorCode : null) !== m.deliveryErrorCode) f.wrongError++;
    }
  }
  const counts = msgs.rows.reduce<Record<string, number>>(
    (acc, m) => ((acc[m.deliveryStatus ?? "null"] = (acc[m.deliveryStatus ?? "null"] ?? 0) + 1), acc),
    {},
  );
  return { messages: msgs.rows.length, counts, ...f };
}

/** What the database holds after the posts: the events stored and every message's final state. */
async function readDatabase(dbUrl: string, plan: Plan): Promise<{ stored: StoredEvents; final: FinalStates }> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const stored = await readStoredEvents(db, plan.events);
  const final = await readFinalStates(db, plan.expected);
  await db.end();
  return { stored, final };
}

function printTable(plan: Plan, result: PostResult, a: Answers, stored: StoredEvents, final: FinalStates, cpu: PhaseCpu, rssAfter: number): void {
  const statusLine = [...a.statusCounts]
    .sort()
    .map(([s, n]) => `${s === "0" ? "conn-error" : s}=${n}`)
    .join(" ");
  const l = a.latencies;
  console.log(`\n## Ingestion`);
  console.log(
    `posted             ${plan.posts.length} webhooks (${plan.events.length} distinct + ${plan.duplicateCount} duplicates) in ${fmt(result.seconds, 2)} s = ${fmt(plan.posts.length / result.seconds)} posts/s`,
  );
  console.log(`stored             ${stored.rows} events = ${fmt(stored.rows / result.seconds)} events stored/s`);
  console.log(
    `HTTP statuses      ${statusLine} (all attempts); posts retried after 503/connection error: ${a.retried}; never acknowledged with 200: ${a.notAcknowledged}`,
  );
  if (result.errors.size > 0) console.log(`errors             ${[...result.errors].map(([c, n]) => `${c}: ${n}`).join("; ")}`);
  console.log(`webhook latency    p50 ${fmt(percentile(l, 50), 1)} ms, p99 ${fmt(percentile(l, 99), 1)} ms, max ${fmt(l.at(-1) ?? NaN, 1)} ms`);
  console.log(
    `duplicates         reported ${a.reportedDuplicates}, expected ${plan.duplicateCount}${a.retried > 0 ? ` (+ up to ${a.retried} from redeliveries)` : ""}`,
  );
  console.log(`acknowledged new   distinct events never acknowledged as new: ${a.neverNew}; acknowledged as new more than once: ${a.newTwice}`);
  console.log(
    `MessageStatusEvent ${stored.rows} rows for ${stored.distinct} distinct events; stored twice ${stored.storedTwice}; rows not posted ${stored.unexpectedRows}; RejectedWebhook rows ${stored.rejectedRows}`,
  );
  console.log(`final state        ${JSON.stringify(final.counts)} over ${final.messages} messages`);
  console.log(
    `correctness        wrong deliveryStatus ${final.wrongStatus} (must be 0), lost events ${stored.lost} (must be 0), messages missing ${final.missingMessages}; wrong deliveryStatusAt ${final.wrongAt}, wrong deliveryErrorCode ${final.wrongError}`,
  );
  for (const w of final.wrongExamples) console.log(`  e.g. ${w}`);
  console.log(
    `CPU                gateway ${fmt(cpu.gateway, 2)} s (${fmt((100 * cpu.gateway) / result.seconds, 0)}% of one core); PostgreSQL backends of the database ${fmt(cpu.postgres, 2)} s; bench process ${fmt(cpu.bench, 2)} s; machine busy ${fmt(100 * cpu.machineBusy, 0)}% of 2 cores (PostgreSQL and anything else included)`,
  );
  const perPost = (seconds: number) => fmt((1e6 * seconds) / plan.posts.length, 0);
  console.log(
    `CPU a post         gateway ${perPost(cpu.gateway)} µs, PostgreSQL ${perPost(cpu.postgres)} µs, bench ${perPost(cpu.bench)} µs (less sensitive than the rate to what else runs on the machine)`,
  );
  console.log(`gateway memory     ${fmt(rssAfter)} MB resident (VmRSS) after the run`);
}

/** What went wrong: lost, doubled or wrongly acknowledged events, messages in the wrong state. */
function findProblems(plan: Plan, a: Answers, stored: StoredEvents, final: FinalStates): string[] {
  const problems: string[] = [];
  const { duplicateCount } = plan;
  const expectedDupsOk =
    a.retried > 0 ? a.reportedDuplicates >= duplicateCount && a.reportedDuplicates <= duplicateCount + a.retried : a.reportedDuplicates === duplicateCount;
  if (stored.lost > 0) problems.push(`${stored.lost} events lost`);
  if (stored.storedTwice > 0 || stored.rows !== stored.distinct || stored.unexpectedRows > 0)
    problems.push(`stored rows ${stored.rows} != distinct events ${stored.distinct}`);
  if (a.newTwice > 0) problems.push(`${a.newTwice} events acknowledged as new more than once (double-counted)`);
  if (a.neverNew > 0) problems.push(`${a.neverNew} events never acknowledged as new`);
  if (!expectedDupsOk) problems.push(`duplicates reported ${a.reportedDuplicates}, expected ${duplicateCount}`);
  if (a.notAcknowledged > 0) problems.push(`${a.notAcknowledged} posts never acknowledged with 200`);
  if (final.wrongStatus > 0 || final.missingMessages > 0)
    problems.push(`${final.wrongStatus} messages in the wrong deliveryStatus, ${final.missingMessages} missing`);
  if (final.wrongAt > 0 || final.wrongError > 0) problems.push(`${final.wrongAt} wrong deliveryStatusAt, ${final.wrongError} wrong deliveryErrorCode`);
  return problems;
}

/**
 * The HTTP floor: a bare node:http server in a process of its own that reads each body and answers
 * 200 with the gateway's JSON, taking the same posts from the same client at the same concurrency.
 */
const BARE_SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = JSON.stringify({ ok: true, topic: "delivery_status", duplicate: Buffer.concat(chunks).length < 0 });
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log("PORT " + server.address().port));
process.on("SIGTERM", () => process.exit(0));`;

async function httpFloor(posts: readonly BenchEvent[]): Promise<{ seconds: number; cpu: number }> {
  const child = spawn(process.execPath, ["-e", BARE_SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on("line", (line) => line.startsWith("PORT ") && resolve(line.slice(5)));
      child.once("exit", (code) => reject(new Error(`the bare HTTP server exited with ${code}`)));
    });
    const cpuBefore = await cpuSecondsOf(child.pid!);
    const result = await postAll(`http://127.0.0.1:${port}`, posts);
    return { seconds: result.seconds, cpu: (await cpuSecondsOf(child.pid!)) - cpuBefore };
  } finally {
    child.kill("SIGTERM");
  }
}

/**
 * The SQL baseline: the same posts, duplicates included, as one INSERT ... ON CONFLICT DO NOTHING
 * each (its own commit, as a handler that stores each request by itself would), over
 * SQL_CONNECTIONS connections (fewer than CONCURRENCY: the server's 100 are shared), into a copy of
 * MessageStatusEvent with its indexes; no status update.
 */
async function sqlFloor(dbUrl: string, posts: readonly BenchEvent[]): Promise<{ seconds: number; stored: number }> {
  const db = new pg.Pool({ connectionString: dbUrl, max: SQL_CONNECTIONS, options: "-c TimeZone=UTC" });
  // Connections still closing when the database is dropped are ended by the server: nothing to do.
  db.on("error", () => {});
  try {
    await db.query(`CREATE TABLE "FloorEvent" (LIKE "MessageStatusEvent" INCLUDING ALL)`);
    const text = `INSERT INTO "FloorEvent" ("connectlyId", "status", "occurredAt", "businessId", "recipientId", "senderId", "errorCode", "errorType", "errorMessage", "raw")
      VALUES ($1, CAST($2 AS "DeliveryStatus"), $3, $4, $5, $6, $7, $8, $9, CAST($10 AS jsonb)) ON CONFLICT ("businessId", "connectlyId", "status", "occurredAt") DO NOTHING`;
    const rows = posts.map((e) => {
      const raw = JSON.parse(e.body) as {
        recipient?: { id?: string };
        sender?: { id?: string };
        statusUpdate?: { error?: { type?: string; message?: string } | null };
      };
      const error = raw.statusUpdate?.error ?? null;
      return [
        e.connectlyId,
        e.status,
        new Date(e.occurredAtMs).toISOString(),
        BUSINESS,
        raw.recipient?.id ?? null,
        raw.sender?.id ?? null,
        e.errorCode,
        error?.type ?? null,
        error?.message ?? null,
        JSON.stringify(raw),
      ];
    });
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SQL_CONNECTIONS }, async () => {
        for (let i = next++; i < rows.length; i = next++) await db.query({ name: "floor-insert", text, values: rows[i] });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const stored = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "FloorEvent"`)).rows[0]!.n);
    await db.query(`DROP TABLE "FloorEvent"`);
    return { seconds, stored };
  } finally {
    await db.end();
  }
}

async function baselines(bench: BenchRun, plan: Plan, gatewaySeconds: number): Promise<void> {
  const http = await httpFloor(plan.posts);
  const sql = await sqlFloor(bench.dbUrl, plan.posts);
  console.log(`\n## Baselines in the same run (the same posts)`);
  console.log(
    `HTTP floor         bare node:http server, concurrency ${CONCURRENCY}: ${fmt(plan.posts.length / http.seconds)} posts/s (${fmt((1e6 * http.cpu) / plan.posts.length, 0)} µs of its CPU a post); the gateway reached ${fmt((100 * http.seconds) / gatewaySeconds, 0)}% of it`,
  );
  console.log(
    `SQL baseline       one INSERT per post over ${SQL_CONNECTIONS} connections: ${fmt(sql.stored / sql.seconds)} events stored/s (${sql.stored} rows); the gateway stored ${fmt(sql.seconds / gatewaySeconds, 2)}x as many a second`,
  );
}

async function ingest(bench: BenchRun): Promise<void> {
  const plan = planPosts(bench);
  const { gateway, profileSince } = await setUp(bench, plan.messages);
  const cpuUsed = await startCpuReading(gateway.child.pid!, BENCH_BASE_DB, bench.dbName);
  const result = await postAll(gateway.url, plan.posts);
  const cpu = await cpuUsed();
  const rssAfter = await gateway.rssMb();
  const answers = summariseAnswers(result.outcomes, plan.events);
  const { stored, final } = await readDatabase(bench.dbUrl, plan);
  printTable(plan, result, answers, stored, final, cpu, rssAfter);
  bench.problems.push(...findProblems(plan, answers, stored, final));

  await gateway.stop();
  // Counted from before the gateway started: start-up and seeding add a few dozen transactions.
  const counters = await databaseCounters(BENCH_BASE_DB, bench.dbName);
  console.log(
    `PostgreSQL         ${counters.commits} commits (${fmt(counters.commits / plan.posts.length, 3)} per webhook), ${counters.rollbacks} rollbacks, ${counters.deadlocks} deadlocks; ` +
      `${counters.inserted} rows inserted, ${counters.updated} updated (Message: ${counters.messageUpdates} updates, ${counters.messageHotUpdates} HOT)`,
  );
  await printCpuProfile(CPU_PROF, profileSince, gateway, { label: "ingestion phase only", start: result.started, ms: result.seconds * 1000 });
  if (BASELINES) await baselines(bench, plan, result.seconds);
}

await runBench("bench_ingest", "every event stored once, every message in its furthest status", ingest);
