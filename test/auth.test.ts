/**
 * Access control over real HTTP and a real graphql-ws client: HS256 tokens (AUTH_JWT_SECRET) and
 * RS256 tokens from an identity provider's JWKS served by a real HTTP server in this test. Every
 * failure a client can meet (no token, expired, bad signature, wrong audience or issuer, no exp,
 * missing scope) and a sweep of every root field with a token for another business.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import WebSocket from "ws";
import type { AuthConfig } from "../src/config/config.js";
import { mintToken } from "../src/auth/mint.js";
import type { Scope } from "../src/auth/principal.js";
import { buildSchema } from "../src/graphql/schema.js";
import type { SendSessionMessageMutation } from "./generated/graphql.js";
import {
  SEND_MUTATION as SEND,
  activitySubscriptionsReach,
  startTestGateway,
  subscriptionsReach,
  type GraphQLResponse,
  type TestGateway,
} from "./support/gateway.js";
import { expectResult } from "./support/send.js";
import { customerMessageEvent, deliveryStatusEvent, postSignedEvent } from "./support/webhooks.js";

const SECRET = "auth-test-secret-with-at-least-32-chars";
const ISSUER = "https://id.example.test/";
const AUDIENCE = "connectly-gateway";

interface Jwks {
  readonly url: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly strangerKey: CryptoKey;
  close(): Promise<void>;
}

/** The identity provider's key set, served over HTTP; `strangerKey` is a key it never published. */
async function startJwks(): Promise<Jwks> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const stranger = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "idp-key-1", alg: "RS256", use: "sig" };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    privateKey,
    publicKey,
    strangerKey: stranger.privateKey,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const root = path.resolve(import.meta.dirname, "..");

/** Runs `npm run token` (its script, without npm's banner) with only the given AUTH_ variables. */
async function tokenCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AUTH_"))) as Record<string, string>;
  const child = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "src/auth/token-cli.ts", ...args], {
    cwd: root,
    env: { ...clean, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, "exit")) as [number];
  return { code, stdout, stderr };
}

const text = (businessId: string, recipient = "+16044441111") => ({ businessId, recipient: { id: recipient }, content: { text: "Your order has shipped." } });

