/**
 * Inbound messages end to end: a signed messages webhook is stored (once per business), read back
 * with inboundMessage(id) and customer { lastInboundMessage }, and pushed to a graphql-ws
 * customerActivity subscriber; each kind the gateway models; linking to the answered message (by
 * Connectly id, by callbackData, never another business's, a reply stored before its message);
 * Message.replies; malformed events kept; bad arguments refused.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { activitySubscriptionsReach, postGraphQL, startTestGateway, type TestGateway } from "./support/gateway.js";
import { closeActivityClients, watchActivity } from "./support/activity.js";
import { execute, sendAccepted } from "./support/send.js";
import { customerMessageEvent, deliveryStatusEvent, expectAcknowledged, expectRefusedWebhook, nowSeconds, postSignedEvent } from "./support/webhooks.js";
import { CustomerLastInboundDocument, InboundMessageByIdDocument, MessageRepliesDocument, type InboundFieldsFragment } from "./generated/graphql.js";

let t: TestGateway;
let seq = 0;
const freshBusiness = () => `biz-in-${seq++}-${randomBytes(3).toString("hex")}`;
const freshCustomer = () => `+1604888${String(1000 + (seq++ % 9000))}`;

beforeAll(async () => {
  t = await startTestGateway("inbound");
});
afterEach(closeActivityClients);
afterAll(async () => {
  await t?.close();
});

/**
 * Subscribes to one customer's activity and waits until the subscription is live; `close` waits
 * until the gateway has ended it (tests run one at a time, so the count is theirs).
 */
async function watchCustomer(businessId: string, customerId: string) {
  const before = t.gateway.activity.subscriptions;
  const watch = watchActivity(t.url, { businessId, customerId });
  const first = watch.next();
  await activitySubscriptionsReach(t.gateway, before + 1);
  const close = async () => {
    await watch.close();
    await activitySubscriptionsReach(t.gateway, before);
  };
  return { watch: { next: () => watch.next(), close }, first };
}

/** Posts `message` from the customer, expects it stored, and returns what the subscriber received. */
async function deliver(businessId: string, customerId: string, message: Record<string, unknown>, options: Parameters<typeof customerMessageEvent>[2] = {}) {
  const { watch, first } = await watchCustomer(businessId, customerId);
  expectAcknowledged(await postSignedEvent(t.url, businessId, customerMessageEvent(customerId, message, options)), "messages");
  const activity = await first;
  await watch.close();
  expect(activity.kind).toBe("INBOUND_MESSAGE");
  expect(activity.customer).toMatchObject({ id: customerId, businessId });
  expect(activity.sessionWindow.open).toBe(true);
  return activity.inboundMessage!;
}

async function readInbound(id: string): Promise<InboundFieldsFragment | null> {
  const response = await execute(t, InboundMessageByIdDocument, { id });
  expect(response.errors).toBeUndefined();
  return response.data!.inboundMessage;
}

/** The same message three ways: pushed, by id, and as the customer's last. */
async function expectReadBack(pushed: InboundFieldsFragment, businessId: string, customerId: string) {
  expect(await readInbound(pushed.id)).toEqual(pushed);
  const customer = await execute(t, CustomerLastInboundDocument, { businessId, id: customerId });
  expect(customer.errors).toBeUndefined();
  expect(customer.data!.customer.lastInboundMessage).toEqual(pushed);
}

