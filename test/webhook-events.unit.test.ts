/**
 * The pure parts of webhook handling: what a Connectly event means or why it is refused, with the
 * refusal's code (parseWebhookEvent, futureTimestampRefusal), and the signature check
 * (signWebhookBody, verifyWebhookSignature). Event shapes follow Connectly's documented payloads
 * (delivery_status and messages topics).
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  futureTimestampRefusal,
  MAX_CLOCK_AHEAD_MS,
  parseWebhookEvent,
  type InboundEvent,
  type RefusalCode,
  type StatusEvent,
} from "../src/webhooks/events.js";
import { SIGNATURE_HEADER, signWebhookBody, verifyWebhookSignature } from "../src/webhooks/signature.js";

/** Connectly's documented delivery_status example. */
const statusExample = (): Record<string, unknown> => ({
  topic: "delivery_status",
  timestamp: "1641513098",
  sender: { id: "+16044441111", channelType: "whatsapp" },
  recipient: { id: "+16044551234", channelType: "whatsapp" },
  statusUpdate: { id: "01FRRWW2ZAHD9GJ1SWY4VF2GBD", status: "delivered", error: null },
  metadata: { campaign_name: "spring_sale_2022" },
  callbackData: { order_id: "12345" },
});

/** Connectly's documented messages (inbound) example. */
const inboundExample = (): Record<string, unknown> => ({
  timestamp: "1639083206",
  sender: { id: "+16315555500", channelType: "whatsapp", name: "Customer Name" },
  recipient: { id: "+16044441234", channelType: "whatsapp", name: "business" },
  message: { text: "Hello!" },
});

const EXAMPLE_AT = new Date(1_641_513_098_000);

function statusEvent(body: unknown): StatusEvent {
  const result = parseWebhookEvent(body);
  if (!result.ok) throw new Error(`expected a delivery_status event, refused: ${result.reason}`);
  expect(result.event.topic).toBe("delivery_status");
  return result.event as StatusEvent;
}

function inboundEvent(body: unknown): InboundEvent {
  const result = parseWebhookEvent(body);
  if (!result.ok) throw new Error(`expected a messages event, refused: ${result.reason}`);
  expect(result.event.topic).toBe("messages");
  return result.event as InboundEvent;
}

/** The reason a body is refused, checking the code the refusal carries. */
function refusal(body: unknown, code: RefusalCode): string {
  const result = parseWebhookEvent(body);
  if (result.ok) throw new Error(`expected ${code}, parsed a ${result.event.topic} event`);
  expect(result.code).toBe(code);
  return result.reason;
}
const malformed = (body: unknown) => refusal(body, "MALFORMED_EVENT");
const unrecognised = (body: unknown) => refusal(body, "UNRECOGNISED_EVENT");

const withStatus = (status: unknown, error: unknown = null) => ({ ...statusExample(), statusUpdate: { id: "01FRRWW2ZAHD9GJ1SWY4VF2GBD", status, error } });
const withTimestamp = (timestamp: unknown) => ({ ...statusExample(), timestamp });

