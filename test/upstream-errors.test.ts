/**
 * Every way Connectly (or the road to it) can fail, end to end over real HTTP: the GraphQL error's
 * stable extensions.code, a human message, extensions.messageId naming the stored message, the
 * stored row FAILED with that code and Connectly's HTTP status, and no API key anywhere in the answer.
 * Faults come from the sandbox's injectFaults; the "real" cases use a second sandbox behind a gateway
 * in live mode (a wrong key, a strict rate limit), or a port nothing listens on.
 */
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Config } from "../src/config/config.js";
import { startSandbox, type Fault, type Sandbox } from "../src/sandbox/sandbox.js";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { createTestDatabase } from "./support/database.js";
import { postGraphQL, SEND_MUTATION, startTestGateway, testConfig, type GraphQLResponse, type TestGateway } from "./support/gateway.js";

type Prisma = Gateway["database"]["prisma"];

/** What a test talks to: a gateway's GraphQL endpoint and its database. */
interface Target {
  readonly graphql: TestGateway["graphql"];
  readonly prisma: Prisma;
}

interface RunningGateway extends Target {
  close(): Promise<void>;
}

const HOUR = 60 * 60 * 1000;

const target = (g: TestGateway): Target => ({ graphql: g.graphql, prisma: g.gateway.database.prisma });

/** A gateway in live mode (test/support's startTestGateway insists on sandbox mode). */
async function startLiveGateway(
  label: string,
  connectly: { baseUrl: string; defaultApiKey: string | undefined; businessApiKeys: ReadonlyMap<string, string> },
  overrides: Partial<Config> = {},
): Promise<RunningGateway> {
  const database = await createTestDatabase(label);
  const gateway = await startGateway(testConfig(database.config, { ...overrides, connectly: { mode: "live", ...connectly } })).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  return {
    graphql: (query, variables) => postGraphQL(gateway.url, query, variables),
    prisma: gateway.database.prisma,
    close: async () => {
      await gateway.close();
      await database.drop();
    },
  };
}

/** A local port nothing listens on: a server's port, after the server closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

let recipientSeq = 0;
/** A recipient number not used by any other test (so the sandbox's windows never interfere). */
const newRecipient = (): string => `+1604555${String(1000 + recipientSeq++)}`;

const textInput = (businessId: string, recipientId: string = newRecipient(), extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  businessId,
  recipient: { id: recipientId },
  content: { text: "Your order has shipped." },
  ...extra,
});

function expectNoSecrets(response: GraphQLResponse, secrets: readonly string[]): void {
  const json = JSON.stringify(response);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(0);
    expect(json).not.toContain(secret);
  }
}

interface Expected {
  readonly code: string;
  /** What the human message must say. */
  readonly message: RegExp;
  /** Connectly's HTTP status on the stored row: null when no answer came. */
  readonly upstreamStatus: number | null;
  /** The stored row's status; FAILED unless a test says otherwise. */
  readonly status?: "FAILED" | "UNCONFIRMED";
}

/**
 * Sends the input, expects exactly one GraphQL error with the code, a human message and
 * extensions.messageId naming a stored FAILED row with the same code and status; returns both.
 */
async function sendExpectingFailure(g: Target, input: Record<string, unknown>, expected: Expected, secrets: readonly string[]) {
  const response = await g.graphql(SEND_MUTATION, { input });
  expectNoSecrets(response, secrets);
  expect(response.status).toBe(200);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  const error = response.errors![0]!;
  const extensions = error.extensions ?? {};
  expect(extensions.code).toBe(expected.code);
  expect(error.message).toMatch(expected.message);
  expect(error.message).not.toMatch(/^[A-Z_]+$/);
  expect(error.path).toEqual(["sendSessionMessage"]);
  expect(extensions).not.toHaveProperty("stacktrace");

  const messageId = extensions.messageId;
  expect(typeof messageId).toBe("string");
  const row = await g.prisma.message.findUniqueOrThrow({ where: { id: messageId as string } });
  expect(row.businessId).toBe(input.businessId);
  expect(row.status).toBe(expected.status ?? "FAILED");
  // An answer that may have come after Connectly stored the message leaves it UNCONFIRMED, and says so.
  expect(extensions.unconfirmed ?? false).toBe(expected.status === "UNCONFIRMED");
  expect(row.errorCode).toBe(expected.code);
  expect(row.errorMessage).toBe(error.message);
  expect(row.upstreamStatus).toBe(expected.upstreamStatus);
  expect(row.connectlyId).toBeNull();
  expect(row.attempts).toBe(1);
  return { error, extensions, row, response };
}