describe("each kind, end to end", () => {
  const kinds: [string, Record<string, unknown>, InboundFieldsFragment["content"]][] = [
    ["a text", { text: "Where is my order?" }, { __typename: "InboundTextContent", text: "Where is my order?" }],
    [
      "attachments",
      { attachments: [{ type: "image", url: "https://cdn.example/p.jpg", mime_type: "image/jpeg", caption: "The box" }] },
      {
        __typename: "InboundAttachmentsContent",
        attachments: [{ type: "image", url: "https://cdn.example/p.jpg", mimeType: "image/jpeg", filename: null, caption: "The box" }],
        caption: "The box",
      },
    ],
    [
      "a location",
      { location: { latitude: "49.2827", longitude: -123.1207, name: "Home" } },
      { __typename: "InboundLocationContent", location: { latitude: 49.2827, longitude: -123.1207, name: "Home", address: null } },
    ],
    [
      "a button reply",
      { isButtonResponse: true, text: "Track it", button: { payload: "track", text: "Track it" } },
      { __typename: "ButtonReplyContent", buttonId: "track", buttonText: "Track it" },
    ],
    [
      "a list reply",
      { interactive: { type: "list_reply", list_reply: { id: "size-l", title: "Large", description: "16 inch" } } },
      { __typename: "ListReplyContent", rowId: "size-l", title: "Large", description: "16 inch" },
    ],
    ["a reaction", { reaction: { emoji: "🎉", messageId: "cly-unknown-1" } }, { __typename: "ReactionContent", emoji: "🎉" }],
    ["an unsupported kind", { contacts: [{ name: { formatted_name: "Bo" } }] }, { __typename: "UnsupportedInboundContent", kind: "contacts", note: null }],
  ];

  it.each(kinds)("%s: stored, pushed, read by id and as the customer's last", async (_name, message, content) => {
    const businessId = freshBusiness();
    const customerId = freshCustomer();
    const at = nowSeconds() - 5;
    const pushed = await deliver(businessId, customerId, message, { atSeconds: at });
    expect(pushed).toMatchObject({
      businessId,
      businessNumber: "+15550000000",
      customer: { id: customerId, name: "Ada" },
      content,
      referral: null,
      occurredAt: new Date(at * 1000).toISOString(),
    });
    expect(pushed.id).toMatch(/^\d+$/);
    expect((pushed.raw as { message: unknown }).message).toEqual(message);
    await expectReadBack(pushed, businessId, customerId);
  });

  it("a referral from an ad, beside the text", async () => {
    const businessId = freshBusiness();
    const customerId = freshCustomer();
    const referral = {
      source_url: "https://fb.me/ad-1",
      source_id: "ad-1",
      source_type: "ad",
      headline: "Spring sale",
      media_type: "image",
      image_url: "https://img.example/1.jpg",
      ctwa_clid: "clid-1",
    };
    const pushed = await deliver(businessId, customerId, { text: "Is this still on?", referral });
    expect(pushed.referral).toEqual({
      sourceUrl: "https://fb.me/ad-1",
      sourceId: "ad-1",
      sourceType: "ad",
      headline: "Spring sale",
      body: null,
      mediaType: "image",
      imageUrl: "https://img.example/1.jpg",
      videoUrl: null,
      ctwaClid: "clid-1",
    });
    await expectReadBack(pushed, businessId, customerId);
  });

  it("the customer's last message is the latest by Connectly's time, whatever the arrival order", async () => {
    const businessId = freshBusiness();
    const customerId = freshCustomer();
    const now = nowSeconds();
    const later = await deliver(businessId, customerId, { text: "second" }, { atSeconds: now - 10 });
    await deliver(businessId, customerId, { text: "first" }, { atSeconds: now - 20 });
    const customer = await execute(t, CustomerLastInboundDocument, { businessId, id: customerId });
    expect(customer.data!.customer.lastInboundMessage?.id).toBe(later.id);
    expect(customer.data!.customer.lastInboundAt).toBe(new Date((now - 10) * 1000).toISOString());
  });
});

