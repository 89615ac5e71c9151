/**
 * Delivery status read back over real HTTP: the order of meaning for every order of arrival of
 * sent / delivered / read / delivery_failed (one after another and all at once), the queries
 * (message, messageByConnectlyId, messages with each filter and Relay paging, their input rules),
 * and the DataLoader promise: a page of messages with their histories costs the same few SQL
 * statements whether it holds 10 messages or 100 (counted with the database's statement hook).
 * Every test has its own businessId.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../src/config/config.js";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { DeliveredMessageDocument, type DeliveredMessagesQueryVariables, type DeliveryStatus } from "./generated/graphql.js";
import { postGraphQL, startTestGateway, testConfig, type TestGateway } from "./support/gateway.js";
import {
  messageByConnectlyId,
  messagesPage,
  messagesResponse,
  readMessage,
  sendText,
  sendTextResult,
  type Delivered,
  type MessagesPage,
} from "./support/messages.js";
import { execute, sendBatch } from "./support/send.js";
import { expectAcknowledged, postSignedEvent, statusEvent, type StatusWord } from "./support/webhooks.js";

const STATUS_OF: Record<StatusWord, DeliveryStatus> = { sent: "SENT", delivered: "DELIVERED", delivery_failed: "FAILED", read: "READ" };
/** The order of meaning, written out here so a mistake in the gateway's own table shows. */
const RANK: Record<DeliveryStatus, number> = { SENT: 1, DELIVERED: 2, FAILED: 3, READ: 4 };
/** When each event happened, seconds after the message's base time: the order they really happened in. */
const OFFSET: Record<StatusWord, number> = { sent: 0, delivered: 5, delivery_failed: 7, read: 60 };
const FAILURE = { type: "ERROR_TYPE_DELIVERY_FAILED", code: "ERROR_CODE_RECIPIENT_UNREACHABLE", message: "Unreachable." };

let seq = 0;
const freshBusiness = (label: string) => `biz-dq-${label}-${seq++}-${randomBytes(3).toString("hex")}`;
const customerNumber = () => `+1604888${String(1000 + (seq++ % 9000))}`;

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** A delivery_status event as Connectly posts it; delivery_failed carries FAILURE. */
const event = (connectlyId: string, word: StatusWord, at: number) => statusEvent(connectlyId, word, at, { error: word === "delivery_failed" ? FAILURE : null });

/** The furthest of a set of events in the order of meaning. */
const furthest = (words: readonly StatusWord[]): DeliveryStatus => words.map((w) => STATUS_OF[w]).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));

