/**
 * `npm run bench:conversations` — the conversation and count reads on a business with 100,000
 * messages. A fresh PostgreSQL database is seeded straight with SQL (generate_series): 100,000
 * messages to 1,000 customers over 29 days, statuses and delivery statuses spread, four campaigns;
 * 20,000 inbound messages, half of them linked to the message they answer; one heavy customer with
 * about 5,500 entries both ways, with same-second ties (an answer in the second of its question, two
 * answers in one second). Then, one operation at a time, BENCH_REQUESTS (default 500) sequential
 * requests over HTTP to the gateway (production build, auth on), and beside them the same SQL run
 * directly with pg: the statements the gateway ran for that operation, captured by running it once
 * in this process on the gateway's own schema and stores. So the table shows what the gateway adds
 * to its SQL. Both sides alternate in rounds, after a warm-up each.
 * BENCH_VERBOSE=1 prints each operation's statements, BENCH_EXPLAIN=1 their plans (EXPLAIN ANALYZE).
 */
import { parse, execute } from "graphql";
import pg from "pg";
import { Pool } from "undici";
import { benchToken, BENCH_AUTH_SECRET, fmt, percentile, runBench, startQuietGateway, type BenchRun } from "./lib.js";
import { openDatabase, type Database, type DirectQuery } from "../src/persistence/database.js";
import { createStores } from "../src/core/stores.js";
import { createContext, type GraphQLServices } from "../src/graphql/context.js";
import { buildSchema } from "../src/graphql/schema.js";
import { LOCAL_DEVELOPER } from "../src/auth/principal.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const ROUNDS = 5;
const WARM_UP = 50;
const VERBOSE = process.env.BENCH_VERBOSE === "1";
const EXPLAIN = process.env.BENCH_EXPLAIN === "1";
const BUSINESS = "bench-biz";
const MESSAGES = 100_000;
const HEAVY = "+15550000000";
/** Seconds between one seeded message and the next: 100,000 of them span about 29 days. */
const SPACING_S = 25;

/** A customer's number from its index (0 is the heavy one). */
const CUSTOMER_SQL = (r: string) => `'+1555' || lpad((${r})::text, 7, '0')`;
/** Message i's customer: every 33rd message goes to the heavy customer, the rest round the 999 others. */
const RECIPIENT_SQL = (i: string) => `CASE WHEN ${i} % 33 = 0 THEN 0 ELSE 1 + ${i} % 999 END`;

