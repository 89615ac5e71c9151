/**
 * Every content type, sent through the mutation over real HTTP to the sandbox: the REST body the
 * sandbox receives must be the reference's JSON example (plus message.id), the payload the stored
 * message, and the row ACCEPTED with the sandbox's id.
 */
import { makeExecutableSchema } from "@graphql-tools/schema";
import { getNullableType, isListType, isObjectType, type GraphQLObjectType, type GraphQLOutputType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_TYPES, type ContentKey } from "../src/domain/content-types.js";
import { loadTypeDefs } from "../src/graphql/schema.js";
import { StoredMessageDocument, type SendSessionMessageMutation } from "./generated/graphql.js";
import { SEND_MUTATION, startTestGateway, type TestGateway } from "./support/gateway.js";
import { execute, expectResult } from "./support/send.js";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway("content");
});
afterAll(() => t?.close());

const sender = { id: "+14151111234" };
const recipient = { id: "+16044441111" };
const restSender = { id: "+14151111234", channelType: "whatsapp" };
const restRecipient = { id: "+16044441111", channelType: "whatsapp" };

/** Sends the input and returns what the sandbox received and what the gateway returned and stored. */
async function send(content: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const before = t.sandbox.requests.length;
  const response = await t.graphql<SendSessionMessageMutation>(SEND_MUTATION, {
    input: { businessId: "biz-content", sender, recipient, content, ...extra },
  });
  expect(response.errors).toBeUndefined();
  const received = t.sandbox.requests.slice(before);
  expect(received).toHaveLength(1);
  const message = expectResult(response.data!.sendSessionMessage, "Message");
  const row = await t.gateway.database.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
  return { received: received[0]!, message, row };
}

/** The REST body of a reference example, with the message id the gateway adds. */
const restBody = (message: Record<string, unknown>, id: string) => ({ sender: restSender, recipient: restRecipient, message: { id, ...message } });