describe("access control", () => {
  let t: TestGateway;
  let jwks: Jwks;
  let auth: AuthConfig & { secret: string };

  beforeAll(async () => {
    jwks = await startJwks();
    auth = { secret: SECRET, jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, businessClaim: "businessIds", scopeClaim: "scope", clockToleranceS: 0 };
    t = await startTestGateway("auth", { auth });
  });
  afterAll(async () => {
    await t?.close();
    await jwks?.close();
  });

  const hs256 = (businessIds: string[], scopes: Scope[] = ["send", "read"], ttl = "1h") =>
    mintToken(auth, { businessIds, scopes, ttl, subject: "test-service" });
  const rs256 = (
    claims: Record<string, unknown>,
    options: { key?: CryptoKey; kid?: string; exp?: number | string; audience?: string; issuer?: string } = {},
  ) => {
    const jwt = new SignJWT({ businessIds: ["biz-a"], scope: "send read", ...claims })
      .setProtectedHeader({ alg: "RS256", kid: options.kid ?? "idp-key-1" })
      .setIssuedAt()
      .setSubject("user-1")
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE);
    if (options.exp !== undefined) jwt.setExpirationTime(options.exp);
    else jwt.setExpirationTime("10m");
    return jwt.sign(options.key ?? jwks.privateKey);
  };

  async function call<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T> & { headers: Headers }> {
    const response = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token != null ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
    return { status: response.status, headers: response.headers, ...body };
  }

  describe("over HTTP", () => {
    it("refuses a request without a token with 401, UNAUTHENTICATED and a Bearer challenge", async () => {
      const requestsBefore = t.sandbox.requests.length;
      const response = await call(null, SEND, { input: text("biz-a") });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="graphql"');
      expect(response.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "TOKEN_MISSING" });
      expect(response.data).toBeUndefined();
      expect(t.sandbox.requests.length).toBe(requestsBefore);
    });

    it.each([
      ["an Authorization header that is not Bearer", "Basic dXNlcjpwYXNz", "TOKEN_MALFORMED"],
      ["a token that is not a JWT", "Bearer not-a-jwt", "TOKEN_MALFORMED"],
    ])("refuses %s", async (_what, authorization, reason) => {
      const response = await call(null, "{ __typename }", undefined, { authorization });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason });
    });

    it("refuses an expired token (HS256 and RS256) with TOKEN_EXPIRED", async () => {
      const expiredHs = await new SignJWT({ businessIds: ["biz-a"], scope: "send read" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(new TextEncoder().encode(SECRET));
      const expiredRs = await rs256({}, { exp: Math.floor(Date.now() / 1000) - 60 });
      for (const token of [expiredHs, expiredRs]) {
        const response = await call(token, "{ __typename }");
        expect(response.status).toBe(401);
        expect(response.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "TOKEN_EXPIRED" });
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="graphql", error="invalid_token"/);
      }
    });

    it("refuses a wrong signature: another HS256 secret, a key the JWKS does not hold, a tampered payload", async () => {
      const otherSecret = await mintToken(
        { ...auth, secret: "another-secret-that-is-32-chars-long!!" },
        { businessIds: ["biz-a"], scopes: ["send"], ttl: "1h" },
      );
      const stranger = await rs256({}, { key: jwks.strangerKey });
      const strangerOtherKid = await rs256({}, { key: jwks.strangerKey, kid: "unknown-kid" });
      const genuine = await hs256(["biz-a"]);
      const [header, , signature] = genuine.split(".");
      const forgedPayload = Buffer.from(
        JSON.stringify({ businessIds: ["*"], scope: "send read", iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 3600 }),
      ).toString("base64url");
      const tampered = `${header}.${forgedPayload}.${signature}`;
      for (const token of [otherSecret, stranger, strangerOtherKid, tampered]) {
        const response = await call(token, "{ __typename }");
        expect(response.status).toBe(401);
        expect(response.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "TOKEN_SIGNATURE_INVALID" });
      }
    });

    it("refuses an unsigned token (alg none) and an HS256 token signed with the JWKS's public key material", async () => {
      const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(
        JSON.stringify({ businessIds: ["*"], scope: "send read", iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 3600 }),
      ).toString("base64url")}.`;
      const response = await call(unsigned, "{ __typename }");
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.reason).toBe("TOKEN_ALGORITHM_NOT_ALLOWED");
      // The classic confusion: the provider's public key used as an HMAC secret.
      const publicPem = await exportSPKI(jwks.publicKey);
      const confused = await new SignJWT({ businessIds: ["*"], scope: "send read" })
        .setProtectedHeader({ alg: "HS256", kid: "idp-key-1" })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime("10m")
        .sign(new TextEncoder().encode(publicPem));
      const confusedResponse = await call(confused, "{ __typename }");
      expect(confusedResponse.status).toBe(401);
      expect(confusedResponse.errors?.[0]?.extensions?.reason).toBe("TOKEN_SIGNATURE_INVALID");
    });

    it("refuses a token for another audience or from another issuer", async () => {
      const wrongAudience = await rs256({}, { audience: "some-other-app" });
      const wrongIssuer = await rs256({}, { issuer: "https://evil.example.test/" });
      const hsWrongAudience = await mintToken({ ...auth, audience: "some-other-app" }, { businessIds: ["biz-a"], scopes: ["read"], ttl: "1h" });
      expect((await call(wrongAudience, "{ __typename }")).errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "TOKEN_AUDIENCE_INVALID" });
      expect((await call(hsWrongAudience, "{ __typename }")).errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "TOKEN_AUDIENCE_INVALID" });
      const issuer = await call(wrongIssuer, "{ __typename }");
      expect(issuer.status).toBe(401);
      expect(issuer.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "TOKEN_ISSUER_INVALID" });
    });

    it("refuses a token without exp, and one without the business claim", async () => {
      const noExp = await new SignJWT({ businessIds: ["biz-a"], scope: "read" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .sign(new TextEncoder().encode(SECRET));
      const noBusinesses = await rs256({ businessIds: undefined });
      expect((await call(noExp, "{ __typename }")).errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "TOKEN_CLAIMS_INVALID" });
      const response = await call(noBusinesses, "{ __typename }");
      expect(response.status).toBe(401);
      expect(response.errors?.[0]).toMatchObject({ message: expect.stringContaining('"businessIds"'), extensions: { reason: "TOKEN_CLAIMS_INVALID" } });
    });

    it("serves a valid HS256 token and a valid RS256 token from the identity provider", async () => {
      const service = await call<SendSessionMessageMutation>(await hs256(["biz-a"]), SEND, { input: text("biz-a") });
      expect(service.errors).toBeUndefined();
      expect(service.data?.sendSessionMessage).toMatchObject({ __typename: "Message", status: "ACCEPTED", businessId: "biz-a" });
      const user = await call<SendSessionMessageMutation>(await rs256({}), SEND, { input: text("biz-a") });
      expect(user.errors).toBeUndefined();
      expect(user.data?.sendSessionMessage).toMatchObject({ __typename: "Message", status: "ACCEPTED" });
    });

    it("separates sending from reading by scope", async () => {
      const readOnly = await hs256(["biz-a"], ["read"]);
      const sendOnly = await hs256(["biz-a"], ["send"]);
      const before = t.sandbox.requests.length;
      const refusedSend = await call(readOnly, SEND, { input: text("biz-a") });
      expect(refusedSend.status).toBe(200);
      expect(refusedSend.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", requiredScope: "send" });
      expect(t.sandbox.requests.length).toBe(before);
      const refusedRead = await call(sendOnly, `{ messages(filter: { businessId: "biz-a" }) { edges { node { id } } } }`);
      expect(refusedRead.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", requiredScope: "read" });
      const allowedRead = await call(readOnly, `{ messages(filter: { businessId: "biz-a" }) { edges { node { id } } } }`);
      expect(allowedRead.errors).toBeUndefined();
    });

    it("takes a token minted by `npm run token` with the gateway's secret, issuer and audience", async () => {
      const minted = await tokenCli(["--business", "biz-a,biz-z", "--scope", "send,read", "--ttl", "5m", "--subject", "cli-test"], {
        AUTH_JWT_SECRET: SECRET,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
      });
      expect(minted.code).toBe(0);
      const token = minted.stdout.trim();
      const response = await call<SendSessionMessageMutation>(token, SEND, { input: text("biz-z") });
      expect(response.errors).toBeUndefined();
      expect(response.data?.sendSessionMessage).toMatchObject({ __typename: "Message", businessId: "biz-z" });
      // Only the businesses and scopes asked for.
      expect((await call(token, SEND, { input: text("biz-b") })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("`npm run token` refuses to mint without AUTH_JWT_SECRET, without --business, or with an unknown scope", async () => {
      const noSecret = await tokenCli(["--business", "biz-a"], {});
      expect(noSecret.code).toBe(1);
      expect(noSecret.stderr).toMatch(/^AUTH_JWT_SECRET is not set/);
      expect((await tokenCli([], { AUTH_JWT_SECRET: SECRET })).stderr).toMatch(/^--business is required/);
      expect((await tokenCli(["--business", "b", "--scope", "admin"], { AUTH_JWT_SECRET: SECRET })).stderr).toMatch(/^--scope must list send and\/or read/);
      expect((await tokenCli(["--business", "b", "--ttl", "forever"], { AUTH_JWT_SECRET: SECRET })).stderr).toMatch(/^--ttl must be a duration/);
    });

    it('lets a token with "*" act for every business', async () => {
      const everyBusiness = await hs256(["*"]);
      const response = await call<SendSessionMessageMutation>(everyBusiness, SEND, { input: text("biz-anything") });
      expect(response.errors).toBeUndefined();
      expect(response.data?.sendSessionMessage).toMatchObject({ __typename: "Message", businessId: "biz-anything" });
    });
  });

  describe("a token for another business, on every root field", () => {
    let sent: { id: string; connectlyId: string };
    let statusSeq = 0;
    let mine: string;
    let theirs: string;
    let inboundId: string;
    beforeAll(async () => {
      const stored = await t.gateway.database.prisma.inboundMessage.count();
      expect((await postSignedEvent(t.url, "biz-a", customerMessageEvent("+16044442222", { text: "Hi" }))).status).toBe(200);
      const [row] = await t.gateway.database.prisma.inboundMessage.findMany({ where: { businessId: "biz-a" }, orderBy: { id: "desc" }, take: 1 });
      expect(await t.gateway.database.prisma.inboundMessage.count()).toBe(stored + 1);
      inboundId = String(row!.id);
    });
    beforeAll(async () => {
      mine = await hs256(["biz-a"]);
      theirs = await hs256(["biz-b", "biz-c"]);
      const response = await call<SendSessionMessageMutation>(mine, SEND, { input: text("biz-a", "+16044442222") });
      expect(response.errors).toBeUndefined();
      const { id, connectlyId } = expectResult(response.data!.sendSessionMessage, "Message");
      sent = { id, connectlyId: connectlyId! };
    });

    type Outcome = "null" | "FORBIDDEN" | "NOT_FOUND";
    interface Case {
      readonly operation: string;
      readonly variables: () => Record<string, unknown>;
      /** What the owner gets (a check that the operation itself works). */
      readonly owner: (data: Record<string, unknown> | null | undefined) => void;
      readonly stranger: Outcome;
      readonly subscription?: boolean;
    }
    const cases: Record<string, Case> = {
      "Query.message": {
        operation: `query ($id: ID!) { message(id: $id) { id } }`,
        variables: () => ({ id: sent.id }),
        owner: (data) => expect(data?.message).toEqual({ id: sent.id }),
        stranger: "null",
      },
      "Query.messageByConnectlyId": {
        operation: `query ($id: ID!) { messageByConnectlyId(connectlyId: $id) { id } }`,
        variables: () => ({ id: sent.connectlyId }),
        owner: (data) => expect(data?.messageByConnectlyId).toEqual({ id: sent.id }),
        stranger: "null",
      },
      "Query.messages": {
        operation: `{ messages(filter: { businessId: "biz-a" }) { edges { node { id } } } }`,
        variables: () => ({}),
        owner: (data) => expect((data?.messages as { edges: unknown[] }).edges.length).toBeGreaterThan(0),
        stranger: "FORBIDDEN",
      },
      "Query.customer": {
        operation: `{ customer(businessId: "biz-a", id: "+16044442222") { id } }`,
        variables: () => ({}),
        owner: (data) => expect(data?.customer).toEqual({ id: "+16044442222" }),
        stranger: "FORBIDDEN",
      },
      "Query.conversation": {
        operation: `{ conversation(businessId: "biz-a", customerId: "+16044442222") { edges { direction } } }`,
        variables: () => ({}),
        owner: (data) => expect((data?.conversation as { edges: unknown[] }).edges.length).toBeGreaterThan(0),
        stranger: "FORBIDDEN",
      },
      "Query.customers": {
        operation: `{ customers(businessId: "biz-a") { totalCount } }`,
        variables: () => ({}),
        owner: (data) => expect(data?.customers).toEqual({ totalCount: expect.any(Number) as number }),
        stranger: "FORBIDDEN",
      },
      "Query.messageByMessageId": {
        operation: `query ($m: ID!) { messageByMessageId(businessId: "biz-a", messageId: $m) { id } }`,
        variables: () => ({ m: sent.id }),
        owner: (data) => expect(data?.messageByMessageId).toEqual({ id: sent.id }),
        stranger: "FORBIDDEN",
      },
      "Query.messageCounts": {
        operation: `{ messageCounts(businessId: "biz-a") { total } }`,
        variables: () => ({}),
        owner: (data) => expect((data?.messageCounts as { total: number }).total).toBeGreaterThan(0),
        stranger: "FORBIDDEN",
      },
      "Query.inboundMessage": {
        operation: `query ($id: ID!) { inboundMessage(id: $id) { id } }`,
        variables: () => ({ id: inboundId }),
        owner: (data) => expect(data?.inboundMessage).toEqual({ id: inboundId }),
        stranger: "null",
      },
      "Mutation.sendSessionMessage": {
        operation: SEND,
        variables: () => ({ input: text("biz-a") }),
        owner: (data) => expect(data?.sendSessionMessage).toMatchObject({ __typename: "Message", status: "ACCEPTED" }),
        stranger: "FORBIDDEN",
      },
      "Mutation.sendSessionMessages": {
        operation: `mutation ($inputs: [SendSessionMessageInput!]!) { sendSessionMessages(inputs: $inputs) { acceptedCount } }`,
        variables: () => ({ inputs: [text("biz-a"), text("biz-a", "+16044443333")] }),
        owner: (data) => expect(data?.sendSessionMessages).toEqual({ acceptedCount: 2 }),
        stranger: "FORBIDDEN",
      },
      "Mutation.sendTemplateMessage": {
        operation: `mutation ($input: SendTemplateMessageInput!) { sendTemplateMessage(input: $input) { __typename ... on Message { status } } }`,
        variables: () => ({ input: { businessId: "biz-a", recipient: { id: "+16044442222" }, template: { name: "thanks", language: "en" } } }),
        owner: (data) => expect(data?.sendTemplateMessage).toMatchObject({ __typename: "Message", status: "ACCEPTED" }),
        stranger: "FORBIDDEN",
      },
      "Mutation.sendTemplateMessages": {
        operation: `mutation ($inputs: [SendTemplateMessageInput!]!) { sendTemplateMessages(inputs: $inputs) { acceptedCount } }`,
        variables: () => ({ inputs: [{ businessId: "biz-a", recipient: { id: "+16044442222" }, template: { name: "thanks", language: "en" } }] }),
        owner: (data) => expect(data?.sendTemplateMessages).toEqual({ acceptedCount: 1 }),
        stranger: "FORBIDDEN",
      },
      "Query.templates": {
        operation: `{ templates(businessId: "biz-a") { __typename } }`,
        variables: () => ({}),
        owner: (data) => expect(data?.templates).toEqual({ __typename: "TemplateCatalog" }),
        stranger: "FORBIDDEN",
      },
      "Mutation.refreshTemplates": {
        operation: `mutation { refreshTemplates(businessId: "biz-a") { __typename } }`,
        variables: () => ({}),
        owner: (data) => expect(data?.refreshTemplates).toEqual({ __typename: "TemplateCatalog" }),
        stranger: "FORBIDDEN",
      },
      "Subscription.messageStatusChanged": {
        operation: `subscription ($businessId: ID) { messageStatusChanged(businessId: $businessId) { status } }`,
        variables: () => ({ businessId: "biz-a" }),
        owner: () => undefined,
        stranger: "FORBIDDEN",
        subscription: true,
      },
      "Subscription.customerActivity": {
        operation: `subscription ($businessId: ID!) { customerActivity(businessId: $businessId) { kind } }`,
        variables: () => ({ businessId: "biz-a" }),
        owner: () => undefined,
        stranger: "FORBIDDEN",
        subscription: true,
      },
      "Subscription.messageStatusChanged(messageId)": {
        operation: `subscription ($messageId: ID) { messageStatusChanged(messageId: $messageId) { status } }`,
        variables: () => ({ messageId: sent.id }),
        owner: () => undefined,
        stranger: "NOT_FOUND",
        subscription: true,
      },
    };

    it("refuses a batch that mixes the caller's business with another's, sending none of it", async () => {
      const before = t.sandbox.requests.length;
      const response = await call(theirs, `mutation ($inputs: [SendSessionMessageInput!]!) { sendSessionMessages(inputs: $inputs) { acceptedCount } }`, {
        inputs: [text("biz-b"), text("biz-a")],
      });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", businessId: "biz-a" });
      expect(t.sandbox.requests.length).toBe(before);
    });

    it("covers every root field of the schema", () => {
      const schema = buildSchema();
      const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
        type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
      );
      const covered = new Set(Object.keys(cases).map((key) => key.replace(/\(.*\)$/, "")));
      expect([...covered].sort()).toEqual(roots.sort());
    });

    const httpCases = Object.entries(cases).filter(([, c]) => !c.subscription);
    it.each(httpCases)("%s: the owner is served, another business's token is refused or sees nothing", async (_name, c) => {
      const own = await call(mine, c.operation, c.variables());
      expect(own.errors).toBeUndefined();
      c.owner(own.data);

      const before = t.sandbox.requests.length;
      const response = await call(theirs, c.operation, c.variables());
      expect(response.status).toBe(200);
      if (c.stranger === "null") {
        expect(response.errors).toBeUndefined();
        expect(Object.values(response.data ?? {})).toEqual([null]);
      } else {
        expect(response.errors?.[0]?.extensions?.code).toBe(c.stranger);
        // A nullable root field (messageByMessageId) reads as null beside its error; a non-null one nulls the data.
        expect(Object.values(response.data ?? {}).every((v) => v === null)).toBe(true);
      }
      // Nothing was sent in the other business's name.
      expect(t.sandbox.requests.length).toBe(before);
    });

    const subscriptionCases = Object.entries(cases).filter(([, c]) => c.subscription);
    it.each(subscriptionCases)("%s over graphql-ws: refused for another business's token, served to the owner", async (_name, c) => {
      const first = async (token: string) => {
        const client = wsClient(token);
        try {
          const iterator = client.iterate({ query: c.operation, variables: c.variables() });
          const step = await iterator.next();
          await iterator.return?.();
          return step.value as { errors?: { extensions?: Record<string, unknown> }[] } | undefined;
        } finally {
          await client.dispose();
        }
      };
      const refused = await first(theirs);
      expect(refused?.errors?.[0]?.extensions?.code).toBe(c.stranger);

      // The owner's subscription is live: a status change of its message arrives.
      const client = wsClient(mine);
      try {
        const iterator = client.iterate<{ messageStatusChanged: { status: string } }>({ query: c.operation, variables: c.variables() });
        const next = iterator.next();
        if (c.operation.includes("customerActivity")) {
          // A customer writes: the owner's activity subscription hears it.
          await activitySubscriptionsReach(t.gateway, 1);
          expect((await postSignedEvent(t.url, "biz-a", customerMessageEvent("+16044442222", { text: `again ${statusSeq++}` }))).status).toBe(200);
        } else {
          await subscriptionsReach(t.gateway, 1);
          // Connectly reports the message delivered: both subscriptions hear it.
          // A new status each time, so it is a change and not a duplicate.
          const delivered = deliveryStatusEvent(sent.connectlyId, (["sent", "delivered", "read"] as const)[statusSeq++]!, "+16044442222");
          expect((await postSignedEvent(t.url, "biz-a", delivered)).status).toBe(200);
        }
        const step = await next;
        await iterator.return?.();
        expect((step.value as { errors?: unknown }).errors).toBeUndefined();
      } finally {
        await client.dispose();
      }
    });
  });

  function wsClient(token: string | null, onClosed?: (event: { code: number; reason: string }) => void): Client {
    return createClient({
      url: `${t.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: token == null ? {} : { authorization: `Bearer ${token}` },
      on: onClosed
        ? {
            closed: (event) => {
              const { code, reason } = event as { code: number; reason: string };
              onClosed({ code, reason: String(reason) });
            },
          }
        : {},
    });
  }
  const acked = (client: Client) => new Promise<void>((resolve) => client.on("connected", () => resolve()));

  describe("over WebSocket", () => {
    const SUBSCRIBE = `subscription { messageStatusChanged(businessId: "biz-a") { status } }`;
    async function closeOf(token: string | null): Promise<{ code: number; reason: string }> {
      let resolveClose!: (event: { code: number; reason: string }) => void;
      const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClose = resolve));
      const client = wsClient(token, resolveClose);
      const iterator = client.iterate({ query: SUBSCRIBE });
      await iterator.next().catch(() => undefined);
      const event = await closed;
      await client.dispose();
      return event;
    }

    it("closes a connection without a token with 4403", async () => {
      expect(await closeOf(null)).toEqual({ code: 4403, reason: "Forbidden: TOKEN_MISSING" });
    });

    it("closes a connection with an expired, forged or foreign-audience token with 4403 and the reason", async () => {
      const expired = await rs256({}, { exp: Math.floor(Date.now() / 1000) - 60 });
      const forged = await rs256({}, { key: jwks.strangerKey });
      const foreign = await rs256({}, { audience: "some-other-app" });
      expect(await closeOf(expired)).toEqual({ code: 4403, reason: "Forbidden: TOKEN_EXPIRED" });
      expect(await closeOf(forged)).toEqual({ code: 4403, reason: "Forbidden: TOKEN_SIGNATURE_INVALID" });
      expect(await closeOf(foreign)).toEqual({ code: 4403, reason: "Forbidden: TOKEN_AUDIENCE_INVALID" });
    });

    it("closes the connection when its token expires", async () => {
      const shortLived = await rs256({}, { exp: Math.floor(Date.now() / 1000) + 2 });
      let resolveClose!: (event: { code: number; reason: string }) => void;
      const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClose = resolve));
      const client = wsClient(shortLived, resolveClose);
      const iterator = client.iterate({ query: SUBSCRIBE });
      void iterator.next().catch(() => undefined);
      await acked(client);
      expect(await closed).toEqual({ code: 4403, reason: "Forbidden: the access token has expired." });
      await client.dispose();
    });

    it("refuses an upgrade from another site's page (Origin not allowed) before any token is read", async () => {
      const socket = new WebSocket(`${t.url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws", { headers: { origin: "https://evil.example.test" } });
      const status = await new Promise<number>((resolve, reject) => {
        socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        socket.once("open", () => reject(new Error("the upgrade was accepted")));
        socket.once("error", () => undefined);
      });
      expect(status).toBe(403);
    });
  });
});