describe("linking to the answered message", () => {
  const businessId = freshBusiness();
  const other = freshBusiness();

  const sendTo = (business: string, customerId: string, callbackData?: unknown) =>
    sendAccepted(t, {
      businessId: business,
      recipient: { id: customerId },
      content: { text: "Your order shipped" },
      ...(callbackData !== undefined ? { callbackData } : {}),
    });

  it("a quoted reply names the message by its Connectly id", async () => {
    const customerId = freshCustomer();
    const sent = await sendTo(businessId, customerId, { order: "q-1" });
    const reply = await deliver(
      businessId,
      customerId,
      { text: "Thanks!" },
      { context: { replyToMessageId: sent.connectlyId }, callbackData: { order: "q-1" } },
    );
    expect(reply).toMatchObject({
      linkedBy: "CONNECTLY_ID",
      replyToConnectlyId: sent.connectlyId,
      inReplyTo: { id: sent.id, businessId },
      callbackData: { order: "q-1" },
    });
  });

  it("a page read without its events' raw payloads still answers raw asked of one of its messages through a reply", async () => {
    const own = freshBusiness();
    const customerId = freshCustomer();
    const sent = await sendTo(own, customerId);
    const status = deliveryStatusEvent(sent.connectlyId!, "sent", customerId, nowSeconds() - 5);
    expectAcknowledged(await postSignedEvent(t.url, own, status));
    const reply = await deliver(own, customerId, { text: "Got it" }, { context: { replyToMessageId: sent.connectlyId } });
    // The page asks no raw, so it is read without; the reply reaches the same message row again.
    const response = await postGraphQL<{
      messages: { edges: { node: { id: string; statusHistory: unknown[]; replies: { id: string; inReplyTo: { id: string; statusHistory: unknown[] } }[] } }[] };
    }>(
      t.url,
      `query($b: ID!) { messages(filter: { businessId: $b }, first: 5) {
        edges { node { id statusHistory { status } replies { id inReplyTo { id statusHistory { status raw } } } } } } }`,
      { b: own },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.messages.edges.map((e) => e.node)).toEqual([
      {
        id: sent.id,
        statusHistory: [{ status: "SENT" }],
        replies: [{ id: reply.id, inReplyTo: { id: sent.id, statusHistory: [{ status: "SENT", raw: status }] } }],
      },
    ]);
  });

  it("a reaction names the message it reacts to", async () => {
    const customerId = freshCustomer();
    const sent = await sendTo(businessId, customerId);
    const reaction = await deliver(businessId, customerId, { reaction: { emoji: "👍", message_id: sent.connectlyId } });
    expect(reaction).toMatchObject({ linkedBy: "CONNECTLY_ID", inReplyTo: { id: sent.id }, content: { __typename: "ReactionContent", emoji: "👍" } });
  });

  it("callbackData alone: the latest message to the customer with equal callbackData", async () => {
    const customerId = freshCustomer();
    await sendTo(businessId, customerId, { order: "cb-1" });
    const latest = await sendTo(businessId, customerId, { order: "cb-1" });
    await sendTo(businessId, customerId, { order: "cb-2" });
    // Another customer's message with that callbackData is not theirs.
    await sendTo(businessId, freshCustomer(), { order: "cb-1" });
    const tap = await deliver(businessId, customerId, { isButtonResponse: true, text: "Yes" }, { callbackData: { order: "cb-1" } });
    expect(tap).toMatchObject({ linkedBy: "CALLBACK_DATA", inReplyTo: { id: latest.id }, replyToConnectlyId: null });
  });

  it("another business's message is never linked, by Connectly id or by callbackData", async () => {
    const customerId = freshCustomer();
    const theirs = await sendTo(other, customerId, { order: "x-1" });
    const reply = await deliver(businessId, customerId, { text: "re" }, { context: { id: theirs.connectlyId }, callbackData: { order: "x-1" } });
    expect(reply).toMatchObject({ linkedBy: null, inReplyTo: null, replyToConnectlyId: theirs.connectlyId });
    const replies = await execute(t, MessageRepliesDocument, { id: theirs.id });
    expect(replies.data!.message!.replies).toEqual([]);
  });

  it("a named Connectly id the gateway does not have is no reason to guess by callbackData; another customer's message is not linked", async () => {
    const customerId = freshCustomer();
    await sendTo(businessId, customerId, { order: "g-1" });
    const unknown = await deliver(businessId, customerId, { text: "re" }, { context: { replyToMessageId: "cly-not-yet" }, callbackData: { order: "g-1" } });
    expect(unknown).toMatchObject({ linkedBy: null, inReplyTo: null, replyToConnectlyId: "cly-not-yet" });
    const toSomeoneElse = await sendTo(businessId, freshCustomer());
    const quoting = await deliver(businessId, customerId, { text: "that one" }, { context: { replyToMessageId: toSomeoneElse.connectlyId } });
    expect(quoting).toMatchObject({ linkedBy: null, inReplyTo: null });
  });

  it("no link named and no callbackData: none", async () => {
    const customerId = freshCustomer();
    await sendTo(businessId, customerId, { order: "n-1" });
    expect(await deliver(businessId, customerId, { text: "hello" })).toMatchObject({ linkedBy: null, inReplyTo: null });
  });

  it("Message.replies lists its answers, oldest first", async () => {
    const customerId = freshCustomer();
    const sent = await sendTo(businessId, customerId, { order: "r-1" });
    const now = nowSeconds();
    const second = await deliver(businessId, customerId, { reaction: { emoji: "❤️", messageId: sent.connectlyId } }, { atSeconds: now - 1 });
    const first = await deliver(businessId, customerId, { text: "ok" }, { atSeconds: now - 3, context: { replyToMessageId: sent.connectlyId } });
    const third = await deliver(businessId, customerId, { button: { payload: "yes", text: "Yes" } }, { atSeconds: now, callbackData: { order: "r-1" } });
    const replies = await execute(t, MessageRepliesDocument, { id: sent.id });
    expect(replies.data!.message!.replies.map((r) => [r.id, r.linkedBy])).toEqual([
      [first.id, "CONNECTLY_ID"],
      [second.id, "CONNECTLY_ID"],
      [third.id, "CALLBACK_DATA"],
    ]);
  });

  it("a reply stored before its message is found by the Connectly id it names", async () => {
    const customerId = freshCustomer();
    const connectlyId = `cly-later-${randomBytes(4).toString("hex")}`;
    const early = await deliver(businessId, customerId, { text: "quick answer" }, { context: { replyToMessageId: connectlyId } });
    expect(early).toMatchObject({ inReplyTo: null, linkedBy: null, replyToConnectlyId: connectlyId });
    // The message appears afterwards with that Connectly id (as a send of another process would store it).
    const sent = await sendTo(businessId, customerId);
    await t.gateway.database.prisma.message.update({ where: { id: sent.id }, data: { connectlyId } });
    const replies = await execute(t, MessageRepliesDocument, { id: sent.id });
    expect(replies.data!.message!.replies.map((r) => r.id)).toEqual([early.id]);
    expect(await readInbound(early.id)).toMatchObject({ inReplyTo: { id: sent.id }, linkedBy: "CONNECTLY_ID" });
  });
});

