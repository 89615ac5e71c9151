/**
 * customerActivity over a real WebSocket: a business's (or one customer's) inbound messages and
 * window closings. A window closing by time reaches its subscribers once; Connectly's refusal of
 * a session message (failed, or replaced by its fallback template) closes the gateway's record of
 * the window and tells them; a later message reopens it; a subscriber too slow is ended; and two
 * gateway processes on one PostgreSQL database (LISTEN/NOTIFY, Redis) deliver each other's activity.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { createActivityPubSub } from "../src/pubsub/activity.js";
import { SubscriberTooSlowError } from "../src/pubsub/subscription.js";
import type { InboundMessageRow } from "../src/persistence/inbound-messages.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { activitySubscriptionsReach, startTestGateway, testConfig, type TestGateway } from "./support/gateway.js";
import { closeActivityClients, watchActivity } from "./support/activity.js";
import { execute, expectResult, send } from "./support/send.js";
import { orderReadyTemplate } from "./support/templates.js";
import { customerMessageEvent, expectAcknowledged, nowSeconds, postSignedEvent } from "./support/webhooks.js";
import { CustomerLastInboundDocument } from "./generated/graphql.js";

const DAY_SECONDS = 24 * 3600;
let seq = 0;
const freshBusiness = () => `biz-act-${seq++}-${randomBytes(3).toString("hex")}`;
const freshCustomer = () => `+1604999${String(1000 + (seq++ % 9000))}`;

afterEach(closeActivityClients);

/** Subscribes on `gateway` and waits until the subscription is live there. */
async function watchOn(gateway: Gateway, url: string, businessId: string, customerId?: string) {
  const before = gateway.activity.subscriptions;
  const watch = watchActivity(url, { businessId, ...(customerId !== undefined ? { customerId } : {}) });
  const first = watch.next();
  await activitySubscriptionsReach(gateway, before + 1);
  return { watch, first };
}

