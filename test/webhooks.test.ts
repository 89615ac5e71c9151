/**
 * POST /webhooks/connectly end to end over real HTTP: the signature check (and that nothing is
 * stored when it fails), a gateway without a secret that still takes its built-in sandbox's events,
 * content types, the body limit, refused events kept in RejectedWebhook, duplicates (also
 * concurrent), what delivery-status events do to a message (also when they come before it, out of
 * order, or report a failure), and what inbound messages do to the customer's 24-hour window.
 * Every test has its own businessId and Connectly ids.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CustomerWindowDocument, type CustomerWindowQuery } from "./generated/graphql.js";
import { startTestGateway, TEST_WEBHOOK_SECRET, type TestGateway } from "./support/gateway.js";
import { messageByConnectlyId, readMessage, sandboxStatusPosts, sendText } from "./support/messages.js";
import { execute } from "./support/send.js";
import {
  expectAcknowledged,
  expectRefusedWebhook,
  inboundMessageEvent,
  iso,
  nowSeconds,
  postSignedBody,
  statusEvent,
  webhookUrl,
  type PostBodyOptions,
} from "./support/webhooks.js";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const MAX_BYTES = 262_144;

let seq = 0;
/** A businessId, customer number and Connectly id no other test uses. */
const fresh = () => {
  const n = seq++;
  const tag = randomBytes(3).toString("hex");
  return {
    businessId: `biz-wh-${n}-${tag}`,
    customer: `+1604777${String(1000 + n)}`,
    connectlyId: `01WH${String(n).padStart(4, "0")}${tag.toUpperCase()}`,
  };
};

interface PostOptions extends PostBodyOptions {
  /** ?businessId=; null for none. */
  readonly businessId: string | null;
  /** The secret to sign with (default TEST_WEBHOOK_SECRET); null sends no signature header. */
  readonly secret?: string | null;
}

/** One real HTTP POST to the webhook endpoint, signed like Connectly signs (text/plain by default, as Connectly sends). */
const postWebhook = (t: TestGateway, body: string, { businessId, secret = TEST_WEBHOOK_SECRET, ...options }: PostOptions) =>
  postSignedBody(businessId === null ? webhookUrl(t.url, "", "none") : webhookUrl(t.url, businessId), body, secret, options);

const postEvent = (t: TestGateway, event: unknown, options: PostOptions) => postWebhook(t, JSON.stringify(event), options);

/** The documented delivery_failed error object. */
const FAILURE = {
  type: "ERROR_TYPE_DELIVERY_FAILED",
  code: "ERROR_CODE_RECIPIENT_UNREACHABLE",
  message: "The message could not be delivered to the recipient's phone.",
  userTitle: "Message undeliverable",
  userMessage: "The recipient's phone could not be reached.",
  cntTraceId: "trace-123",
  details: [],
};

async function customer(t: TestGateway, businessId: string, id: string): Promise<CustomerWindowQuery["customer"]> {
  const response = await execute(t, CustomerWindowDocument, { businessId, id });
  expect(response.errors).toBeUndefined();
  return response.data!.customer;
}