describe("delivery status and the queries that read it", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("delivery-queries");
  });
  afterAll(() => t?.close());
  /** Sends a text message to a new customer (or `recipient`); expects it ACCEPTED. */
  const send = (businessId: string, extra: Parameters<typeof sendText>[3] = {}, recipient = customerNumber()) => sendText(t, businessId, recipient, extra);

  describe("every order of arrival gives the same answer", () => {
    const base = Math.floor(Date.now() / 1000) - 3600;
    const cases: { label: string; words: StatusWord[] }[] = [
      ...permutations<StatusWord>(["sent", "delivered", "read", "delivery_failed"]).map((words) => ({ label: words.join(" → "), words })),
      ...permutations<StatusWord>(["sent", "delivered", "read"]).map((words) => ({ label: words.join(" → "), words })),
      ...permutations<StatusWord>(["sent", "delivery_failed"]).map((words) => ({ label: words.join(" → "), words })),
      ...permutations<StatusWord>(["delivered", "delivery_failed"]).map((words) => ({ label: words.join(" → "), words })),
      ...permutations<StatusWord>(["delivery_failed", "read"]).map((words) => ({ label: words.join(" → "), words })),
    ];

    it.each(cases)("one after another: $label", async ({ words }) => {
      const businessId = freshBusiness("order");
      const sent = await send(businessId);
      const seen: StatusWord[] = [];
      for (const word of words) {
        expectAcknowledged(await postSignedEvent(t.url, businessId, event(sent.connectlyId, word, base + OFFSET[word])));
        seen.push(word);
        // Never backwards: after each event the status is the furthest of the events so far.
        expect((await readMessage(t, sent.id)).deliveryStatus).toBe(furthest(seen));
      }
      const final = await readMessage(t, sent.id);
      const expected = furthest(words);
      const byTime = [...words].sort((a, b) => OFFSET[a] - OFFSET[b]);
      expect(final.deliveryStatus).toBe(expected);
      expect(final.status).toBe("ACCEPTED");
      expect(final.deliveryStatusAt).toBe(new Date((base + OFFSET[words.find((w) => STATUS_OF[w] === expected)!]) * 1000).toISOString());
      expect(final.deliveryError).toEqual(expected === "FAILED" ? { code: "ERROR_CODE_RECIPIENT_UNREACHABLE", message: "Unreachable." } : null);
      // The history is every event once, in the order they happened (not the order they arrived).
      expect(final.statusHistory.map((e) => e.status)).toEqual(byTime.map((w) => STATUS_OF[w]));
      expect(final.statusHistory.map((e) => e.occurredAt)).toEqual(byTime.map((w) => new Date((base + OFFSET[w]) * 1000).toISOString()));

      // Every event again, in reverse: all duplicates, nothing changes.
      for (const word of [...words].reverse()) {
        expect((await postSignedEvent(t.url, businessId, event(sent.connectlyId, word, base + OFFSET[word]))).body.duplicate).toBe(true);
      }
      expect(await readMessage(t, sent.id)).toEqual(final);
    });

    it.each(permutations<StatusWord>(["sent", "delivered", "read", "delivery_failed"]).map((words) => ({ label: words.join(" → "), words })))(
      "all at once (each posted twice): $label",
      async ({ words }) => {
        const businessId = freshBusiness("burst");
        const sent = await send(businessId);
        const answers = await Promise.all(
          [...words, ...words].map((word) => postSignedEvent(t.url, businessId, event(sent.connectlyId, word, base + OFFSET[word]))),
        );
        expect(answers.every((a) => a.status === 200)).toBe(true);
        // Each event is new exactly once.
        expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(words.length);
        const final = await readMessage(t, sent.id);
        expect(final.deliveryStatus).toBe("READ");
        expect(final.deliveryStatusAt).toBe(new Date((base + OFFSET.read) * 1000).toISOString());
        expect(final.deliveryError).toBeNull();
        expect(final.statusHistory.map((e) => e.status)).toEqual(["SENT", "DELIVERED", "FAILED", "READ"]);
      },
    );

    it("a failure is final: delivered after it leaves FAILED; the failure's error is kept", async () => {
      const businessId = freshBusiness("final");
      const sent = await send(businessId);
      await postSignedEvent(t.url, businessId, event(sent.connectlyId, "delivery_failed", base + 10));
      await postSignedEvent(t.url, businessId, event(sent.connectlyId, "delivered", base + 20));
      await postSignedEvent(t.url, businessId, event(sent.connectlyId, "sent", base + 30));
      const final = await readMessage(t, sent.id);
      expect(final.deliveryStatus).toBe("FAILED");
      expect(final.deliveryError?.code).toBe("ERROR_CODE_RECIPIENT_UNREACHABLE");
      expect(final.statusHistory.map((e) => [e.status, e.error?.code ?? null])).toEqual([
        ["FAILED", "ERROR_CODE_RECIPIENT_UNREACHABLE"],
        ["DELIVERED", null],
        ["SENT", null],
      ]);
    });
  });

  describe("message, messageByConnectlyId", () => {
    it("message(id) and messageByConnectlyId find the same message; unknown ids give null, not an error", async () => {
      const businessId = freshBusiness("find");
      const sent = await send(businessId);
      expect(await messageByConnectlyId(t, sent.connectlyId)).toEqual({ id: sent.id, connectlyId: sent.connectlyId, deliveryStatus: null });
      expect((await readMessage(t, sent.id)).id).toBe(sent.id);
      const unknown = await execute(t, DeliveredMessageDocument, { id: "01NOSUCHMESSAGE" });
      expect(unknown.errors).toBeUndefined();
      expect(unknown.data).toEqual({ message: null });
      expect(await messageByConnectlyId(t, "no-such-connectly-id")).toBeNull();
    });
  });

  describe("messages(filter, first, after)", () => {
    const businessId = freshBusiness("list");
    const alice = "+16045551001";
    const bob = "+16045551002";
    let all: Delivered[] = []; // oldest first
    let beforeBob = "";
    beforeAll(async () => {
      for (let i = 0; i < 5; i++) all.push(await send(businessId, i % 2 === 0 ? { campaignName: "spring" } : {}, alice));
      beforeBob = new Date().toISOString();
      for (let i = 0; i < 4; i++) all.push(await send(businessId, { campaignName: "summer" }, bob));
      const now = Math.floor(Date.now() / 1000);
      await postSignedEvent(t.url, businessId, event(all[0]!.connectlyId!, "read", now));
      await postSignedEvent(t.url, businessId, event(all[6]!.connectlyId!, "delivery_failed", now));
      all = await Promise.all(all.map((m) => readMessage(t, m.id)));
    });
    const ids = (p: MessagesPage) => p.edges.map((e) => e.node.id);
    const newestFirst = (messages: Delivered[]) => [...messages].reverse().map((m) => m.id);

    it("lists a business's messages newest first, and no other business's", async () => {
      await send(freshBusiness("other"));
      const p = await messagesPage(t, { businessId });
      expect(ids(p)).toEqual(newestFirst(all));
      expect(p.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: p.edges[0]!.cursor, endCursor: p.edges.at(-1)!.cursor });
      expect(p.edges.every((e) => e.node.businessId === businessId)).toBe(true);
    });

    it("pages forward with after: no message missed or repeated, hasNextPage false on the last page", async () => {
      const seen: string[] = [];
      let after: string | undefined;
      const sizes: number[] = [];
      for (;;) {
        const p = await messagesPage(t, { businessId }, 2, after);
        seen.push(...ids(p));
        sizes.push(p.edges.length);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor!;
      }
      expect(sizes).toEqual([2, 2, 2, 2, 1]);
      expect(seen).toEqual(newestFirst(all));
    });

    it("a message stored after a page was read does not shift the next page", async () => {
      const business = freshBusiness("stable");
      const first = [await send(business), await send(business), await send(business)];
      const p1 = await messagesPage(t, { businessId: business }, 2);
      await send(business);
      const p2 = await messagesPage(t, { businessId: business }, 2, p1.pageInfo.endCursor!);
      expect(ids(p2)).toEqual([first[0]!.id]);
    });

    it.each([
      ["recipient", { recipient: "+16045551002" }, (m: Delivered) => m.recipient.id === "+16045551002"],
      ["campaignName", { campaignName: "spring" }, (m: Delivered) => m.campaignName === "spring"],
      ["status", { status: "ACCEPTED" }, (m: Delivered) => m.status === "ACCEPTED"],
      ["deliveryStatus READ", { deliveryStatus: "READ" }, (m: Delivered) => m.deliveryStatus === "READ"],
      ["deliveryStatus FAILED", { deliveryStatus: "FAILED" }, (m: Delivered) => m.deliveryStatus === "FAILED"],
      ["recipient and campaignName", { recipient: alice, campaignName: "summer" }, () => false],
    ] as const)("filter.%s narrows the list", async (_label, filter, keep) => {
      const p = await messagesPage(t, { businessId, ...filter });
      expect(ids(p)).toEqual(newestFirst(all.filter(keep)));
    });

    it("filter.status FAILED lists messages Connectly refused", async () => {
      const business = freshBusiness("failed");
      await send(business);
      t.sandbox.injectFaults({ kind: "status", status: 400, body: { error: { code: "ERROR_CODE_BAD_REQUEST", message: "no" } } });
      const refused = await sendTextResult(t, business, customerNumber());
      expect(refused).toMatchObject({ __typename: "UpstreamError", code: "UPSTREAM_REJECTED", failedMessage: { status: "FAILED" } });
      const p = await messagesPage(t, { businessId: business, status: "FAILED" });
      expect(p.edges).toHaveLength(1);
      expect(p.edges[0]!.node.status).toBe("FAILED");
      expect(refused.__typename === "UpstreamError" && refused.failedMessage.id).toBe(p.edges[0]!.node.id);
    });

    it("createdAfter and createdBefore split the list at a time", async () => {
      const after = await messagesPage(t, { businessId, createdAfter: beforeBob });
      const before = await messagesPage(t, { businessId, createdBefore: beforeBob });
      expect(ids(after)).toEqual(newestFirst(all.slice(5)));
      expect(ids(before)).toEqual(newestFirst(all.slice(0, 5)));
    });

    it("updatedAfter lists what changed since a time: a message whose status moved comes back", async () => {
      const mark = new Date(Date.now() - 1).toISOString();
      expect(ids(await messagesPage(t, { businessId, updatedAfter: new Date(Date.now() + 1000).toISOString() }))).toEqual([]);
      await postSignedEvent(t.url, businessId, event(all[3]!.connectlyId!, "delivered", Math.floor(Date.now() / 1000)));
      const changed = await messagesPage(t, { businessId, updatedAfter: mark });
      expect(ids(changed)).toEqual([all[3]!.id]);
      expect(changed.edges[0]!.node.deliveryStatus).toBe("DELIVERED");
    });

    it.each([
      ["first: 0", { first: 0 }, "first"],
      ["first: 101", { first: 101 }, "first"],
      ["first: -1", { first: -1 }, "first"],
      ["a cursor it did not give out", { after: "bm90LWEtY3Vyc29y" }, "after"],
      ["an empty businessId", { filter: { businessId: "" } }, "filter.businessId"],
      ["a businessId of 129 characters", { filter: { businessId: "b".repeat(129) } }, "filter.businessId"],
      ["a recipient of 65 characters", { filter: { businessId, recipient: "1".repeat(65) } }, "filter.recipient"],
      ["a campaignName of 257 characters", { filter: { businessId, campaignName: "c".repeat(257) } }, "filter.campaignName"],
    ])("refuses %s with BAD_USER_INPUT naming the field", async (_label, variables, field) => {
      const response = await messagesResponse(t, { filter: { businessId }, ...variables });
      expect(response.data?.messages ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(response.errors![0]!.message.length).toBeGreaterThan(0);
    });

    it("refuses a filter without businessId and an unknown status (GraphQL validation)", async () => {
      for (const filter of [{}, { businessId, status: "SHIPPED" }, { businessId, deliveryStatus: "SEEN" }]) {
        // Deliberately not a MessageFilter: GraphQL's coercion must refuse it.
        const response = await messagesResponse(t, { filter } as unknown as DeliveredMessagesQueryVariables);
        expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
        expect(response.data ?? null).toBeNull();
      }
    });
  });
});