describe("one gateway", () => {
  let t: TestGateway;
  beforeAll(async () => {
    // Two attempts: a session send refused as outside the window, then its fallback template.
    t = await startTestGateway("activity", {
      outbound: {
        perSecond: 200,
        burst: 200,
        marginMs: 0,
        countUntil: "answer",
        maxQueue: 100,
        retry: { maxAttempts: 2, deadlineMs: 8_000, minBackoffMs: 10, maxBackoffMs: 50 },
        templateBudget: "shared",
      },
    });
  });
  afterAll(() => t?.close());
  // Each test counts subscriptions from zero: the last test's are ended on the gateway first.
  afterEach(async () => {
    await closeActivityClients();
    await activitySubscriptionsReach(t.gateway, 0);
  });

  const sessionWindowOf = async (businessId: string, customerId: string) =>
    (await execute(t, CustomerLastInboundDocument, { businessId, id: customerId })).data!.customer.sessionWindow;

  it("a window that runs out reaches the business's and the customer's subscribers once, as WINDOW_CLOSED", async () => {
    const businessId = freshBusiness();
    const customerId = freshCustomer();
    const business = await watchOn(t.gateway, t.url, businessId);
    const customer = await watchOn(t.gateway, t.url, businessId, customerId);
    // Written 24 hours less a second or two ago: the window closes within two seconds.
    const at = nowSeconds() - DAY_SECONDS + 2;
    expectAcknowledged(await postSignedEvent(t.url, businessId, customerMessageEvent(customerId, { text: "last words" }, { atSeconds: at })), "messages");
    const expiresAt = new Date((at + DAY_SECONDS) * 1000).toISOString();

    const inbound = await business.first;
    expect(inbound).toMatchObject({ kind: "INBOUND_MESSAGE", customer: { id: customerId }, sessionWindow: { open: true, expiresAt } });
    expect(await customer.first).toEqual(inbound);

    const closed = await business.watch.next();
    expect(closed).toEqual({
      kind: "WINDOW_CLOSED",
      customer: { id: customerId, businessId, lastInboundAt: new Date(at * 1000).toISOString() },
      sessionWindow: { open: false, expiresAt },
      inboundMessage: null,
    });
    expect(await customer.watch.next()).toEqual(closed);
    expect(await sessionWindowOf(businessId, customerId)).toEqual({ open: false, expiresAt });

    // Once: the next activity of the business is the next message, not the same closing again.
    const other = freshCustomer();
    const next = business.watch.next();
    expectAcknowledged(await postSignedEvent(t.url, businessId, customerMessageEvent(other, { text: "hi" })), "messages");
    expect(await next).toMatchObject({ kind: "INBOUND_MESSAGE", customer: { id: other } });
  });

  it("a window renewed before it runs out does not close", async () => {
    const businessId = freshBusiness();
    const customerId = freshCustomer();
    const { watch, first } = await watchOn(t.gateway, t.url, businessId, customerId);
    expectAcknowledged(
      await postSignedEvent(t.url, businessId, customerMessageEvent(customerId, { text: "old" }, { atSeconds: nowSeconds() - DAY_SECONDS + 2 })),
      "messages",
    );
    expect((await first).kind).toBe("INBOUND_MESSAGE");
    const renewal = watch.next();
    expectAcknowledged(await postSignedEvent(t.url, businessId, customerMessageEvent(customerId, { text: "still here" })), "messages");
    expect(await renewal).toMatchObject({ kind: "INBOUND_MESSAGE", sessionWindow: { open: true } });
    // Another customer's window, closing after this one's old expiry, closes first and alone.
    const other = freshCustomer();
    const next = watch.next();
    const business = await watchOn(t.gateway, t.url, businessId);
    expectAcknowledged(
      await postSignedEvent(t.url, businessId, customerMessageEvent(other, { text: "bye" }, { atSeconds: nowSeconds() - DAY_SECONDS + 3 })),
      "messages",
    );
    expect((await business.first).customer.id).toBe(other);
    expect(await business.watch.next()).toMatchObject({ kind: "WINDOW_CLOSED", customer: { id: other } });
    // This customer's subscription heard no closing: its next activity is their next message.
    expectAcknowledged(await postSignedEvent(t.url, businessId, customerMessageEvent(customerId, { text: "again" })), "messages");
    expect(await next).toMatchObject({ kind: "INBOUND_MESSAGE", inboundMessage: { content: { text: "again" } } });
  });

  it("Connectly refusing a session message as outside the window closes the gateway's record of it; a message reopens it", async () => {
    const businessId = freshBusiness();
    const customerId = freshCustomer();
    const { watch, first } = await watchOn(t.gateway, t.url, businessId, customerId);
    expectAcknowledged(
      await postSignedEvent(t.url, businessId, customerMessageEvent(customerId, { text: "hello" }, { atSeconds: nowSeconds() - 60 })),
      "messages",
    );
    expect((await first).sessionWindow.open).toBe(true);

    // Connectly's record differs (it is authoritative): the send fails as outside the window.
    t.sandbox.closeWindow(businessId, customerId);
    const closing = watch.next();
    const failed = expectResult(await send(t, { businessId, recipient: { id: customerId }, content: { text: "Your order" } }), "SessionWindowClosedError");
    expect(failed.code).toBe("SESSION_WINDOW_CLOSED");
    const closed = await closing;
    expect(closed).toMatchObject({ kind: "WINDOW_CLOSED", sessionWindow: { open: false }, inboundMessage: null });
    expect(await sessionWindowOf(businessId, customerId)).toEqual(closed.sessionWindow);

    // Inbound times are whole seconds: a message of the closing's own second does not reopen (see docs/inbound.md).
    const reopened = watch.next();
    expectAcknowledged(
      await postSignedEvent(t.url, businessId, customerMessageEvent(customerId, { text: "I'm back" }, { atSeconds: nowSeconds() + 1 })),
      "messages",
    );
    expect(await reopened).toMatchObject({ kind: "INBOUND_MESSAGE", sessionWindow: { open: true } });
    expect((await sessionWindowOf(businessId, customerId)).open).toBe(true);
  });

  it("a fallback template sent because Connectly refused the session content closes the record too", async () => {
    const businessId = freshBusiness();
    const customerId = freshCustomer();
    const { watch, first } = await watchOn(t.gateway, t.url, businessId);
    expectAcknowledged(
      await postSignedEvent(t.url, businessId, customerMessageEvent(customerId, { text: "hello" }, { atSeconds: nowSeconds() - 60 })),
      "messages",
    );
    await first;
    t.sandbox.closeWindow(businessId, customerId);
    const closing = watch.next();
    const message = expectResult(
      await send(t, { businessId, recipient: { id: customerId }, content: { text: "Ready" }, fallbackTemplate: orderReadyTemplate("en_US", "A7") }),
      "Message",
    );
    expect(message.fallback?.reason).toBe("CONNECTLY_REFUSED_SESSION");
    expect(await closing).toMatchObject({ kind: "WINDOW_CLOSED", customer: { id: customerId }, sessionWindow: { open: false } });
  });
});