describe("the webhook endpoint (secret configured, sandbox status webhooks off)", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("webhooks");
  });
  afterAll(() => t?.close());

  const storedEvents = (connectlyId: string) => t.gateway.database.prisma.messageStatusEvent.findMany({ where: { connectlyId } });
  const rejectedOf = (businessId: string) => t.gateway.database.prisma.rejectedWebhook.findMany({ where: { businessId } });

  describe("signature", () => {
    it("a correctly signed event is accepted (200) and stored", async () => {
      const { businessId, connectlyId } = fresh();
      const at = nowSeconds();
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "sent", at), { businessId }), "delivery_status");
      const rows = await storedEvents(connectlyId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ connectlyId, status: "SENT", occurredAt: new Date(at * 1000), businessId });
    });

    it("no signature header: 401 INVALID_SIGNATURE, nothing stored", async () => {
      const { businessId, connectlyId } = fresh();
      expectRefusedWebhook(await postEvent(t, statusEvent(connectlyId, "sent", nowSeconds()), { businessId, secret: null }), 401, "INVALID_SIGNATURE");
      expect(await storedEvents(connectlyId)).toEqual([]);
      expect(await rejectedOf(businessId)).toEqual([]);
    });

    it("signed with another secret: 401 INVALID_SIGNATURE, nothing stored", async () => {
      const { businessId, connectlyId } = fresh();
      expectRefusedWebhook(
        await postEvent(t, statusEvent(connectlyId, "sent", nowSeconds()), { businessId, secret: "not-the-secret" }),
        401,
        "INVALID_SIGNATURE",
      );
      expect(await storedEvents(connectlyId)).toEqual([]);
      expect(await rejectedOf(businessId)).toEqual([]);
    });

    it("the body changed after signing: 401 INVALID_SIGNATURE, nothing stored", async () => {
      const { businessId, connectlyId } = fresh();
      const at = nowSeconds();
      const signed = JSON.stringify(statusEvent(connectlyId, "sent", at));
      const changed = JSON.stringify(statusEvent(connectlyId, "read", at));
      expectRefusedWebhook(await postWebhook(t, signed, { businessId, sentBody: changed }), 401, "INVALID_SIGNATURE");
      expect(await storedEvents(connectlyId)).toEqual([]);
      expect(await rejectedOf(businessId)).toEqual([]);
    });

    it("a signed body that is not even JSON is refused as 401 when the signature is wrong, not 400", async () => {
      const { businessId } = fresh();
      expectRefusedWebhook(await postWebhook(t, "{not json", { businessId, secret: "wrong" }), 401, "INVALID_SIGNATURE");
      expect(await rejectedOf(businessId)).toEqual([]);
    });
  });

  describe("content types and size", () => {
    it.each([
      ["text/plain; charset=utf-8 (as Connectly sends)", "text/plain; charset=utf-8"],
      ["application/json", "application/json"],
      ["application/octet-stream", "application/octet-stream"],
      ["no content type at all", null],
    ])("%s: accepted and stored", async (_what, contentType) => {
      const { businessId, connectlyId } = fresh();
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "delivered", nowSeconds()), { businessId, contentType }), "delivery_status");
      expect((await storedEvents(connectlyId)).map((e) => e.status)).toEqual(["DELIVERED"]);
    });

    it("a UTF-8 byte-order mark before the JSON is accepted", async () => {
      const { businessId, connectlyId } = fresh();
      expectAcknowledged(await postWebhook(t, "\uFEFF" + JSON.stringify(statusEvent(connectlyId, "sent", nowSeconds())), { businessId }), "delivery_status");
      expect(await storedEvents(connectlyId)).toHaveLength(1);
    });

    /** A signed event padded to exactly `bytes` bytes. */
    const padded = (connectlyId: string, bytes: number): string => {
      const base = JSON.stringify({ ...statusEvent(connectlyId, "sent", nowSeconds()), padding: "" });
      const body = base.replace('"padding":""', `"padding":"${"x".repeat(bytes - Buffer.byteLength(base))}"`);
      expect(Buffer.byteLength(body)).toBe(bytes);
      return body;
    };

    it(`a body of exactly maxBytes (${MAX_BYTES}) is accepted`, async () => {
      const { businessId, connectlyId } = fresh();
      expectAcknowledged(await postWebhook(t, padded(connectlyId, MAX_BYTES), { businessId }), "delivery_status");
      expect(await storedEvents(connectlyId)).toHaveLength(1);
    });

    it("a body one byte over maxBytes: 413 BODY_TOO_LARGE, nothing stored", async () => {
      const { businessId, connectlyId } = fresh();
      expectRefusedWebhook(await postWebhook(t, padded(connectlyId, MAX_BYTES + 1), { businessId }), 413, "BODY_TOO_LARGE");
      expect(await storedEvents(connectlyId)).toEqual([]);
      expect(await rejectedOf(businessId)).toEqual([]);
    });
  });

  describe("refused events: 400 with a code and a reason, kept in RejectedWebhook", () => {
    async function expectKept(body: string, businessId: string, contentType: string, code: string, reason: RegExp) {
      const answer = await postWebhook(t, body, { businessId, contentType });
      expectRefusedWebhook(answer, 400, code);
      expect(answer.body.error!.message).toMatch(reason);
      const rows = await rejectedOf(businessId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ reason: answer.body.error!.message, body, contentType, businessId });
      expect(rows[0]!.receivedAt).toBeInstanceOf(Date);
    }

    it("malformed JSON: MALFORMED_EVENT", async () => {
      const { businessId } = fresh();
      await expectKept('{"topic": "delivery_status", "timestamp": ', businessId, "text/plain; charset=utf-8", "MALFORMED_EVENT", /not JSON/);
    });

    it("a JSON array (of events): UNRECOGNISED_EVENT, the body must be an object", async () => {
      const { businessId, connectlyId } = fresh();
      const body = JSON.stringify([statusEvent(connectlyId, "sent", nowSeconds())]);
      await expectKept(body, businessId, "application/json", "UNRECOGNISED_EVENT", /JSON object/);
      expect(await storedEvents(connectlyId)).toEqual([]);
    });

    it("a delivery status with an unknown status word: MALFORMED_EVENT naming statusUpdate.status", async () => {
      const { businessId, connectlyId } = fresh();
      const body = JSON.stringify(statusEvent(connectlyId, "bounced", nowSeconds()));
      await expectKept(body, businessId, "text/plain; charset=utf-8", "MALFORMED_EVENT", /statusUpdate\.status.*bounced/);
      expect(await storedEvents(connectlyId)).toEqual([]);
    });

    it("an unrecognised topic: UNRECOGNISED_EVENT naming it", async () => {
      const { businessId, connectlyId } = fresh();
      const body = JSON.stringify({ ...statusEvent(connectlyId, "sent", nowSeconds()), topic: "reactions" });
      await expectKept(body, businessId, "text/plain; charset=utf-8", "UNRECOGNISED_EVENT", /unrecognised topic "reactions"/);
      expect(await storedEvents(connectlyId)).toEqual([]);
    });

    it("an inbound message without a sender: MALFORMED_EVENT naming sender", async () => {
      const { businessId, customer: customerId } = fresh();
      const { sender: _dropped, ...body } = inboundMessageEvent(customerId, nowSeconds());
      await expectKept(JSON.stringify(body), businessId, "text/plain; charset=utf-8", "MALFORMED_EVENT", /sender/);
    });

    it("a bad ?businessId ('a b', or over 128 characters): 400 BAD_REQUEST, nothing stored", async () => {
      const { connectlyId } = fresh();
      const event = statusEvent(connectlyId, "sent", nowSeconds());
      expectRefusedWebhook(await postEvent(t, event, { businessId: "a b" }), 400, "BAD_REQUEST");
      expectRefusedWebhook(await postEvent(t, event, { businessId: "b".repeat(129) }), 400, "BAD_REQUEST");
      expectRefusedWebhook(await postEvent(t, event, { businessId: "" }), 400, "BAD_REQUEST");
      expect(await storedEvents(connectlyId)).toEqual([]);
      expect(await t.gateway.database.prisma.rejectedWebhook.count({ where: { body: { contains: connectlyId } } })).toBe(0);
    });
  });

  describe("duplicates", () => {
    it("the same event twice: both 200, the second says duplicate, one row", async () => {
      const { businessId, connectlyId } = fresh();
      const body = JSON.stringify(statusEvent(connectlyId, "delivered", nowSeconds()));
      expectAcknowledged(await postWebhook(t, body, { businessId }), "delivery_status", false);
      expectAcknowledged(await postWebhook(t, body, { businessId }), "delivery_status", true);
      expect(await storedEvents(connectlyId)).toHaveLength(1);
    });

    it("the same event twice at once: both 200, exactly one says duplicate, one row", async () => {
      const { businessId, connectlyId } = fresh();
      const body = JSON.stringify(statusEvent(connectlyId, "read", nowSeconds()));
      const answers = await Promise.all([postWebhook(t, body, { businessId }), postWebhook(t, body, { businessId })]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(answers.map((a) => a.body.duplicate).sort()).toEqual([false, true]);
      expect(await storedEvents(connectlyId)).toHaveLength(1);
    });

    it("the same status at another time is another event; another status at the same time too", async () => {
      const { businessId, connectlyId } = fresh();
      const at = nowSeconds();
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "sent", at), { businessId }), "delivery_status", false);
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "sent", at + 1), { businessId }), "delivery_status", false);
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "delivered", at), { businessId }), "delivery_status", false);
      expect(await storedEvents(connectlyId)).toHaveLength(3);
    });
  });

  describe("delivery status of a message the gateway sent", () => {
    it("sent then delivered: deliveryStatus DELIVERED, statusHistory in order, callbackData and raw event kept", async () => {
      const { businessId, customer: recipient } = fresh();
      const callbackData = { order_id: "A-17", items: [1, 2] };
      const sent = await sendText(t, businessId, recipient, { callbackData, campaignName: "spring" });
      expect(sent.deliveryStatus).toBeNull();
      expect(sent.statusHistory).toEqual([]);
      const connectlyId = sent.connectlyId;
      const at = nowSeconds() - 5;
      const first = statusEvent(connectlyId, "sent", at, { callbackData, campaignName: "spring", recipient });
      const second = statusEvent(connectlyId, "delivered", at + 2, { callbackData, campaignName: "spring", recipient });
      expectAcknowledged(await postEvent(t, first, { businessId }), "delivery_status");
      expectAcknowledged(await postEvent(t, second, { businessId }), "delivery_status");

      const m = await readMessage(t, sent.id);
      expect(m.deliveryStatus).toBe("DELIVERED");
      expect(m.deliveryStatusAt).toBe(iso(at + 2));
      expect(m.deliveryError).toBeNull();
      // The event exactly as posted (raw), and what the gateway read from it.
      expect(m.statusHistory.map(({ status, occurredAt, callbackData, error, raw }) => ({ status, occurredAt, callbackData, error, raw }))).toEqual([
        { status: "SENT", occurredAt: iso(at), callbackData, error: null, raw: first },
        { status: "DELIVERED", occurredAt: iso(at + 2), callbackData, error: null, raw: second },
      ]);
      expect(await messageByConnectlyId(t, connectlyId)).toMatchObject({ id: sent.id });

      const rows = await storedEvents(connectlyId);
      expect(rows.map((r) => ({ businessId: r.businessId, campaignName: r.campaignName, recipientId: r.recipientId, callbackData: r.callbackData }))).toEqual([
        { businessId, campaignName: "spring", recipientId: recipient, callbackData },
        { businessId, campaignName: "spring", recipientId: recipient, callbackData },
      ]);
    });

    it("events out of order (read, then sent, then delivered): READ, history in the order they happened", async () => {
      const { businessId, customer: recipient } = fresh();
      const sent = await sendText(t, businessId, recipient);
      const connectlyId = sent.connectlyId;
      const at = nowSeconds() - 10;
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "read", at + 3), { businessId }), "delivery_status");
      expect((await readMessage(t, sent.id)).deliveryStatus).toBe("READ");
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "sent", at), { businessId }), "delivery_status");
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "delivered", at + 1), { businessId }), "delivery_status");
      const m = await readMessage(t, sent.id);
      expect(m.deliveryStatus).toBe("READ");
      expect(m.deliveryStatusAt).toBe(iso(at + 3));
      expect(m.statusHistory.map((e) => e.status)).toEqual(["SENT", "DELIVERED", "READ"]);
    });

    it("events before their message: the mutation answers with the message already DELIVERED and both events in its history", async () => {
      const { businessId, customer: recipient, connectlyId } = fresh();
      const at = nowSeconds() - 5;
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "sent", at), { businessId }), "delivery_status");
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "delivered", at + 1), { businessId }), "delivery_status");
      expect(await messageByConnectlyId(t, connectlyId)).toBeNull();
      expect(await storedEvents(connectlyId)).toHaveLength(2);

      t.sandbox.injectFaults({ kind: "status", status: 200, body: { id: connectlyId } });
      const m = await sendText(t, businessId, recipient);
      expect(m.connectlyId).toBe(connectlyId);
      expect(m.deliveryStatus).toBe("DELIVERED");
      expect(m.deliveryStatusAt).toBe(iso(at + 1));
      expect(m.statusHistory.map((e) => [e.status, e.occurredAt])).toEqual([
        ["SENT", iso(at)],
        ["DELIVERED", iso(at + 1)],
      ]);
      expect((await readMessage(t, m.id)).deliveryStatus).toBe("DELIVERED");
    });

    it("delivery_failed with an error object: FAILED with deliveryError; a later delivered leaves it FAILED; a later read moves it to READ", async () => {
      const { businessId, customer: recipient } = fresh();
      const sent = await sendText(t, businessId, recipient);
      const connectlyId = sent.connectlyId;
      const at = nowSeconds() - 10;
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "sent", at), { businessId }), "delivery_status");
      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "delivery_failed", at + 1, { error: FAILURE }), { businessId }), "delivery_status");

      let m = await readMessage(t, sent.id);
      expect(m.deliveryStatus).toBe("FAILED");
      expect(m.deliveryStatusAt).toBe(iso(at + 1));
      expect(m.deliveryError).toEqual({ code: FAILURE.code, message: FAILURE.message });
      expect(m.statusHistory.map((e) => [e.status, e.error])).toEqual([
        ["SENT", null],
        ["FAILED", { code: FAILURE.code, message: FAILURE.message }],
      ]);
      // The send itself stays ACCEPTED: Connectly took the message; delivery is what failed.
      expect(m.status).toBe("ACCEPTED");

      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "delivered", at + 2), { businessId }), "delivery_status");
      m = await readMessage(t, sent.id);
      expect(m.deliveryStatus).toBe("FAILED");
      expect(m.deliveryError).toEqual({ code: FAILURE.code, message: FAILURE.message });

      expectAcknowledged(await postEvent(t, statusEvent(connectlyId, "read", at + 3), { businessId }), "delivery_status");
      m = await readMessage(t, sent.id);
      expect(m.deliveryStatus).toBe("READ");
      expect(m.deliveryStatusAt).toBe(iso(at + 3));
      expect(m.deliveryError).toBeNull();
      expect(m.statusHistory.map((e) => e.status)).toEqual(["SENT", "FAILED", "DELIVERED", "READ"]);
    });

    it("delivery_failed without an error object: FAILED with a generic deliveryError", async () => {
      const { businessId, customer: recipient } = fresh();
      const sent = await sendText(t, businessId, recipient);
      expectAcknowledged(await postEvent(t, statusEvent(sent.connectlyId, "delivery_failed", nowSeconds()), { businessId }), "delivery_status");
      const m = await readMessage(t, sent.id);
      expect(m.deliveryStatus).toBe("FAILED");
      expect(m.deliveryError).toEqual({ code: "DELIVERY_FAILED", message: expect.stringMatching(/not delivered/) as string });
    });

    it("delivery_failed whose error object lacks userMessage (type, code, message only): accepted, FAILED with that error", async () => {
      const { businessId, customer: recipient } = fresh();
      const sent = await sendText(t, businessId, recipient);
      const error = { type: FAILURE.type, code: FAILURE.code, message: FAILURE.message };
      expectAcknowledged(await postEvent(t, statusEvent(sent.connectlyId, "delivery_failed", nowSeconds(), { error }), { businessId }), "delivery_status");
      const m = await readMessage(t, sent.id);
      expect(m.deliveryStatus).toBe("FAILED");
      expect(m.deliveryError).toEqual({ code: FAILURE.code, message: FAILURE.message });
    });
  });

  describe("inbound messages and the 24-hour session window", () => {
    it("an inbound message opens the window: expiresAt = its timestamp + 24 h, name and lastInboundAt from it", async () => {
      const { businessId, customer: customerId } = fresh();
      const at = nowSeconds() - 60;
      expectAcknowledged(await postEvent(t, inboundMessageEvent(customerId, at), { businessId }), "messages");
      expect(await customer(t, businessId, customerId)).toEqual({
        id: customerId,
        businessId,
        name: "Ada",
        lastInboundAt: iso(at),
        sessionWindow: { open: true, expiresAt: new Date(at * 1000 + DAY).toISOString() },
      });
      // Only for that business.
      expect((await customer(t, `${businessId}-other`, customerId)).sessionWindow).toEqual({ open: false, expiresAt: null });
    });

    it("an inbound message from 25 hours ago leaves the window closed (expiresAt an hour ago)", async () => {
      const { businessId, customer: customerId } = fresh();
      const at = nowSeconds() - 25 * 3600;
      expectAcknowledged(await postEvent(t, inboundMessageEvent(customerId, at), { businessId }), "messages");
      const c = await customer(t, businessId, customerId);
      expect(c.lastInboundAt).toBe(iso(at));
      expect(c.sessionWindow).toEqual({ open: false, expiresAt: new Date(at * 1000 + DAY).toISOString() });
    });

    it("an older message arriving after a newer one does not move lastInboundAt (or the name) back", async () => {
      const { businessId, customer: customerId } = fresh();
      const newer = nowSeconds() - 60;
      const older = newer - 3600;
      expectAcknowledged(
        await postEvent(t, inboundMessageEvent(customerId, newer, { sender: { id: customerId, channelType: "whatsapp", name: "Ada Lovelace" } }), {
          businessId,
        }),
        "messages",
      );
      expectAcknowledged(
        await postEvent(t, inboundMessageEvent(customerId, older, { sender: { id: customerId, channelType: "whatsapp", name: "Old Name" } }), { businessId }),
        "messages",
      );
      const c = await customer(t, businessId, customerId);
      expect(c.lastInboundAt).toBe(iso(newer));
      expect(c.name).toBe("Ada Lovelace");
      expect(c.sessionWindow).toEqual({ open: true, expiresAt: new Date(newer * 1000 + DAY).toISOString() });
      expect(await t.gateway.database.prisma.inboundMessage.count({ where: { businessId, customerId } })).toBe(2);
    });

    it("a newer message after an older one moves the window forward", async () => {
      const { businessId, customer: customerId } = fresh();
      const older = nowSeconds() - 30 * 3600;
      const newer = nowSeconds() - 30;
      expectAcknowledged(await postEvent(t, inboundMessageEvent(customerId, older), { businessId }), "messages");
      expect((await customer(t, businessId, customerId)).sessionWindow.open).toBe(false);
      expectAcknowledged(await postEvent(t, inboundMessageEvent(customerId, newer), { businessId }), "messages");
      expect((await customer(t, businessId, customerId)).sessionWindow).toEqual({ open: true, expiresAt: new Date(newer * 1000 + DAY).toISOString() });
    });

    it("the same inbound message twice: the second is a duplicate, stored once", async () => {
      const { businessId, customer: customerId } = fresh();
      const body = JSON.stringify(inboundMessageEvent(customerId, nowSeconds() - 5));
      expectAcknowledged(await postWebhook(t, body, { businessId }), "messages", false);
      expectAcknowledged(await postWebhook(t, body, { businessId }), "messages", true);
      expect(await t.gateway.database.prisma.inboundMessage.count({ where: { businessId, customerId } })).toBe(1);
    });

    it("an inbound message without a business in its address (none configured by name): 400 BUSINESS_REQUIRED, nothing stored", async () => {
      const { businessId, customer: customerId } = fresh();
      expectRefusedWebhook(await postEvent(t, inboundMessageEvent(customerId, nowSeconds() - 5), { businessId: null }), 400, "BUSINESS_REQUIRED");
      expect(await t.gateway.database.prisma.inboundMessage.count({ where: { customerId } })).toBe(0);
      expect(await t.gateway.database.prisma.rejectedWebhook.count({ where: { body: { contains: customerId } } })).toBe(0);
      expect((await customer(t, businessId, customerId)).sessionWindow).toEqual({ open: false, expiresAt: null });
    });

    it("a customer never seen: window closed, expiresAt null, lastInboundAt null", async () => {
      const { businessId, customer: customerId } = fresh();
      expect(await customer(t, businessId, customerId)).toEqual({
        id: customerId,
        businessId,
        name: null,
        lastInboundAt: null,
        sessionWindow: { open: false, expiresAt: null },
      });
    });

    it("a quoted button reply keeps the quoted message's id, callbackData and the raw event", async () => {
      const { businessId, customer: customerId, connectlyId } = fresh();
      const event = inboundMessageEvent(customerId, nowSeconds() - 5, {
        message: { text: "Yes", isButtonResponse: true },
        context: { replyToMessageId: connectlyId },
        callbackData: { order_id: "B-2" },
      });
      expectAcknowledged(await postEvent(t, event, { businessId }), "messages");
      const row = await t.gateway.database.prisma.inboundMessage.findFirstOrThrow({ where: { businessId, customerId } });
      expect(row).toMatchObject({ replyToConnectlyId: connectlyId, callbackData: { order_id: "B-2" }, text: "Yes", raw: event });
      expect((await customer(t, businessId, customerId)).sessionWindow.open).toBe(true);
    });

    it("a phone-less BSUID customer opens the window under their BSUID", async () => {
      const { businessId } = fresh();
      const bsuid = `US.1349120865530274${String(1000 + seq)}`;
      const event = inboundMessageEvent(bsuid, nowSeconds() - 5, { sender: { id: bsuid, channelType: "whatsapp", userId: bsuid, phoneNumber: "" } });
      expectAcknowledged(await postEvent(t, event, { businessId }), "messages");
      const c = await customer(t, businessId, bsuid);
      expect(c.sessionWindow.open).toBe(true);
      expect(c.name).toBeNull();
    });

    it("the sandbox's own inbound webhook (postInbound) opens the window", async () => {
      const { businessId, customer: customerId } = fresh();
      const posted = await t.sandbox.postInbound(businessId, { id: customerId, name: "Grace" }, "Where is my order?");
      expect(posted).toMatchObject({ topic: "messages", status: 200 });
      expect(posted!.address).toContain(`businessId=${businessId}`);
      const c = await customer(t, businessId, customerId);
      expect(c.name).toBe("Grace");
      expect(c.sessionWindow.open).toBe(true);
      expect(Date.parse(c.sessionWindow.expiresAt!) - Date.parse(c.lastInboundAt!)).toBe(DAY);
    });
  });
});

