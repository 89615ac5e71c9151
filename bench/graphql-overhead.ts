/**
 * `npm run bench:graphql` — the GraphQL layer's own cost. The same operations on the same schema and
 * database, side by side in one run:
 *   - over HTTP to the gateway process (production build, auth on with an HS256 token), under
 *     concurrent load: parsing, validation (cached), plugins, auth, the request rate, serialisation;
 *   - in this process with graphql-js's `execute` (no HTTP, no Apollo), at the same concurrency.
 * And a bare Apollo Server 5 on Fastify answering `{ hello }`, for reference.
 * BENCH_SECONDS (default 8) per side and measurement, in BENCH_ROUNDS (default 8) alternating rounds;
 * BENCH_CONCURRENCY (default 16). The gateway reports its own time per request (Server-Timing), so
 * the table tells the gateway's part from the client's and the loopback's.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { execute, parse, type DocumentNode } from "graphql";
import pg from "pg";
import { Pool } from "undici";
import {
  benchToken,
  BENCH_AUTH_SECRET,
  cpuSecondsOf,
  databaseUrlFor,
  dropDatabase,
  fmt,
  percentile,
  ROOT,
  seedAcceptedMessages,
  startQuietGateway,
  statusEventBody,
} from "./lib.js";
import { signWebhookBody } from "../src/webhooks/signature.js";
import { openDatabase } from "../src/persistence/database.js";
import { createMessageStore } from "../src/persistence/messages.js";
import { createStatusEventStore, historyJson } from "../src/persistence/status-events.js";
import { createCustomerStore } from "../src/persistence/customers.js";
import { createInboundMessageStore } from "../src/persistence/inbound-messages.js";
import { createConversationStore } from "../src/persistence/conversations.js";
import { createCustomerListStore } from "../src/persistence/customer-list.js";
import { createMessageCountStore } from "../src/persistence/message-counts.js";
import { createContext, type GraphQLServices } from "../src/graphql/context.js";
import { buildSchema } from "../src/graphql/schema.js";
import { LOCAL_DEVELOPER } from "../src/auth/principal.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/**
 * Each measurement is cut into rounds that alternate HTTP and in-process (and bare Apollo and the
 * gateway): this machine's speed drifts within seconds, and a figure is the median of its rounds.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
/** Sequential requests show what each layer adds to one request; concurrent ones, throughput. */
const LEVELS = [1, CONCURRENCY];
const baseDb = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const WEBHOOK_SECRET = "bench-webhook-secret-0123456789";
const BUSINESS = "bench-biz";
const MESSAGES = 500;
const NEIGHBOUR_MESSAGES = 20_000;

/** One round of one side: latencies (ms), the gateway's own time from Server-Timing (ms), CPU used. */
interface Round {
  readonly latencies: number[];
  readonly server: number[];
  readonly seconds: number;
  readonly errors: number;
  /** CPU ms per request of the serving process (the gateway, or this process in-process) and of this process as the client. */
  readonly serverCpuMs: number;
  readonly clientCpuMs: number;
}

type Once = (server: number[]) => Promise<boolean>;

/** Runs `once` from `concurrency` loops for `seconds`; `serverPid` is the process whose CPU counts as the server's (undefined: this one). */
async function round(once: Once, seconds: number, concurrency: number, serverPid: number | undefined): Promise<Round> {
  const latencies: number[] = [];
  const server: number[] = [];
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const serverCpu0 = serverPid ? await cpuSecondsOf(serverPid) : 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        if (!(await once(server))) errors++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const ownCpuMs = (cpu.user + cpu.system) / 1000 / latencies.length;
  const serverCpuMs = serverPid ? (((await cpuSecondsOf(serverPid)) - serverCpu0) * 1000) / latencies.length : ownCpuMs;
  latencies.sort((a, b) => a - b);
  server.sort((a, b) => a - b);
  return { latencies, server, seconds, errors, serverCpuMs, clientCpuMs: serverPid ? ownCpuMs : 0 };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return percentile(sorted, 50);
};

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** The gateway's own time (Server-Timing total) at p50, when the side reports one. */
  readonly serverP50: number;
  readonly serverCpuMs: number;
  readonly clientCpuMs: number;
  readonly errors: number;
  /** Per-round p50s, in round order, for paired differences. */
  readonly roundP50: number[];
  readonly roundServerP50: number[];
  readonly roundRps: number[];
  readonly roundCpu: number[];
}

