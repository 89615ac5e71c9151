/**
 * Inbound messages (topic messages) read from their JSON: every kind the gateway models in every
 * shape it reads (Connectly's documented ones, WhatsApp Cloud's, camelCase and snake_case), the
 * ad referral, the quoted and reacted-to message, what is refused as malformed, and (fast-check)
 * that any JSON in `message` is read or refused, never thrown on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWebhookEvent, type InboundEvent, type ParseResult } from "../src/webhooks/events.js";

const event = (message: unknown, extra: Record<string, unknown> = {}) => ({
  timestamp: "1764750000",
  sender: { id: "+16045550101", channelType: "whatsapp", name: "Ada" },
  recipient: { id: "+15550000000", channelType: "whatsapp", name: "business" },
  message,
  ...extra,
});

function inbound(result: ParseResult): InboundEvent {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  if (result.event.topic !== "messages") throw new Error("not an inbound event");
  return result.event;
}

const read = (message: unknown, extra: Record<string, unknown> = {}) => inbound(parseWebhookEvent(event(message, extra)));

function expectMalformed(message: unknown, reason: RegExp) {
  const result = parseWebhookEvent(event(message));
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe("MALFORMED_EVENT");
    expect(result.reason).toMatch(reason);
  }
}

describe("text", () => {
  it("message.text, and WhatsApp Cloud's { body }", () => {
    expect(read({ text: "Hello!" })).toMatchObject({
      content: { inboundKind: "TEXT", text: "Hello!" },
      text: "Hello!",
      referral: null,
      replyToConnectlyId: null,
    });
    expect(read({ text: { body: "Hi" } }).content).toEqual({ inboundKind: "TEXT", text: "Hi" });
  });

  it("text beside fields that name no kind is still a text", () => {
    expect(read({ id: "wamid.1", type: "text", timestamp: "1", text: "Hey" }).content).toEqual({ inboundKind: "TEXT", text: "Hey" });
  });
});

describe("attachments", () => {
  it("Connectly's attachments[] {type, url}, with the optional fields in either case style", () => {
    const e = read({
      attachments: [
        { type: "IMAGE", url: "https://cdn.example/a.jpg", mimeType: "image/jpeg", caption: "Look" },
        { type: "document", url: "https://cdn.example/b.pdf", mime_type: "application/pdf", filename: "b.pdf" },
      ],
    });
    expect(e.content).toEqual({
      inboundKind: "ATTACHMENTS",
      attachments: [
        { type: "image", url: "https://cdn.example/a.jpg", mimeType: "image/jpeg", filename: null, caption: "Look" },
        { type: "document", url: "https://cdn.example/b.pdf", mimeType: "application/pdf", filename: "b.pdf", caption: null },
      ],
      text: "Look",
    });
    expect(e.text).toBe("Look");
  });

  it("the message's text is the attachments' text", () => {
    expect(read({ text: "Here", attachments: [{ type: "audio", url: "https://cdn.example/v.ogg" }] }).content).toMatchObject({ text: "Here" });
  });

  it("an attachment without a url, or without a type, is malformed", () => {
    expectMalformed({ attachments: [{ type: "image" }] }, /attachments\.0 needs a type and a url/);
    expectMalformed({ attachments: [{ type: "image", url: "https://x/a" }, { url: "https://x/b" }] }, /attachments\.1/);
    expectMalformed({ attachments: ["https://x/a"] }, /attachments\.0/);
  });

  it("an empty list is no attachment", () => {
    expect(read({ text: "Hi", attachments: [] }).content).toEqual({ inboundKind: "TEXT", text: "Hi" });
  });
});

describe("location", () => {
  it("numbers, or numeric strings, with name and address", () => {
    expect(read({ location: { latitude: 49.28, longitude: -123.12, name: "Office", address: "1 Main St" } }).content).toEqual({
      inboundKind: "LOCATION",
      location: { latitude: 49.28, longitude: -123.12, name: "Office", address: "1 Main St" },
    });
    expect(read({ location: { latitude: "-33.5", longitude: "151" } }).content).toEqual({
      inboundKind: "LOCATION",
      location: { latitude: -33.5, longitude: 151, name: null, address: null },
    });
  });

  it("a location without numbers, or out of range, is malformed", () => {
    expectMalformed({ location: { name: "Somewhere" } }, /latitude/);
    expectMalformed({ location: { latitude: 91, longitude: 0 } }, /latitude/);
    expectMalformed({ location: { latitude: 0, longitude: -180.5 } }, /longitude/);
    expectMalformed({ location: { latitude: "north", longitude: "1" } }, /latitude/);
  });
});

describe("button reply", () => {
  it("Connectly's isButtonResponse with text, and the payload in its known places", () => {
    expect(read({ isButtonResponse: true, text: "Yes" }).content).toEqual({ inboundKind: "BUTTON_REPLY", buttonId: null, text: "Yes" });
    expect(read({ isButtonResponse: true, text: "Yes", payload: "yes-1" }).content).toMatchObject({ buttonId: "yes-1" });
    expect(read({ isButtonResponse: true, text: "Yes", buttonId: "yes-2" }).content).toMatchObject({ buttonId: "yes-2" });
    expect(read({ isButtonResponse: true, text: "Yes", button: { payload: "yes-3" } }).content).toMatchObject({ buttonId: "yes-3", text: "Yes" });
  });

  it("message.button {payload, text} (a template's quick reply)", () => {
    const e = read({ button: { payload: "STOP", text: "Stop promotions" } });
    expect(e.content).toEqual({ inboundKind: "BUTTON_REPLY", buttonId: "STOP", text: "Stop promotions" });
    expect(e.text).toBe("Stop promotions");
  });

  it("interactive.button_reply and buttonReply {id, title}", () => {
    expect(read({ interactive: { type: "button_reply", button_reply: { id: "b1", title: "Track" } } }).content).toEqual({
      inboundKind: "BUTTON_REPLY",
      buttonId: "b1",
      text: "Track",
    });
    expect(read({ buttonReply: { id: "b2", title: "Cancel" } }).content).toEqual({ inboundKind: "BUTTON_REPLY", buttonId: "b2", text: "Cancel" });
  });

  it("a button reply without a title is malformed", () => {
    expectMalformed({ isButtonResponse: true }, /button reply needs the button's title/);
    expectMalformed({ buttonReply: { id: "b2" } }, /button reply/);
  });
});

describe("list reply", () => {
  it("interactive.list_reply and listReply {id, title, description}", () => {
    const e = read({ interactive: { type: "list_reply", list_reply: { id: "row-2", title: "Large", description: "16 inch" } } });
    expect(e.content).toEqual({ inboundKind: "LIST_REPLY", rowId: "row-2", title: "Large", description: "16 inch" });
    expect(e.text).toBe("Large");
    expect(read({ listReply: { id: "row-1" } }).content).toEqual({ inboundKind: "LIST_REPLY", rowId: "row-1", title: null, description: null });
  });

  it("a list reply without a row id is malformed", () => {
    expectMalformed({ listReply: { title: "Large" } }, /row's id/);
    expectMalformed({ interactive: { list_reply: { id: "x".repeat(300) } } }, /row's id/);
  });
});

describe("reaction", () => {
  it("the emoji and the message it reacts to, in either case style", () => {
    const e = read({ reaction: { emoji: "👍", messageId: "cly-1" } });
    expect(e.content).toEqual({ inboundKind: "REACTION", emoji: "👍" });
    expect(e.replyToConnectlyId).toBe("cly-1");
    expect(e.text).toBeNull();
    expect(read({ reaction: { emoji: "❤️", message_id: "cly-2" } }).replyToConnectlyId).toBe("cly-2");
  });

  it("an empty emoji is a removed reaction", () => {
    expect(read({ reaction: { emoji: "", messageId: "cly-1" } }).content).toEqual({ inboundKind: "REACTION", emoji: null });
  });

  it("the reaction's target wins over a context", () => {
    expect(read({ reaction: { emoji: "👍", messageId: "cly-1" } }, { context: { replyToMessageId: "cly-9" } }).replyToConnectlyId).toBe("cly-1");
  });
});

describe("unsupported", () => {
  it("a kind the gateway does not model: the first key holding it, and any text", () => {
    expect(read({ contacts: [{ name: { formatted_name: "Bo" } }] }).content).toEqual({ inboundKind: "UNSUPPORTED", kind: "contacts", text: null });
    expect(read({ text: "my card", contacts: [{}] }).content).toEqual({ inboundKind: "UNSUPPORTED", kind: "contacts", text: "my card" });
    expect(read({ type: "order", order: { catalog_id: "1" } }).content).toEqual({ inboundKind: "UNSUPPORTED", kind: "order", text: null });
    expect(read({ interactive: { type: "nfm_reply", nfm_reply: {} } }).content).toMatchObject({ kind: "interactive" });
  });

  it("an empty message names no kind", () => {
    expect(read({}).content).toEqual({ inboundKind: "UNSUPPORTED", kind: null, text: null });
    expect(read({ context: { id: "x" } }).content).toEqual({ inboundKind: "UNSUPPORTED", kind: null, text: null });
  });

  it("a message that is not an object is malformed", () => {
    for (const message of ["hi", 3, null, ["text"]]) expect(parseWebhookEvent(event(message))).toMatchObject({ ok: false, code: "MALFORMED_EVENT" });
  });
});

describe("referral", () => {
  it("message.referral in camelCase, or a top-level referral in snake_case", () => {
    const camel = read({
      text: "I saw your ad",
      referral: {
        sourceUrl: "https://fb.me/ad",
        sourceId: "ad-1",
        sourceType: "ad",
        headline: "Sale",
        body: "50% off",
        mediaType: "image",
        imageUrl: "https://img",
        ctwaClid: "clid",
      },
    });
    expect(camel.referral).toEqual({
      sourceUrl: "https://fb.me/ad",
      sourceId: "ad-1",
      sourceType: "ad",
      headline: "Sale",
      body: "50% off",
      mediaType: "image",
      imageUrl: "https://img",
      videoUrl: null,
      ctwaClid: "clid",
    });
    expect(camel.content).toEqual({ inboundKind: "TEXT", text: "I saw your ad" });
    const snake = read(
      { text: "Hi" },
      { referral: { source_url: "https://fb.me/v", source_type: "post", media_type: "video", video_url: "https://vid", ctwa_clid: "c2" } },
    );
    expect(snake.referral).toMatchObject({
      sourceUrl: "https://fb.me/v",
      sourceType: "post",
      mediaType: "video",
      videoUrl: "https://vid",
      ctwaClid: "c2",
      headline: null,
    });
  });

  it("a referral that is not an object is none", () => {
    expect(read({ text: "Hi", referral: "ad" }).referral).toBeNull();
  });
});

describe("the quoted message and callbackData", () => {
  it("context's id under its known names, top level or in message", () => {
    for (const context of [
      { replyToMessageId: "c1" },
      { reply_to_message_id: "c1" },
      { messageId: "c1" },
      { message_id: "c1" },
      { id: "c1" },
      { replyTo: { id: "c1" } },
    ])
      expect(read({ text: "re" }, { context }).replyToConnectlyId).toBe("c1");
    expect(read({ text: "re", context: { id: "c2" } }).replyToConnectlyId).toBe("c2");
  });

  it("callbackData as Connectly echoes it", () => {
    expect(read({ isButtonResponse: true, text: "Yes" }, { callbackData: { order: 7 } }).callbackData).toEqual({ order: 7 });
    expect(read({ text: "hi" }).callbackData).toBeNull();
  });
});

describe("bounds", () => {
  it("over-long optional strings are left out; the event is still read", () => {
    const e = read({ attachments: [{ type: "image", url: "https://x/a", filename: "f".repeat(5000) }] }, { referral: { headline: "h".repeat(5000) } });
    expect(e.content).toMatchObject({ attachments: [{ filename: null }] });
    expect(e.referral?.headline).toBeNull();
  });

  it("an over-long url is malformed", () => {
    expectMalformed({ attachments: [{ type: "image", url: `https://x/${"a".repeat(5000)}` }] }, /url/);
  });
});

describe("any JSON in message", () => {
  it("is read or refused, never thrown on, and what is read is bounded", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.option(fc.jsonValue({ maxDepth: 2 })), (message, context) => {
        const result = parseWebhookEvent(event(message, context === null ? {} : { context }));
        if (!result.ok) {
          expect(result.code).toBe("MALFORMED_EVENT");
          return;
        }
        const e = result.event as InboundEvent;
        expect(Object.keys(e.content)).toContain("inboundKind");
        if (e.text !== null) expect(e.text.length).toBeLessThanOrEqual(65_536);
        if (e.replyToConnectlyId !== null) expect(e.replyToConnectlyId.length).toBeLessThanOrEqual(256);
      }),
      { numRuns: 2_000 },
    );
  });

  it("shapes near the modelled ones are read or refused, never thrown on", () => {
    const near = fc.record(
      {
        text: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        isButtonResponse: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
        attachments: fc.array(
          fc.record({ type: fc.jsonValue({ maxDepth: 1 }), url: fc.oneof(fc.webUrl(), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
        ),
        location: fc.record({ latitude: fc.oneof(fc.double(), fc.string()), longitude: fc.oneof(fc.double(), fc.string()) }, { requiredKeys: [] }),
        reaction: fc.record({ emoji: fc.jsonValue({ maxDepth: 1 }), messageId: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
        interactive: fc.record({ list_reply: fc.jsonValue({ maxDepth: 2 }), button_reply: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
        button: fc.jsonValue({ maxDepth: 2 }),
        referral: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(near, (message) => {
        const result = parseWebhookEvent(event(message));
        expect(result.ok || result.code === "MALFORMED_EVENT").toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
