/**
 * Every way Connectly (or the road to it) can fail, end to end over real HTTP: the result's error type
 * with its stable code, a human message, failedMessage naming the stored message, Connectly's own
 * words, the stored row FAILED with that code and Connectly's HTTP status, and no API key anywhere in the answer.
 * Faults come from the sandbox's injectFaults; the "real" cases use a second sandbox behind a gateway
 * in live mode (a wrong key, a strict rate limit), or a port nothing listens on.
 */
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Config } from "../src/config/config.js";
import { startSandbox, type Fault, type Sandbox } from "../src/sandbox/sandbox.js";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { createTestDatabase } from "./support/database.js";
import type { ErrorCode } from "./generated/graphql.js";
import { startTestGateway, testConfig, type GraphQLResponse, type TestGateway } from "./support/gateway.js";
import { expectResult, sendResponse, type ResultOf, type SendResult, type SendSessionMessageInput as TestInput } from "./support/send.js";

type Prisma = Gateway["database"]["prisma"];

/** What a test talks to: a gateway's base URL and its database. */
interface Target {
  readonly url: string;
  readonly prisma: Prisma;
}

interface RunningGateway extends Target {
  close(): Promise<void>;
}

const HOUR = 60 * 60 * 1000;

const target = (g: TestGateway): Target => ({ url: g.url, prisma: g.gateway.database.prisma });

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
    url: gateway.url,
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

const textInput = (businessId: string, recipientId: string = newRecipient(), extra: Partial<TestInput> = {}): TestInput => ({
  businessId,
  recipient: { id: recipientId },
  content: { text: "Your order has shipped." },
  ...extra,
});

function expectNoSecrets(response: GraphQLResponse<unknown>, secrets: readonly string[]): void {
  const json = JSON.stringify(response);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(0);
    expect(json).not.toContain(secret);
  }
}

/** Sends the input, checks that no secret is anywhere in the answer, and returns the result. */
async function sendChecked(g: Target, input: TestInput, secrets: readonly string[]): Promise<SendResult> {
  const response = await sendResponse(g, input);
  expectNoSecrets(response, secrets);
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  return response.data!.sendSessionMessage;
}

/** Connectly's words when no answer came. */
const NO_ANSWER = { status: null, type: null, code: null, message: null };

/** The error types of a send that got as far as storing the message. */
type StoredFailure = "SessionWindowClosedError" | "UpstreamRateLimitedError" | "UpstreamError";

interface Expected {
  readonly code: ErrorCode;
  /** What the human message must say. */
  readonly message: RegExp;
  /** Connectly's HTTP status on the stored row: null when no answer came. */
  readonly upstreamStatus: number | null;
  /** The stored row's status; FAILED unless a test says otherwise. */
  readonly status?: "FAILED" | "UNCONFIRMED";
}

/**
 * Sends the input, expects a `typename` result with the code, a human message and failedMessage
 * naming a stored FAILED row with the same code and status; returns the error.
 */
async function sendExpectingFailure<T extends StoredFailure>(
  g: Target,
  input: TestInput,
  typename: T,
  expected: Expected,
  secrets: readonly string[],
): Promise<ResultOf<T>> {
  const found = expectResult(await sendChecked(g, input, secrets), typename);
  const error: ResultOf<StoredFailure> = found;
  expect(error.code).toBe(expected.code);
  expect(error.message).toMatch(expected.message);
  expect(error.message).not.toMatch(/^[A-Z_]+$/);
  const status = expected.status ?? "FAILED";
  expect(error.failedMessage).toMatchObject({
    businessId: input.businessId,
    status,
    connectlyId: null,
    error: { code: expected.code, message: error.message },
  });

  const row = await g.prisma.message.findUniqueOrThrow({ where: { id: error.failedMessage.id } });
  expect(row.businessId).toBe(input.businessId);
  expect(row.status).toBe(status);
  // An answer that may have come after Connectly stored the message leaves it UNCONFIRMED, and says so.
  expect("unconfirmed" in error ? error.unconfirmed : false).toBe(status === "UNCONFIRMED");
  expect(row.errorCode).toBe(expected.code);
  expect(row.errorMessage).toBe(error.message);
  expect(row.upstreamStatus).toBe(expected.upstreamStatus);
  expect(row.connectlyId).toBeNull();
  expect(row.attempts).toBe(1);
  return found;
}

