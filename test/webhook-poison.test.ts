/**
 * Webhook events PostgreSQL cannot store: JSON escapes NUL ("\u0000") and unpaired surrogates, so
 * such a body parses, but jsonb refuses both and text refuses NUL. Such an event is refused as
 * MALFORMED_EVENT (400, kept in RejectedWebhook, never a 503 that asks for a redelivery that could
 * never be stored), and it never fails the events batched with it: over real HTTP, and through
 * the ingest itself (to put events in one batch for certain) with a real refusal of PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStores, type Stores } from "../src/core/stores.js";
import type { NewStatusEvent } from "../src/persistence/status-events.js";
import { createIngest, type Ingest, type IngestOutcome } from "../src/webhooks/ingest.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import {
  customerMessageEvent,
  expectAcknowledged,
  expectRefusedWebhook,
  nowSeconds,
  postSignedBody,
  statusEvent,
  webhookUrl,
  type WebhookAnswer,
} from "./support/webhooks.js";

const RUNS = Number(process.env.FC_RUNS ?? 25);
const SEED = process.env.FC_SEED == null ? {} : { seed: Number(process.env.FC_SEED) };
const params = { numRuns: RUNS, ...SEED };

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway("webhook-poison");
});
afterAll(() => t?.close());

const tag = () => randomBytes(5).toString("hex");
const fresh = () => ({
  businessId: `biz-poison-${tag()}`,
  connectlyId: `01PZ${tag().toUpperCase()}`,
  customer: `+1604${String(1_000_000 + Math.floor(Math.random() * 8_999_999))}`,
});

const post = (businessId: string, body: string) => postSignedBody(webhookUrl(t.url, businessId), body);
const prisma = () => t.gateway.database.prisma;
const statusRows = (connectlyId: string) => prisma().messageStatusEvent.findMany({ where: { connectlyId } });
const rejectedOf = (businessId: string) => prisma().rejectedWebhook.findMany({ where: { businessId }, orderBy: { id: "asc" } });
const inboundOf = (businessId: string) => prisma().inboundMessage.findMany({ where: { businessId } });

function expectMalformed(answer: WebhookAnswer | IngestOutcome, reason: RegExp) {
  const a =
    "body" in answer ? answer : { status: answer.status, body: { error: answer.status === 400 ? { code: answer.code, message: answer.reason } : undefined } };
  expectRefusedWebhook(a, 400, "MALFORMED_EVENT");
  expect(a.body.error!.message).toMatch(reason);
}

describe("over HTTP: an event holding what PostgreSQL cannot store is refused as MALFORMED_EVENT and kept", () => {
  it.each([
    [
      "a NUL in callbackData",
      (id: string) => statusEvent(id, "sent", nowSeconds(), { callbackData: { note: "a\u0000b" } }),
      /callbackData\.note holds the NUL/,
    ],
    [
      "a NUL in a key",
      (id: string) => statusEvent(id, "sent", nowSeconds(), { callbackData: { "k\u0000": 1 } }),
      /the key callbackData\."k\\u0000" holds the NUL/,
    ],
    ["a NUL in statusUpdate.id", (id: string) => statusEvent(`${id}\u0000`, "sent", nowSeconds()), /statusUpdate\.id holds the NUL/],
    ["a NUL in the status word", (id: string) => statusEvent(id, "sent\u0000", nowSeconds()), /statusUpdate\.status holds the NUL/],
    [
      "a NUL in the error message",
      (id: string) => statusEvent(id, "delivery_failed", nowSeconds(), { error: { code: "X", message: "no\u0000" } }),
      /statusUpdate\.error\.message/,
    ],
    [
      "an unpaired surrogate",
      (id: string) => statusEvent(id, "sent", nowSeconds(), { campaignName: "spring\ud800" }),
      /metadata\.campaign_name holds an unpaired UTF-16 surrogate/,
    ],
  ])("delivery status with %s: 400, the body kept as posted, nothing stored, and the same on every redelivery", async (_what, event, reason) => {
    const { businessId, connectlyId } = fresh();
    const body = JSON.stringify(event(connectlyId));
    for (let delivery = 0; delivery < 2; delivery++) expectMalformed(await post(businessId, body), reason);
    expect(await statusRows(connectlyId)).toEqual([]);
    const kept = await rejectedOf(businessId);
    expect(kept.map((r) => r.body)).toEqual([body, body]);
    expect(kept[0]!.reason).toMatch(reason);
  });

  it.each([
    ["in the text", { text: "hi\u0000there" }, /message\.text holds the NUL/],
    ["in a field the gateway does not read", { text: "hi", sticker: { note: "\u0000" } }, /message\.sticker\.note/],
    ["in a key", { text: "hi", ["x\u0000y"]: true }, /the key message\."x\\u0000y"/],
    ["as an unpaired surrogate", { text: "\udc00" }, /message\.text holds an unpaired UTF-16 surrogate/],
  ])("inbound message with NUL %s: 400, kept, nothing stored, the window not opened", async (_what, message, reason) => {
    const { businessId, customer } = fresh();
    const body = JSON.stringify(customerMessageEvent(customer, message));
    for (let delivery = 0; delivery < 2; delivery++) expectMalformed(await post(businessId, body), reason);
    expect(await inboundOf(businessId)).toEqual([]);
    expect(await prisma().customerSession.findMany({ where: { businessId } })).toEqual([]);
    expect((await rejectedOf(businessId)).map((r) => r.body)).toEqual([body, body]);
  });

  it("a sender name with NUL is refused too (it would be the customer's name)", async () => {
    const { businessId, customer } = fresh();
    const event = customerMessageEvent(customer, { text: "hi" });
    const body = JSON.stringify({ ...event, sender: { ...event.sender, name: "A\u0000da" } });
    expectMalformed(await post(businessId, body), /sender\.name holds the NUL/);
    expect(await inboundOf(businessId)).toEqual([]);
  });

  it("an unrecognised topic whose name holds NUL: 400 UNRECOGNISED_EVENT, kept (the NUL in the reason replaced)", async () => {
    const { businessId, connectlyId } = fresh();
    const body = JSON.stringify({ ...statusEvent(connectlyId, "sent", nowSeconds()), topic: "reac\u0000tions" });
    const answer = await post(businessId, body);
    expectRefusedWebhook(answer, 400, "UNRECOGNISED_EVENT");
    const kept = await rejectedOf(businessId);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ body, reason: 'unrecognised topic "reac\ufffdtions": only delivery_status and messages are handled' });
  });

  it("what only looks like them is taken: a backslash before u0000, and an emoji written as an escaped surrogate pair", async () => {
    const { businessId, connectlyId } = fresh();
    const body = JSON.stringify(statusEvent(connectlyId, "sent", nowSeconds(), { callbackData: { note: "\\u0000 \ud83d\ude00" } })).replace(
      "\u{1F600}",
      "\\ud83d\\ude00",
    );
    expect(body).toContain("\\\\u0000 \\ud83d\\ude00");
    expectAcknowledged(await post(businessId, body), "delivery_status");
    expect((await statusRows(connectlyId)).map((r) => r.callbackData)).toEqual([{ note: "\\u0000 \u{1F600}" }]);
    expect(await rejectedOf(businessId)).toEqual([]);
  });

  it("events posted at once with one poisoned: the others are all acknowledged and stored", async () => {
    const { businessId, connectlyId } = fresh();
    const valid = Array.from({ length: 12 }, (_, i) => `${connectlyId}V${i}`);
    const poison = JSON.stringify(statusEvent(connectlyId, "read", nowSeconds(), { callbackData: ["\u0000"] }));
    const answers = await Promise.all(
      [poison, ...valid.map((id) => JSON.stringify(statusEvent(id, "delivered", nowSeconds())))].map((b) => post(businessId, b)),
    );
    expectMalformed(answers[0]!, /callbackData\.0 holds the NUL/);
    for (const answer of answers.slice(1)) expectAcknowledged(answer, "delivery_status");
    for (const id of valid) expect((await statusRows(id)).map((r) => r.status)).toEqual(["DELIVERED"]);
  });
});

/** Events written together for certain: ingested in the same turn of the event loop, so they share a batch. */
describe("in one batch: a refusal of PostgreSQL fails only the event it is for", () => {
  let stores: Stores;
  let ingest: Ingest;
  const errors: unknown[] = [];
  /** Events whose Connectly id has this mark reach PostgreSQL with a NUL in their raw JSON, which it refuses (SQLSTATE 22P05). */
  const POISON = "POISON";
  const poisoned = (e: NewStatusEvent): NewStatusEvent => (e.connectlyId.includes(POISON) ? { ...e, raw: { ...(e.raw as object), smuggled: "\u0000" } } : e);
  const statements: number[] = [];

  beforeAll(() => {
    stores = createStores(t.gateway.database, false);
    ingest = createIngest({
      ...stores,
      statusEvents: {
        ...stores.statusEvents,
        apply: (events) => {
          statements.push(events.length);
          return stores.statusEvents.apply(events.map(poisoned));
        },
      },
      customers: {
        ...stores.customers,
        recordInbound: (m) => stores.customers.recordInbound(m.customerName === POISON ? { ...m, text: "a\u0000" } : m),
      },
      pubsub: { publish: () => undefined, publishStored: () => Promise.resolve() },
      onError: (error) => errors.push(error),
    });
  });
  afterAll(() => ingest?.close());

  const ingestAll = (businessId: string, bodies: readonly string[]) =>
    Promise.all(bodies.map((b) => ingest.ingest(Buffer.from(b), businessId, "application/json")));

  it("one event refused in a batch of many: it is 400 and kept, every other event is stored and 200", async () => {
    const { businessId, connectlyId } = fresh();
    const ids = Array.from({ length: 9 }, (_, i) => (i === 4 ? `${connectlyId}${POISON}` : `${connectlyId}V${i}`));
    statements.length = 0;
    const outcomes = await ingestAll(
      businessId,
      ids.map((id) => JSON.stringify(statusEvent(id, "sent", nowSeconds()))),
    );
    expect(statements[0], "the nine share one statement").toBe(9);
    for (const [i, outcome] of outcomes.entries()) {
      if (i === 4) expectMalformed(outcome, /PostgreSQL refused a value of it \(SQLSTATE 22P05/);
      else expect(outcome).toEqual({ status: 200, topic: "delivery_status", duplicate: false });
    }
    for (const [i, id] of ids.entries()) expect(await statusRows(id)).toHaveLength(i === 4 ? 0 : 1);
    expect((await rejectedOf(businessId)).map((r) => r.reason)).toEqual([expect.stringMatching(/SQLSTATE 22P05/)]);
    expect(errors).toEqual([]);
  });

  it("a duplicate in the other half of a split batch still reads as a duplicate", async () => {
    const { businessId, connectlyId } = fresh();
    const same = JSON.stringify(statusEvent(connectlyId, "read", nowSeconds()));
    const poison = JSON.stringify(statusEvent(`${connectlyId}${POISON}`, "read", nowSeconds()));
    const outcomes = await ingestAll(businessId, [same, poison, same]);
    expect(outcomes.map((o) => o.status)).toEqual([200, 400, 200]);
    expect(outcomes.flatMap((o) => (o.status === 200 ? [o.duplicate] : []))).toEqual([false, true]);
    expect(await statusRows(connectlyId)).toHaveLength(1);
  });

  it("an inbound message PostgreSQL refuses: 400 and kept, not a 503", async () => {
    const { businessId, customer } = fresh();
    const event = customerMessageEvent(customer, { text: "hi" });
    const body = JSON.stringify({ ...event, sender: { ...event.sender, name: POISON } });
    expectMalformed(await ingest.ingest(Buffer.from(body), businessId, null), /SQLSTATE 22(021|P05)/);
    expect(await inboundOf(businessId)).toEqual([]);
    expect((await rejectedOf(businessId)).map((r) => r.body)).toEqual([body]);
  });

  /** Where in an otherwise valid event a string goes: a value or a key, of a field read or not. */
  const PLACES = [
    "statusUpdate.id",
    "sender.id",
    "sender.name",
    "recipient.id",
    "callbackData.value",
    "callbackData.key",
    "metadata.campaign_name",
    "extra.key",
    "error.message",
  ] as const;
  const withNul = fc.tuple(fc.string({ maxLength: 20, unit: "binary" }), fc.nat(), fc.integer({ min: 1, max: 3 })).map(([s, at, n]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + "\u0000".repeat(n) + s.slice(i);
  });

  function placed(connectlyId: string, place: (typeof PLACES)[number], s: string): Record<string, unknown> {
    const e = statusEvent(connectlyId, "delivery_failed", nowSeconds()) as Record<string, unknown> & ReturnType<typeof statusEvent>;
    switch (place) {
      case "statusUpdate.id":
        return { ...e, statusUpdate: { ...e.statusUpdate, id: `${connectlyId}${s}` } };
      case "sender.id":
      case "sender.name":
        return { ...e, sender: { ...e.sender, [place.slice(7)]: place === "sender.id" ? `+1${s}` : s } };
      case "recipient.id":
        return { ...e, recipient: { ...e.recipient, id: `+1${s}` } };
      case "callbackData.value":
        return { ...e, callbackData: { nested: [{ v: s }] } };
      case "callbackData.key":
        return { ...e, callbackData: { [s]: "v" } };
      case "metadata.campaign_name":
        return { ...e, metadata: { campaign_name: s } };
      case "extra.key":
        return { ...e, [s]: 1 };
      case "error.message":
        return { ...e, statusUpdate: { ...e.statusUpdate, error: { code: "E", message: s } } };
    }
  }

  it("property: a NUL anywhere in an otherwise valid event is refused as MALFORMED_EVENT (never a 503), and a valid event batched with it is stored", async () => {
    await fc.assert(
      fc.asyncProperty(withNul, fc.constantFrom(...PLACES), fc.boolean(), async (s, place, first) => {
        const { businessId, connectlyId } = fresh();
        const bad = JSON.stringify(placed(`${connectlyId}B`, place, s));
        const good = JSON.stringify(statusEvent(`${connectlyId}G`, "sent", nowSeconds()));
        const [badOutcome, goodOutcome] = first ? await ingestAll(businessId, [bad, good]) : (await ingestAll(businessId, [good, bad])).reverse();
        expectMalformed(badOutcome!, /holds the NUL character/);
        expect(goodOutcome).toEqual({ status: 200, topic: "delivery_status", duplicate: false });
        expect(await statusRows(`${connectlyId}G`)).toHaveLength(1);
        expect((await rejectedOf(businessId)).map((r) => r.body)).toEqual([bad]);
      }),
      params,
    );
  });
});
