/**
 * Issue 15: one rule per value at every entry point. The queries' and the subscription's arguments
 * follow the same rules as sendSessionMessage's values (businessId's pattern, campaignName's 128
 * characters, no NUL or lone surrogate anywhere), and every refusal — ours or GraphQL's own
 * coercion — carries the same extensions: code, field, rule and issues.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { SEND_MUTATION, startTestGateway, type GraphQLResponse, type TestGateway } from "./support/gateway.js";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway("input-values");
});
afterAll(() => t?.close());

type Extensions = Record<string, unknown>;

/** The error's extensions, checked to have the one input-error shape: field and rule, repeated as the first issue. */
function inputError(response: GraphQLResponse, code = "BAD_USER_INPUT"): Extensions {
  expect(response.status).toBeLessThan(500);
  const error = response.errors?.[0];
  expect(error, "an error is returned").toBeDefined();
  const extensions = error!.extensions ?? {};
  expect(extensions.code).toBe(code);
  expect(typeof extensions.field).toBe("string");
  expect(typeof extensions.rule).toBe("string");
  expect((extensions.issues as unknown[])[0]).toEqual({ field: extensions.field, rule: extensions.rule, message: expect.any(String) });
  return extensions;
}

const MESSAGES = /* GraphQL */ `
  query ($filter: MessageFilter!, $first: Int) {
    messages(filter: $filter, first: $first) {
      edges {
        cursor
      }
    }
  }
`;

describe("query arguments follow the values' rules", () => {
  it.each([
    ["first: 101", { filter: { businessId: "b" }, first: 101 }, "first", "PAGE_SIZE"],
    ["first: 0", { filter: { businessId: "b" }, first: 0 }, "first", "PAGE_SIZE"],
    ["a businessId with a space and '!' (send's pattern)", { filter: { businessId: "bad id!" } }, "filter.businessId", "BUSINESS_ID_FORMAT"],
    ["a businessId with NUL", { filter: { businessId: "b\u0000" } }, "filter.businessId", "NO_NUL"],
    ["a campaignName of 129 characters (send allows 128)", { filter: { businessId: "b", campaignName: "c".repeat(129) } }, "filter.campaignName", "MAX_LENGTH"],
    ["an empty campaignName", { filter: { businessId: "b", campaignName: "" } }, "filter.campaignName", "NOT_BLANK"],
    ["a campaignName with a lone surrogate", { filter: { businessId: "b", campaignName: "\ud800" } }, "filter.campaignName", "UNPAIRED_SURROGATE"],
    ["a recipient that is not E.164", { filter: { businessId: "b", recipient: "6044441111" } }, "filter.recipient", "E164"],
  ])("messages: %s is BAD_USER_INPUT with field and rule", async (_label, variables, field, rule) => {
    const extensions = inputError(await t.graphql(MESSAGES, variables));
    expect(extensions).toMatchObject({ field, rule });
  });

  it("messages: a campaignName of 128 characters and first: 100 pass", async () => {
    const response = await t.graphql(MESSAGES, { filter: { businessId: "b", campaignName: "c".repeat(128) }, first: 100 });
    expect(response.errors).toBeUndefined();
  });

  it.each([
    ["customer businessId", `query($v: ID!) { customer(businessId: $v, id: "+16044441111") { id } }`, "bad id!", "businessId", "BUSINESS_ID_FORMAT"],
    ["customer id with NUL", `query($v: String!) { customer(businessId: "b", id: $v) { id } }`, "+1604\u00004441111", "id", "NO_NUL"],
    ["message id with NUL", `query($v: ID!) { message(id: $v) { id } }`, "01K\u0000", "id", "NO_NUL"],
    [
      "messageByConnectlyId with a lone surrogate",
      `query($v: ID!) { messageByConnectlyId(connectlyId: $v) { id } }`,
      "\udfff",
      "connectlyId",
      "UNPAIRED_SURROGATE",
    ],
  ])("%s is BAD_USER_INPUT, not a database error", async (_label, query, v, field, rule) => {
    expect(inputError(await t.graphql(query, { v }))).toMatchObject({ field, rule });
  });
});

