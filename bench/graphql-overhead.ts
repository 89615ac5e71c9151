/**
 * `npm run bench:graphql` — the GraphQL layer's own cost. The same operations on the same schema and
 * database, side by side in one run:
 *   - over HTTP to the gateway process (production build, auth on with an HS256 token), under
 *     concurrent load: parsing, validation (cached), plugins, auth, the request rate, serialisation;
 *   - in this process with graphql-js's `execute` (no HTTP, no Apollo), at the same concurrency.
 * And a bare Apollo Server 5 on Fastify answering `{ hello }`, for reference.
 * BENCH_SECONDS (default 8) per measurement, BENCH_CONCURRENCY (default 16).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { execute, parse, type DocumentNode } from "graphql";
import { Pool } from "undici";
import { benchToken, BENCH_AUTH_SECRET, databaseUrlFor, dropDatabase, fmt, percentile, ROOT, seedAcceptedMessages, startQuietGateway, statusEventBody } from "./lib.js";
import { signWebhookBody } from "../src/webhooks/signature.js";
import { openDatabase } from "../src/persistence/database.js";
import { createMessageStore } from "../src/persistence/messages.js";
import { createStatusEventStore } from "../src/persistence/status-events.js";
import { createCustomerStore } from "../src/persistence/customers.js";
import { createContext, type GraphQLServices } from "../src/graphql/context.js";
import { buildSchema } from "../src/graphql/schema.js";
import { LOCAL_DEVELOPER } from "../src/auth/principal.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Sequential requests show what each layer adds to one request; concurrent ones, throughput. */
const LEVELS = [1, CONCURRENCY];
const baseDb = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const WEBHOOK_SECRET = "bench-webhook-secret-0123456789";
const BUSINESS = "bench-biz";
const MESSAGES = 500;

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** Runs `once` from `concurrency` loops for `seconds`; latencies in ms. */
async function load(once: () => Promise<boolean>, seconds: number, concurrency: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        if (!(await once())) errors++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

async function measure(once: () => Promise<boolean>, concurrency = CONCURRENCY): Promise<Figures> {
  await load(once, Math.min(2, SECONDS / 4), concurrency); // warm-up: JIT, caches, pools
  return load(once, SECONDS, concurrency);
}

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
const bareUrl = await new Promise<string>((resolve) => createInterface({ input: bareChild.stdout! }).on("line", (line) => {
  const m = /listening at (http:\/\/\S+),/.exec(line);
  if (m?.[1]) resolve(m[1]);
}));
const database = await openDatabase({ kind: "postgres", url: dbUrl, poolSize: 10 });
try {
  // A business with 500 messages; the newest 100 with sent, delivered and read events.
  const ids = Array.from({ length: MESSAGES }, (_, i) => String(i).padStart(6, "0"));
  await seedAcceptedMessages(dbUrl, ids.map((i) => ({ id: `01BENCH${i}`, businessId: BUSINESS, messageId: `m${i}`, connectlyId: `c${i}`, recipientId: "+16044441111" })));
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

  const operations: { name: string; query: string; variables: Record<string, unknown> }[] = [
    { name: "{ __typename }", query: "{ __typename }", variables: {} },
    {
      name: "message(id)",
      query: "query Message($id: ID!) { message(id: $id) { id status deliveryStatus recipient { id } createdAt content { __typename ... on TextContent { text } } statusHistory { status occurredAt } } }",
      variables: { id: `01BENCH${ids.at(-1)}` },
    },
    {
      name: "messages(first: 50) with histories",
      query: "query Page($b: ID!) { messages(filter: { businessId: $b }, first: 50) { edges { cursor node { id status deliveryStatus recipient { id } createdAt content { __typename ... on TextContent { text } } statusHistory { status occurredAt } } } pageInfo { hasNextPage endCursor } } }",
      variables: { b: BUSINESS },
    },
  ];

  const token = await benchToken();
  const pool = new Pool(gateway.url, { connections: CONCURRENCY, pipelining: 1 });
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const overHttp = (body: string) => async () => {
    const response = await pool.request({ method: "POST", path: "/graphql", headers, body });
    const text = await response.body.text();
    return response.statusCode === 200 && !text.includes('"errors"');
  };

  const services: GraphQLServices = {
    messages: createMessageStore(database.prisma, database.direct),
    statusEvents: createStatusEventStore(database.prisma, database.direct),
    customers: createCustomerStore(database.prisma),
    // Queries only: nothing here sends or publishes.
    sending: undefined as never,
    pubsub: undefined as never,
    now: Date.now,
  };
  const schema = buildSchema();
  const inProcess = (document: DocumentNode, variableValues: Record<string, unknown>) => async () => {
    const result = await execute({ schema, document, variableValues, contextValue: createContext(services, LOCAL_DEVELOPER) });
    return !result.errors;
  };

  const barePool = new Pool(bareUrl, { connections: CONCURRENCY, pipelining: 1 });
  const bareOnce = async () => {
    const response = await barePool.request({ method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: '{"query":"{ hello }"}' });
    await response.body.text();
    return response.statusCode === 200;
  };

  console.log(`# graphql-overhead: ${SECONDS} s per measurement; PostgreSQL; gateway = production build with auth (HS256 token)`);
  for (const concurrency of LEVELS) {
    const bare = await measure(bareOnce, concurrency);
    console.log(`\n## concurrency ${concurrency}\n\nbare Apollo Server 5 on Fastify, { hello }: ${fmt(bare.rps, 0)} requests/s, p50 ${fmt(bare.p50, 2)} ms, p99 ${fmt(bare.p99, 2)} ms\n`);
    console.log("| operation | HTTP req/s | HTTP p50 / p99 ms | in-process execute req/s | in-process p50 / p99 ms | HTTP adds at p50 |");
    console.log("|---|---|---|---|---|---|");
    for (const op of operations) {
      const body = JSON.stringify({ query: op.query, variables: op.variables });
      const http = await measure(overHttp(body), concurrency);
      const local = await measure(inProcess(parse(op.query), op.variables), concurrency);
      const errors = http.errors + local.errors ? ` (errors: HTTP ${http.errors}, in-process ${local.errors})` : "";
      console.log(`| ${op.name} | ${fmt(http.rps, 0)} | ${fmt(http.p50, 2)} / ${fmt(http.p99, 2)} | ${fmt(local.rps, 0)} | ${fmt(local.p50, 2)} / ${fmt(local.p99, 2)} | ${fmt(http.p50 - local.p50, 2)} ms${errors} |`);
    }
  }
  console.log(`\ngateway memory ${fmt(await gateway.rssMb())} MB resident after the run`);
  await pool.close();
  await barePool.close();
} finally {
  await database.close();
  await gateway.stop();
  bareChild.kill("SIGTERM");
  await once(bareChild, "exit");
  await dropDatabase(baseDb, dbName);
}