describe("parseWebhookEvent: delivery_status", () => {
  it("reads Connectly's documented example: id, status, time, parties, callbackData, campaign", () => {
    expect(statusEvent(statusExample())).toEqual({
      topic: "delivery_status",
      connectlyId: "01FRRWW2ZAHD9GJ1SWY4VF2GBD",
      status: "DELIVERED",
      occurredAt: EXAMPLE_AT,
      recipientId: "+16044551234",
      senderId: "+16044441111",
      error: null,
      callbackData: { order_id: "12345" },
      campaignName: "spring_sale_2022",
    });
  });

  it.each([
    ["sent", "SENT"],
    ["delivered", "DELIVERED"],
    ["read", "READ"],
    ["delivery_failed", "FAILED"],
    ["failed", "FAILED"],
    ["DELIVERED", "DELIVERED"],
    [" read ", "READ"],
  ])("status %j reads as %s", (word, status) => {
    expect(statusEvent(withStatus(word)).status).toBe(status);
  });

  it("delivery_failed keeps the error's code, type and message", () => {
    const event = statusEvent(
      withStatus("delivery_failed", {
        message: "Message failed to send because more than 24 hours have passed since the customer last replied.",
        type: "ERROR_TYPE_INVALID_REQUEST",
        code: "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
        userTitle: "Message not delivered",
        userMessage: "The customer could not be reached.",
        cntTraceId: "trace-1",
        details: [],
      }),
    );
    expect(event.status).toBe("FAILED");
    expect(event.error).toEqual({
      code: "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      type: "ERROR_TYPE_INVALID_REQUEST",
      message: "Message failed to send because more than 24 hours have passed since the customer last replied.",
    });
  });

  it("delivery_failed without a message takes userMessage; non-string codes are kept as text", () => {
    const event = statusEvent(withStatus("delivery_failed", { code: 131026, userMessage: "The recipient's phone could not be reached." }));
    expect(event.error).toEqual({ code: "131026", type: null, message: "The recipient's phone could not be reached." });
  });

  it("delivery_failed with error null or missing has no error", () => {
    expect(statusEvent(withStatus("delivery_failed", null)).error).toBeNull();
    const noError = statusExample();
    noError.statusUpdate = { id: "01FRRWW2ZAHD9GJ1SWY4VF2GBD", status: "delivery_failed" };
    expect(statusEvent(noError).error).toBeNull();
  });

  it("an error object with only some of its documented fields is read (code, type and message; or code alone)", () => {
    expect(statusEvent(withStatus("delivery_failed", { code: "ERROR_CODE_X", type: "ERROR_TYPE_Y", message: "no userMessage" })).error).toEqual({
      code: "ERROR_CODE_X",
      type: "ERROR_TYPE_Y",
      message: "no userMessage",
    });
    expect(statusEvent(withStatus("delivery_failed", { code: "ERROR_CODE_X" })).error).toEqual({ code: "ERROR_CODE_X", type: null, message: null });
    expect(statusEvent(withStatus("delivery_failed", {})).error).toEqual({ code: null, type: null, message: null });
  });

  it("an error on a status that is not a failure is ignored", () => {
    const full = { code: "X", type: "T", message: "stale", userMessage: "stale" };
    expect(statusEvent(withStatus("delivered", full)).error).toBeNull();
    expect(statusEvent(withStatus("delivered", { code: "X", message: "stale" })).error).toBeNull();
  });

  it.each([
    ["a string of Unix seconds", "1641513098", EXAMPLE_AT],
    ["a number of Unix seconds", 1641513098, EXAMPLE_AT],
    ["fractional seconds", "1641513098.5", new Date(1_641_513_098_500)],
    ["milliseconds as a number", 1641513098123, new Date(1_641_513_098_123)],
    ["milliseconds as a string", "1641513098123", new Date(1_641_513_098_123)],
    ["an ISO date-time", "2022-01-06T23:51:38Z", EXAMPLE_AT],
    ["an ISO date-time with an offset", "2022-01-07T00:51:38+01:00", EXAMPLE_AT],
    ["seconds with spaces around", " 1641513098 ", EXAMPLE_AT],
  ])("timestamp as %s", (_what, timestamp, expected) => {
    expect(statusEvent(withTimestamp(timestamp)).occurredAt).toEqual(expected);
  });

  it("a missing topic is inferred from statusUpdate", () => {
    const body = statusExample();
    delete body.topic;
    expect(statusEvent(body).connectlyId).toBe("01FRRWW2ZAHD9GJ1SWY4VF2GBD");
  });

  it("sender, recipient, metadata and callbackData are optional; campaignName is also read from metadata.campaignName", () => {
    const event = statusEvent({ timestamp: "1641513098", statusUpdate: { id: "abc", status: "sent" } });
    expect(event).toMatchObject({ connectlyId: "abc", status: "SENT", recipientId: null, senderId: null, callbackData: null, campaignName: null, error: null });
    expect(statusEvent({ ...statusExample(), metadata: { campaignName: "camel" } }).campaignName).toBe("camel");
  });

  it("callbackData of any JSON kind is kept as given", () => {
    for (const callbackData of ["plain text", 42, [1, { a: null }], { nested: { deep: [true] } }, false]) {
      expect(statusEvent({ ...statusExample(), callbackData }).callbackData).toEqual(callbackData);
    }
  });

  it("unknown fields do not stop an event", () => {
    const event = statusEvent({ ...statusExample(), somethingNew: { x: 1 }, statusUpdate: { id: "q", status: "read", error: null, extra: 1 } });
    expect(event.status).toBe("READ");
  });
});

