/**
 * The GraphQL edges as an attacker and a careless client meet them, with HS256 auth on: every root
 * field over POST, GET and graphql-ws, with no, garbled, expired, wrong-secret, alg-none and
 * other-business tokens, unusual headers (Upgrade, Connection, duplicate Authorization,
 * X-Forwarded-*, method overrides) and encodings (percent-encoded keys, repeated parameters,
 * batched arrays, odd content types), and fast-check's own mixes of them. Nothing may be served
 * without a verified principal: no victim data in any answer, nothing at the sandbox, nothing new
 * in the database. Requests go out through node:http with raw header lists, so nothing on the
 * client side tidies them up first.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createClient, type Client } from "graphql-ws";
import { SignJWT } from "jose";
import WebSocket from "ws";
import { buildSchema } from "../src/graphql/schema.js";
import { atTime } from "../src/server/graphql-ws.js";
import { hs256Auth, tokenFor } from "./support/auth.js";
import type { SendSessionMessageMutation } from "./generated/graphql.js";
import { SEND_MUTATION, startTestGateway, subscriptionsReach, type TestGateway } from "./support/gateway.js";
import { expectResult, type SentMessage } from "./support/send.js";
import { deliveryStatusEvent, postSignedEvent } from "./support/webhooks.js";

const SECRET = "edge-access-secret-with-at-least-32-chars";
const auth = hs256Auth(SECRET);
const VICTIM = "victim";
const ATTACKER = "attacker";
const CUSTOMER = "+16044447777";
const FC_RUNS = Number(process.env.FC_RUNS ?? 150);

/** An answer read off the socket as it came. */
interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  /** The server took the request as a WebSocket upgrade (101) or dropped the connection. */
  readonly upgradedOrDropped: boolean;
  /** What was sent (path and body): an answer may echo these without leaking anything. */
  readonly sent: string;
}

