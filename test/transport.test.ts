/**
 * Issue 15's transport items over real HTTP and real graphql-ws clients: graphql-ws answers a bad
 * operation with HTTP's codes and messages, for its id alone (the socket and its other
 * subscriptions stay up); subscriptions over HTTP get a coded 400; subscriptions per connection and
 * connections per principal are bounded; unknown routes and preflights without CORS_ORIGINS are
 * answered without echoing the request; crash recovery stores and publishes one outcome.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client, type SubscribePayload } from "graphql-ws";
import WebSocket from "ws";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { TOO_MANY_CONNECTIONS } from "../src/server/graphql-ws.js";
import { createMessageStore } from "../src/persistence/messages.js";
import { newMessageRow } from "../src/sending/send-session-message.js";
import { newMessageId } from "../src/sending/ids.js";
import type { SendSessionMessageInput } from "../src/graphql/generated/types.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { postGraphQL, subscriptionsReach, testConfig } from "./support/gateway.js";
import { sendAccepted } from "./support/send.js";
import { deliveryStatusEvent, postSignedEvent } from "./support/webhooks.js";

const BY_BUSINESS = /* GraphQL */ `
  subscription ($b: ID!) {
    messageStatusChanged(businessId: $b) {
      message {
        id
      }
      deliveryStatus
    }
  }
`;
interface Change {
  messageStatusChanged: { message: { id: string }; deliveryStatus: string | null };
}
type FormattedErrors = readonly { message: string; extensions?: Record<string, unknown> }[];

const freshBusiness = () => `biz-tr-${randomBytes(4).toString("hex")}`;
const wsUrl = (base: string) => `${base.replace(/^http/, "ws")}/graphql`;

/** A graphql-ws client on one socket from the start that records how it closed (never retrying, so a close is final). */
function recordingClient(base: string, clients: Client[]): { client: Client; closes: number[] } {
  const closes: number[] = [];
  const client = createClient({
    url: wsUrl(base),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: { closed: (event) => void closes.push((event as { code: number }).code) },
  });
  clients.push(client);
  return { client, closes };
}

/** graphql-ws rejects with the socket's CloseEvent: an Error that keeps its code and reason. */
const asError = (error: unknown): Error => {
  if (error instanceof Error) return error;
  // code and reason are getters of the event's class: copy them by name.
  const { code, reason } = error as { code?: number; reason?: string };
  return Object.assign(new Error(`the connection closed with ${code}`), { code, reason });
};

/** Runs one operation to its end: its results, or the errors of its `error` message. */
function runOnce(client: Client, payload: SubscribePayload): Promise<{ errors: FormattedErrors } | { results: unknown[] }> {
  return new Promise((resolve, reject) => {
    const results: unknown[] = [];
    client.subscribe(payload, {
      next: (value) => void results.push(value),
      error: (error) => (Array.isArray(error) ? resolve({ errors: error as FormattedErrors }) : reject(asError(error))),
      complete: () => resolve({ results }),
    });
  });
}

/** A live subscription whose changes are awaited one at a time. */
function live(client: Client, businessId: string) {
  const iterator = client.iterate<Change>({ query: BY_BUSINESS, variables: { b: businessId } });
  return {
    async change(): Promise<Change["messageStatusChanged"]> {
      const step = await iterator.next();
      if (step.done) throw new Error("the subscription ended");
      expect(step.value.errors).toBeUndefined();
      return step.value.data!.messageStatusChanged;
    },
    end: () => iterator.return?.(),
  };
}

async function sendText(base: string, businessId: string): Promise<{ id: string; connectlyId: string; recipient: string }> {
  const recipient = `+1604555${String(1000 + Math.floor(Math.random() * 8999))}`;
  const { id, connectlyId } = await sendAccepted(base, { businessId, recipient: { id: recipient }, content: { text: "Hello" } });
  return { id, connectlyId: connectlyId!, recipient };
}

