/**
 * Property: whatever document and variables a client sends over graphql-ws (random GraphQL tokens,
 * random names, variables of any code points and numbers, documents past the token limit), the
 * answer is never INTERNAL_SERVER_ERROR, the socket is never closed by it, and a live subscription
 * on the same socket still hears a change at the end. FC_RUNS raises the number of runs (CI: small).
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client, type SubscribePayload } from "graphql-ws";
import WebSocket from "ws";
import type { Gateway } from "../src/server/gateway.js";
import { startTestGateway, subscriptionsReach, type TestGateway } from "./support/gateway.js";
import { sendAccepted } from "./support/send.js";

const RUNS = Number(process.env.FC_RUNS ?? 60);

type Errors = readonly { message: string; extensions?: Record<string, unknown> }[];
type Outcome = { kind: "errors"; errors: Errors } | { kind: "done"; results: { errors?: Errors }[] } | { kind: "live"; results: { errors?: Errors }[] };

/** Resolves once `gateway` holds more than `base` subscriptions, unless `settled()` first says the operation ended. */
async function becameLive(gateway: Gateway, base: number, settled: () => boolean): Promise<void> {
  while (!settled() && gateway.pubsub.subscriptions <= base) await new Promise((resolve) => setImmediate(resolve));
}

/** Sends one operation and reports how it ended: an `error` message, a completion, or a live subscription (then ended). */
async function send(client: Client, gateway: Gateway, base: number, payload: SubscribePayload): Promise<Outcome> {
  const results: { errors?: Errors }[] = [];
  let settled = false;
  let unsubscribe = () => {};
  const ended = new Promise<Outcome>((resolve, reject) => {
    unsubscribe = client.subscribe(payload, {
      next: (value) => void results.push(value as { errors?: Errors }),
      error: (error) => {
        settled = true;
        if (Array.isArray(error)) resolve({ kind: "errors", errors: error as Errors });
        else reject(error instanceof Error ? error : new Error(`socket closed: ${JSON.stringify(error, ["code", "reason"])}`));
      },
      complete: () => {
        settled = true;
        resolve({ kind: "done", results });
      },
    });
  });
  const live = becameLive(gateway, base, () => settled).then(() => (settled ? undefined : ({ kind: "live", results } as const)));
  const first = await Promise.race([ended, live.then((outcome) => outcome ?? ended)]);
  if (first.kind === "live") {
    unsubscribe();
    await subscriptionsReach(gateway, base);
  }
  return first;
}

// GraphQL's punctuation and keywords, the schema's own names, and odd lexemes.
const token = fc.oneof(
  fc.constantFrom(
    "subscription",
    "query",
    "fragment",
    "on",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ":",
    "$",
    "!",
    "@",
    "...",
    "=",
    ",",
    "|",
    "&",
    "#c\n",
    '"x"',
    '""""""',
    '"""b"""',
    "1",
    "-0.5e9",
    "true",
    "null",
  ),
  fc.constantFrom(
    "messageStatusChanged",
    "messageId",
    "businessId",
    "campaignName",
    "status",
    "deliveryStatus",
    "message",
    "event",
    "id",
    "__typename",
    "__schema",
    "$id",
    "$b",
    "ID",
    "ID!",
    "String",
    "@include(if: true)",
    "@skip",
  ),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.stringMatching(/^[_A-Za-z][_0-9A-Za-z]{0,10}$/),
);
const randomDocument = fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join(" "));
// Lone surrogates and NUL as well as any code point.
const anyString = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 8 }));
const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.bigInt().map((n) => Number(n)),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2),
);
const anyValue = fc.oneof(anyString, anyNumber, fc.jsonValue({ maxDepth: 3 }), fc.constant(null));
const variables = fc.option(
  fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom("id", "b", "c"), anyString), anyValue, { maxKeys: 4 }),
    // The templates' own variables, with strings of any code points: these reach the resolvers.
    fc.record({ id: anyString, b: anyString, c: anyString }, { requiredKeys: [] }),
  ),
  { nil: undefined },
);
// Well-formed subscriptions whose arguments come from the variables: what reaches the resolvers.
const template = fc.constantFrom(
  `subscription($id: ID!) { messageStatusChanged(messageId: $id) { status } }`,
  `subscription($id: ID, $b: ID, $c: String) { messageStatusChanged(messageId: $id, businessId: $b, campaignName: $c) { status message { id } } }`,
  `subscription S($b: ID!) { messageStatusChanged(businessId: $b) { deliveryStatus } }`,
);
const hugeDocument = fc
  .tuple(fc.constantFrom("__typename ", "{ ", "a: status ", "# comment\n", '"s" '), fc.integer({ min: 4_000, max: 60_000 }))
  .map(([unit, times]) => `subscription { messageStatusChanged(businessId: "b") { ${unit.repeat(times)} } }`);

const payload: fc.Arbitrary<SubscribePayload> = fc.record(
  {
    query: fc.oneof({ weight: 3, arbitrary: randomDocument }, { weight: 3, arbitrary: template }, { weight: 1, arbitrary: hugeDocument }),
    variables,
    operationName: fc.option(fc.oneof(fc.constant("S"), anyString), { nil: undefined }),
  },
  { requiredKeys: ["query"] },
);

const codesOf = (outcome: Outcome): unknown[] =>
  (outcome.kind === "errors" ? outcome.errors : outcome.results.flatMap((r) => r.errors ?? [])).map((e) => e.extensions?.code);

describe("graphql-ws: arbitrary operations beside a live subscription", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("ws_properties");
  });
  afterAll(() => t?.close());

  it(`never INTERNAL_SERVER_ERROR, never a closed socket, and the live subscription still hears a change (${RUNS} runs)`, { timeout: 120_000 }, async () => {
    const closes: unknown[] = [];
    const client = createClient({
      url: `${t.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
      on: { closed: (event) => void closes.push(event) },
    });
    const businessId = `biz-prop-${randomBytes(4).toString("hex")}`;
    const good = client.iterate<{ messageStatusChanged: { message: { id: string } } }>({
      query: `subscription($b: ID!) { messageStatusChanged(businessId: $b) { message { id } } }`,
      variables: { b: businessId },
    });
    await subscriptionsReach(t.gateway, 1);

    const kinds = { errors: 0, done: 0, live: 0 };
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const outcome = await send(client, t.gateway, 1, p);
        kinds[outcome.kind]++;
        expect(codesOf(outcome)).not.toContain("INTERNAL_SERVER_ERROR");
        expect(codesOf(outcome)).not.toContain(undefined);
        expect(closes).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // The generators reach refusals and operations that ran (or went live), not only one of them.
    expect(kinds.errors).toBeGreaterThan(0);
    expect(kinds.done + kinds.live).toBeGreaterThan(0);

    const sent = await sendAccepted(t, { businessId, recipient: { id: "+16045550199" }, content: { text: "Hello" } });
    const heard = await good.next();
    expect(heard.done).toBe(false);
    expect(heard.value?.data?.messageStatusChanged.message.id).toBe(sent.id);
    expect(closes).toEqual([]);
    await good.return?.();
    await client.dispose();
  });
});