/** One HTTP request with exactly these headers (a flat raw list: duplicates and any case kept). */
function rawRequest(base: string, options: { method: string; path: string; headers?: [string, string][]; body?: string | Buffer }): Promise<RawAnswer> {
  const url = new URL(base);
  const headers = (options.headers ?? []).flat();
  // With a raw header list Node adds no Host, and a server must refuse HTTP/1.1 without one.
  if (!(options.headers ?? []).some(([k]) => k.toLowerCase() === "host")) headers.unshift("host", url.host);
  if (options.body !== undefined && !(options.headers ?? []).some(([k]) => k.toLowerCase() === "content-length" || k.toLowerCase() === "transfer-encoding")) {
    headers.push("content-length", String(Buffer.byteLength(options.body)));
  }
  const sent = `${options.path} ${options.body?.toString() ?? ""}`;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: options.method, path: options.path, headers, agent: false, setHost: true });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), upgradedOrDropped: false, sent }),
      );
      res.on("error", reject);
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 101, headers: res.headers, body: "", upgradedOrDropped: true, sent });
    });
    req.on("error", () => resolve({ status: 0, headers: {}, body: "", upgradedOrDropped: true, sent }));
    req.setTimeout(10_000, () => req.destroy(new Error("timed out")));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe("every GraphQL edge fails closed", () => {
  let t: TestGateway;
  let victimToken: string;
  let attackerToken: string;
  let sent: SentMessage & { connectlyId: string };
  /** Credentials that prove nothing, by name; each an Authorization value or none. */
  let bad: Record<string, string | null>;

  const messageCount = () => t.gateway.database.prisma.message.count();

  beforeAll(async () => {
    t = await startTestGateway("edge_access", { auth, logLevel: "error" });
    victimToken = await tokenFor(auth, [VICTIM], { subject: "victim-service" });
    attackerToken = await tokenFor(auth, [ATTACKER], { subject: "attacker-service" });
    const response = await rawRequest(t.url, {
      method: "POST",
      path: "/graphql",
      headers: [
        ["content-type", "application/json"],
        ["authorization", `Bearer ${victimToken}`],
      ],
      body: JSON.stringify({
        query: SEND_MUTATION,
        variables: { input: { businessId: VICTIM, recipient: { id: CUSTOMER }, content: { text: "Your order has shipped." } } },
      }),
    });
    expect(response.status, response.body).toBe(200);
    expect(response.body).not.toContain('"errors"');
    const message = expectResult((JSON.parse(response.body) as { data: SendSessionMessageMutation }).data.sendSessionMessage, "Message");
    expect(message.connectlyId).toEqual(expect.any(String));
    sent = { ...message, connectlyId: message.connectlyId! };

    const now = Math.floor(Date.now() / 1000);
    const claims = { businessIds: [VICTIM], scope: "send read" };
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(SECRET));
    const wrongSecret = await tokenFor(hs256Auth("another-secret-that-is-32-chars-long!!"), [VICTIM]);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const algNone = `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claims, exp: now + 3600 })}.`;
    const [header, , signature] = attackerToken.split(".");
    const tampered = `${header}.${b64({ ...claims, sub: "attacker-service", exp: now + 3600 })}.${signature}`;
    bad = {
      none: null,
      empty: "",
      "Bearer alone": "Bearer ",
      garbled: "Bearer not.a.jwt",
      basic: "Basic dmljdGltOnZpY3RpbQ==",
      expired: `Bearer ${expired}`,
      "wrong secret": `Bearer ${wrongSecret}`,
      "alg none": `Bearer ${algNone}`,
      "tampered payload": `Bearer ${tampered}`,
      "token twice": `Bearer ${attackerToken} ${attackerToken}`,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Root fields with a document that would read or change the victim's data. */
  type Operation = { query: string; variables: Record<string, unknown>; subscription?: true };
  const operations = (): Record<string, Operation> &
    Record<"Query.message" | "Mutation.sendSessionMessage" | "Subscription.messageStatusChanged", Operation> => ({
    "Query.message": { query: `query ($id: ID!) { message(id: $id) { id connectlyId businessId } }`, variables: { id: sent.id } },
    "Query.messageByConnectlyId": {
      query: `query ($id: ID!) { messageByConnectlyId(connectlyId: $id) { id connectlyId } }`,
      variables: { id: sent.connectlyId },
    },
    "Query.messages": { query: `query ($b: ID!) { messages(filter: { businessId: $b }) { edges { node { id connectlyId } } } }`, variables: { b: VICTIM } },
    "Query.customer": { query: `query ($b: ID!, $c: ID!) { customer(businessId: $b, id: $c) { id } }`, variables: { b: VICTIM, c: CUSTOMER } },
    "Query.conversation": {
      query: `query ($b: ID!, $c: String!) { conversation(businessId: $b, customerId: $c) { edges { cursor } } }`,
      variables: { b: VICTIM, c: CUSTOMER },
    },
    "Query.customers": { query: `query ($b: ID!) { customers(businessId: $b) { edges { node { id } } } }`, variables: { b: VICTIM } },
    "Query.messageByMessageId": {
      query: `query ($b: ID!, $m: ID!) { messageByMessageId(businessId: $b, messageId: $m) { id } }`,
      variables: { b: VICTIM, m: sent.id },
    },
    "Query.messageCounts": { query: `query ($b: ID!) { messageCounts(businessId: $b) { total } }`, variables: { b: VICTIM } },
    "Query.inboundMessage": { query: `query ($id: ID!) { inboundMessage(id: $id) { id customer { id } raw } }`, variables: { id: "1" } },
    "Mutation.sendSessionMessage": {
      query: `mutation ($input: SendSessionMessageInput!) { sendSessionMessage(input: $input) { ... on Message { id status } ... on ErrorResult { code } } }`,
      variables: { input: { businessId: VICTIM, recipient: { id: "+16044441111" }, content: { text: "hi" } } },
    },
    "Mutation.sendSessionMessages": {
      query: `mutation ($inputs: [SendSessionMessageInput!]!) { sendSessionMessages(inputs: $inputs) { acceptedCount } }`,
      variables: { inputs: [{ businessId: VICTIM, recipient: { id: "+16044441111" }, content: { text: "hi" } }] },
    },
    "Mutation.sendTemplateMessage": {
      query: `mutation ($input: SendTemplateMessageInput!) { sendTemplateMessage(input: $input) { ... on Message { id status } ... on ErrorResult { code } } }`,
      variables: { input: { businessId: VICTIM, recipient: { id: "+16044441111" }, template: { name: "thanks", language: "en" } } },
    },
    "Mutation.sendTemplateMessages": {
      query: `mutation ($inputs: [SendTemplateMessageInput!]!) { sendTemplateMessages(inputs: $inputs) { acceptedCount } }`,
      variables: { inputs: [{ businessId: VICTIM, recipient: { id: "+16044441111" }, template: { name: "thanks", language: "en" } }] },
    },
    "Query.templates": {
      query: `query ($b: ID!) { templates(businessId: $b) { __typename ... on TemplateCatalog { templates { name } } } }`,
      variables: { b: VICTIM },
    },
    "Mutation.refreshTemplates": {
      query: `mutation ($b: ID!) { refreshTemplates(businessId: $b) { __typename } }`,
      variables: { b: VICTIM },
    },
    "Subscription.messageStatusChanged": {
      query: `subscription ($b: ID) { messageStatusChanged(businessId: $b) { message { id connectlyId } status } }`,
      variables: { b: VICTIM },
      subscription: true,
    },
    "Subscription.customerActivity": {
      query: `subscription ($b: ID!) { customerActivity(businessId: $b) { kind customer { id } } }`,
      variables: { b: VICTIM },
      subscription: true,
    },
  });

  it("the matrix covers every root field of the schema", () => {
    const schema = buildSchema();
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
    );
    expect(Object.keys(operations()).sort()).toEqual(roots.sort());
  });

  /** Nothing of the victim's in the answer but what the request itself carried, and no data at all. */
  const leaksNothing = (answer: RawAnswer) => {
    for (const marker of [sent.id, sent.connectlyId, CUSTOMER, encodeURIComponent(CUSTOMER)]) {
      if (!answer.sent.includes(marker)) expect(answer.body).not.toContain(marker);
    }
    expect(answer.body).not.toContain('"acceptedCount":1');
    expect(answer.body).not.toMatch(/"status":"(PENDING|ACCEPTED)"/);
    let data: unknown = null;
    try {
      data = (JSON.parse(answer.body) as { data?: unknown }).data ?? null;
    } catch {
      // Not JSON: the markers above are what matters.
    }
    if (data !== null && typeof data === "object")
      expect(
        Object.values(data).every((v) => v === null),
        answer.body,
      ).toBe(true);
    expect(answer.status).toBeLessThan(500);
  };
  /**
   * No credential: refused before GraphQL with 401, never routed to GraphQL (404), or, for a real
   * upgrade that is no proper WebSocket handshake, refused by the WebSocket server (400).
   */
  const unauthenticated = (answer: RawAnswer) => {
    leaksNothing(answer);
    if (answer.upgradedOrDropped) return;
    expect([400, 401, 404]).toContain(answer.status);
    if (answer.status === 401) expect(answer.headers["www-authenticate"]).toMatch(/^Bearer realm="graphql"/);
  };
  const sideEffectsNone = async (run: () => Promise<void>) => {
    const requests = t.sandbox.requests.length;
    const rows = await messageCount();
    await run();
    expect(t.sandbox.requests.length).toBe(requests);
    expect(await messageCount()).toBe(rows);
  };

  const post = (headers: [string, string][], body: string, path = "/graphql") => rawRequest(t.url, { method: "POST", path, headers, body });
  const get = (headers: [string, string][], search: string, path = "/graphql") => rawRequest(t.url, { method: "GET", path: `${path}${search}`, headers });
  const withAuth = (authorization: string | null): [string, string][] => (authorization == null ? [] : [["authorization", authorization]]);
  const json = (op: { query: string; variables: Record<string, unknown> }) => JSON.stringify(op);
  const search = (op: { query: string; variables: Record<string, unknown> }, key = "query") =>
    `?${key}=${encodeURIComponent(op.query)}&variables=${encodeURIComponent(JSON.stringify(op.variables))}`;

  describe("over POST and GET, every root field with every credential that proves nothing", () => {
    it("answers 401 and changes nothing", async () => {
      for (const [field, op] of Object.entries(operations())) {
        for (const [name, authorization] of Object.entries(bad)) {
          await sideEffectsNone(async () => {
            const headers: [string, string][] = [["content-type", "application/json"], ["apollo-require-preflight", "true"], ...withAuth(authorization)];
            const byPost = await post(headers, json(op));
            const byGet = await get(headers, search(op));
            for (const answer of [byPost, byGet]) {
              try {
                unauthenticated(answer);
                expect(answer.status).toBe(401);
              } catch (error) {
                throw new Error(`${field} with ${name}: ${answer.status} ${answer.body.slice(0, 200)}`, { cause: error });
              }
            }
          });
        }
      }
    });

    it("serves another business's token nothing of the victim's (FORBIDDEN or null), and sends nothing", async () => {
      for (const [field, op] of Object.entries(operations())) {
        if (op.subscription) continue;
        await sideEffectsNone(async () => {
          const answer = await post(
            [
              ["content-type", "application/json"],
              ["authorization", `Bearer ${attackerToken}`],
            ],
            json(op),
          );
          leaksNothing(answer);
          const body = JSON.parse(answer.body) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
          const refused = body.errors?.[0]?.extensions?.code === "FORBIDDEN" || Object.values(body.data ?? {}).every((v) => v === null);
          expect(refused, `${field}: ${answer.body}`).toBe(true);
        });
      }
    });
  });

  describe("headers", () => {
    const send = () => operations()["Mutation.sendSessionMessage"];
    const read = () => operations()["Query.message"];
    const cases: Record<string, [string, string][]> = {
      "Upgrade: websocket": [["Upgrade", "websocket"]],
      "upgrade: WebSocket (other case)": [["upgrade", "WebSocket"]],
      "UPGRADE: WEBSOCKET": [["UPGRADE", "WEBSOCKET"]],
      "Upgrade: h2c": [["Upgrade", "h2c"]],
      "Connection: upgrade + Upgrade: websocket": [
        ["Connection", "Upgrade"],
        ["Upgrade", "websocket"],
      ],
      "Connection: upgrade + Upgrade: websocket + Sec-WebSocket-Key": [
        ["Connection", "Upgrade"],
        ["Upgrade", "websocket"],
        ["Sec-WebSocket-Version", "13"],
        ["Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="],
        ["Sec-WebSocket-Protocol", "graphql-transport-ws"],
      ],
      "X-Forwarded-For: 127.0.0.1": [
        ["X-Forwarded-For", "127.0.0.1"],
        ["X-Real-IP", "127.0.0.1"],
      ],
      "X-Forwarded-Proto/Host": [
        ["X-Forwarded-Proto", "https"],
        ["X-Forwarded-Host", "localhost"],
        ["Forwarded", "for=127.0.0.1;proto=https"],
      ],
      "X-HTTP-Method-Override: GET": [
        ["X-HTTP-Method-Override", "GET"],
        ["X-Method-Override", "GET"],
      ],
      "X-Original-URL: /healthz": [
        ["X-Original-URL", "/healthz"],
        ["X-Rewrite-URL", "/healthz"],
      ],
      "Authorization twice (garbage first)": [
        ["Authorization", "Bearer not.a.jwt"],
        ["Authorization", `Bearer wrong`],
      ],
      "Authorization in another header": [
        ["X-Authorization", "Bearer whatever"],
        ["Proxy-Authorization", "Bearer whatever"],
      ],
      Cookie: [["Cookie", "authorization=Bearer%20x; token=x"]],
    };
    it.each(Object.entries(cases))("%s without a valid token: 401, nothing done", async (_name, extra) => {
      await sideEffectsNone(async () => {
        const base: [string, string][] = [
          ["content-type", "application/json"],
          ["apollo-require-preflight", "true"],
        ];
        for (const op of [send(), read()]) {
          unauthenticated(await post([...base, ...extra], json(op)));
          unauthenticated(await get([...base, ...extra], search(op)));
        }
      });
    });

    it("two Authorization headers never combine into the victim's access", async () => {
      await sideEffectsNone(async () => {
        const answer = await post(
          [
            ["content-type", "application/json"],
            ["authorization", `Bearer ${attackerToken}`],
            ["authorization", `Bearer ${victimToken.slice(0, -4)}AAAA`],
          ],
          json(send()),
        );
        leaksNothing(answer);
      });
    });

    it("the token in the URL is not a token", async () => {
      await sideEffectsNone(async () => {
        unauthenticated(await get([["apollo-require-preflight", "true"]], `${search(read())}&access_token=${victimToken.slice(0, -4)}AAAA`));
      });
    });
  });

  describe("encodings, methods and paths", () => {
    const read = () => operations()["Query.message"];
    const send = () => operations()["Mutation.sendSessionMessage"];
    const preflight: [string, string][] = [["apollo-require-preflight", "true"]];

    it.each([
      ["%71uery", "?%71uery={__typename}"],
      ["x=1&q%75ery", "?x=1&q%75ery={__typename}"],
      ["%51UERY", "?%51UERY={__typename}"],
      ["query[]", "?query[]={__typename}"],
      ["query twice", "?query={__typename}&query={__typename}"],
      [";query", "?;query={__typename}"],
      ["query with a fragment mark", "?query={__typename}#"],
      ["no query at all", ""],
      ["empty search", "?"],
    ])("GET with %s: 401", async (_name, query) => {
      const answer = await get(preflight, query);
      unauthenticated(answer);
      expect(answer.status).toBe(401);
    });

    it.each([
      ["a batched array", "application/json", () => JSON.stringify([send(), read()])],
      ["text/plain", "text/plain", () => json(send())],
      ["application/graphql", "application/graphql", () => send().query],
      ["form-encoded", "application/x-www-form-urlencoded", () => `query=${encodeURIComponent(send().query)}`],
      ["multipart", "multipart/form-data; boundary=x", () => `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${json(send())}\r\n--x--`],
      ["JSON in upper case with a charset", "APPLICATION/JSON; charset=UTF-16", () => json(send())],
      ["graphql-response+json", "application/graphql-response+json", () => json(send())],
      ["no content type", "", () => json(send())],
      ["malformed JSON", "application/json", () => '{"query": "mutation {'],
      ["a huge document", "application/json", () => JSON.stringify({ query: `{ ${"__typename ".repeat(50_000)} }` })],
    ])("POST %s: 401 before anything is read", async (_name, contentType, body) => {
      await sideEffectsNone(async () => {
        const headers: [string, string][] = contentType === "" ? [] : [["content-type", contentType]];
        const answer = await post(headers, body());
        unauthenticated(answer);
        expect([401, 413]).toContain(answer.status);
      });
    });

    it("POST with a gzip content-encoding: refused, nothing done", async () => {
      await sideEffectsNone(async () =>
        unauthenticated(
          await post(
            [
              ["content-type", "application/json"],
              ["content-encoding", "gzip"],
            ],
            json(send()),
          ),
        ),
      );
    });

    it.each(["HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "get", "post"])("%s /graphql: nothing served", async (method) => {
      await sideEffectsNone(async () => {
        const answer = await rawRequest(t.url, {
          method,
          path: `/graphql${search(read())}`,
          headers: [["content-type", "application/json"], ...preflight],
          body: json(send()),
        }).catch(() => ({ status: 0, headers: {}, body: "", upgradedOrDropped: true, sent: "" }));
        leaksNothing(answer);
        expect(answer.status === 0 || answer.status === 401 || answer.status === 404 || answer.status === 400 || answer.status === 405).toBe(true);
      });
    });

    it.each(["/graphql/", "//graphql", "/GRAPHQL", "/graphql;x", "/graphql%2f", "/./graphql", "/x/../graphql", "/graphql%00", "/%67raphql"])(
      "POST %s: never GraphQL without a token",
      async (path) => {
        await sideEffectsNone(async () => unauthenticated(await post([["content-type", "application/json"]], json(send()), path)));
      },
    );
  });

  describe("fast-check: arbitrary mixes of headers, encodings, methods and bad credentials", () => {
    const headerName = fc.constantFrom(
      "upgrade",
      "connection",
      "sec-websocket-key",
      "sec-websocket-version",
      "x-forwarded-for",
      "x-forwarded-host",
      "x-forwarded-proto",
      "x-real-ip",
      "x-http-method-override",
      "x-original-url",
      "origin",
      "apollo-require-preflight",
      "x-apollo-operation-name",
      "accept",
      "content-type",
      "authorization",
      "cookie",
      "host",
    );
    const randomCase = (s: string) =>
      fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((flips) => [...s].map((c, i) => (flips[i] ? c.toUpperCase() : c)).join(""));
    const headerValue = fc.oneof(
      fc.constantFrom(
        "websocket",
        "Upgrade",
        "keep-alive",
        "127.0.0.1",
        "GET",
        "/healthz",
        "true",
        "application/json",
        "text/html",
        "Bearer x",
        "*/*",
        "localhost",
      ),
      fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
    );
    const header = fc.oneof(
      fc.tuple(headerName.chain(randomCase), headerValue),
      // The pairs that once opened the door, in any case, so that every run meets them often.
      fc.tuple(randomCase("upgrade"), randomCase("websocket")),
      fc.tuple(randomCase("connection"), randomCase("upgrade")),
    );
    /** The key `query` spelled in any mix of cases and percent-encodings. */
    const queryKey = fc
      .array(fc.constantFrom("plain", "encoded", "upper"), { minLength: 5, maxLength: 5 })
      .map((how) =>
        [..."query"].map((c, i) => (how[i] === "encoded" ? `%${c.charCodeAt(0).toString(16)}` : how[i] === "upper" ? c.toUpperCase() : c)).join(""),
      );
    const request = fc.record({
      method: fc.constantFrom("GET", "POST", "POST", "HEAD", "PUT", "OPTIONS"),
      headers: fc.array(header, { maxLength: 6 }),
      key: queryKey,
      extra: fc.constantFrom("", "&x=1", "&query=%7B__typename%7D", "&operationName=A"),
      field: fc.constantFrom("Query.message", "Query.messages", "Mutation.sendSessionMessage", "Mutation.sendSessionMessages", "Query.customer"),
      credential: fc.constantFrom("none", "empty", "garbled", "expired", "wrong secret", "alg none", "tampered payload", "basic"),
    });

    it("never serves the victim's data or acts for it without the victim's token", async () => {
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const op = operations()[r.field];
          if (op === undefined) throw new Error(`no operation for ${r.field}`);
          const authorization = bad[r.credential] ?? null;
          const headers: [string, string][] = [
            ...r.headers.filter(([k]) => k.toLowerCase() !== "authorization" && k.toLowerCase() !== "host"),
            ...withAuth(authorization),
          ];
          const requests = t.sandbox.requests.length;
          const rows = await messageCount();
          // A request Apollo would run, dressed up with whatever fast-check chose.
          const base: [string, string][] = [
            ["content-type", "application/json"],
            ["apollo-require-preflight", "true"],
          ];
          const answer =
            r.method === "GET" || r.method === "HEAD"
              ? await rawRequest(t.url, { method: r.method, path: `/graphql${search(op, r.key)}${r.extra}`, headers: [...base, ...headers] })
              : await rawRequest(t.url, {
                  method: r.method,
                  path: r.extra === "" ? "/graphql" : `/graphql?${r.extra.slice(1)}`,
                  headers: [...base, ...headers],
                  body: json(op),
                });
          leaksNothing(answer);
          if (!answer.upgradedOrDropped) expect(answer.status).not.toBe(200);
          expect(t.sandbox.requests.length).toBe(requests);
          expect(await messageCount()).toBe(rows);
        }),
        { numRuns: FC_RUNS },
      );
    });
  });

  describe("graphql-ws", () => {
    const wsUrl = () => `${t.url.replace(/^http/, "ws")}/graphql`;
    const client = (
      connectionParams: Record<string, unknown> | null,
      onClosed: (event: { code: number; reason: string }) => void,
      headers: Record<string, string> = {},
    ): Client =>
      createClient({
        url: wsUrl(),
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers });
          }
        },
        retryAttempts: 0,
        lazy: true,
        connectionParams: () => connectionParams as Record<string, unknown>,
        on: { closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason: string }).reason) }) },
      });

    /** Subscribes with these credentials; resolves with the close event (or the first result, which must not come). */
    async function attempt(
      connectionParams: Record<string, unknown> | null,
      op: { query: string; variables: Record<string, unknown> },
      headers: Record<string, string> = {},
    ) {
      let resolveClose!: (event: { code: number; reason: string }) => void;
      const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClose = resolve));
      const c = client(connectionParams, resolveClose, headers);
      const results: unknown[] = [];
      const iterator = c.iterate(op);
      void (async () => {
        try {
          for (;;) {
            const step = await iterator.next();
            if (step.done) break;
            results.push(step.value);
          }
        } catch {
          // The close is what the test reads.
        }
      })();
      const event = await closed;
      await c.dispose();
      return { event, results };
    }

    it("every operation with every credential that proves nothing: closed 4403 before anything runs", async () => {
      for (const [field, op] of Object.entries(operations())) {
        for (const [name, authorization] of Object.entries(bad)) {
          await sideEffectsNone(async () => {
            const { event, results } = await attempt(authorization == null ? {} : { authorization }, op);
            expect(event.code, `${field} with ${name}`).toBe(4403);
            expect(results).toEqual([]);
          });
        }
      }
    });

    it.each([
      ["authorization that is a number", { authorization: 42 }],
      ["authorization that is an array holding a token", { authorization: ["Bearer x"] }],
      ["Authorization (capitalised) garbled", { Authorization: "Bearer not.a.jwt" }],
      ["null authorization", { authorization: null }],
      ["a token under another key", { token: "x", accessToken: "x", headers: { authorization: "Bearer x" } }],
    ])("connection_init with %s: 4403", async (_name, params) => {
      const { event, results } = await attempt(params, operations()["Subscription.messageStatusChanged"]);
      expect(event.code).toBe(4403);
      expect(results).toEqual([]);
    });

    it("a payload authorization that is not a string never falls back to the upgrade's header", async () => {
      const { event } = await attempt({ authorization: 1 }, operations()["Subscription.messageStatusChanged"], { authorization: `Bearer ${attackerToken}` });
      expect(event).toEqual({ code: 4403, reason: "Forbidden: TOKEN_MALFORMED" });
    });

    it("a subscribe before connection_init is refused (4401), and no operation runs", async () => {
      const socket = new WebSocket(wsUrl(), "graphql-transport-ws");
      await new Promise((resolve) => socket.once("open", resolve));
      const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
      const messages: string[] = [];
      socket.on("message", (data: Buffer) => messages.push(data.toString()));
      socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: operations()["Subscription.messageStatusChanged"] }));
      expect(await closed).toBe(4401);
      expect(messages).toEqual([]);
    });

    it("another business's token is refused on the victim's subscription", async () => {
      let closedEvent: { code: number } | undefined;
      const c = client({ authorization: `Bearer ${attackerToken}` }, (e) => (closedEvent = e));
      try {
        const iterator = c.iterate(operations()["Subscription.messageStatusChanged"]);
        const step = await iterator.next();
        expect((step.value as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      } finally {
        await c.dispose();
      }
      expect(closedEvent?.code ?? 1000).not.toBe(4500);
    });

    it("a token valid for 30 days keeps its socket open: the subscription hears a change", async () => {
      const monthLong = await tokenFor(auth, [VICTIM], { ttl: "30d" });
      let closedEvent: { code: number; reason: string } | undefined;
      const c = client({ authorization: `Bearer ${monthLong}` }, (e) => (closedEvent = e));
      try {
        const iterator = c.iterate<{ messageStatusChanged: { status: string } }>(operations()["Subscription.messageStatusChanged"]);
        const next = iterator.next();
        await subscriptionsReach(t.gateway, 1);
        expect((await postSignedEvent(t.url, VICTIM, deliveryStatusEvent(sent.connectlyId, "delivered", CUSTOMER))).status).toBe(200);
        const step = await next;
        expect(step.done).toBe(false);
        expect(closedEvent).toBeUndefined();
        await iterator.return?.();
      } finally {
        await c.dispose();
      }
    });
  });

  describe("atTime, the expiry timer of a socket", () => {
    it("fires once, at the time, however far off (re-arming past setTimeout's 2^31-1 ms)", async () => {
      let now = 0;
      let fired = 0;
      const day = 24 * 60 * 60 * 1000;
      // A clock that leaps: each re-arm sees the time moved on by the whole delay it asked for.
      const timers: (() => void)[] = [];
      const realSetTimeout = globalThis.setTimeout;
      const captured: number[] = [];
      globalThis.setTimeout = ((fn: () => void, ms: number) => {
        captured.push(ms);
        timers.push(() => {
          now += ms;
          fn();
        });
        return { unref() {} } as unknown as NodeJS.Timeout;
      }) as typeof setTimeout;
      try {
        atTime(
          30 * day,
          () => fired++,
          () => now,
        );
        while (timers.length > 0) timers.shift()!();
      } finally {
        globalThis.setTimeout = realSetTimeout;
      }
      expect(fired).toBe(1);
      expect(now).toBe(30 * day);
      expect(Math.max(...captured)).toBeLessThanOrEqual(2 ** 31 - 1);
      expect(captured.length).toBe(2);
    });
  });
});