describe("DataLoader: a page with histories costs a constant number of SQL statements", () => {
  let database: TestDatabase;
  let gateway: Gateway;
  let counting = false;
  const statements: string[] = [];
  const businessId = freshBusiness("loader");

  beforeAll(async () => {
    database = await createTestDatabase("delivery-loader");
    const config: Config = testConfig({ ...database.config, onQuery: (sql) => void (counting && statements.push(sql)) });
    gateway = await startGateway(config);
    // 100 messages in one batch mutation, then two or three status events each.
    const inputs = Array.from({ length: 100 }, (_, i) => ({ businessId, recipient: { id: `+1604999${String(1000 + i)}` }, content: { text: `m${i}` } }));
    const { results } = await sendBatch(gateway, inputs);
    const messages = results.flatMap((r) => (r.__typename === "Message" && r.connectlyId !== null ? [{ id: r.id, connectlyId: r.connectlyId }] : []));
    expect(messages).toHaveLength(100);
    const base = Math.floor(Date.now() / 1000) - 600;
    const posts = messages.flatMap((m, i) => {
      const words: StatusWord[] = i % 3 === 0 ? ["sent", "delivered", "read"] : i % 3 === 1 ? ["sent", "delivered"] : ["sent", "delivery_failed"];
      return words.map((w) => event(m.connectlyId, w, base + OFFSET[w]));
    });
    for (let i = 0; i < posts.length; i += 25) {
      const answers = await Promise.all(posts.slice(i, i + 25).map((event) => postSignedEvent(gateway.url, businessId, event)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
    }
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  async function statementsFor(first: number): Promise<{ count: number; histories: number }> {
    statements.length = 0;
    counting = true;
    const response = await messagesResponse(gateway, { filter: { businessId }, first });
    counting = false;
    expect(response.errors).toBeUndefined();
    expect(response.data!.messages.edges).toHaveLength(first);
    return { count: statements.length, histories: response.data!.messages.edges.reduce((n, e) => n + e.node.statusHistory.length, 0) };
  }

  it("100 messages with their histories: one statement (the page and every history), the same as for 10", async () => {
    const hundred = await statementsFor(100);
    expect(hundred.histories).toBe(34 * 3 + 33 * 2 + 33 * 2);
    const ten = await statementsFor(10);
    const one = await statementsFor(1);
    expect(hundred.count).toBe(1);
    expect(ten.count).toBe(hundred.count);
    expect(one.count).toBe(hundred.count);
  });

  /** The statements a raw query costs, and its answer. */
  async function statementsOf(query: string, variables: Record<string, unknown>) {
    statements.length = 0;
    counting = true;
    const response = await postGraphQL<Record<string, unknown>>(gateway.url, query, variables);
    counting = false;
    expect(response.errors).toBeUndefined();
    return { statements: [...statements], data: response.data! };
  }
  const HISTORY = "statusHistory { id status occurredAt receivedAt error { code message } callbackData raw }";
  const MESSAGE = `id connectlyId status deliveryStatus deliveryStatusAt ${HISTORY}`;

  it("a page without histories reads no events; a history asked through fragments is read with the page", async () => {
    const bare = await statementsOf("query($b: ID!) { messages(filter: { businessId: $b }, first: 20) { edges { node { id } } } }", { b: businessId });
    expect(bare.statements).toHaveLength(1);
    expect(bare.statements[0]).not.toContain("MessageStatusEvent");
    const viaFragments = await statementsOf(
      `query($b: ID!) { messages(filter: { businessId: $b }, first: 20) { ...Page } }
       fragment Page on MessageConnection { edges { ... on MessageEdge { node { ...M } } } }
       fragment M on Message { ${MESSAGE} }`,
      { b: businessId },
    );
    expect(viaFragments.statements).toHaveLength(1);
    expect(viaFragments.statements[0]).toContain("MessageStatusEvent");
    const plain = await statementsOf(`query($b: ID!) { messages(filter: { businessId: $b }, first: 20) { edges { node { ${MESSAGE} } } } }`, { b: businessId });
    expect(viaFragments.data).toEqual(plain.data);
  });

  it("events' raw payloads are read only when asked for, and a history read without them never answers a selection that does", async () => {
    const EVENTS = "statusHistory { id status occurredAt receivedAt error { code message } callbackData }";
    const pageOf = (fields: string) => `query($b: ID!) { messages(filter: { businessId: $b }, first: 20) { edges { node { id connectlyId ${fields} } } } }`;
    type Node = { id: string; connectlyId: string; statusHistory: Record<string, unknown>[] };
    const nodesOf = (data: Record<string, unknown>) => (data.messages as { edges: { node: Node }[] }).edges.map((e) => e.node);
    const withoutRaw = await statementsOf(pageOf(EVENTS), { b: businessId });
    expect(withoutRaw.statements).toHaveLength(1);
    expect(withoutRaw.statements[0]).toContain("MessageStatusEvent");
    expect(withoutRaw.statements[0]).not.toContain('e."raw"');
    const withRaw = await statementsOf(pageOf(HISTORY), { b: businessId });
    expect(withRaw.statements).toHaveLength(1);
    expect(withRaw.statements[0]).toContain('e."raw"');
    const full = nodesOf(withRaw.data);
    expect(full.every((n) => n.statusHistory.length > 0 && n.statusHistory.every((e) => typeof e.raw === "object" && e.raw !== null))).toBe(true);
    expect(nodesOf(withoutRaw.data)).toEqual(full.map((n) => ({ ...n, statusHistory: n.statusHistory.map(({ raw: _raw, ...rest }) => rest) })));
    // raw asked through a fragment on the event counts.
    const viaFragment = await statementsOf(
      `${pageOf("statusHistory { ...R }")} fragment R on MessageStatusEvent { id status occurredAt receivedAt error { code message } callbackData raw }`,
      { b: businessId },
    );
    expect(viaFragment.statements).toHaveLength(1);
    expect(nodesOf(viaFragment.data)).toEqual(full);

    // One request: the page without raw, and the same messages asked with raw by Connectly id and by id.
    const [first] = full;
    const mixed = await statementsOf(
      `query($b: ID!, $c: ID!, $id: ID!) {
        messages(filter: { businessId: $b }, first: 20) { edges { node { id connectlyId ${EVENTS} } } }
        byConnectly: messageByConnectlyId(connectlyId: $c) { id connectlyId ${HISTORY} }
        byId: message(id: $id) { id connectlyId ${HISTORY} }
        lean: message(id: $id) { id connectlyId ${EVENTS} }
      }`,
      { b: businessId, c: first!.connectlyId, id: first!.id },
    );
    expect(mixed.data.byConnectly).toEqual(first);
    expect(mixed.data.byId).toEqual(first);
    expect(mixed.data.lean).toEqual({ ...first, statusHistory: first!.statusHistory.map(({ raw: _raw, ...rest }) => rest) });
    expect(nodesOf(mixed.data)).toEqual(nodesOf(withoutRaw.data));

    // message(id) alone: without raw, one statement without it.
    const lean = await statementsOf(`query($id: ID!) { message(id: $id) { id connectlyId ${EVENTS} } }`, { id: first!.id });
    expect(lean.statements).toHaveLength(1);
    expect(lean.statements[0]).not.toContain('e."raw"');
    expect(lean.data.message).toEqual(mixed.data.lean);
  });

  it("message(id) with its history is one statement, and answers what the history read on its own answers", async () => {
    const page = await statementsOf(`query($b: ID!) { messages(filter: { businessId: $b }, first: 100) { edges { node { ${MESSAGE} } } } }`, { b: businessId });
    const nodes = (page.data.messages as { edges: { node: { id: string; connectlyId: string } }[] }).edges.map((e) => e.node);
    for (const node of nodes.slice(0, 6)) {
      const one = await statementsOf(`query($id: ID!) { message(id: $id) { ${MESSAGE} } }`, { id: node.id });
      expect(one.statements).toHaveLength(1);
      expect(one.data.message).toEqual(node);
      // By Connectly's id, the history is read on its own (after the message): the same answer.
      const split = await statementsOf(`query($c: ID!) { messageByConnectlyId(connectlyId: $c) { ...H } } fragment H on Message { ${MESSAGE} }`, {
        c: node.connectlyId,
      });
      expect(split.statements).toHaveLength(2);
      expect(split.data.messageByConnectlyId).toEqual(node);
    }
    // Several ids in one request (one key is read by its own statement, several by another): one
    // statement still, each answer what it is alone, an unknown id null.
    const [a, b, c] = nodes;
    const several = await statementsOf(
      `query($a: ID!, $b: ID!, $c: ID!, $x: ID!) { a: message(id: $a) { ${MESSAGE} } b: message(id: $b) { ${MESSAGE} } c: message(id: $c) { ${MESSAGE} } x: message(id: $x) { ${MESSAGE} } }`,
      { a: a!.id, b: b!.id, c: c!.id, x: "01NOSUCHMESSAGE000000000000" },
    );
    expect(several.statements).toHaveLength(1);
    expect(several.data).toEqual({ a, b, c, x: null });
  });
});