describe("parseWebhookEvent: messages (inbound)", () => {
  it("reads Connectly's documented example: the customer is the sender, the business number the recipient", () => {
    expect(inboundEvent(inboundExample())).toEqual({
      topic: "messages",
      businessNumber: "+16044441234",
      customerId: "+16315555500",
      customerName: "Customer Name",
      content: { inboundKind: "TEXT", text: "Hello!" },
      referral: null,
      text: "Hello!",
      replyToConnectlyId: null,
      callbackData: null,
      occurredAt: new Date(1_639_083_206_000),
    });
  });

  it("with topic given, and without a name", () => {
    const body = { ...inboundExample(), topic: "messages", sender: { id: "+16315555500", channelType: "whatsapp" } };
    const event = inboundEvent(body);
    expect(event.customerName).toBeNull();
    expect(event.customerId).toBe("+16315555500");
  });

  it("attachments without text: text is null", () => {
    const event = inboundEvent({ ...inboundExample(), message: { attachments: [{ type: "image", url: "https://cdn.example.com/a.jpg" }] } });
    expect(event.text).toBeNull();
    expect(event.customerId).toBe("+16315555500");
  });

  it("a button reply (isButtonResponse) keeps its text and callbackData", () => {
    const event = inboundEvent({ ...inboundExample(), message: { text: "Yes please", isButtonResponse: true }, callbackData: { order_id: "12345" } });
    expect(event.text).toBe("Yes please");
    expect(event.callbackData).toEqual({ order_id: "12345" });
  });

  it("a click-to-WhatsApp referral is accepted", () => {
    const event = inboundEvent({ ...inboundExample(), message: { text: "Hi", referral: { sourceUrl: "https://fb.me/ad", headline: "Ad" } } });
    expect(event.text).toBe("Hi");
  });

  it.each([
    ["context.replyToMessageId", { context: { replyToMessageId: "01QUOTED" } }],
    ["context.replyToId", { context: { replyToId: "01QUOTED" } }],
    ["context.replyTo (a string)", { context: { replyTo: "01QUOTED" } }],
    ["context.replyTo.id", { context: { replyTo: { id: "01QUOTED", from: "+16044441234" } } }],
    ["context.messageId", { context: { messageId: "01QUOTED" } }],
    ["context.id", { context: { id: "01QUOTED" } }],
    ["message.context.replyToMessageId", { message: { text: "re", context: { replyToMessageId: "01QUOTED" } } }],
    ["message.context.id", { message: { text: "re", context: { id: "01QUOTED" } } }],
  ])("a quoted reply names the quoted message through %s", (_where, extra) => {
    expect(inboundEvent({ ...inboundExample(), ...extra }).replyToConnectlyId).toBe("01QUOTED");
  });

  it("a context that names no message, or an unusable one, gives no quoted id", () => {
    expect(inboundEvent({ ...inboundExample(), context: { somethingElse: 1 } }).replyToConnectlyId).toBeNull();
    expect(inboundEvent({ ...inboundExample(), context: "not an object" }).replyToConnectlyId).toBeNull();
    expect(inboundEvent({ ...inboundExample(), context: { replyToMessageId: "" } }).replyToConnectlyId).toBeNull();
    expect(inboundEvent({ ...inboundExample(), context: { replyToMessageId: "x".repeat(257) } }).replyToConnectlyId).toBeNull();
  });

  it("a BSUID customer with a phone number: id is the number, userId and phoneNumber are accepted", () => {
    const event = inboundEvent({
      ...inboundExample(),
      sender: { id: "+16315555500", channelType: "whatsapp", name: "Ada", userId: "US.13491208655302741918", phoneNumber: "+16315555500" },
    });
    expect(event.customerId).toBe("+16315555500");
    expect(event.customerName).toBe("Ada");
  });

  it("a phone-less BSUID customer: id is the BSUID, phoneNumber empty", () => {
    const event = inboundEvent({
      ...inboundExample(),
      sender: { id: "US.13491208655302741918", channelType: "whatsapp", userId: "US.13491208655302741918", phoneNumber: "" },
    });
    expect(event.customerId).toBe("US.13491208655302741918");
  });

  it("a missing topic is inferred from message", () => {
    expect(inboundEvent(inboundExample()).topic).toBe("messages");
  });
});