describe("/metrics and probes", () => {
  const secured = async (metricsToken: string | undefined, run: (url: string) => Promise<void>) => {
    const t = await startTestGateway("edge_metrics", { auth, metricsToken });
    try {
      await run(t.url);
    } finally {
      await t.close();
    }
  };
  const get = (url: string, path: string, authorization?: string) =>
    rawRequest(url, { method: "GET", path, headers: authorization ? [["authorization", authorization]] : [] });

  it("with auth on and no METRICS_TOKEN, /metrics is refused to everyone, a GraphQL token included; probes answer", async () => {
    await secured(undefined, async (url) => {
      expect((await get(url, "/metrics")).status).toBe(403);
      expect((await get(url, "/metrics", `Bearer ${await tokenFor(auth, ["*"])}`)).status).toBe(403);
      expect((await get(url, "/healthz")).status).toBe(200);
      const ready = await get(url, "/readyz");
      expect(ready.status).toBe(200);
      expect(ready.body).not.toMatch(/victim|attacker|Bearer/);
    });
  });

  it("with METRICS_TOKEN, only that token reads /metrics", async () => {
    const metricsToken = "metrics-token-0123456789abcdefghijklmnop";
    await secured(metricsToken, async (url) => {
      expect((await get(url, "/metrics")).status).toBe(401);
      expect((await get(url, "/metrics", `Bearer ${metricsToken}x`)).status).toBe(401);
      expect((await get(url, "/metrics", `Bearer ${await tokenFor(auth, ["*"])}`)).status).toBe(401);
      expect((await get(url, "/metrics", "Bearer")).status).toBe(401);
      expect((await get(url, "/metrics", `Basic ${metricsToken}`)).status).toBe(401);
      const ok = await get(url, "/metrics", `Bearer ${metricsToken}`);
      expect(ok.status).toBe(200);
      expect(ok.body).toContain("gateway_graphql_operations_total");
    });
  });
});
