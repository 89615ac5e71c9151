/**
 * Starts the whole gateway for a test file: its own database, the built-in sandbox as upstream,
 * the HTTP server on a free port. Tests talk to it over real HTTP.
 */
import { print } from "graphql";
import { expect } from "vitest";
import { loadConfig, type Config } from "../../src/config/config.js";
import { startGateway, type Gateway, type GatewayOptions } from "../../src/server/gateway.js";
import type { Sandbox } from "../../src/sandbox/sandbox.js";
import { SendSessionMessageDocument, type SendSessionMessageMutation } from "../generated/graphql.js";
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

/**
 * The configuration loadConfig reads from the variables an operator would set (never from the
 * machine's environment), on `database`, with `overrides`. Test gateways differ from the defaults
 * in: the sandbox's status webhooks off (each test sees only what it provoked), one attempt per
 * message (each test sees the upstream answer it provoked), a burst as high as the rate, and a
 * request rate limit only a test of it meets. Auth stays off unless a test turns it on (auth.test.ts does).
 */
export function testConfig(database: Config["database"], overrides: Partial<Config> = {}): Config {
  const config = loadConfig({
    PORT: "0",
    LOG_LEVEL: "silent",
    SANDBOX_STATUS_EVENTS: "false",
    SANDBOX_FAILURE_RATE: "0",
    SANDBOX_STATUS_DELAY_MS: "5",
    CONNECTLY_CONNECT_TIMEOUT_MS: "2000",
    CONNECTLY_TIMEOUT_MS: "5000",
    CONNECTLY_CONNECTIONS: "16",
    CONNECTLY_RATE_BURST: "200",
    CONNECTLY_RATE_MARGIN_MS: "0",
    CONNECTLY_MAX_ATTEMPTS: "1",
    CONNECTLY_DEADLINE_MS: "10000",
    CONNECTLY_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    REQUEST_RATE_LIMIT: "100000",
  });
  // Retries, when a test asks for them, back off quickly: the backoff bounds are not variables.
  const retry = { ...config.outbound.retry, minBackoffMs: 10, maxBackoffMs: 100 };
  return { ...config, database, outbound: { ...config.outbound, retry }, ...overrides };
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

/** Waits until the gateway holds `count` customerActivity subscriptions (live once its listener is registered). */
export async function activitySubscriptionsReach(gateway: Gateway, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (gateway.activity.subscriptions !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} activity subscriptions, have ${gateway.activity.subscriptions}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function startTestGateway(label: string, overrides: Partial<Config> = {}, options: GatewayOptions = {}): Promise<TestGateway> {
  const database = await createTestDatabase(label);
  const gateway = await startGateway(testConfig(database.config, overrides), options).catch(async (error: unknown) => {
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

/** The single send with every member of its result union (test/operations/send.graphql), as a string. */
export const SEND_MUTATION = print(SendSessionMessageDocument);

/** Expects sendSessionMessage to have returned an ACCEPTED Message, and returns that message. */
export function acceptedMessage(
  response: GraphQLResponse<SendSessionMessageMutation>,
): Extract<SendSessionMessageMutation["sendSessionMessage"], { __typename: "Message" }> {
  expect(response.errors).toBeUndefined();
  const result = response.data!.sendSessionMessage;
  expect(result).toMatchObject({ __typename: "Message", status: "ACCEPTED" });
  if (result.__typename !== "Message") throw new Error(`expected a Message, got ${result.__typename}`);
  return result;
}