describe("parseWebhookEvent: refusals", () => {
  it.each([
    ["null", null],
    ["a string", "delivery_status"],
    ["a number", 42],
    ["a boolean", true],
    ["an array", [statusExample()]],
  ])("a body that is %s is not an object", (_what, body) => {
    expect(unrecognised(body)).toMatch(/JSON object/);
  });

  it("an unknown topic is refused, naming it, even with a statusUpdate", () => {
    expect(unrecognised({ ...statusExample(), topic: "reactions" })).toMatch(/unrecognised topic "reactions"/);
    expect(unrecognised({ ...statusExample(), topic: 7 })).toMatch(/unrecognised topic "7"/);
  });

  it("no topic and neither statusUpdate nor message is unrecognised", () => {
    expect(unrecognised({ timestamp: "1641513098", sender: { id: "+1" } })).toMatch(/unrecognised event/);
    expect(unrecognised({})).toMatch(/unrecognised event/);
  });

  it("statusUpdate.id missing, empty, blank or not a string", () => {
    for (const id of [undefined, "", "   ", 12345, null]) {
      const body = statusExample();
      body.statusUpdate = { ...(id === undefined ? {} : { id }), status: "sent" };
      expect(malformed(body)).toMatch(/^malformed delivery_status event: .*statusUpdate\.id/);
    }
    expect(malformed({ ...statusExample(), statusUpdate: null })).toMatch(/^malformed delivery_status event: .*statusUpdate/);
  });

  it.each(["bounced", "", "deleted", "SENT_", "pending"])("status word %j is refused, naming it", (word) => {
    expect(malformed(withStatus(word))).toMatch(/^malformed delivery_status event: statusUpdate\.status/);
  });

  it("a status that is not a string is refused", () => {
    expect(malformed(withStatus(1))).toMatch(/^malformed delivery_status event: statusUpdate\.status/);
    expect(malformed(withStatus(null))).toMatch(/^malformed delivery_status event: statusUpdate\.status/);
  });

  it.each([
    ["missing", undefined],
    ["zero", "0"],
    ["1990", "631152000"],
    ["year 2200 (seconds)", "7258118400"],
    ["year 2200 (ISO)", "2200-01-01T00:00:00Z"],
    ["words", "yesterday"],
    ["empty", ""],
    ["negative", -1641513098],
    ["a boolean", true],
    ["an object", { seconds: 1641513098 }],
  ])("an implausible timestamp (%s) is refused", (_what, timestamp) => {
    const body = withTimestamp(timestamp);
    if (timestamp === undefined) delete body.timestamp;
    expect(malformed(body)).toMatch(/^malformed delivery_status event: timestamp/);
    const inbound = { ...inboundExample(), timestamp };
    if (timestamp === undefined) delete inbound.timestamp;
    expect(malformed(inbound)).toMatch(/^malformed messages event: timestamp/);
  });

  it("an inbound event without a sender, or a sender without an id, is refused", () => {
    const body = inboundExample();
    delete body.sender;
    expect(malformed(body)).toMatch(/^malformed messages event: sender/);
    expect(malformed({ ...inboundExample(), sender: { name: "No id" } })).toMatch(/^malformed messages event: sender\.id/);
    expect(malformed({ ...inboundExample(), sender: { id: "" } })).toMatch(/^malformed messages event: sender\.id/);
  });

  it("an inbound event without a recipient (the business number) is refused", () => {
    const body = inboundExample();
    delete body.recipient;
    expect(malformed(body)).toMatch(/^malformed messages event: recipient/);
  });

  it("ids over 256 characters are refused; 256 is accepted", () => {
    const long = "x".repeat(257);
    expect(malformed({ ...statusExample(), statusUpdate: { id: long, status: "sent" } })).toMatch(/statusUpdate\.id/);
    expect(statusEvent({ ...statusExample(), statusUpdate: { id: "x".repeat(256), status: "sent" } }).connectlyId).toHaveLength(256);
    expect(malformed({ ...statusExample(), recipient: { id: long } })).toMatch(/recipient\.id/);
    expect(malformed({ ...inboundExample(), sender: { id: long } })).toMatch(/sender\.id/);
    expect(malformed({ ...inboundExample(), recipient: { id: long } })).toMatch(/recipient\.id/);
    expect(malformed({ ...inboundExample(), sender: { id: "+1", userId: long } })).toMatch(/sender\.userId/);
  });

  it("a reason names at most three problems and quotes at most 40 characters of a bad status", () => {
    const reason = malformed({
      topic: "delivery_status",
      timestamp: "never",
      sender: { id: "" },
      recipient: { id: "" },
      statusUpdate: { id: "", status: "y".repeat(500) },
    });
    expect(reason.split("; ")).toHaveLength(3);
    expect(malformed(withStatus("z".repeat(500)))).not.toContain("z".repeat(41));
  });
});