describe("a gateway without a webhook secret (sandbox status webhooks on)", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("webhooks_nosecret", {
      webhooks: { secrets: [], businessSecrets: new Map(), maxBytes: MAX_BYTES },
      connectly: { mode: "sandbox", sandboxPort: 0, statusEvents: true, failureRate: 0, statusDelayMs: 5 },
    });
  });
  afterAll(() => t?.close());

  it("refuses a correctly signed event with 401 WEBHOOK_SECRET_NOT_CONFIGURED, storing nothing", async () => {
    const { businessId, connectlyId } = fresh();
    expectRefusedWebhook(await postEvent(t, statusEvent(connectlyId, "sent", nowSeconds()), { businessId }), 401, "WEBHOOK_SECRET_NOT_CONFIGURED");
    expect(await t.gateway.database.prisma.messageStatusEvent.count({ where: { connectlyId } })).toBe(0);
  });

  it("still takes the built-in sandbox's own events: sent, delivered, read all answered 200, message READ", async () => {
    const { businessId, customer: recipient } = fresh();
    const sent = await sendText(t, businessId, recipient, { callbackData: { ref: "nosecret" } });
    const connectlyId = sent.connectlyId;
    const posted = await sandboxStatusPosts(t.sandbox, connectlyId, ["sent", "delivered", "read"]);
    expect(posted.map((w) => w.status)).toEqual([200, 200, 200]);
    expect(posted.every((w) => w.address.includes(`businessId=${businessId}`))).toBe(true);

    const m = await readMessage(t, sent.id);
    expect(m.deliveryStatus).toBe("READ");
    expect(m.statusHistory.map((e) => e.status)).toEqual(["SENT", "DELIVERED", "READ"]);
    expect(m.statusHistory.map((e) => e.callbackData)).toEqual([{ ref: "nosecret" }, { ref: "nosecret" }, { ref: "nosecret" }]);
  });

  it("still takes the sandbox's inbound webhooks", async () => {
    const { businessId, customer: customerId } = fresh();
    const posted = await t.sandbox.postInbound(businessId, { id: customerId }, "Hi");
    expect(posted?.status).toBe(200);
    expect((await customer(t, businessId, customerId)).sessionWindow.open).toBe(true);
  });
});