describe("the subscription's arguments follow the values' rules (over graphql-ws)", () => {
  const clients: Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map(async (c) => c.dispose()));
  });

  it.each([
    ['businessId: "bad id!"', { businessId: "bad id!" }, "businessId", "BUSINESS_ID_FORMAT"],
    ['campaignName: ""', { businessId: "b", campaignName: "" }, "campaignName", "NOT_BLANK"],
    ["a campaignName of 129 characters", { businessId: "b", campaignName: "c".repeat(129) }, "campaignName", "MAX_LENGTH"],
    ["a messageId with NUL", { messageId: "01K\u0000" }, "messageId", "NO_NUL"],
  ])("%s: an error for that subscription, BAD_USER_INPUT with field and rule; nothing left open", async (_label, variables, field, rule) => {
    const client = createClient({ url: `${t.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    clients.push(client);
    const iterator = client.iterate({
      query: /* GraphQL */ `
        subscription ($messageId: ID, $businessId: ID, $campaignName: String) {
          messageStatusChanged(messageId: $messageId, businessId: $businessId, campaignName: $campaignName) {
            status
          }
        }
      `,
      variables,
    });
    const step = await iterator.next();
    expect(step.done).toBe(false);
    const result = step.value as GraphQLResponse;
    expect(result.data ?? null).toBeNull();
    expect(inputError({ ...result, status: 200 })).toMatchObject({ field, rule });
    expect(t.gateway.pubsub.subscriptions).toBe(0);
  });
});

describe("GraphQL's own coercion errors carry field, rule and issues", () => {
  const BASE = { businessId: "biz-iv", recipient: { id: "+16044441111" }, content: { text: "hi" } };

  it.each([
    ["two @oneOf fields", { ...BASE, content: { text: "a", location: { latitude: 1, longitude: 2 } } }, "input.content", "ONE_OF"],
    ["a wrong enum case", { ...BASE, order: { strategy: "independent" } }, "input.order.strategy", "ENUM_VALUE"],
    ["null for a required field", { ...BASE, recipient: null }, "input.recipient", "REQUIRED"],
    ["an unknown input field", { ...BASE, colour: "red" }, "input.colour", "UNKNOWN_FIELD"],
    ["a wrong scalar type", { ...BASE, content: { location: { latitude: "north", longitude: 1 } } }, "input.content.location.latitude", "GRAPHQL_COERCION"],
  ])("in variables, %s: BAD_USER_INPUT", async (_label, input, field, rule) => {
    const extensions = inputError(await t.graphql(SEND_MUTATION, { input }));
    expect(extensions).toMatchObject({ field, rule });
  });

  it("a missing required variable names the variable", async () => {
    expect(inputError(await t.graphql(SEND_MUTATION, {}))).toMatchObject({ field: "input", rule: "REQUIRED" });
  });

  const literal = (input: string) => `mutation { sendSessionMessage(input: ${input}) { __typename } }`;
  const batch = (input: string) =>
    `mutation { sendSessionMessages(inputs: [{ businessId: "b", recipient: { id: "+16044441111" }, content: { text: "a" } }, ${input}]) { failedCount } }`;
  const B = `businessId: "b", recipient: { id: "+16044441111" }`;

  it.each([
    ["two @oneOf fields", literal(`{ ${B}, content: { text: "a", location: { latitude: 1, longitude: 2 } } }`), "input.content", "ONE_OF"],
    ["a wrong enum case", literal(`{ ${B}, content: { text: "a" }, order: { strategy: independent } }`), "input.order.strategy", "ENUM_VALUE"],
    ["a missing required field", literal(`{ businessId: "b", content: { text: "a" } }`), "input", "REQUIRED"],
    ["an unknown input field", literal(`{ ${B}, content: { text: "a" }, colour: "red" }`), "input.colour", "UNKNOWN_FIELD"],
    [
      "a wrong scalar type",
      literal(`{ ${B}, content: { location: { latitude: "north", longitude: 1 } } }`),
      "input.content.location.latitude",
      "GRAPHQL_COERCION",
    ],
    [
      "a wrong enum in the second input of a batch",
      batch(`{ ${B}, content: { attachment: { type: image, url: "https://example.com/a.png" } } }`),
      "inputs[1].content.attachment.type",
      "ENUM_VALUE",
    ],
  ])("in literals, %s: GRAPHQL_VALIDATION_FAILED with the literal's path", async (_label, query, field, rule) => {
    const extensions = inputError(await t.graphql(query), "GRAPHQL_VALIDATION_FAILED");
    expect(extensions).toMatchObject({ field, rule });
  });

  it("other validation errors (an unknown root field) are left as they were", async () => {
    const response = await t.graphql(`{ nope }`);
    expect(response.errors?.[0]?.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
  });
});