/** Sends the input and expects it ACCEPTED; returns the stored message's id. */
async function sendExpectingSuccess(g: Target, input: Record<string, unknown>, secrets: readonly string[]): Promise<string> {
  const response = await g.graphql<{ sendSessionMessage: { message: { id: string; status: string; connectlyId: string | null } } }>(SEND_MUTATION, { input });
  expectNoSecrets(response, secrets);
  expect(response.errors).toBeUndefined();
  const message = response.data!.sendSessionMessage.message;
  expect(message.status).toBe("ACCEPTED");
  expect(message.connectlyId).toEqual(expect.any(String));
  const row = await g.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
  expect(row.status).toBe("ACCEPTED");
  expect(row.connectlyId).toBe(message.connectlyId);
  expect(row.errorCode).toBeNull();
  return message.id;
}

describe("upstream errors from the built-in sandbox", () => {
  let t: TestGateway;
  let g: Target;
  beforeAll(async () => {
    t = await startTestGateway("upstream_errors");
    g = target(t);
  });
  afterAll(() => t?.close());

  const business = "biz-upstream";
  /** Injects one fault and checks the sandbox used it for exactly this request. */
  async function withFault<T>(fault: Fault, run: () => Promise<T>): Promise<T> {
    const before = t.sandbox.requests.length;
    t.sandbox.injectFaults(fault);
    const result = await run();
    expect(t.sandbox.requests.length).toBe(before + 1);
    return result;
  }

  describe("the 24-hour session window", () => {
    it("a customer who last wrote 25 hours ago: SESSION_WINDOW_CLOSED, pointing at a template message", async () => {
      const customer = newRecipient();
      t.sandbox.recordInbound(business, customer, Date.now() - 25 * HOUR);
      const before = t.sandbox.requests.length;
      const { extensions, error } = await sendExpectingFailure(
        g,
        textInput(business, customer),
        { code: "SESSION_WINDOW_CLOSED", message: /template message/, upstreamStatus: 400 },
        [t.sandbox.apiKey],
      );
      expect(error.message).toMatch(/24-hour/);
      expect(extensions.upstream).toEqual({
        status: 400,
        type: "ERROR_TYPE_INVALID_REQUEST",
        code: "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW",
        message: expect.any(String),
      });
      expect(extensions).not.toHaveProperty("retryAfterSeconds");
      // The sandbox really answered 400 for this request (no injected fault).
      expect(t.sandbox.requests.slice(before).map((r) => r.status)).toEqual([400]);
    });

    it("a customer who wrote 23 hours ago is inside the window: ACCEPTED", async () => {
      const customer = newRecipient();
      t.sandbox.recordInbound(business, customer, Date.now() - 23 * HOUR);
      await sendExpectingSuccess(g, textInput(business, customer), [t.sandbox.apiKey]);
    });
  });

  it("another 400: UPSTREAM_REJECTED with Connectly's type, code and message passed on", async () => {
    const { extensions } = await withFault(
      { kind: "status", status: 400, body: { error: { type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_X", message: "recipient is not on WhatsApp" } } },
      () => sendExpectingFailure(g, textInput(business), { code: "UPSTREAM_REJECTED", message: /recipient is not on WhatsApp/, upstreamStatus: 400 }, [t.sandbox.apiKey]),
    );
    expect(extensions.upstream).toEqual({ status: 400, type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_X", message: "recipient is not on WhatsApp" });
  });

  it("401: UPSTREAM_UNAUTHENTICATED", async () => {
    const { extensions } = await withFault(
      { kind: "status", status: 401, body: { error: { type: "ERROR_TYPE_UNAUTHENTICATED", code: "ERROR_CODE_INVALID_API_KEY", message: "API key revoked" } } },
      () => sendExpectingFailure(g, textInput(business), { code: "UPSTREAM_UNAUTHENTICATED", message: /API key/, upstreamStatus: 401 }, [t.sandbox.apiKey]),
    );
    expect(extensions.upstream).toEqual({ status: 401, type: "ERROR_TYPE_UNAUTHENTICATED", code: "ERROR_CODE_INVALID_API_KEY", message: "API key revoked" });
  });

  it("429 with retry-after: 2: UPSTREAM_RATE_LIMITED with extensions.retryAfterSeconds 2", async () => {
    const { extensions } = await withFault(
      {
        kind: "status",
        status: 429,
        headers: { "retry-after": "2" },
        body: { error: { type: "ERROR_TYPE_RATE_LIMITED", code: "ERROR_CODE_RATE_LIMIT_EXCEEDED", message: "too many requests" } },
      },
      () => sendExpectingFailure(g, textInput(business), { code: "UPSTREAM_RATE_LIMITED", message: /rate limit.*retry after 2 s/i, upstreamStatus: 429 }, [t.sandbox.apiKey]),
    );
    expect(extensions.retryAfterSeconds).toBe(2);
    expect(extensions.upstream).toEqual({ status: 429, type: "ERROR_TYPE_RATE_LIMITED", code: "ERROR_CODE_RATE_LIMIT_EXCEEDED", message: "too many requests" });
  });

  it("500: UPSTREAM_UNAVAILABLE", async () => {
    const { extensions } = await withFault(
      { kind: "status", status: 500, body: { error: { type: "ERROR_TYPE_INTERNAL", code: "ERROR_CODE_INTERNAL", message: "database on fire" } } },
      () => sendExpectingFailure(g, textInput(business), { code: "UPSTREAM_UNAVAILABLE", message: /HTTP 500.*database on fire.*may have been accepted/, upstreamStatus: 500, status: "UNCONFIRMED" }, [t.sandbox.apiKey]),
    );
    expect(extensions.upstream).toEqual({ status: 500, type: "ERROR_TYPE_INTERNAL", code: "ERROR_CODE_INTERNAL", message: "database on fire" });
    expect(extensions).not.toHaveProperty("retryAfterSeconds");
  });

  it("503 with a plain-text body: UPSTREAM_UNAVAILABLE, the text as Connectly's message", async () => {
    const { extensions } = await withFault({ kind: "status", status: 503, body: "Service Unavailable" }, () =>
      sendExpectingFailure(g, textInput(business), { code: "UPSTREAM_UNAVAILABLE", message: /HTTP 503/, upstreamStatus: 503 }, [t.sandbox.apiKey]),
    );
    expect(extensions.upstream).toEqual({ status: 503, message: "Service Unavailable" });
  });

  it("a connection reset: UPSTREAM_UNAVAILABLE without an upstream status", async () => {
    const { extensions } = await withFault({ kind: "reset" }, () =>
      sendExpectingFailure(g, textInput(business), { code: "UPSTREAM_UNAVAILABLE", message: /could not be reached/, upstreamStatus: null, status: "UNCONFIRMED" }, [t.sandbox.apiKey]),
    );
    expect(extensions.upstream).toEqual({});
    // The gateway recovers: the next message goes through on a new connection.
    await sendExpectingSuccess(g, textInput(business), [t.sandbox.apiKey]);
  });

  it("a 200 without an id: UPSTREAM_INVALID_RESPONSE", async () => {
    const { extensions } = await withFault({ kind: "status", status: 200, body: {} }, () =>
      sendExpectingFailure(g, textInput(business), { code: "UPSTREAM_INVALID_RESPONSE", message: /without a message id/, upstreamStatus: 200, status: "UNCONFIRMED" }, [t.sandbox.apiKey]),
    );
    expect(extensions.upstream).toEqual({ status: 200 });
  });
});

describe("a timeout", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("upstream_timeout", { connectlyHttp: { connectTimeoutMs: 2_000, headersTimeoutMs: 300, bodyTimeoutMs: 300, connections: 4 } });
  });
  afterAll(() => t?.close());

  it("no answer within headersTimeoutMs: UPSTREAM_UNAVAILABLE, no answer came in time", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    onTestFinished(() => release());
    let arrived = 0;
    const onArrived = (): void => void arrived++;
    t.sandbox.events.on("arrived", onArrived);
    onTestFinished(() => void t.sandbox.events.off("arrived", onArrived));
    t.sandbox.injectFaults({ kind: "hold", release: held });

    const { extensions } = await sendExpectingFailure(
      target(t),
      textInput("biz-timeout"),
      { code: "UPSTREAM_UNAVAILABLE", message: /no answer came in time/, upstreamStatus: null, status: "UNCONFIRMED" },
      [t.sandbox.apiKey],
    );
    expect(extensions.upstream).toEqual({});
    // The request did reach the sandbox, which is still holding it.
    expect(arrived).toBe(1);
    expect(t.sandbox.requests).toHaveLength(0);
  });
});

describe("connection refused", () => {
  let g: RunningGateway;
  const apiKey = "live_key_refused_0123456789";
  beforeAll(async () => {
    const port = await closedPort();
    g = await startLiveGateway("upstream_refused", { baseUrl: `http://127.0.0.1:${port}`, defaultApiKey: apiKey, businessApiKeys: new Map() });
  });
  afterAll(() => g?.close());

  it("nothing listens at the base URL: UPSTREAM_UNAVAILABLE, the connection was refused", async () => {
    const { extensions } = await sendExpectingFailure(
      g,
      textInput("biz-refused"),
      { code: "UPSTREAM_UNAVAILABLE", message: /connection was refused/, upstreamStatus: null },
      [apiKey],
    );
    expect(extensions.upstream).toEqual({});
  });
});

describe("a real 401 from a gateway with a wrong API key", () => {
  let sandbox: Sandbox;
  let g: RunningGateway;
  const wrongKey = "live_key_wrong_default_0123456789";
  beforeAll(async () => {
    sandbox = await startSandbox();
    g = await startLiveGateway("upstream_wrong_key", { baseUrl: sandbox.url, defaultApiKey: wrongKey, businessApiKeys: new Map() });
  });
  afterAll(async () => {
    await g?.close();
    await sandbox?.close();
  });

  it("the sandbox refuses the key: UPSTREAM_UNAUTHENTICATED with its own error", async () => {
    const { extensions } = await sendExpectingFailure(
      g,
      textInput("biz-wrong-key"),
      { code: "UPSTREAM_UNAUTHENTICATED", message: /refused the gateway's API key \(HTTP 401\)/, upstreamStatus: 401 },
      [wrongKey, sandbox.apiKey],
    );
    expect(extensions.upstream).toEqual({
      status: 401,
      type: "ERROR_TYPE_UNAUTHENTICATED",
      code: "ERROR_CODE_INVALID_API_KEY",
      message: "Missing or invalid X-API-Key.",
    });
    expect(sandbox.requests).toEqual([expect.objectContaining({ businessId: "biz-wrong-key", authorized: false, status: 401 })]);
  });
});

describe("a real 429 from a sandbox allowing 2 requests per second", () => {
  let sandbox: Sandbox;
  let g: RunningGateway;
  beforeAll(async () => {
    // The sandbox's clock stands still, so the third request falls in the same second whatever the machine's speed.
    const frozen = Date.now();
    sandbox = await startSandbox({ rateLimitPerSecond: 2, now: () => frozen });
    g = await startLiveGateway("upstream_rate", { baseUrl: sandbox.url, defaultApiKey: sandbox.apiKey, businessApiKeys: new Map() });
  });
  afterAll(async () => {
    await g?.close();
    await sandbox?.close();
  });

  it("two accepted, then UPSTREAM_RATE_LIMITED with the sandbox's Retry-After", async () => {
    await sendExpectingSuccess(g, textInput("biz-rate"), [sandbox.apiKey]);
    await sendExpectingSuccess(g, textInput("biz-rate"), [sandbox.apiKey]);
    const { extensions } = await sendExpectingFailure(
      g,
      textInput("biz-rate"),
      { code: "UPSTREAM_RATE_LIMITED", message: /retry after 1 s/, upstreamStatus: 429 },
      [sandbox.apiKey],
    );
    expect(extensions.retryAfterSeconds).toBe(1);
    expect(extensions.upstream).toEqual({ status: 429, type: "ERROR_TYPE_RATE_LIMITED", code: "ERROR_CODE_RATE_LIMIT_EXCEEDED", message: "Rate limit exceeded (2 req/s)." });
    expect(sandbox.requests.map((r) => r.status)).toEqual([200, 200, 429]);
  });
});

describe("API keys per business", () => {
  let sandbox: Sandbox;
  let g: RunningGateway;
  const otherKey = "live_key_business_b_0123456789";
  beforeAll(async () => {
    sandbox = await startSandbox();
    g = await startLiveGateway("upstream_keys", {
      baseUrl: sandbox.url,
      defaultApiKey: undefined,
      businessApiKeys: new Map([
        ["biz-a", sandbox.apiKey],
        ["biz-b", otherKey],
      ]),
    });
  });
  afterAll(async () => {
    await g?.close();
    await sandbox?.close();
  });

  it("a business with no key and no default key: BUSINESS_NOT_CONFIGURED, nothing stored or sent", async () => {
    const sentBefore = sandbox.requests.length;
    const storedBefore = await g.prisma.message.count();
    const response = await g.graphql(SEND_MUTATION, { input: textInput("biz-c", newRecipient(), { messageId: "unconfigured-1" }) });
    expectNoSecrets(response, [sandbox.apiKey, otherKey]);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    const error = response.errors![0]!;
    expect(error.extensions?.code).toBe("BUSINESS_NOT_CONFIGURED");
    expect(error.extensions?.field).toBe("input.businessId");
    expect(error.message).toMatch(/no Connectly API key for business biz-c/);
    expect(error.extensions).not.toHaveProperty("messageId");
    expect(await g.prisma.message.count()).toBe(storedBefore);
    expect(await g.prisma.message.count({ where: { businessId: "biz-c" } })).toBe(0);
    expect(sandbox.requests.length).toBe(sentBefore);
  });

  it("each business's own key is sent: biz-a's is accepted, biz-b's is refused", async () => {
    const before = sandbox.requests.length;
    await sendExpectingSuccess(g, textInput("biz-a"), [sandbox.apiKey, otherKey]);
    await sendExpectingFailure(
      g,
      textInput("biz-b"),
      { code: "UPSTREAM_UNAUTHENTICATED", message: /HTTP 401/, upstreamStatus: 401 },
      [sandbox.apiKey, otherKey],
    );
    expect(sandbox.requests.slice(before).map(({ businessId, authorized, status }) => ({ businessId, authorized, status }))).toEqual([
      { businessId: "biz-a", authorized: true, status: 200 },
      { businessId: "biz-b", authorized: false, status: 401 },
    ]);
  });
});