describe("stored once per business", () => {
  it("a redelivery is a duplicate and tells nobody; the same body to another business is its own message", async () => {
    const [a, b] = [freshBusiness(), freshBusiness()];
    const customerId = freshCustomer();
    const body = customerMessageEvent(customerId, { text: "exact" }, { atSeconds: nowSeconds() - 1 });
    const { watch, first } = await watchCustomer(a, customerId);
    expectAcknowledged(await postSignedEvent(t.url, a, body), "messages");
    expectAcknowledged(await postSignedEvent(t.url, a, body), "messages", true);
    const stored = (await first).inboundMessage!;
    expect(stored.content).toEqual({ __typename: "InboundTextContent", text: "exact" });
    // The duplicate pushed nothing: the next activity is the next message.
    const following = watch.next();
    expectAcknowledged(await postSignedEvent(t.url, a, customerMessageEvent(customerId, { text: "after" })), "messages");
    expect((await following).inboundMessage?.content).toEqual({ __typename: "InboundTextContent", text: "after" });
    await watch.close();

    const { watch: watchB, first: firstB } = await watchCustomer(b, customerId);
    expectAcknowledged(await postSignedEvent(t.url, b, body), "messages");
    const other = (await firstB).inboundMessage!;
    await watchB.close();
    expect(other).toMatchObject({ businessId: b, content: stored.content, occurredAt: stored.occurredAt });
    expect(other.id).not.toBe(stored.id);
    expect(await t.gateway.database.prisma.inboundMessage.count({ where: { customerId, text: "exact" } })).toBe(2);
  });
});

describe("refusals", () => {
  it("a recognised kind missing what it needs is MALFORMED_EVENT, and kept", async () => {
    const businessId = freshBusiness();
    for (const message of [{ location: { name: "no numbers" } }, { attachments: [{ type: "image" }] }, { isButtonResponse: true }]) {
      const answer = await postSignedEvent(t.url, businessId, customerMessageEvent(freshCustomer(), message));
      expectRefusedWebhook(answer, 400, "MALFORMED_EVENT");
    }
    expect(await t.gateway.database.prisma.rejectedWebhook.count({ where: { businessId } })).toBe(3);
  });

  it("inboundMessage(id) of an id that is not digits, or of no message, is null", async () => {
    for (const id of ["abc", "-1", "1e3", "99999999999999999999", "9999999999999999999", "9223372036854775808", "9223372036854775000"])
      expect(await readInbound(id)).toBeNull();
  });

  it("customerActivity refuses bad arguments with BAD_USER_INPUT", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ businessId: "bad id!" }, "businessId"],
      [{ businessId: "", customerId: "+1" }, "businessId"],
      [{ businessId: freshBusiness(), customerId: "x".repeat(300) }, "customerId"],
      [{ businessId: freshBusiness(), customerId: "" }, "customerId"],
    ];
    for (const [variables, field] of cases) {
      const watch = watchActivity(t.url, variables as { businessId: string; customerId?: string });
      const result = await watch.result();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});