describe("futureTimestampRefusal", () => {
  const now = Date.parse("2026-11-24T12:00:00.000Z");

  it("allows five minutes of clock skew ahead, and anything in the past", () => {
    expect(MAX_CLOCK_AHEAD_MS).toBe(5 * 60 * 1000);
    for (const offset of [-365 * 86_400_000, -1, 0, 2 * 60_000, MAX_CLOCK_AHEAD_MS]) expect(futureTimestampRefusal(new Date(now + offset), now)).toBeNull();
  });

  it("refuses a millisecond past the tolerance, ten minutes and a year ahead: EVENT_IN_FUTURE, naming the time and the allowance", () => {
    for (const offset of [MAX_CLOCK_AHEAD_MS + 1, 10 * 60_000, 365 * 86_400_000]) {
      const refused = futureTimestampRefusal(new Date(now + offset), now);
      expect(refused?.code).toBe("EVENT_IN_FUTURE");
      expect(refused?.reason).toContain(new Date(now + offset).toISOString());
      expect(refused?.reason).toMatch(/ahead of the gateway's clock \(at most 300 s/);
    }
  });
});

describe("webhook signatures", () => {
  const SECRET = "whsec_0123456789abcdef";
  const body = Buffer.from(JSON.stringify(statusExample()));

  it("is the Base64 HMAC-SHA256 of the raw body, under header x-connectly-hmac-sha256", () => {
    expect(SIGNATURE_HEADER).toBe("x-connectly-hmac-sha256");
    // RFC 4231-style known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
    expect(signWebhookBody("The quick brown fox jumps over the lazy dog", "key")).toBe("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
    expect(signWebhookBody(body, SECRET)).toBe(createHmac("sha256", SECRET).update(body).digest("base64"));
    expect(signWebhookBody(body.toString("utf8"), SECRET)).toBe(signWebhookBody(body, SECRET));
  });

  it("the right secret verifies", () => {
    expect(verifyWebhookSignature(body, signWebhookBody(body, SECRET), [SECRET])).toBe(true);
  });

  it("surrounding whitespace in the header is tolerated", () => {
    expect(verifyWebhookSignature(body, ` ${signWebhookBody(body, SECRET)} `, [SECRET])).toBe(true);
  });

  it("a wrong secret does not", () => {
    expect(verifyWebhookSignature(body, signWebhookBody(body, "another-secret"), [SECRET])).toBe(false);
  });

  it("a body changed after signing does not, even by one byte or one trailing newline", () => {
    const signature = signWebhookBody(body, SECRET);
    const tampered = Buffer.from(body.toString("utf8").replace('"delivered"', '"read"'));
    expect(verifyWebhookSignature(tampered, signature, [SECRET])).toBe(false);
    const flipped = Buffer.from(body);
    flipped[10] = flipped[10]! ^ 1;
    expect(verifyWebhookSignature(flipped, signature, [SECRET])).toBe(false);
    expect(verifyWebhookSignature(Buffer.concat([body, Buffer.from("\n")]), signature, [SECRET])).toBe(false);
  });

  it("a missing, empty, garbage or overlong header does not", () => {
    const signature = signWebhookBody(body, SECRET);
    expect(verifyWebhookSignature(body, undefined, [SECRET])).toBe(false);
    expect(verifyWebhookSignature(body, "", [SECRET])).toBe(false);
    expect(verifyWebhookSignature(body, "   ", [SECRET])).toBe(false);
    expect(verifyWebhookSignature(body, "not a signature at all", [SECRET])).toBe(false);
    expect(verifyWebhookSignature(body, "%%%%", [SECRET])).toBe(false);
    // The signature as hex, or truncated: the right bytes in the wrong form are still wrong.
    expect(verifyWebhookSignature(body, createHmac("sha256", SECRET).update(body).digest("hex"), [SECRET])).toBe(false);
    expect(verifyWebhookSignature(body, signature.slice(0, 20), [SECRET])).toBe(false);
    // Over 128 characters is refused before decoding, even when trimming would leave the right signature.
    expect(verifyWebhookSignature(body, signature + " ".repeat(129 - signature.length), [SECRET])).toBe(false);
    expect(verifyWebhookSignature(body, "A".repeat(10_000), [SECRET])).toBe(false);
  });

  it("a header given several times (an array) does not", () => {
    const signature = signWebhookBody(body, SECRET);
    expect(verifyWebhookSignature(body, [signature, signature], [SECRET])).toBe(false);
    expect(verifyWebhookSignature(body, [signature], [SECRET])).toBe(false);
  });

  it("during a rotation either secret verifies, a third does not", () => {
    const secrets = ["old-secret", "new-secret"];
    expect(verifyWebhookSignature(body, signWebhookBody(body, "old-secret"), secrets)).toBe(true);
    expect(verifyWebhookSignature(body, signWebhookBody(body, "new-secret"), secrets)).toBe(true);
    expect(verifyWebhookSignature(body, signWebhookBody(body, "new-secret"), [...secrets].reverse())).toBe(true);
    expect(verifyWebhookSignature(body, signWebhookBody(body, "third-secret"), secrets)).toBe(false);
  });

  it("no secrets: nothing verifies, not even a signature made with an empty secret", () => {
    expect(verifyWebhookSignature(body, signWebhookBody(body, SECRET), [])).toBe(false);
    expect(verifyWebhookSignature(body, signWebhookBody(body, ""), [])).toBe(false);
  });

  it("an empty body signed with the right secret verifies (the check does not depend on the body parsing)", () => {
    const empty = Buffer.alloc(0);
    expect(verifyWebhookSignature(empty, signWebhookBody(empty, SECRET), [SECRET])).toBe(true);
  });
});