function figures(rounds: readonly Round[]): Figures {
  return {
    rps: median(rounds.map((r) => r.latencies.length / r.seconds)),
    p50: median(rounds.map((r) => percentile(r.latencies, 50))),
    p99: median(rounds.map((r) => percentile(r.latencies, 99))),
    serverP50: median(rounds.map((r) => (r.server.length ? percentile(r.server, 50) : NaN))),
    serverCpuMs: median(rounds.map((r) => r.serverCpuMs)),
    clientCpuMs: median(rounds.map((r) => r.clientCpuMs)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    roundP50: rounds.map((r) => percentile(r.latencies, 50)),
    roundServerP50: rounds.map((r) => (r.server.length ? percentile(r.server, 50) : NaN)),
    roundRps: rounds.map((r) => r.latencies.length / r.seconds),
    roundCpu: rounds.map((r) => r.serverCpuMs),
  };
}

/**
 * Measures sides in alternating rounds (each round in a rotated order) after a warm-up of each:
 * SECONDS per side in all, ROUNDS rounds.
 */
async function compareAll(sides: readonly { once: Once; pid?: number }[], concurrency: number): Promise<Figures[]> {
  const slice = SECONDS / ROUNDS;
  for (const side of sides) await round(side.once, Math.min(2, SECONDS / 4), concurrency, side.pid); // warm-up: JIT, caches, pools
  const rounds: Round[][] = sides.map(() => []);
  for (let i = 0; i < ROUNDS; i++) {
    for (let k = 0; k < sides.length; k++) {
      const at = (i + k) % sides.length;
      rounds[at]!.push(await round(sides[at]!.once, slice, concurrency, sides[at]!.pid));
    }
  }
  return rounds.map(figures);
}

const compare = async (a: { once: Once; pid?: number }, b: { once: Once; pid?: number }, concurrency: number): Promise<[Figures, Figures]> => {
  const [fa, fb] = await compareAll([a, b], concurrency);
  return [fa!, fb!];
};

/** The median over rounds of a − b (each round's pair measured back to back). */
const pairedMedian = (a: readonly number[], b: readonly number[]): number => median(a.map((x, i) => x - b[i]!));

/** The `total` of a Server-Timing header, in ms. */
const serverTotal = (header: string | string[] | undefined): number | undefined => {
  const m = /(?:^|,)\s*total;dur=([\d.]+)/.exec(String(header ?? ""));
  return m ? Number(m[1]) : undefined;
};

const stamp = Date.now().toString(36);
const dbName = `bench_graphql_${stamp}`;
const dbUrl = databaseUrlFor(baseDb, dbName);
const gateway = await startQuietGateway({
  DATABASE_URL: dbUrl,
  AUTH_JWT_SECRET: BENCH_AUTH_SECRET,
  CONNECTLY_WEBHOOK_SECRET: WEBHOOK_SECRET,
  REQUEST_RATE_LIMIT: "10000000",
});
const bareChild = spawn(process.execPath, ["--import", "tsx", "bench/bare-apollo.ts"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
const bareUrl = await new Promise<string>((resolve) =>
  createInterface({ input: bareChild.stdout }).on("line", (line) => {
    const m = /listening at (http:\/\/\S+),/.exec(line);
    if (m?.[1]) resolve(m[1]);
  }),
);
const database = await openDatabase({ kind: "postgres", url: dbUrl, poolSize: 10 });
try {
  // A business with 500 messages; the newest 100 with sent, delivered and read events (by webhook).
  const ids = Array.from({ length: MESSAGES }, (_, i) => String(i).padStart(6, "0"));
  await seedAcceptedMessages(
    dbUrl,
    ids.map((i) => ({ id: `01BENCH${i}`, businessId: BUSINESS, messageId: `m${i}`, connectlyId: `c${i}`, recipientId: "+16044441111" })),
  );
  const now = Math.floor(Date.now() / 1000);
  for (const i of ids.slice(-100)) {
    for (const [k, status] of (["sent", "delivered", "read"] as const).entries()) {
      const body = statusEventBody({ connectlyId: `c${i}`, status, timestamp: now + k, recipientId: "+16044441111" });
      const response = await fetch(`${gateway.url}/webhooks/connectly?businessId=${BUSINESS}`, {
        method: "POST",
        headers: { "content-type": "text/plain", "x-connectly-hmac-sha256": signWebhookBody(body, WEBHOOK_SECRET) },
        body,
      });
      if (!response.ok) throw new Error(`seeding webhook answered ${response.status}`);
    }
  }
  // Other businesses' messages and events beside it, so the tables are not the few pages the planner
  // would scan whole (a gateway's tables hold many businesses), with statistics as a live database has.
  const neighbours = Array.from({ length: NEIGHBOUR_MESSAGES }, (_, i) => `n${String(i).padStart(6, "0")}`);
  await seedAcceptedMessages(
    dbUrl,
    neighbours.map((n) => ({ id: `01NEIGH${n}`, businessId: `neighbour-${n.length % 7}`, messageId: n, connectlyId: `c${n}`, recipientId: "+16044442222" })),
  );
  const seedDb = new pg.Client({ connectionString: dbUrl });
  await seedDb.connect();
  await seedDb.query(
    `INSERT INTO "MessageStatusEvent" ("connectlyId", "status", "occurredAt", "businessId", "recipientId", "raw")
     SELECT m."connectlyId", s.status::"DeliveryStatus", now(), m."businessId", m."recipientId", '{}'::jsonb
     FROM "Message" AS m CROSS JOIN (VALUES ('SENT'), ('DELIVERED'), ('READ')) AS s(status) WHERE m."businessId" LIKE 'neighbour-%'`,
  );
  await seedDb.query(`ANALYZE "Message"; ANALYZE "MessageStatusEvent"`);
  await seedDb.end();

  // The floor each read is held to: the same statement the gateway runs (the rows and their
  // histories at once), with pg directly, and the answer's JSON built from it by hand, in this process.
  const sqlPool = new pg.Pool({ connectionString: dbUrl, max: CONCURRENCY, options: "-c TimeZone=UTC" });
  type Row = Record<string, unknown> & { statusHistory: { status: string; occurredAt: string }[] | null };
  // Neither query asks for the events' raw payloads, so the gateway reads them without, as here.
  const WITH_HISTORY = `"Message".*, ${historyJson({ raw: false }).text} AS "statusHistory"`;
  const nodeOf = (m: Row) => ({
    id: m.id,
    status: m.status,
    deliveryStatus: m.deliveryStatus,
    recipient: { id: m.recipientId },
    createdAt: (m.createdAt as Date).toISOString(),
    content: { __typename: "TextContent", text: (m.content as { text: string }).text },
    statusHistory: (m.statusHistory ?? []).map((e) => ({ status: e.status, occurredAt: new Date(e.occurredAt).toISOString() })),
  });
  const baselineMessage =
    (id: string): Once =>
    async () => {
      const { rows } = await sqlPool.query<Row>({ name: "baseline-message", text: `SELECT ${WITH_HISTORY} FROM "Message" WHERE "id" = $1`, values: [id] });
      const json = JSON.stringify({ data: { message: rows[0] ? nodeOf(rows[0]) : null } });
      return json.length > 0 && rows.length === 1;
    };
  const baselinePage: Once = async () => {
    const { rows } = await sqlPool.query<Row>({
      name: "baseline-page",
      text: `SELECT ${WITH_HISTORY} FROM "Message" WHERE "businessId" = $1 ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`,
      values: [BUSINESS],
    });
    const edges = rows.slice(0, 50).map((m) => ({
      cursor: Buffer.from(`messages:${(m.createdAt as Date).getTime()}:${m.id as string}`).toString("base64url"),
      node: nodeOf(m),
    }));
    const json = JSON.stringify({ data: { messages: { edges, pageInfo: { hasNextPage: rows.length > 50, endCursor: edges.at(-1)?.cursor ?? null } } } });
    return json.length > 0;
  };

  const operations: { name: string; query: string; variables: Record<string, unknown>; baseline: Once }[] = [
    { name: "{ __typename }", query: "{ __typename }", variables: {}, baseline: async () => true },
    {
      name: "message(id)",
      query:
        "query Message($id: ID!) { message(id: $id) { id status deliveryStatus recipient { id } createdAt content { __typename ... on TextContent { text } } statusHistory { status occurredAt } } }",
      variables: { id: `01BENCH${ids.at(-1)}` },
      baseline: baselineMessage(`01BENCH${ids.at(-1)}`),
    },
    {
      name: "messages(first: 50) with histories",
      query:
        "query Page($b: ID!) { messages(filter: { businessId: $b }, first: 50) { edges { cursor node { id status deliveryStatus recipient { id } createdAt content { __typename ... on TextContent { text } } statusHistory { status occurredAt } } } pageInfo { hasNextPage endCursor } } }",
      variables: { b: BUSINESS },
      baseline: baselinePage,
    },
  ];

  const token = await benchToken();
  const pool = new Pool(gateway.url, { connections: CONCURRENCY, pipelining: 1 });
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const overHttp =
    (body: string): Once =>
    async (server) => {
      const response = await pool.request({ method: "POST", path: "/graphql", headers, body });
      const text = await response.body.text();
      const total = serverTotal(response.headers["server-timing"]);
      if (total !== undefined) server.push(total);
      return response.statusCode === 200 && !text.includes('"errors"');
    };

  const services: GraphQLServices = {
    messages: createMessageStore(database.prisma, database.direct),
    statusEvents: createStatusEventStore(database.prisma, database.direct),
    customers: createCustomerStore(database.prisma),
    inboundMessages: createInboundMessageStore(database.prisma),
    conversations: createConversationStore(database.prisma),
    customerList: createCustomerListStore(database.prisma),
    messageCounts: createMessageCountStore(database.prisma),
    // Queries only: nothing here sends or publishes.
    sending: undefined as never,
    pubsub: undefined as never,
    activity: undefined as never,
    catalog: undefined as never,
    now: Date.now,
  };
  const schema = buildSchema();
  const inProcess =
    (document: DocumentNode, variableValues: Record<string, unknown>): Once =>
    async () => {
      const result = await execute({ schema, document, variableValues, contextValue: createContext(services, LOCAL_DEVELOPER) });
      return !result.errors;
    };

  const barePool = new Pool(bareUrl, { connections: CONCURRENCY, pipelining: 1 });
  const bareOnce: Once = async () => {
    const response = await barePool.request({
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ hello }"}',
    });
    await response.body.text();
    return response.statusCode === 200;
  };
  const gatewayPid = gateway.child.pid!;
  const ms = (n: number) => fmt(n, 2);

  console.log(
    `# graphql-overhead: ${SECONDS} s per side and measurement in ${ROUNDS} alternating rounds (figures are medians of rounds); PostgreSQL; gateway = production build with auth (HS256 token)`,
  );
  console.log(
    "# gateway's own time = Server-Timing total (request arrival to answer ready); CPU = CPU time per request of the serving process (gateway, or this process in-process) / of the HTTP client",
  );
  for (const concurrency of LEVELS) {
    const [bare, trivial] = await compare(
      { once: bareOnce, pid: bareChild.pid! },
      { once: overHttp(JSON.stringify({ query: "{ __typename }" })), pid: gatewayPid },
      concurrency,
    );
    const ratio = median(trivial.roundRps.map((r, i) => r / bare.roundRps[i]!));
    console.log(`\n## concurrency ${concurrency}\n`);
    console.log(
      `bare Apollo Server 5 on Fastify, { hello }: ${fmt(bare.rps, 0)} requests/s, p50 ${ms(bare.p50)} ms, p99 ${ms(bare.p99)} ms, CPU ${ms(bare.serverCpuMs)} ms server + ${ms(bare.clientCpuMs)} ms client a request`,
    );
    console.log(
      `gateway { __typename } in the same rounds: ${fmt(trivial.rps, 0)} requests/s (${fmt(100 * ratio, 0)}% of bare Apollo, median of rounds), p50 ${ms(trivial.p50)} ms, p99 ${ms(trivial.p99)} ms, gateway's own time p50 ${ms(trivial.serverP50)} ms, CPU ${ms(trivial.serverCpuMs)} ms gateway + ${ms(trivial.clientCpuMs)} ms client a request${trivial.errors ? ` (errors: ${trivial.errors})` : ""}\n`,
    );
    console.log(
      "| operation | HTTP req/s (share of bare Apollo, same rounds) | HTTP p50 / p99 ms | gateway's own time p50 ms | in-process req/s | in-process p50 / p99 ms | HTTP adds at p50 | gateway adds at p50 | CPU ms a request: gateway + client / in-process | pg + hand-built JSON: req/s, CPU ms a request | gateway CPU / pg baseline CPU |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (const op of operations.slice(1)) {
      const body = JSON.stringify({ query: op.query, variables: op.variables });
      const [bareSide, http, local, floor] = (await compareAll(
        [
          { once: bareOnce, pid: bareChild.pid! },
          { once: overHttp(body), pid: gatewayPid },
          { once: inProcess(parse(op.query), op.variables) },
          { once: op.baseline },
        ],
        concurrency,
      )) as [Figures, Figures, Figures, Figures];
      const share = median(http.roundRps.map((r, i) => r / bareSide.roundRps[i]!));
      const cpuRatio = median(http.roundCpu.map((c, i) => c / floor.roundCpu[i]!));
      const errors = http.errors + local.errors + floor.errors ? ` (errors: HTTP ${http.errors}, in-process ${local.errors}, baseline ${floor.errors})` : "";
      console.log(
        `| ${op.name} | ${fmt(http.rps, 0)} (${fmt(100 * share, 0)}%) | ${ms(http.p50)} / ${ms(http.p99)} | ${ms(http.serverP50)} | ${fmt(local.rps, 0)} | ${ms(local.p50)} / ${ms(local.p99)} | ${ms(pairedMedian(http.roundP50, local.roundP50))} ms | ${concurrency === 1 ? `${ms(pairedMedian(http.roundServerP50, local.roundP50))} ms` : "— (see below)"} | ${ms(http.serverCpuMs)} + ${ms(http.clientCpuMs)} / ${ms(local.serverCpuMs)} | ${fmt(floor.rps, 0)}, ${ms(floor.serverCpuMs)} | ${fmt(cpuRatio, 2)}x |${errors}`,
      );
    }
    if (concurrency > 1) {
      console.log(
        "\n(concurrent: the gateway's own time starts when Fastify takes the request, after it waited in the socket; in-process, the 16 loops queue on one event loop with the database work. The two do not compare at p50.)",
      );
    }
  }
  console.log(`\ngateway memory ${fmt(await gateway.rssMb())} MB resident after the run`);
  await pool.close();
  await barePool.close();
  await sqlPool.end();
} finally {
  await database.close();
  await gateway.stop();
  bareChild.kill("SIGTERM");
  await once(bareChild, "exit");
  await dropDatabase(baseDb, dbName);
}
