/**
 * Delivery status when events and sends race, over real HTTP, real webhooks and the real database:
 * an event that comes before its message (unknown Connectly id) is kept and attached when the
 * send's answer carries that id, while the send is still in flight, and, when the send's own read
 * lost the race, by the ingest's timed re-check; and the built-in sandbox's own lifecycle (sent,
 * delivered, read; or sent, delivery_failed). The order-of-meaning permutations and the queries are
 * in delivery-queries.test.ts, the endpoint itself in webhooks.test.ts.
 * Every test has its own businessId and Connectly ids.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import type { Config } from "../src/config/config.js";
import type { Sandbox } from "../src/sandbox/sandbox.js";
import type { StatusChange } from "../src/pubsub/pubsub.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { messageByConnectlyId, messagesPage, readMessage, sandboxStatusPosts, sendText, statusPosted, type MessagesPage } from "./support/messages.js";
import { expectAcknowledged, iso, nowSeconds, postSignedEvent, statusEvent, type StatusWord } from "./support/webhooks.js";

/**
 * When each event happened, in seconds after a message's base time: distinct, and increasing in the
 * order of meaning, so the history (ordered by time) is SENT, DELIVERED, FAILED, READ.
 */
const OFFSET: Record<StatusWord, number> = { sent: 0, delivered: 10, delivery_failed: 20, read: 30 };
const FAILURE = { type: "ERROR_TYPE_DELIVERY_FAILED", code: "ERROR_CODE_RECIPIENT_UNREACHABLE", message: "The recipient's phone could not be reached." };

let seq = 0;
const tag = () => `${seq++}-${randomBytes(3).toString("hex")}`;
const freshBusiness = (label: string) => `biz-ds-${label}-${tag()}`;
const freshConnectlyId = () => `01DS${String(seq++).padStart(5, "0")}${randomBytes(4).toString("hex").toUpperCase()}`;
const freshCustomer = () => `+1604666${String(1000 + (seq++ % 9000))}`;

/** A delivery_status event as Connectly posts it; delivery_failed carries FAILURE. */
const event = (connectlyId: string, word: StatusWord, at: number) => statusEvent(connectlyId, word, at, { error: word === "delivery_failed" ? FAILURE : null });

/**
 * Sends a message straight to the sandbox's REST endpoint (as another client of the same Connectly
 * account would) and returns the id it answered. Connectly deduplicates by message.id, so a later
 * send with the same messageId gets this same id back: the one way to know a sandbox-made id in advance.
 */