/** Seeds the business; `start` is the instant before message 1 (whole seconds, so sent and received times can tie). */
async function seed(db: pg.Client, start: Date): Promise<void> {
  await db.query(
    `WITH g AS (
       SELECT i, ${RECIPIENT_SQL("i")} AS r, $2::timestamptz + i * interval '${SPACING_S} seconds' AS at,
         CASE WHEN i % 100 < 3 THEN 'FAILED' WHEN i % 100 = 3 THEN 'UNCONFIRMED' WHEN i % 100 = 4 THEN 'PENDING' ELSE 'ACCEPTED' END AS status
       FROM generate_series(1, $3::int) AS i)
     INSERT INTO "Message" ("id", "businessId", "messageId", "connectlyId", "status", "recipientId", "contentType", "content", "requestBody",
       "callbackData", "campaignName", "attempts", "upstreamStatus", "deliveryStatus", "deliveryStatusAt", "createdAt", "updatedAt")
     SELECT 'M' || lpad(i::text, 9, '0'), $1, 'm' || i, CASE WHEN status = 'ACCEPTED' THEN 'c' || i END, status::"MessageStatus",
       ${CUSTOMER_SQL("r")}, 'TEXT', jsonb_build_object('text', 'bench message ' || i), '{}'::jsonb,
       jsonb_build_object('order', i), (ARRAY['spring', 'summer', 'autumn', 'winter'])[i % 7 + 1], 1,
       CASE WHEN status = 'ACCEPTED' THEN 200 END,
       CASE WHEN status = 'ACCEPTED' THEN (ARRAY[NULL, 'SENT', 'FAILED', 'DELIVERED', 'DELIVERED', 'DELIVERED', 'READ', 'READ', 'READ', 'READ'])[i % 10 + 1]::"DeliveryStatus" END,
       CASE WHEN status = 'ACCEPTED' AND i % 10 <> 0 THEN at + interval '5 seconds' END, at, at
     FROM g`,
    [BUSINESS, start, MESSAGES],
  );
  // The heavy customer answers every third of its messages, two answers a time, in the same second:
  // half the pairs in the second of the question itself. The others answer every fifth message.
  await db.query(
    `WITH a AS (
       SELECT j, 33 * (1 + 3 * (j / 2)) AS i, (j / 2) % 2 AS plus FROM generate_series(0, 1999) AS j
       UNION ALL
       SELECT 2000 + j, 5 * j + 1, j % 3 FROM generate_series(0, 17999) AS j),
     b AS (SELECT j, i, ${RECIPIENT_SQL("i")} AS r, $2::timestamptz + i * interval '${SPACING_S} seconds' + plus * interval '1 second' AS at FROM a)
     INSERT INTO "InboundMessage" ("bodyHash", "businessId", "businessNumber", "customerId", "customerName", "kind", "content", "text",
       "replyToConnectlyId", "callbackData", "inReplyToId", "linkedBy", "occurredAt", "raw", "receivedAt")
     SELECT md5('inbound ' || j), $1, '+15550009999', ${CUSTOMER_SQL("r")}, 'Customer ' || r,
       (CASE WHEN j % 2 = 0 THEN 'BUTTON_REPLY' ELSE 'TEXT' END)::"InboundKind",
       CASE WHEN j % 2 = 0 THEN jsonb_build_object('buttonId', 'yes', 'text', 'Yes') ELSE jsonb_build_object('text', 'answer ' || j) END,
       CASE WHEN j % 2 = 0 THEN 'Yes' ELSE 'answer ' || j END,
       CASE WHEN j % 4 = 0 THEN 'c' || i END, CASE WHEN j % 4 = 2 THEN jsonb_build_object('order', i) END,
       CASE WHEN j % 2 = 0 THEN 'M' || lpad(i::text, 9, '0') END,
       (CASE WHEN j % 4 = 0 THEN 'CONNECTLY_ID' WHEN j % 4 = 2 THEN 'CALLBACK_DATA' END)::"ReplyLink",
       at, jsonb_build_object('timestamp', extract(epoch FROM at)::bigint::text, 'message', jsonb_build_object('text', 'answer ' || j)), at + interval '1 second'
     FROM b`,
    [BUSINESS, start],
  );
  // Last wrote between now and 48 hours ago (about half the windows open); every 50th window known closed.
  await db.query(
    `INSERT INTO "CustomerSession" ("businessId", "customerId", "customerName", "businessNumber", "lastInboundAt", "windowClosedAt", "updatedAt")
     SELECT $1, ${CUSTOMER_SQL("r")}, 'Customer ' || r, '+15550009999', last, CASE WHEN r % 50 = 7 THEN last + interval '10 minutes' END, now()
     FROM (SELECT r, now() - (r % 48) * interval '1 hour' - r * interval '1 second' AS last FROM generate_series(0, 999) AS r) AS s`,
    [BUSINESS],
  );
  // A live database has statistics (without them the planner would take the fresh tables for tiny
  // ones) and a visibility map (autovacuum's: index-only scans need it).
  await db.query(`VACUUM ANALYZE "Message", "InboundMessage", "CustomerSession"`);
}

/** A statement as the gateway ran it. */
interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Prisma's query events carry the statement and its parameters; the type of $on depends on the client's options. */
type QueryEvents = { $on(event: "query", listener: (e: { query: string; params: string }) => void): void };

/**
 * The gateway's stores on `database`, recording every statement they run (Prisma's and the direct
 * prepared ones) into `into`, so the baseline runs exactly those.
 */
function recordingServices(database: Database, into: Statement[]): GraphQLServices {
  (database.prisma as unknown as QueryEvents).$on("query", (e) => into.push({ text: e.query, values: JSON.parse(e.params) as unknown[] }));
  const direct: DirectQuery | undefined =
    database.direct &&
    ((name, statement) => {
      into.push({ text: statement.text, values: statement.values.map((v) => (v instanceof Date ? v.toISOString() : v)) });
      return database.direct!(name, statement);
    });
  const stores = createStores({ ...database, ...(direct ? { direct } : {}) }, false);
  // Reads only: nothing here sends, publishes, subscribes or reads the template catalog.
  return { ...stores, sending: undefined as never, pubsub: undefined as never, activity: undefined as never, catalog: undefined as never, now: Date.now };
}

interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const ENTRY = `cursor direction at node {
  __typename
  ... on Message { id status deliveryStatus createdAt content { __typename ... on TextContent { text } } }
  ... on InboundMessage { id occurredAt linkedBy content { __typename ... on InboundTextContent { text } ... on ButtonReplyContent { buttonId text } } inReplyTo { id } }
}`;
const CONVERSATION = `query Conversation($b: ID!, $c: String!, $last: Int, $before: String) {
  conversation(businessId: $b, customerId: $c, last: $last, before: $before) { sessionWindow { open expiresAt } edges { ${ENTRY} } pageInfo { hasPreviousPage startCursor } }
}`;
const CONVERSATION_TOTAL = `query ConversationTotal($b: ID!, $c: String!) {
  conversation(businessId: $b, customerId: $c, last: 20) { totalCount sessionWindow { open expiresAt } edges { ${ENTRY} } pageInfo { hasPreviousPage startCursor } }
}`;
const CUSTOMERS = `query Customers($b: ID!) {
  customers(businessId: $b, filter: { windowOpen: true }, first: 50) { edges { cursor node { id name lastInboundAt sessionWindow { open expiresAt } } } pageInfo { hasNextPage endCursor } }
}`;
const COUNTS = `query Counts($b: ID!, $campaign: String, $after: DateTime, $before: DateTime) {
  messageCounts(businessId: $b, campaignName: $campaign, createdAfter: $after, createdBefore: $before) {
    total byStatus { status count } byDeliveryStatus { deliveryStatus count } awaitingDeliveryStatus answered
  }
}`;
const MESSAGES_TOTAL = `query Messages($b: ID!) {
  messages(filter: { businessId: $b }, first: 50) { totalCount edges { cursor node { id status deliveryStatus campaignName createdAt content { __typename } } } pageInfo { hasNextPage endCursor } }
}`;

interface Side {
  readonly latencies: number[];
  seconds: number;
  errors: number;
}

const newSide = (): Side => ({ latencies: [], seconds: 0, errors: 0 });

async function run(side: Side | undefined, count: number, once: () => Promise<boolean>): Promise<void> {
  const started = performance.now();
  for (let k = 0; k < count; k++) {
    const t0 = performance.now();
    const ok = await once();
    if (side) {
      side.latencies.push(performance.now() - t0);
      if (!ok) side.errors++;
    }
  }
  if (side) side.seconds += (performance.now() - started) / 1000;
}

const summary = (s: Side) => {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), rps: s.latencies.length / s.seconds };
};

/** Seeds the business and prints what it holds. */
async function seedAndDescribe(sql: pg.Client, now: number): Promise<void> {
  const seeding = performance.now();
  await seed(sql, new Date(Math.floor(now / 1000) * 1000 - (MESSAGES * SPACING_S + 60) * 1000));
  const sizes = (
    await sql.query<{ m: number; i: number; l: number; s: number; h: number }>(
      `SELECT (SELECT count(*)::int FROM "Message") AS m, (SELECT count(*)::int FROM "InboundMessage") AS i,
         (SELECT count(*)::int FROM "InboundMessage" WHERE "inReplyToId" IS NOT NULL) AS l, (SELECT count(*)::int FROM "CustomerSession") AS s,
         (SELECT count(*)::int FROM "Message" WHERE "recipientId" = $1) + (SELECT count(*)::int FROM "InboundMessage" WHERE "customerId" = $1) AS h`,
      [HEAVY],
    )
  ).rows[0]!;
  console.log(
    `# seeded in ${fmt((performance.now() - seeding) / 1000)} s: ${sizes.m} messages, ${sizes.i} inbound (${sizes.l} linked to the message they answer), ${sizes.s} customers; the heavy customer has ${sizes.h} entries`,
  );
}

type GraphQLAnswer = { ok: boolean; json: { data?: Record<string, unknown>; errors?: { message: string }[] } };
type Post = (op: Operation) => Promise<GraphQLAnswer>;

/** Sequential GraphQL requests over one HTTP connection, with a bearer token. */
async function httpPoster(url: string, bench: BenchRun): Promise<Post> {
  const token = await benchToken();
  const http = new Pool(url, { connections: 1, pipelining: 1 });
  bench.onCleanup(() => http.close());
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  return async (op) => {
    const response = await http.request({ method: "POST", path: "/graphql", headers, body: JSON.stringify({ query: op.query, variables: op.variables }) });
    const json = (await response.body.json()) as GraphQLAnswer["json"];
    return { ok: response.statusCode === 200 && !json.errors, json };
  };
}

/** A cursor `pages` pages of 100 back from the heavy customer's newest entry. */
async function cursorBack(post: Post, pages: number): Promise<string> {
  let before: string | undefined;
  for (let k = 0; k < pages; k++) {
    const { ok, json } = await post({ name: "walk", query: CONVERSATION, variables: { b: BUSINESS, c: HEAVY, last: 100, ...(before ? { before } : {}) } });
    if (!ok) throw new Error(`conversation answered ${JSON.stringify(json.errors ?? json)}`);
    before = (json.data!.conversation as { pageInfo: { startCursor: string } }).pageInfo.startCursor;
  }
  return before!;
}

