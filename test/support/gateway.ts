/**
 * Starts the whole gateway for a test file: its own database, the built-in sandbox as upstream,
 * the HTTP server on a free port. Tests talk to it over real HTTP.
 */
import { expect } from "vitest";
import type { Config } from "../../src/config/config.js";
import { startGateway, type Gateway } from "../../src/server/gateway.js";
import type { Sandbox } from "../../src/sandbox/sandbox.js";
import { createTestDatabase } from "./database.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  readonly gateway: Gateway;
  readonly sandbox: Sandbox;
  readonly url: string;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The webhook secret test gateways are configured with. */
export const TEST_WEBHOOK_SECRET = "test-webhook-secret-0123456789";

export function testConfig(database: Config["database"], overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    logLevel: "silent",
    shutdownTimeoutMs: 30_000,
    database,
    // The sandbox's status webhooks are off unless a test asks for them, so each test sees only what it provoked.
    connectly: { mode: "sandbox", sandboxPort: 0, statusEvents: false, failureRate: 0, statusDelayMs: 5 },
    connectlyHttp: { connectTimeoutMs: 2_000, headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000, connections: 16 },
    // One attempt unless a test asks for retries, so each test sees the upstream answer it provoked.
    outbound: { perSecond: 200, burst: 200, marginMs: 0, countUntil: "answer", maxQueue: 2000, retry: { maxAttempts: 1, deadlineMs: 10_000, minBackoffMs: 10, maxBackoffMs: 100 } },
    redisUrl: undefined,
    pubsub: "memory",
    webhooks: { secrets: [TEST_WEBHOOK_SECRET], businessSecrets: new Map(), maxBytes: 262_144 },
    // Auth off unless a test turns it on (auth.test.ts does).
    auth: undefined,
    metricsToken: undefined,
    tracing: undefined,
    graphql: {
      introspection: true,
      landingPage: true,
      limits: { maxDepth: 15, maxCost: 100_000, maxAliases: 15, maxDirectives: 50, maxTokens: 5_000 },
      bodyLimitBytes: 1_048_576,
      queryTimeoutMs: 10_000,
      production: false,
    },
    // High enough that only a test of the request rate limit meets it.
    http: { requestRate: { max: 100_000, windowMs: 1000 }, corsOrigins: [] },
    ws: { maxSubscriptionsPerConnection: 100, maxConnectionsPerPrincipal: 20, maxPendingChanges: 1000 },
    ...overrides,
  };
}

export async function postGraphQL<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}

/** Waits until the gateway's pub/sub holds `count` subscriptions (a subscription is live once its listener is registered). */
export async function subscriptionsReach(gateway: Gateway, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (gateway.pubsub.subscriptions !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} subscriptions, have ${gateway.pubsub.subscriptions}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function startTestGateway(label: string, overrides: Partial<Config> = {}): Promise<TestGateway> {
  const database = await createTestDatabase(label);
  const gateway = await startGateway(testConfig(database.config, overrides)).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  if (!gateway.sandbox) {
    await gateway.close();
    await database.drop();
    throw new Error("startTestGateway runs against the built-in sandbox; use startGateway for live mode");
  }
  return {
    gateway,
    sandbox: gateway.sandbox,
    url: gateway.url,
    graphql: (query, variables) => postGraphQL(gateway.url, query, variables),
    close: async () => {
      await gateway.close();
      await database.drop();
    },
  };
}

/** The selection used by tests: every field of Message, content included. */
export const MESSAGE_FIELDS = /* GraphQL */ `
  id messageId connectlyId businessId status attempts createdAt updatedAt callbackData campaignName
  recipient { id userId name }
  sender { id name }
  order { parentId strategy }
  error { code message upstreamStatus }
  content {
    __typename
    ... on TextContent { text }
    ... on AttachmentContent { attachment { type url caption filename } }
    ... on LocationContent { location { latitude longitude name address } }
    ... on ListMessageContent { listMessage { header { text attachment { type url filename } } body footer button sections { title rows { id text description } } } }
    ... on ReplyButtonMessageContent { replyButtonMessage { header { text attachment { type url filename } } body footer buttons { id text } } }
    ... on SingleProductMessageContent { singleProductMessage { body footer catalogId productRetailerId } }
    ... on MultiProductMessageContent { multiProductMessage { header body footer catalogId sections { title productItems { productRetailerId } } } }
  }
`;

export const SEND_MUTATION = /* GraphQL */ `
  mutation Send($input: SendSessionMessageInput!) {
    sendSessionMessage(input: $input) { message { ${MESSAGE_FIELDS} } }
  }
`;

/** Expects sendSessionMessage to have succeeded with an ACCEPTED message, and returns that message. */
export function acceptedMessage<M extends { status: string }>(response: GraphQLResponse<{ sendSessionMessage: { message: M } }>): M {
  expect(response.errors).toBeUndefined();
  const message = response.data!.sendSessionMessage.message;
  expect(message.status).toBe("ACCEPTED");
  return message;
}