async function sendStraightToSandbox(sandbox: Sandbox, businessId: string, messageId: string, recipient: string): Promise<string> {
  const response = await request(`${sandbox.url}/v1/businesses/${encodeURIComponent(businessId)}/send/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": sandbox.apiKey },
    body: JSON.stringify({ recipient: { id: recipient, channelType: "whatsapp" }, message: { id: messageId, text: "Your order has shipped." } }),
  });
  const body = (await response.body.json()) as { id?: string };
  expect(response.statusCode).toBe(200);
  expect(body.id).toEqual(expect.any(String));
  return body.id!;
}

describe("events and sends that race (sandbox status webhooks off)", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("delivery-status");
  });
  afterAll(() => t?.close());
  const storedEvents = (connectlyId: string) => t.gateway.database.prisma.messageStatusEvent.count({ where: { connectlyId } });

  /** The sandbox holds the next send until `release()`; `arrived` settles when that send of `businessId` reaches it. */
  const holdNextSend = (businessId: string) => {
    let release!: () => void;
    t.sandbox.injectFaults({ kind: "hold", release: new Promise<void>((resolve) => (release = resolve)) });
    const arrived = new Promise<void>((resolve) => {
      const listener = (b: string) => {
        if (b !== businessId) return;
        t.sandbox.events.off("arrived", listener);
        resolve();
      };
      t.sandbox.events.on("arrived", listener);
    });
    return { arrived, release };
  };

  describe("an event before its message", () => {
    it("an event for an unknown Connectly id gets 200 and is kept; the message sent later with that id starts from it", async () => {
      const businessId = freshBusiness("early");
      const connectlyId = freshConnectlyId();
      const at = nowSeconds() - 30;
      expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "delivered", at + 1)));
      expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "sent", at)));
      expect(await storedEvents(connectlyId)).toBe(2);
      expect(await messageByConnectlyId(t, connectlyId)).toBeNull();

      // The sandbox answers this send with the Connectly id the events named.
      t.sandbox.injectFaults({ kind: "status", status: 200, body: { id: connectlyId } });
      const m = await sendText(t, businessId, freshCustomer());
      expect(m.connectlyId).toBe(connectlyId);
      // The mutation's own answer already carries the delivery status and the history.
      expect(m.deliveryStatus).toBe("DELIVERED");
      expect(m.deliveryStatusAt).toBe(iso(at + 1));
      expect(m.statusHistory.map((e) => [e.status, e.occurredAt])).toEqual([
        ["SENT", iso(at)],
        ["DELIVERED", iso(at + 1)],
      ]);
      expect(await messageByConnectlyId(t, connectlyId)).toEqual({ id: m.id, connectlyId, deliveryStatus: "DELIVERED" });
      expect((await readMessage(t, m.id)).deliveryStatus).toBe("DELIVERED");
      // Events after the message appeared still move it forward.
      expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "read", at + 2)));
      expect((await readMessage(t, m.id)).statusHistory.map((e) => e.status)).toEqual(["SENT", "DELIVERED", "READ"]);
    });

    it("a sandbox-made id known in advance (Connectly deduplicates by message.id): early read and delivery_failed attach when the gateway sends it", async () => {
      const businessId = freshBusiness("dedupe");
      const recipient = freshCustomer();
      const messageId = `order-${tag()}`;
      const connectlyId = await sendStraightToSandbox(t.sandbox, businessId, messageId, recipient);
      const at = nowSeconds() - 30;
      expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "delivery_failed", at + OFFSET.delivery_failed)));
      expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "sent", at)));
      expect(await messageByConnectlyId(t, connectlyId)).toBeNull();
      expect(await storedEvents(connectlyId)).toBe(2);

      const m = await sendText(t, businessId, recipient, { messageId });
      expect(m.messageId).toBe(messageId);
      expect(m.connectlyId).toBe(connectlyId);
      expect(m.deliveryStatus).toBe("FAILED");
      expect(m.deliveryError).toEqual({ code: FAILURE.code, message: FAILURE.message });
      expect(m.statusHistory.map((e) => e.status)).toEqual(["SENT", "FAILED"]);
      expect(await messageByConnectlyId(t, connectlyId)).toEqual({ id: m.id, connectlyId, deliveryStatus: "FAILED" });
      expect(await storedEvents(connectlyId)).toBe(2);
    });

    it("an event arriving while the send is in flight (the message stored PENDING, its Connectly id not yet) attaches when the answer comes", async () => {
      const businessId = freshBusiness("inflight");
      const recipient = freshCustomer();
      const messageId = `order-${tag()}`;
      const connectlyId = await sendStraightToSandbox(t.sandbox, businessId, messageId, recipient);
      const { arrived, release } = holdNextSend(businessId);
      const sending = sendText(t, businessId, recipient, { messageId });
      let pending: MessagesPage;
      try {
        await arrived;
        pending = await messagesPage(t, { businessId });
        expect(pending.edges.map((e) => [e.node.status, e.node.connectlyId, e.node.deliveryStatus])).toEqual([["PENDING", null, null]]);
        const at = nowSeconds() - 30;
        expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "sent", at)));
        expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "delivered", at + 1)));
        expect(await messageByConnectlyId(t, connectlyId)).toBeNull();
      } finally {
        release(); // never leave the sandbox holding a request
      }
      const m = await sending;
      expect(m.id).toBe(pending.edges[0]!.node.id);
      expect(m.connectlyId).toBe(connectlyId);
      expect(m.deliveryStatus).toBe("DELIVERED");
      expect(m.statusHistory.map((e) => e.status)).toEqual(["SENT", "DELIVERED"]);
      expect((await readMessage(t, m.id)).deliveryStatus).toBe("DELIVERED");
    });

    it("events that beat the send's answer reach a subscriber each once, after the outcome and as soon as it is stored", async () => {
      const businessId = freshBusiness("beaten");
      const recipient = freshCustomer();
      const messageId = `order-${tag()}`;
      const connectlyId = await sendStraightToSandbox(t.sandbox, businessId, messageId, recipient);
      const { arrived, release } = holdNextSend(businessId);
      const sending = sendText(t, businessId, recipient, { messageId });
      const at = nowSeconds() - 30;
      let changes: AsyncIterator<StatusChange> | undefined;
      try {
        await arrived;
        const pendingId = (await messagesPage(t, { businessId })).edges[0]!.node.id;
        changes = t.gateway.pubsub.subscribe({ messageId: pendingId });
        // Stored before the message has its Connectly id: nobody can be told of them yet.
        expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "delivered", at + 1)));
        expectAcknowledged(await postSignedEvent(t.url, businessId, event(connectlyId, "sent", at)));
      } finally {
        release();
      }
      try {
        const m = await sending;
        const next = async (): Promise<StatusChange> => {
          const change = await changes.next();
          if (change.done) throw new Error("the subscription ended");
          return change.value;
        };
        // The outcome first (already carrying the events), then each event, in the order they happened.
        expect(await next()).toMatchObject({ message: { id: m.id, status: "ACCEPTED", deliveryStatus: "DELIVERED" }, event: null });
        const first = await next();
        const second = await next();
        expect([first, second].map((c) => [c.message.id, c.message.deliveryStatus, c.event?.status, c.event?.occurredAt.toISOString()])).toEqual([
          [m.id, "DELIVERED", "SENT", iso(at)],
          [m.id, "DELIVERED", "DELIVERED", iso(at + 1)],
        ]);
      } finally {
        await changes?.return?.();
      }
    }, 10_000); // without the accepted send's own look the events would come only with the timer (1 s), or never

    it("when the message's Connectly id is stored without taking an earlier event (a lost race), the ingest's re-check attaches it and publishes the change", async () => {
      const businessId = freshBusiness("reattach");
      const m = await sendText(t, businessId, freshCustomer());
      const lateId = freshConnectlyId();
      const at = nowSeconds() - 30;
      // The event comes first and finds no message ...
      expectAcknowledged(await postSignedEvent(t.url, businessId, event(lateId, "delivered", at)));
      const changes = t.gateway.pubsub.subscribe({ messageId: m.id });
      try {
        // ... then the message's Connectly id is stored by a write that did not see the event (what
        // markAccepted does when its read runs before the event's insert commits; not reproducible on demand).
        await t.gateway.database.prisma.message.update({ where: { id: m.id }, data: { connectlyId: lateId } });
        expect((await readMessage(t, m.id)).deliveryStatus).toBeNull();
        // The ingest looks again for events stored before their message (about a second later, on its timer).
        const change = await changes.next();
        expect(change.done).toBe(false);
        // With the event it had not been told of.
        expect(change.value).toMatchObject({
          message: { id: m.id, connectlyId: lateId, deliveryStatus: "DELIVERED" },
          event: { connectlyId: lateId, status: "DELIVERED" },
        });
      } finally {
        await changes.return?.();
      }
      const after = await readMessage(t, m.id);
      expect(after.deliveryStatus).toBe("DELIVERED");
      expect(after.deliveryStatusAt).toBe(iso(at));
      expect(after.statusHistory.map((e) => e.status)).toEqual(["DELIVERED"]);
    }, 10_000); // the re-check runs about a second after the event: fail plainly if it never comes
  });
});

describe("the sandbox's own status webhooks, end to end", () => {
  const lifecycle = (failureRate: number): Partial<Config> => ({
    connectly: { mode: "sandbox", sandboxPort: 0, statusEvents: true, failureRate, statusDelayMs: 5 },
  });

  describe("failureRate 0: sent, delivered, read", () => {
    let t: TestGateway;
    beforeAll(async () => {
      t = await startTestGateway("delivery-status-lifecycle", lifecycle(0));
    });
    afterAll(() => t?.close());

    it("a sent message ends READ with SENT, DELIVERED, READ in its history", async () => {
      const businessId = freshBusiness("lifecycle");
      const m = await sendText(t, businessId, freshCustomer(), { campaignName: "live" });
      const posted = await sandboxStatusPosts(t.sandbox, m.connectlyId, ["sent", "delivered", "read"]);
      expect(posted.map((w) => w.status)).toEqual([200, 200, 200]);
      expect(posted.every((w) => w.address.includes(`businessId=${businessId}`))).toBe(true);

      const final = await readMessage(t, m.id);
      expect(final.deliveryStatus).toBe("READ");
      expect(final.deliveryError).toBeNull();
      expect(final.statusHistory.map((e) => e.status)).toEqual(["SENT", "DELIVERED", "READ"]);
      expect(t.sandbox.webhooks.some(statusPosted(m.connectlyId, "delivery_failed"))).toBe(false);
    });
  });

  describe("failureRate 1: sent, delivery_failed", () => {
    let t: TestGateway;
    beforeAll(async () => {
      t = await startTestGateway("delivery-status-failing", lifecycle(1));
    });
    afterAll(() => t?.close());

    it("a sent message ends FAILED with the sandbox's deliveryError, SENT then FAILED in its history", async () => {
      const businessId = freshBusiness("failing");
      const m = await sendText(t, businessId, freshCustomer());
      const posted = await sandboxStatusPosts(t.sandbox, m.connectlyId, ["sent", "delivery_failed"]);
      expect(posted.map((w) => w.status)).toEqual([200, 200]);

      const final = await readMessage(t, m.id);
      expect(final.status).toBe("ACCEPTED");
      expect(final.deliveryStatus).toBe("FAILED");
      expect(final.deliveryError).toEqual({
        code: "ERROR_CODE_RECIPIENT_UNREACHABLE",
        message: "Sandbox: the message could not be delivered to the recipient's phone.",
      });
      expect(final.statusHistory.map((e) => [e.status, e.error?.code ?? null])).toEqual([
        ["SENT", null],
        ["FAILED", "ERROR_CODE_RECIPIENT_UNREACHABLE"],
      ]);
      expect(t.sandbox.webhooks.some(statusPosted(m.connectlyId, "delivered"))).toBe(false);
    });
  });
});