describe("the subscriber queue", () => {
  it("a subscriber more than maxPending behind is ended with SUBSCRIBER_TOO_SLOW", async () => {
    const activity = await createActivityPubSub({ hydrate: () => Promise.resolve([]), onError: (error) => expect.fail(String(error)), maxPending: 2 });
    const row = (n: number) => ({ id: BigInt(n), businessId: "biz", customerId: "+1" }) as InboundMessageRow;
    const sub = activity.subscribe({ businessId: "biz", customerId: null });
    for (let n = 1; n <= 3; n++) activity.publishInbound(row(n));
    const error: unknown = await sub.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubscriberTooSlowError);
    expect((error as SubscriberTooSlowError).extensions).toEqual({ code: "SUBSCRIBER_TOO_SLOW", maxPending: 2 });
    expect(await sub.next()).toEqual({ done: true, value: undefined });
    expect(activity.subscriptions).toBe(0);
    await activity.close();
  });
});

describe.skipIf(!process.env.DATABASE_URL)("two gateways sharing one database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("activity-xproc");
  });
  afterAll(() => database?.drop());

  it.each([
    ["PostgreSQL LISTEN/NOTIFY", { pubsub: "postgres" as const }],
    ["Redis", { pubsub: "redis" as const, redisUrl: "redis://127.0.0.1:6379" }],
  ])("through %s: activity taken by A reaches a subscriber of B", async (_label, overrides) => {
    const a = await startGateway(testConfig(database.config, overrides));
    const b = await startGateway(testConfig(database.config, overrides)).catch(async (error: unknown) => {
      await a.close();
      throw error;
    });
    try {
      expect(b.activity.transport).toBe(overrides.pubsub);
      const businessId = freshBusiness();
      const customerId = freshCustomer();
      const { watch, first } = await watchOn(b, b.url, businessId);
      expectAcknowledged(await postSignedEvent(a.url, businessId, customerMessageEvent(customerId, { listReply: { id: "row-9", title: "Nine" } })), "messages");
      expect(await first).toMatchObject({
        kind: "INBOUND_MESSAGE",
        customer: { id: customerId },
        sessionWindow: { open: true },
        inboundMessage: { businessId, content: { __typename: "ListReplyContent", rowId: "row-9", title: "Nine" } },
      });

      // A's record of Connectly's refusal reaches B's subscriber too.
      a.sandbox!.closeWindow(businessId, customerId);
      const closing = watch.next();
      expectResult(await send(a, { businessId, recipient: { id: customerId }, content: { text: "Hi" } }), "SessionWindowClosedError");
      expect(await closing).toMatchObject({ kind: "WINDOW_CLOSED", customer: { id: customerId }, sessionWindow: { open: false } });
    } finally {
      await closeActivityClients();
      await Promise.all([a.close(), b.close()]);
    }
  });
});