const cases: { name: string; content: Record<string, unknown>; rest: Record<string, unknown> }[] = [
  {
    name: "text",
    content: { text: "Hello, how can we help you today?" },
    rest: { text: "Hello, how can we help you today?" },
  },
  {
    name: "image attachment",
    content: { attachment: { type: "IMAGE", url: "https://example.com/image.jpg", caption: "Check this out!" } },
    rest: { attachments: [{ type: "image", url: "https://example.com/image.jpg", caption: "Check this out!" }] },
  },
  {
    name: "video attachment",
    content: { attachment: { type: "VIDEO", url: "https://example.com/video.mp4", caption: "Watch this!" } },
    rest: { attachments: [{ type: "video", url: "https://example.com/video.mp4", caption: "Watch this!" }] },
  },
  {
    name: "audio attachment",
    content: { attachment: { type: "AUDIO", url: "https://example.com/audio.mp3" } },
    rest: { attachments: [{ type: "audio", url: "https://example.com/audio.mp3" }] },
  },
  {
    name: "document attachment",
    content: { attachment: { type: "DOCUMENT", url: "https://example.com/invoice.pdf", caption: "Your invoice", filename: "invoice.pdf" } },
    rest: { attachments: [{ type: "document", url: "https://example.com/invoice.pdf", caption: "Your invoice", filename: "invoice.pdf" }] },
  },
  {
    name: "location",
    content: { location: { latitude: 37.7749, longitude: -122.4194, name: "Connectly HQ", address: "123 Main St, San Francisco" } },
    rest: { location: { latitude: 37.7749, longitude: -122.4194, name: "Connectly HQ", address: "123 Main St, San Francisco" } },
  },
  {
    name: "list message with a text header",
    content: {
      listMessage: {
        header: { text: "How can we help?" },
        footer: "Choose an option below.",
        button: "Select",
        sections: [
          {
            title: "Support",
            rows: [
              { id: "1", text: "Track my order", description: "Get your order status" },
              { id: "2", text: "Returns & refunds", description: "Start a return" },
            ],
          },
          { title: "Sales", rows: [{ id: "3", text: "Talk to sales", description: "Speak with our team" }] },
        ],
      },
    },
    rest: {
      listMessage: {
        header: { text: "How can we help?" },
        footer: { text: "Choose an option below." },
        button: { text: "Select" },
        sections: [
          {
            title: "Support",
            rows: [
              { id: "1", text: "Track my order", description: "Get your order status" },
              { id: "2", text: "Returns & refunds", description: "Start a return" },
            ],
          },
          { title: "Sales", rows: [{ id: "3", text: "Talk to sales", description: "Speak with our team" }] },
        ],
      },
    },
  },
  {
    name: "list message with an image header and a body",
    content: {
      listMessage: {
        header: { attachment: { type: "IMAGE", url: "https://cdn.connectly.ai/your-image.png" } },
        body: "Pick one",
        button: "Select",
        sections: [{ rows: [{ id: "a", text: "Option A" }] }],
      },
    },
    rest: {
      text: "Pick one",
      listMessage: {
        header: { attachment: { type: "image", url: "https://cdn.connectly.ai/your-image.png" } },
        button: { text: "Select" },
        sections: [{ rows: [{ id: "a", text: "Option A" }] }],
      },
    },
  },
  {
    name: "reply buttons",
    content: {
      replyButtonMessage: {
        header: { text: "Appointment reminder" },
        body: "Would you like to confirm your appointment?",
        footer: "Tap a button to respond.",
        buttons: [
          { id: "confirm", text: "Confirm ✓" },
          { id: "reschedule", text: "Reschedule" },
          { id: "cancel", text: "Cancel" },
        ],
      },
    },
    rest: {
      text: "Would you like to confirm your appointment?",
      replyButtonMessage: {
        header: { text: "Appointment reminder" },
        footer: { text: "Tap a button to respond." },
        buttons: [
          { id: "confirm", text: "Confirm ✓" },
          { id: "reschedule", text: "Reschedule" },
          { id: "cancel", text: "Cancel" },
        ],
      },
    },
  },
  {
    name: "reply buttons with a document header",
    content: {
      replyButtonMessage: {
        header: { attachment: { type: "DOCUMENT", url: "https://example.com/menu.pdf", filename: "menu.pdf" } },
        body: "Here is the menu",
        buttons: [{ id: "order", text: "Order" }],
      },
    },
    rest: {
      text: "Here is the menu",
      replyButtonMessage: {
        header: { attachment: { type: "document", url: "https://example.com/menu.pdf", filename: "menu.pdf" } },
        buttons: [{ id: "order", text: "Order" }],
      },
    },
  },
  {
    name: "single product",
    content: { singleProductMessage: { body: "Back in stock", footer: "Tap to view", catalogId: "cat-1", productRetailerId: "sku-42" } },
    rest: {
      text: "Back in stock",
      singleProductMessage: { footer: { text: "Tap to view" }, catalogId: "cat-1", productItem: { productRetailerId: "sku-42" } },
    },
  },
  {
    name: "single product without body",
    content: { singleProductMessage: { catalogId: "cat-1", productRetailerId: "sku-42" } },
    rest: { singleProductMessage: { catalogId: "cat-1", productItem: { productRetailerId: "sku-42" } } },
  },
  {
    name: "multi product",
    content: {
      multiProductMessage: {
        header: "Our picks",
        body: "Chosen for you",
        footer: "Prices include tax",
        catalogId: "cat-1",
        sections: [
          { title: "Shoes", productItems: [{ productRetailerId: "sku-1" }, { productRetailerId: "sku-2" }] },
          { title: "Hats", productItems: [{ productRetailerId: "sku-3" }] },
        ],
      },
    },
    rest: {
      text: "Chosen for you",
      multiProductMessage: {
        header: { text: "Our picks" },
        footer: { text: "Prices include tax" },
        catalogId: "cat-1",
        sections: [
          { title: "Shoes", productItems: [{ productRetailerId: "sku-1" }, { productRetailerId: "sku-2" }] },
          { title: "Hats", productItems: [{ productRetailerId: "sku-3" }] },
        ],
      },
    },
  },
];