/** Sends the input and expects it ACCEPTED; returns the stored message's id. */
async function sendExpectingSuccess(g: Target, input: TestInput, secrets: readonly string[]): Promise<string> {
  const message = expectResult(await sendChecked(g, input, secrets), "Message");
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
      const error = await sendExpectingFailure(
        g,
        textInput(business, customer),
        "SessionWindowClosedError",
        { code: "SESSION_WINDOW_CLOSED", message: /template message/, upstreamStatus: 400 },
        [t.sandbox.apiKey],
      );
      expect(error.message).toMatch(/24-hour/);
      expect(error.upstream).toEqual({
        status: 400,
        type: "ERROR_TYPE_INVALID_REQUEST",
        code: "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW",
        message: expect.any(String),
      });
      // The gateway has had no message from this customer (only the sandbox has): no window it knows of.
      expect(error.sessionWindow).toEqual({ open: false, expiresAt: null });
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
    const error = await withFault(
      { kind: "status", status: 400, body: { error: { type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_X", message: "recipient is not on WhatsApp" } } },
      () =>
        sendExpectingFailure(
          g,
          textInput(business),
          "UpstreamError",
          { code: "UPSTREAM_REJECTED", message: /recipient is not on WhatsApp/, upstreamStatus: 400 },
          [t.sandbox.apiKey],
        ),
    );
    expect(error.upstream).toEqual({ status: 400, type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_X", message: "recipient is not on WhatsApp" });
  });

  it("401: UPSTREAM_UNAUTHENTICATED", async () => {
    const error = await withFault(
      { kind: "status", status: 401, body: { error: { type: "ERROR_TYPE_UNAUTHENTICATED", code: "ERROR_CODE_INVALID_API_KEY", message: "API key revoked" } } },
      () =>
        sendExpectingFailure(g, textInput(business), "UpstreamError", { code: "UPSTREAM_UNAUTHENTICATED", message: /API key/, upstreamStatus: 401 }, [
          t.sandbox.apiKey,
        ]),
    );
    expect(error.upstream).toEqual({ status: 401, type: "ERROR_TYPE_UNAUTHENTICATED", code: "ERROR_CODE_INVALID_API_KEY", message: "API key revoked" });
  });

  it("429 with retry-after: 2: UPSTREAM_RATE_LIMITED with retryAfterSeconds 2", async () => {
    const error = await withFault(
      {
        kind: "status",
        status: 429,
        headers: { "retry-after": "2" },
        body: { error: { type: "ERROR_TYPE_RATE_LIMITED", code: "ERROR_CODE_RATE_LIMIT_EXCEEDED", message: "too many requests" } },
      },
      () =>
        sendExpectingFailure(
          g,
          textInput(business),
          "UpstreamRateLimitedError",
          { code: "UPSTREAM_RATE_LIMITED", message: /rate limit.*retry after 2 s/i, upstreamStatus: 429 },
          [t.sandbox.apiKey],
        ),
    );
    expect(error.retryAfterSeconds).toBe(2);
    expect(error.upstream).toEqual({ status: 429, type: "ERROR_TYPE_RATE_LIMITED", code: "ERROR_CODE_RATE_LIMIT_EXCEEDED", message: "too many requests" });
  });

  it("500: UPSTREAM_UNAVAILABLE", async () => {
    const error = await withFault(
      { kind: "status", status: 500, body: { error: { type: "ERROR_TYPE_INTERNAL", code: "ERROR_CODE_INTERNAL", message: "database on fire" } } },
      () =>
        sendExpectingFailure(
          g,
          textInput(business),
          "UpstreamError",
          { code: "UPSTREAM_UNAVAILABLE", message: /HTTP 500.*database on fire.*may have been accepted/, upstreamStatus: 500, status: "UNCONFIRMED" },
          [t.sandbox.apiKey],
        ),
    );
    expect(error.upstream).toEqual({ status: 500, type: "ERROR_TYPE_INTERNAL", code: "ERROR_CODE_INTERNAL", message: "database on fire" });
  });

  it("503 with a plain-text body: UPSTREAM_UNAVAILABLE, the text as Connectly's message", async () => {
    const error = await withFault({ kind: "status", status: 503, body: "Service Unavailable" }, () =>
      sendExpectingFailure(g, textInput(business), "UpstreamError", { code: "UPSTREAM_UNAVAILABLE", message: /HTTP 503/, upstreamStatus: 503 }, [
        t.sandbox.apiKey,
      ]),
    );
    expect(error.upstream).toEqual({ ...NO_ANSWER, status: 503, message: "Service Unavailable" });
  });

  it("a connection reset: UPSTREAM_UNAVAILABLE without an upstream status", async () => {
    const error = await withFault({ kind: "reset" }, () =>
      sendExpectingFailure(
        g,
        textInput(business),
        "UpstreamError",
        { code: "UPSTREAM_UNAVAILABLE", message: /could not be reached/, upstreamStatus: null, status: "UNCONFIRMED" },
        [t.sandbox.apiKey],
      ),
    );
    expect(error.upstream).toEqual(NO_ANSWER);
    // The gateway recovers: the next message goes through on a new connection.
    await sendExpectingSuccess(g, textInput(business), [t.sandbox.apiKey]);
  });

  it("a 200 without an id: UPSTREAM_INVALID_RESPONSE", async () => {
    const error = await withFault({ kind: "status", status: 200, body: {} }, () =>
      sendExpectingFailure(
        g,
        textInput(business),
        "UpstreamError",
        { code: "UPSTREAM_INVALID_RESPONSE", message: /without a message id/, upstreamStatus: 200, status: "UNCONFIRMED" },
        [t.sandbox.apiKey],
      ),
    );
    expect(error.upstream).toEqual({ ...NO_ANSWER, status: 200 });
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

    const error = await sendExpectingFailure(
      target(t),
      textInput("biz-timeout"),
      "UpstreamError",
      { code: "UPSTREAM_UNAVAILABLE", message: /no answer came in time/, upstreamStatus: null, status: "UNCONFIRMED" },
      [t.sandbox.apiKey],
    );
    expect(error.upstream).toEqual(NO_ANSWER);
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
    const error = await sendExpectingFailure(
      g,
      textInput("biz-refused"),
      "UpstreamError",
      { code: "UPSTREAM_UNAVAILABLE", message: /connection was refused/, upstreamStatus: null },
      [apiKey],
    );
    expect(error.upstream).toEqual(NO_ANSWER);
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
    const error = await sendExpectingFailure(
      g,
      textInput("biz-wrong-key"),
      "UpstreamError",
      { code: "UPSTREAM_UNAUTHENTICATED", message: /refused the gateway's API key \(HTTP 401\)/, upstreamStatus: 401 },
      [wrongKey, sandbox.apiKey],
    );
    expect(error.upstream).toEqual({
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
    const error = await sendExpectingFailure(
      g,
      textInput("biz-rate"),
      "UpstreamRateLimitedError",
      { code: "UPSTREAM_RATE_LIMITED", message: /retry after 1 s/, upstreamStatus: 429 },
      [sandbox.apiKey],
    );
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.upstream).toEqual({
      status: 429,
      type: "ERROR_TYPE_RATE_LIMITED",
      code: "ERROR_CODE_RATE_LIMIT_EXCEEDED",
      message: "Rate limit exceeded (2 req/s).",
    });
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
    const result = await sendChecked(g, textInput("biz-c", newRecipient(), { messageId: "unconfigured-1" }), [sandbox.apiKey, otherKey]);
    expect(result).toEqual({ __typename: "BusinessNotConfiguredError", code: "BUSINESS_NOT_CONFIGURED", message: expect.any(String), businessId: "biz-c" });
    expect(expectResult(result, "BusinessNotConfiguredError").message).toMatch(/no Connectly API key for business biz-c/);
    expect(await g.prisma.message.count()).toBe(storedBefore);
    expect(await g.prisma.message.count({ where: { businessId: "biz-c" } })).toBe(0);
    expect(sandbox.requests.length).toBe(sentBefore);
  });

  it("each business's own key is sent: biz-a's is accepted, biz-b's is refused", async () => {
    const before = sandbox.requests.length;
    await sendExpectingSuccess(g, textInput("biz-a"), [sandbox.apiKey, otherKey]);
    await sendExpectingFailure(g, textInput("biz-b"), "UpstreamError", { code: "UPSTREAM_UNAUTHENTICATED", message: /HTTP 401/, upstreamStatus: 401 }, [
      sandbox.apiKey,
      otherKey,
    ]);
    expect(sandbox.requests.slice(before).map(({ businessId, authorized, status }) => ({ businessId, authorized, status }))).toEqual([
      { businessId: "biz-a", authorized: true, status: 200 },
      { businessId: "biz-b", authorized: false, status: 401 },
    ]);
  });
});
