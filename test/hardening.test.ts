/**
 * Abuse limits over real HTTP, each with a query that breaks it, and the realistic dashboard query
 * (test/fixtures/dashboard-query.graphql) passing all of them on the default limits: depth, cost,
 * aliases, directives, tokens, body size, the per-token request rate, CSRF prevention, CORS, the
 * query timeout; and production mode (no introspection, no landing page, masked internal errors).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { Config } from "../src/config/config.js";
import { hs256Auth, tokenFor } from "./support/auth.js";
import type { SendSessionMessageMutation } from "./generated/graphql.js";
import { acceptedMessage, SEND_MUTATION as SEND, startTestGateway, testConfig, type GraphQLResponse, type TestGateway } from "./support/gateway.js";
import { expectResult } from "./support/send.js";

const DASHBOARD = readFileSync(path.join(import.meta.dirname, "fixtures", "dashboard-query.graphql"), "utf8");
const auth = hs256Auth("hardening-test-secret-of-32-characters");
const token = (subject: string) => tokenFor(auth, ["biz-h"], { subject });
const textInput = { businessId: "biz-h", recipient: { id: "+16044445555" }, content: { text: "Hello" } };

type Response<T = Record<string, unknown>> = GraphQLResponse<T> & { headers: Headers };

async function post<T = Record<string, unknown>>(
  base: string,
  bearer: string | null,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response<T>> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    // The modern response type: request errors keep their 400 (application/json clients get 200, see graphql-over-http.test.ts).
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, ...(JSON.parse(text) as object) };
}

describe("abuse limits on the default settings", () => {
  let t: TestGateway;
  let bearer: string;
  const defaults = testConfig({ kind: "embedded", dir: "" });
  beforeAll(async () => {
    t = await startTestGateway("hardening", {
      auth,
      // The defaults of loadConfig, except a short query timeout and a small request rate to meet.
      graphql: { ...defaults.graphql, queryTimeoutMs: 1_500 },
      http: { requestRate: { max: 25, windowMs: 60_000 }, corsOrigins: ["https://app.example.test"] },
    });
    bearer = await token("hardening");
    for (let i = 0; i < 3; i++) acceptedMessage(await post<SendSessionMessageMutation>(t.url, bearer, { query: SEND, variables: { input: textInput } }));
  });
  afterAll(() => t?.close());

  it("lets the realistic dashboard query through every limit", async () => {
    const response = await post<{ messages: { edges: unknown[] } }>(t.url, bearer, { query: DASHBOARD, variables: { businessId: "biz-h" } });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data!.messages.edges.length).toBeGreaterThanOrEqual(3);
  });

  const limitError = (response: Response, limit: string) => {
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    const error = response.errors?.find((e) => e.extensions?.limit === limit);
    expect(error?.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED", limit });
    return error!.message;
  };

  it("refuses an operation nested deeper than 15 levels (fragments nesting fragments)", async () => {
    const fragments = Array.from({ length: 16 }, (_, i) => `fragment F${i} on Query { ${i === 15 ? "__typename" : `...F${i + 1}`} }`).join("\n");
    const message = limitError(await post(t.url, bearer, { query: `query Deep { ...F0 }\n${fragments}` }), "DEPTH");
    expect(message).toMatch(/^Query depth limit of 15 exceeded, found \d+\.$/);
  });

  it("refuses an operation costing more than 100,000 (the dashboard page asked three times over)", async () => {
    const page = "messages(filter: { businessId: $businessId }, first: 50) { edges { cursor node { ...MessageRow } } pageInfo { hasNextPage endCursor } }";
    const body = `query Costly($businessId: ID!) { a: ${page} b: ${page} c: ${page} }\n${DASHBOARD.slice(DASHBOARD.indexOf("fragment MessageRow"))}`;
    expect(body.match(/[abc]: messages\(/g)).toHaveLength(3);
    const message = limitError(await post(t.url, bearer, { query: body, variables: { businessId: "biz-h" } }), "COST");
    expect(message).toMatch(/^Query Cost limit of 100000 exceeded, found \d+(\.\d+)?\.$/);
  });

  it("refuses more than 15 aliases", async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `m${i}: message(id: "${i}") { id }`).join(" ");
    const message = limitError(await post(t.url, bearer, { query: `{ ${aliases} }` }), "ALIASES");
    expect(message).toMatch(/^Aliases limit of 15 exceeded, found 16\.$/);
    // 15 are fine.
    const fifteen = Array.from({ length: 15 }, (_, i) => `m${i}: message(id: "${i}") { id }`).join(" ");
    expect((await post(t.url, bearer, { query: `{ ${fifteen} }` })).errors).toBeUndefined();
  });

  it("refuses more than 50 directives", async () => {
    const directives = Array.from({ length: 51 }, () => "@include(if: true)").join(" ");
    const message = limitError(await post(t.url, bearer, { query: `{ __typename ${directives} }` }), "DIRECTIVES");
    expect(message).toMatch(/^Directives limit of 50 exceeded, found 51\.$/);
  });

  it("stops parsing an operation of more than 5,000 tokens", async () => {
    const query = `{ ${Array.from({ length: 5_100 }, () => "__typename").join(" ")} }`;
    const response = await post(t.url, bearer, { query });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/5000 tokens\. Parsing aborted/),
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
  });

  it("answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE, before reading it as GraphQL", async () => {
    const response = await post(t.url, bearer, { query: "{ __typename }", variables: { padding: "x".repeat(1_048_576) } });
    expect(response.status).toBe(413);
    expect(response.errors?.[0]).toEqual({ message: "The request body is larger than 1048576 bytes.", extensions: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("answers a token over its request rate with 429 RATE_LIMITED and Retry-After, and other tokens go on", async () => {
    const busy = await token("busy-service");
    for (let i = 0; i < 25; i++) expect((await post(t.url, busy, { query: "{ __typename }" })).status).toBe(200);
    const refused = await post(t.url, busy, { query: "{ __typename }" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Too many requests: at most 25 per 60000 ms for this token\. Retry after \d+ s\.$/),
      extensions: { code: "RATE_LIMITED", limit: 25, windowMs: 60_000, retryAfterSeconds: expect.any(Number) },
    });
    // A new token of the same business, and the first token, are not affected.
    expect((await post(t.url, await token("quiet-service"), { query: "{ __typename }" })).status).toBe(200);
    expect((await post(t.url, bearer, { query: "{ __typename }" })).status).toBe(200);
  });

  it("refuses requests a browser sends without a preflight (Apollo's CSRF prevention)", async () => {
    const simplePost = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: SEND, variables: { input: textInput } }),
    });
    expect(simplePost.status).toBe(400);
    expect(await simplePost.text()).toMatch(/CSRF/);
    const get = (headers: Record<string, string>) =>
      fetch(`${t.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, { headers: { authorization: `Bearer ${bearer}`, ...headers } });
    expect((await get({})).status).toBe(400);
    const preflighted = await get({ "apollo-require-preflight": "true" });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("allows cross-origin browser calls from CORS_ORIGINS only", async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
      });
    const allowed = await preflight("https://app.example.test");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.test");
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const other = await preflight("https://evil.example.test");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const actual = await post(t.url, bearer, { query: "{ __typename }" }, { origin: "https://evil.example.test" });
    expect(actual.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a query that outruns QUERY_TIMEOUT_MS with 504, and lets a mutation caught in the same wait finish", async (context) => {
    const postgres = t.gateway.database.postgres;
    // The embedded database is one connection: a lock held on it stops the test itself.
    if (!postgres) return context.skip();
    const locker = await postgres.pool.connect();
    let mutation: Promise<Response<SendSessionMessageMutation>> | undefined;
    try {
      await locker.query("BEGIN");
      await locker.query('LOCK TABLE "Message" IN ACCESS EXCLUSIVE MODE');
      mutation = post(t.url, bearer, { query: SEND, variables: { input: textInput } });
      const query = await post(t.url, bearer, { query: DASHBOARD, variables: { businessId: "biz-h" } });
      expect(query.status).toBe(504);
      expect(query.errors?.[0]).toEqual({
        message: "The query took longer than 1500 ms and was abandoned; ask for less (a smaller page, fewer fields).",
        extensions: { code: "QUERY_TIMEOUT", timeoutMs: 1500 },
      });
    } finally {
      await locker.query("ROLLBACK");
      locker.release();
    }
    const sent = await mutation;
    expect(sent.status).toBe(200);
    expect(sent.data?.sendSessionMessage).toMatchObject({ __typename: "Message", status: "ACCEPTED" });
  });
});

describe("production mode", () => {
  let t: TestGateway;
  let bearer: string;
  beforeAll(async () => {
    const defaults = testConfig({ kind: "embedded", dir: "" }).graphql;
    const overrides: Partial<Config> = { auth, graphql: { ...defaults, introspection: false, landingPage: false, production: true } };
    t = await startTestGateway("production", overrides);
    bearer = await token("production");
  });
  afterAll(() => t?.close());

  it("refuses introspection", async () => {
    const response = await post(t.url, bearer, { query: "{ __schema { types { name } } }" });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });

  it("serves no landing page", async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/<html/i);
  });

  it("answers an unexpected failure with INTERNAL_SERVER_ERROR and nothing of its cause", async () => {
    const sent = await post<SendSessionMessageMutation>(t.url, bearer, { query: SEND, variables: { input: textInput } });
    const { id } = expectResult(sent.data!.sendSessionMessage, "Message");
    // Break the database under the gateway: its next read fails with the database's own words.
    await t.gateway.database.prisma.$executeRawUnsafe('ALTER TABLE "Message" RENAME TO "Message_hidden_by_test"');
    try {
      const response = await fetch(`${t.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: `query ($id: ID!) { message(id: $id) { id } }`, variables: { id } }),
      });
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: "Internal server error.", path: ["message"], locations: [{ line: 1, column: 20 }], extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        data: { message: null },
      });
      expect(text).not.toMatch(/Message_hidden|relation|prisma|postgres|stack|\bat \//i);

      // The same over graphql-ws.
      const client = createClient({
        url: `${t.url.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${bearer}` },
      });
      try {
        const iterator = client.iterate({ query: `subscription ($id: ID) { messageStatusChanged(messageId: $id) { status } }`, variables: { id } });
        const step = await iterator.next().then(
          (result) => result.value as unknown,
          (errors: unknown) => ({ thrown: errors }),
        );
        expect(JSON.stringify(step)).not.toMatch(/Message_hidden|relation|prisma|postgres|stack/i);
        expect(JSON.stringify(step)).toMatch(/Internal server error\./);
      } finally {
        await client.dispose();
      }
    } finally {
      await t.gateway.database.prisma.$executeRawUnsafe('ALTER TABLE "Message_hidden_by_test" RENAME TO "Message"');
    }
  });
});