describe("sendSessionMessage sends every content type as the reference shows it", () => {
  it.each(cases)("$name", async ({ content, rest }) => {
    const { received, message, row } = await send(content);
    expect(received.body).toEqual(restBody(rest, message.messageId));
    expect(received.status).toBe(200);
    expect(message.status).toBe("ACCEPTED");
    expect(message.connectlyId).toBe(received.id);
    expect(message.messageId).toBe(message.id);
    expect(message.content).toEqual(expand(content));
    expect(row.status).toBe("ACCEPTED");
    expect(row.connectlyId).toBe(received.id);
    expect(row.requestBody).toEqual(received.body);
  });
});

describe("the rest of the REST body", () => {
  it("fills channelType, maps callbackData, campaignName, order, recipient userId and name, and messageId", async () => {
    const { received, message, row } = await send(
      { text: "Your order is on its way!" },
      {
        recipient: { id: "+16044441111", userId: "US.13491208655302741918", name: "Ada" },
        sender: { id: "+14151111234", name: "Support" },
        callbackData: { order_id: "12345" },
        campaignName: "test_campaign_2022-03-12",
        order: { parentId: "01FPW47QF69Y5JZH24605VAKQB", strategy: "SHORT_CIRCUIT" },
        messageId: "client-chosen-1",
      },
    );
    expect(received.body).toEqual({
      sender: { id: "+14151111234", channelType: "whatsapp", name: "Support" },
      recipient: { id: "+16044441111", channelType: "whatsapp", userId: "US.13491208655302741918", name: "Ada" },
      message: { id: "client-chosen-1", text: "Your order is on its way!" },
      callbackData: { order_id: "12345" },
      campaignName: "test_campaign_2022-03-12",
      order: { parentId: "01FPW47QF69Y5JZH24605VAKQB", strategy: "short_circuit" },
    });
    expect(message.messageId).toBe("client-chosen-1");
    expect(row.callbackData).toEqual({ order_id: "12345" });
    expect(row.campaignName).toBe("test_campaign_2022-03-12");
  });

  it("passes callbackData through unchanged, nulls and all", async () => {
    const callbackData = { order_id: "12345", coupon: null, tags: [null, "vip"] };
    const { received, row } = await send({ text: "with nulls" }, { callbackData });
    expect((received.body as { callbackData: unknown }).callbackData).toEqual(callbackData);
    expect(row.callbackData).toEqual(callbackData);
  });

  it("omits sender when none is given", async () => {
    const before = t.sandbox.requests.length;
    const response = await t.graphql(SEND_MUTATION, { input: { businessId: "biz-content", recipient, content: { text: "hi" } } });
    expect(response.errors).toBeUndefined();
    const body = t.sandbox.requests[before]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty("sender");
    expect(body.recipient).toEqual(restRecipient);
  });

  it("reads the message back with the message query", async () => {
    const { message } = await send({ text: "find me" });
    const found = await execute(t, StoredMessageDocument, { id: message.id });
    expect(found.data?.message).toMatchObject({ id: message.id, status: "ACCEPTED", content: { __typename: "TextContent", text: "find me" } });
    const missing = await t.graphql(`query { message(id: "nope") { id } }`);
    expect(missing.data).toEqual({ message: null });
  });
});

/**
 * What the selection of a content returns: its union member's __typename (from the content-type
 * table) and, read through the SDL's output types, every field of the content, null where the input
 * omitted it.
 */
function expand(content: Record<string, unknown>): Record<string, unknown> {
  const key = Object.keys(content)[0] as ContentKey;
  const member = OUTPUT_SCHEMA.getType(CONTENT_TYPES[key].typename) as GraphQLObjectType;
  return { __typename: CONTENT_TYPES[key].typename, [key]: filled(member.getFields()[key]!.type, content[key]) };
}

const OUTPUT_SCHEMA = makeExecutableSchema({ typeDefs: loadTypeDefs() });

function filled(type: GraphQLOutputType, value: unknown): unknown {
  const nullable = getNullableType(type);
  if (value == null) return null;
  if (isListType(nullable)) return (value as unknown[]).map((v) => filled(nullable.ofType, v));
  if (!isObjectType(nullable)) return value;
  const given = value as Record<string, unknown>;
  return Object.fromEntries(Object.values(nullable.getFields()).map((f) => [f.name, filled(f.type, given[f.name])]));
}