const codesAndMessages = (errors: FormattedErrors | undefined) => (errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message }));

describe("graphql-ws and HTTP: the same answers, and a bad operation fails alone", () => {
  let database: TestDatabase;
  let gateway: Gateway;
  const lines: string[] = [];
  const clients: Client[] = [];
  beforeAll(async () => {
    database = await createTestDatabase("transport");
    gateway = await startGateway(
      testConfig(database.config, { logLevel: "info", ws: { maxSubscriptionsPerConnection: 4, maxConnectionsPerPrincipal: 3, maxPendingChanges: 1000 } }),
      {
        logStream: { write: (line) => void lines.push(line) },
      },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map(async (client) => client.dispose()));
    await subscriptionsReach(gateway, 0);
  });

  // Inline fragments count a level each (limits.ts): 16 of them pass the default depth of 15.
  const deep = (levels: number) =>
    `subscription { messageStatusChanged(messageId: "x") { ${"... on MessageStatusChange { ".repeat(levels)}status${" }".repeat(levels)} } }`;
  const BAD: readonly [string, SubscribePayload][] = [
    ["an unknown field", { query: "subscription { nope }" }],
    ["a missing required variable", { query: `subscription($id: ID!) { messageStatusChanged(messageId: $id) { status } }` }],
    ["a variable of the wrong type", { query: `subscription($id: ID!) { messageStatusChanged(messageId: $id) { status } }`, variables: { id: { a: 1 } } }],
    ["two root fields", { query: `subscription { a: messageStatusChanged(messageId: "x") { status } b: messageStatusChanged(messageId: "y") { status } }` }],
    [
      "an anonymous subscription beside a second operation",
      { query: `subscription { messageStatusChanged(messageId: "x") { status } } query Q { __typename }` },
    ],
    [
      "two named operations and no operationName",
      { query: `subscription A { messageStatusChanged(messageId: "x") { status } } subscription B { messageStatusChanged(messageId: "y") { status } }` },
    ],
    ["an unknown operationName", { query: `subscription A { messageStatusChanged(messageId: "x") { status } }`, operationName: "Z" }],
    ["a syntax error", { query: "subscription {" }],
    [
      "a document over the token limit",
      { query: `subscription { messageStatusChanged(messageId: "x") { ${Array.from({ length: 5_100 }, () => "status").join(" ")} } }` },
    ],
    ["a document over the depth limit", { query: deep(16) }],
    [
      "a document over the alias limit",
      { query: `subscription { messageStatusChanged(messageId: "x") { ${Array.from({ length: 16 }, (_, i) => `a${i}: status`).join(" ")} } }` },
    ],
  ];

  it.each(BAD)("%s: the same code and message as over HTTP, for that operation only, logged below error", async (_label, payload) => {
    const { client, closes } = recordingClient(gateway.url, clients);
    const before = lines.length;
    const ws = await runOnce(client, payload);
    expect("errors" in ws).toBe(true);
    const wsErrors = (ws as { errors: FormattedErrors }).errors;
    expect(wsErrors.length).toBeGreaterThan(0);
    expect(wsErrors.map((e) => e.extensions?.code)).not.toContain("INTERNAL_SERVER_ERROR");
    // Over HTTP a subscription is refused once its operation is known, before variables are
    // coerced: the same variables on a query show what HTTP says of them.
    const overHttp =
      payload.variables !== undefined || /\$id: ID!/.test(payload.query)
        ? {
            ...payload,
            query: payload.query.replace(/^subscription/, "query").replace(/messageStatusChanged\(messageId: \$id\) \{ status \}/, "message(id: $id) { id }"),
          }
        : payload;
    const http = (await (
      await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(overHttp) })
    ).json()) as { errors?: FormattedErrors };
    expect(codesAndMessages(wsErrors)).toEqual(codesAndMessages(http.errors));
    // The connection is still usable.
    expect(await runOnce(client, { query: "{ __typename }" })).toEqual({ results: [{ data: { __typename: "Query" } }] });
    expect(closes).toEqual([]);
    const errorLines = lines.slice(before).filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    expect(errorLines).toEqual([]);
  });

  it("a syntax error and an over-limit document beside two live subscriptions: both still hear the next change", async () => {
    const businessId = freshBusiness();
    const sent = await sendText(gateway.url, businessId);
    const { client, closes } = recordingClient(gateway.url, clients);
    const [one, two] = [live(client, businessId), live(client, businessId)];
    await subscriptionsReach(gateway, 2);
    const broken = await runOnce(client, { query: "subscription { messageStatusChanged(" });
    expect(codesAndMessages((broken as { errors: FormattedErrors }).errors)).toEqual([
      { code: "GRAPHQL_PARSE_FAILED", message: "Syntax Error: Expected Name, found <EOF>." },
    ]);
    const huge = await runOnce(client, { query: `{ ${"__typename ".repeat(6_000)}}` });
    expect((huge as { errors: FormattedErrors }).errors[0]!.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");

    await postSignedEvent(gateway.url, businessId, deliveryStatusEvent(sent.connectlyId, "delivered", sent.recipient));
    expect(await one.change()).toEqual({ message: { id: sent.id }, deliveryStatus: "DELIVERED" });
    expect(await two.change()).toEqual({ message: { id: sent.id }, deliveryStatus: "DELIVERED" });
    expect(closes).toEqual([]);
  });

  it("WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: one more operation gets TOO_MANY_SUBSCRIPTIONS; the others keep running, and a slot frees when one ends", async () => {
    const businessId = freshBusiness();
    const { client, closes } = recordingClient(gateway.url, clients);
    const subs = Array.from({ length: 4 }, () => live(client, businessId));
    await subscriptionsReach(gateway, 4);
    const refused = await runOnce(client, { query: BY_BUSINESS, variables: { b: businessId } });
    expect((refused as { errors: FormattedErrors }).errors).toEqual([
      {
        message: "Too many operations on this connection: at most 4 may run at once; complete one first or open another connection.",
        extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: 4 },
      },
    ]);
    await subs[0]!.end();
    await subscriptionsReach(gateway, 3);
    expect(await runOnce(client, { query: "{ __typename }" })).toEqual({ results: [{ data: { __typename: "Query" } }] });
    const sent = await sendText(gateway.url, businessId);
    for (const sub of subs.slice(1)) expect((await sub.change()).message.id).toBe(sent.id);
    expect(closes).toEqual([]);
  });

  it(`WS_MAX_CONNECTIONS_PER_PRINCIPAL: one more connection of the same principal is closed with ${TOO_MANY_CONNECTIONS}; closing one frees a place`, async () => {
    const open = Array.from({ length: 3 }, () => recordingClient(gateway.url, clients));
    await Promise.all(open.map(({ client }) => runOnce(client, { query: "{ __typename }" })));
    expect(open.flatMap(({ closes }) => closes)).toEqual([]);
    const extra = recordingClient(gateway.url, clients);
    await expect(runOnce(extra.client, { query: "{ __typename }" })).rejects.toMatchObject({
      code: TOO_MANY_CONNECTIONS,
      reason: "Too many connections: at most 3 per token; close one and retry.",
    });
    await open[0]!.client.dispose();
    // The server counts the connection out when its socket closes: wait for that close, not for a time.
    const deadline = Date.now() + 5_000;
    for (;;) {
      const again = recordingClient(gateway.url, clients);
      const result = await runOnce(again.client, { query: "{ __typename }" }).catch((error: unknown) => error);
      if ("results" in (result as object)) break;
      await again.client.dispose();
      if (Date.now() > deadline) throw new Error("the closed connection was never counted out");
    }
  });

  it("a subscription over HTTP POST or GET: 400 SUBSCRIPTION_OVER_HTTP saying to use graphql-ws", async () => {
    const query = BY_BUSINESS;
    const post = await postGraphQL(gateway.url, query, { b: "b" });
    expect(post.status).toBe(400);
    expect(post.errors).toEqual([{ message: expect.stringMatching(/graphql-ws/), extensions: { code: "SUBSCRIPTION_OVER_HTTP" } }]);
    const get = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{"b":"b"}')}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect(get.status).toBeLessThan(500);
    const body = (await get.json()) as { errors: FormattedErrors };
    expect(body.errors.map((e) => e.extensions?.code)).not.toContain("INTERNAL_SERVER_ERROR");
  });

  it("a CORS preflight without CORS_ORIGINS: 405 naming CORS_ORIGINS; other methods on /graphql: 405 with Allow; unknown routes: 404 without echoing the request", async () => {
    const preflight = await fetch(`${gateway.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(await preflight.json()).toEqual({ errors: [{ message: expect.stringMatching(/CORS_ORIGINS/), extensions: { code: "CORS_NOT_ALLOWED" } }] });
    // Nor does a cross-origin request itself carry any CORS header a browser would let through.
    const crossOrigin = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { origin: "https://app.example.com", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect([...crossOrigin.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);

    const secretish = "query=%7Bsecret-value%7D";
    const put = await fetch(`${gateway.url}/graphql?${secretish}`, { method: "PUT", body: "x" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    const putText = await put.text();
    expect(putText).not.toMatch(/secret-value|PUT/);
    expect(JSON.parse(putText)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "METHOD_NOT_ALLOWED" } }] });

    const unknown = await fetch(`${gateway.url}/nowhere/secret-value?${secretish}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ statusCode: 404, error: "NOT_FOUND", message: "Not found." });
  });
});