function operations(now: number, before: string): Operation[] {
  const day = 24 * 3600 * 1000;
  return [
    { name: "conversation(last: 20), heavy customer", query: CONVERSATION, variables: { b: BUSINESS, c: HEAVY, last: 20 } },
    { name: "conversation(last: 20, before), 2,500 back", query: CONVERSATION, variables: { b: BUSINESS, c: HEAVY, last: 20, before } },
    { name: "conversation(last: 20) with totalCount", query: CONVERSATION_TOTAL, variables: { b: BUSINESS, c: HEAVY } },
    { name: "customers(first: 50, windowOpen: true)", query: CUSTOMERS, variables: { b: BUSINESS } },
    { name: "messageCounts, whole business", query: COUNTS, variables: { b: BUSINESS } },
    {
      name: "messageCounts, one campaign over a day",
      query: COUNTS,
      variables: { b: BUSINESS, campaign: "spring", after: new Date(now - 2 * day).toISOString(), before: new Date(now - day).toISOString() },
    },
    { name: "messages(first: 50) with totalCount", query: MESSAGES_TOTAL, variables: { b: BUSINESS } },
  ];
}

/** What the gateway ran for an operation: the operation run once in this process on the gateway's schema and stores. */
interface Capture {
  (op: Operation): Promise<Statement[]>;
}

async function statementCapture(url: string, bench: BenchRun): Promise<Capture> {
  const statements: Statement[] = [];
  const database = await openDatabase({ kind: "postgres", url, poolSize: 2, onQuery: () => {} });
  bench.onCleanup(() => database.close());
  const services = recordingServices(database, statements);
  const schema = buildSchema();
  return async (op) => {
    statements.length = 0;
    const local = await execute({ schema, document: parse(op.query), variableValues: op.variables, contextValue: createContext(services, LOCAL_DEVELOPER) });
    if (local.errors) throw new Error(`${op.name} in process: ${local.errors.map((e) => e.message).join("; ")}`);
    const captured = [...statements];
    if (VERBOSE) for (const s of captured) console.error(`[${op.name}] ${s.text.replace(/\s+/g, " ")} ${JSON.stringify(s.values)}`);
    return captured;
  };
}

/** One row of the table: the operation over HTTP and its statements over pg, alternating. */
async function measure(op: Operation, post: Post, statements: readonly Statement[], sql: pg.Client, bench: BenchRun): Promise<string> {
  const overHttp = async () => (await post(op)).ok;
  const direct = async () => {
    for (const s of statements) await sql.query(s.text, s.values as unknown[]);
    return true;
  };
  if (EXPLAIN) {
    for (const s of statements) {
      const plan = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${s.text}`, s.values as unknown[]);
      console.error(`[${op.name}]\n${plan.rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
    }
  }
  const gw = newSide();
  const base = newSide();
  await run(undefined, WARM_UP, overHttp);
  await run(undefined, WARM_UP, direct);
  const slice = Math.ceil(REQUESTS / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [true, false] : [false, true];
    for (const http of order) await (http ? run(gw, slice, overHttp) : run(base, slice, direct));
  }
  if (gw.errors > 0) bench.problems.push(`${op.name}: ${gw.errors} requests answered with errors`);
  const g = summary(gw);
  const b = summary(base);
  return `| ${op.name} | ${statements.length} | ${fmt(g.p50, 2)} / ${fmt(g.p99, 2)} | ${fmt(g.rps, 0)} | ${fmt(b.p50, 2)} / ${fmt(b.p99, 2)} | ${fmt(b.rps, 0)} | ${fmt(g.p50 - b.p50, 2)} ms |`;
}

await runBench("bench_conversations", `conversation and count reads on ${MESSAGES.toLocaleString("en")} messages`, async (bench) => {
  const gateway = await startQuietGateway({ DATABASE_URL: bench.dbUrl, AUTH_JWT_SECRET: BENCH_AUTH_SECRET, REQUEST_RATE_LIMIT: "10000000" });
  bench.onCleanup(() => gateway.stop());
  const sql = new pg.Client({ connectionString: bench.dbUrl });
  await sql.connect();
  bench.onCleanup(() => sql.end());
  const now = Date.now();
  await seedAndDescribe(sql, now);
  const capture = await statementCapture(bench.dbUrl, bench);
  const post = await httpPoster(gateway.url, bench);
  const before = await cursorBack(post, 25);

  console.log(
    `# ${REQUESTS} sequential requests per operation and side, in ${ROUNDS} alternating rounds after ${WARM_UP} warm-up requests each; PostgreSQL; gateway = production build with auth (HS256 token), one HTTP connection`,
  );
  console.log("# SQL direct = the statements the gateway ran for the operation, run one after another with pg on one connection\n");
  console.log("| operation | statements | gateway p50 / p99 ms | gateway req/s | SQL direct p50 / p99 ms | SQL direct req/s | gateway adds at p50 |");
  console.log("|---|---|---|---|---|---|---|");
  for (const op of operations(now, before)) console.log(await measure(op, post, await capture(op), sql, bench));
  console.log(`\ngateway memory ${fmt(await gateway.rssMb())} MB resident after the run`);
});