describe("crash recovery that fails: one outcome, stored and published once", () => {
  let database: TestDatabase;
  let gateway: Gateway;
  beforeAll(async () => {
    database = await createTestDatabase("transport_recover");
    // The test makes a stale row and runs recover() itself: no sweep may claim it first.
    gateway = await startGateway(testConfig(database.config), { recoverOnSchedule: false });
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  it("a refused recovery attempt publishes FAILED with INTERRUPTED, and nothing before or after it", async () => {
    const businessId = "biz-tr-recover";
    const recipient = "+16045557777";
    // The customer has not written for 25 hours: the sandbox refuses the send.
    gateway.sandbox!.recordInbound(businessId, recipient, Date.now() - 25 * 3_600_000);
    const input = { businessId, recipient: { id: recipient }, content: { text: "Sent before the crash" } } as SendSessionMessageInput;
    const created = await createMessageStore(gateway.database.prisma).createPending(newMessageRow(input, newMessageId()));
    if (!created.created) throw new Error("expected a new row");
    await gateway.database.prisma.$executeRaw`UPDATE "Message" SET "updatedAt" = ${new Date(Date.now() - 3_600_000)} WHERE "id" = ${created.row.id}`;

    const changes = gateway.pubsub.subscribe({ messageId: created.row.id });
    expect(await gateway.recover(new Date(Date.now() - 600_000))).toEqual({ recovered: 1, accepted: 0, failed: 1 });
    // In-process publishing is synchronous: whatever recovery published is queued now. A marker ends the queue.
    const marker = { message: { ...created.row }, event: null };
    gateway.pubsub.publish([marker]);
    const first = await changes.next();
    expect(first.value).toMatchObject({ message: { id: created.row.id, status: "FAILED", errorCode: "INTERRUPTED", upstreamStatus: 400 }, event: null });
    expect((await changes.next()).value).toBe(marker);
    await changes.return?.();
    const stored = await gateway.database.prisma.message.findUniqueOrThrow({ where: { id: created.row.id } });
    expect(stored).toMatchObject({ status: "FAILED", errorCode: "INTERRUPTED", upstreamStatus: 400, attempts: 2 });
  });
});
