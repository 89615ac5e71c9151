/**
 * The sandbox's controls end to end, on a gateway whose built-in sandbox plays its webhooks (as under
 * npm start): each control's signed webhook reaches the gateway (the customer's window, the stored
 * InboundMessage and its raw event), closing a window closes it in both, forced refusals and delivery
 * failures reach the send's result and the message; bad bodies and wrong keys are refused. Also the
 * agreement on a customer the sandbox never saw: they write first, before the send is answered.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIRST_WRITE_TEXT, startSandbox } from "../src/sandbox/sandbox.js";
import { ConversationPageDocument, CustomerWindowDocument, type SendSessionMessageInput } from "./generated/graphql.js";
import { closeActivityClients, watchActivity } from "./support/activity.js";
import { activitySubscriptionsReach, startTestGateway, type TestGateway } from "./support/gateway.js";
import { readMessage, sandboxStatusPosts } from "./support/messages.js";
import { execute, expectResult, send } from "./support/send.js";

const customerNumber = (() => {
  let n = 0;
  return () => `+1604555${String(1000 + n++).padStart(4, "0")}`;
})();
const BUSINESS = "biz-controls";

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

describe("the sandbox's controls, against a gateway", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("sandbox-controls", {
      connectly: { mode: "sandbox", sandboxPort: 0, statusEvents: true, failureRate: 0, statusDelayMs: 5 },
    });
  });
  afterAll(() => t?.close());

  async function control(path: string, body?: unknown, key: string | null = t.sandbox.apiKey): Promise<Answer> {
    const response = await fetch(`${t.sandbox.url}${path}`, {
      method: "POST",
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(key != null ? { "x-api-key": key } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const inbound = (customer: string, body?: unknown, key?: string | null) =>
    control(`/sandbox/businesses/${BUSINESS}/customers/${customer}/inbound`, body, key);
  const closeWindow = (customer: string, key?: string | null) => control(`/sandbox/businesses/${BUSINESS}/customers/${customer}/close-window`, undefined, key);

  async function customer(id: string) {
    const response = await execute(t, CustomerWindowDocument, { businessId: BUSINESS, id });
    expect(response.errors).toBeUndefined();
    return response.data!.customer;
  }
  const inboundRows = (customerId: string) =>
    t.gateway.database.prisma.inboundMessage.findMany({ where: { businessId: BUSINESS, customerId }, orderBy: { id: "asc" } });

  const sendContent = async (recipient: string, content: SendSessionMessageInput["content"], extra: Partial<SendSessionMessageInput> = {}) => {
    const sent = expectResult(await send(t, { businessId: BUSINESS, recipient: { id: recipient }, content, ...extra }), "Message");
    expect(sent.status).toBe("ACCEPTED");
    return { id: sent.id, connectlyId: sent.connectlyId! };
  };
  const BUTTONS = {
    replyButtonMessage: {
      body: "Is the time right?",
      buttons: [
        { id: "yes", text: "Yes" },
        { id: "later", text: "Later" },
      ],
    },
  };
  const LIST = {
    listMessage: {
      body: "Pick a slot",
      button: "Slots",
      sections: [
        {
          title: "Today",
          rows: [
            { id: "am", text: "Morning" },
            { id: "pm", text: "Afternoon", description: "2 to 5 pm" },
          ],
        },
      ],
    },
  };

  it("GET /sandbox lists the controls", async () => {
    const response = await fetch(`${t.sandbox.url}/sandbox`);
    expect(response.status).toBe(200);
    const index = (await response.json()) as { controls: { method: string; path: string }[] };
    expect(index.controls.map((c) => `${c.method} ${c.path}`)).toEqual(
      expect.arrayContaining([
        "POST /sandbox/businesses/{businessId}/customers/{customerId}/inbound",
        "POST /sandbox/businesses/{businessId}/customers/{customerId}/close-window",
        "POST /sandbox/faults",
        "POST /sandbox/businesses/{businessId}/messages/{messageId}/delivery-failed",
      ]),
    );
  });

  describe("agreement on a customer the sandbox never saw", () => {
    it("the customer writes first, and the gateway has it before the send is answered", async () => {
      const to = customerNumber();
      expect((await customer(to)).sessionWindow.open).toBe(false);
      await sendContent(to, { text: "Your order shipped." });
      // No waiting: the send's answer came after the gateway stored the customer's first message.
      const rows = await inboundRows(to);
      expect(rows.map((r) => r.text)).toEqual([FIRST_WRITE_TEXT]);
      expect((await customer(to)).sessionWindow.open).toBe(true);
      await sendContent(to, { text: "And another." });
      expect(await inboundRows(to)).toHaveLength(1);
      // And the conversation shows it first, before the message that made the sandbox see them.
      const conversation = await execute(t, ConversationPageDocument, { businessId: BUSINESS, customerId: to, first: 10 });
      expect(conversation.data!.conversation.edges.map((e) => e.direction)).toEqual(["INBOUND", "OUTBOUND", "OUTBOUND"]);
    });

    it("concurrent first sends wait for the same first message", async () => {
      const to = customerNumber();
      await Promise.all([sendContent(to, { text: "one" }), sendContent(to, { text: "two" }), sendContent(to, { text: "three" })]);
      expect((await inboundRows(to)).map((r) => r.text)).toEqual([FIRST_WRITE_TEXT]);
    });
  });

  describe("a customer message", () => {
    it("text opens the window the gateway reports, with the raw event stored", async () => {
      const to = customerNumber();
      const answer = await inbound(to, { text: "Where is my order?", name: "Grace" });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ businessId: BUSINESS, customerId: to, webhookStatus: 200, replyTo: null });
      const c = await customer(to);
      expect(c).toMatchObject({ name: "Grace", sessionWindow: { open: true } });
      expect(Date.parse(c.lastInboundAt!)).toBe(Math.floor(Date.parse(answer.body.at as string) / 1000) * 1000);
      const [row] = await inboundRows(to);
      expect(row!.raw).toMatchObject({ topic: "messages", sender: { id: to, name: "Grace" }, message: { text: "Where is my order?" } });
      expect(row!.kind).toBe("TEXT");
    });

    it("with no body, the text Hello!", async () => {
      const to = customerNumber();
      expect((await inbound(to)).status).toBe(200);
      expect((await inboundRows(to)).map((r) => r.text)).toEqual(["Hello!"]);
    });

    it("at sets when the customer wrote: an older one leaves the window closed in both", async () => {
      const to = customerNumber();
      const at = new Date(Date.now() - 25 * 3600_000);
      at.setMilliseconds(0);
      expect((await inbound(to, { text: "Old news", at: at.toISOString() })).status).toBe(200);
      const c = await customer(to);
      expect(c.lastInboundAt).toBe(at.toISOString());
      expect(c.sessionWindow.open).toBe(false);
      const refused = expectResult(await send(t, { businessId: BUSINESS, recipient: { id: to }, content: { text: "Hi?" } }), "SessionWindowClosedError");
      expect(refused.upstream.code).toBe("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
    });

    it("an older message of a customer who wrote since changes no window in either; an at in the future is refused", async () => {
      const to = customerNumber();
      expect((await inbound(to, { text: "Now" })).status).toBe(200);
      expect((await inbound(to, { text: "Delayed", at: new Date(Date.now() - 30 * 3600_000).toISOString() })).status).toBe(200);
      expect((await customer(to)).sessionWindow.open).toBe(true);
      expect(expectResult(await send(t, { businessId: BUSINESS, recipient: { id: to }, content: { text: "Still open" } }), "Message").status).toBe("ACCEPTED");
      const ahead = await inbound(to, { text: "From the future", at: new Date(Date.now() + 3600_000).toISOString() });
      expect(ahead.status).toBe(400);
    });

    it("a button tap answers the latest message with buttons: isButtonResponse, payload, context and its callbackData", async () => {
      const to = customerNumber();
      const asked = await sendContent(to, BUTTONS, { callbackData: { appointment: "A-7" } });
      const answer = await inbound(to, { button: { id: "later" } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ replyTo: asked.connectlyId, webhookStatus: 200 });
      const row = (await inboundRows(to)).at(-1)!;
      expect(row.raw).toMatchObject({
        message: { isButtonResponse: true, text: "Later", button: { payload: "later", text: "Later" } },
        context: { replyToMessageId: asked.connectlyId },
        callbackData: { appointment: "A-7" },
      });
      expect(row).toMatchObject({ replyToConnectlyId: asked.connectlyId, callbackData: { appointment: "A-7" }, kind: "BUTTON_REPLY", inReplyToId: asked.id });
    });

    it("a button tap with replyTo answers that message; a button it does not have is refused", async () => {
      const to = customerNumber();
      const first = await sendContent(to, BUTTONS);
      await sendContent(to, { replyButtonMessage: { body: "Rate us", buttons: [{ id: "5", text: "Great" }] } });
      const answer = await inbound(to, { button: { id: "yes" }, replyTo: first.connectlyId });
      expect(answer.body).toMatchObject({ replyTo: first.connectlyId, webhookStatus: 200 });
      const refused = await inbound(to, { button: { id: "yes" } });
      expect(refused.status).toBe(400);
      expect((refused.body.error as { message: string }).message).toMatch(/button\.id must be one of "5"/);
    });

    it("a list pick: interactive list_reply with the row's title and description", async () => {
      const to = customerNumber();
      const asked = await sendContent(to, LIST, { callbackData: "slots" });
      expect((await inbound(to, { list: { rowId: "pm" } })).status).toBe(200);
      const row = (await inboundRows(to)).at(-1)!;
      expect(row.raw).toMatchObject({
        message: { interactive: { type: "list_reply", list_reply: { id: "pm", title: "Afternoon", description: "2 to 5 pm" } } },
        context: { replyToMessageId: asked.connectlyId },
        callbackData: "slots",
      });
      expect(row).toMatchObject({ kind: "LIST_REPLY", replyToConnectlyId: asked.connectlyId });
    });

    it("a reaction names the message inside message.reaction", async () => {
      const to = customerNumber();
      const asked = await sendContent(to, { text: "Delivered!" }, { callbackData: { n: 1 } });
      expect((await inbound(to, { reaction: { emoji: "👍" } })).status).toBe(200);
      const row = (await inboundRows(to)).at(-1)!;
      expect(row.raw).toMatchObject({ message: { reaction: { emoji: "👍", messageId: asked.connectlyId } }, callbackData: { n: 1 } });
      expect((row.raw as Record<string, unknown>).context).toBeUndefined();
      expect(row.kind).toBe("REACTION");
    });

    it("a location and an attachment; a quoted text reply carries context", async () => {
      const to = customerNumber();
      const location = { latitude: -23.55, longitude: -46.63, name: "Loja", address: "Av. Paulista" };
      expect((await inbound(to, { location })).status).toBe(200);
      const attachment = { type: "image", url: "https://cdn.example.com/receipt.jpg", caption: "my receipt" };
      expect((await inbound(to, { attachment })).status).toBe(200);
      const asked = await sendContent(to, { text: "Which size?" });
      expect((await inbound(to, { text: "Medium", replyTo: asked.connectlyId })).status).toBe(200);
      const rows = await inboundRows(to);
      expect(rows.map((r) => r.raw)).toEqual([
        expect.objectContaining({ message: { location } }),
        expect.objectContaining({ message: { attachments: [attachment] } }),
        expect.objectContaining({ message: { text: "Medium" }, context: { replyToMessageId: asked.connectlyId } }),
      ]);
      expect(rows.map((r) => r.kind)).toEqual(["LOCATION", "ATTACHMENTS", "TEXT"]);
      expect(rows[2]!.replyToConnectlyId).toBe(asked.connectlyId);
    });
  });

  describe("from the sandbox to a subscriber", () => {
    afterAll(() => closeActivityClients());

    it("every kind the sandbox plays reaches a customerActivity subscriber as its content, linked to what it answers", async () => {
      const to = customerNumber();
      const before = t.gateway.activity.subscriptions;
      const watch = watchActivity(t.url, { businessId: BUSINESS, customerId: to });
      const first = watch.next();
      await activitySubscriptionsReach(t.gateway, before + 1);
      const buttons = await sendContent(to, BUTTONS);
      // The sandbox had never seen this customer: they wrote first.
      expect(await first).toMatchObject({ kind: "INBOUND_MESSAGE", inboundMessage: { content: { __typename: "InboundTextContent", text: FIRST_WRITE_TEXT } } });
      const list = await sendContent(to, LIST);

      const plays: [unknown, Record<string, unknown>, string | null][] = [
        [{ button: { id: "later" }, replyTo: buttons.connectlyId }, { __typename: "ButtonReplyContent", buttonId: "later", buttonText: "Later" }, buttons.id],
        [{ list: { rowId: "pm" } }, { __typename: "ListReplyContent", rowId: "pm", title: "Afternoon", description: "2 to 5 pm" }, list.id],
        [{ reaction: { emoji: "👍" }, replyTo: buttons.connectlyId }, { __typename: "ReactionContent", emoji: "👍" }, buttons.id],
        [{ text: "See you then", replyTo: list.connectlyId }, { __typename: "InboundTextContent", text: "See you then" }, list.id],
        [
          { location: { latitude: -23.55, longitude: -46.63 } },
          { __typename: "InboundLocationContent", location: { latitude: -23.55, longitude: -46.63 } },
          null,
        ],
        [
          { attachment: { type: "image", url: "https://cdn.example.com/r.jpg", caption: "receipt" } },
          { __typename: "InboundAttachmentsContent", attachments: [{ type: "image", url: "https://cdn.example.com/r.jpg", caption: "receipt" }] },
          null,
        ],
      ];
      for (const [body, content, answers] of plays) {
        const next = watch.next();
        expect((await inbound(to, body)).status).toBe(200);
        const activity = await next;
        expect(activity).toMatchObject({ kind: "INBOUND_MESSAGE", customer: { id: to }, sessionWindow: { open: true }, inboundMessage: { content } });
        expect(activity.inboundMessage?.inReplyTo?.id ?? null).toBe(answers);
      }
      await watch.close();
    });
  });

  describe("closing a window", () => {
    it("closes it in the gateway and the sandbox; the next message opens it in both", async () => {
      const to = customerNumber();
      expect((await inbound(to, { text: "Hi" })).status).toBe(200);
      expect((await customer(to)).sessionWindow.open).toBe(true);

      const closed = await closeWindow(to);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ businessId: BUSINESS, customerId: to, gatewayTold: true });
      expect((await customer(to)).sessionWindow.open).toBe(false);
      const refused = expectResult(
        await send(t, { businessId: BUSINESS, recipient: { id: to }, content: { text: "Still there?" } }),
        "SessionWindowClosedError",
      );
      expect(refused.upstream.code).toBe("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");

      expect((await inbound(to, { text: "Back again" })).status).toBe(200);
      expect((await customer(to)).sessionWindow.open).toBe(true);
      await sendContent(to, { text: "Welcome back" });
    });
  });

  describe("forcing a failure", () => {
    it("refuses the next sends with a documented code, then sends again", async () => {
      const to = customerNumber();
      await sendContent(to, { text: "warm-up" });
      const queued = await control("/sandbox/faults", { refuse: { count: 1, code: "ERROR_CODE_INVALID_REQUEST" } });
      expect(queued).toMatchObject({ status: 200, body: { refuse: { count: 1, code: "ERROR_CODE_INVALID_REQUEST" } } });
      const failed = expectResult(await send(t, { businessId: BUSINESS, recipient: { id: to }, content: { text: "refused" } }), "UpstreamError");
      expect(failed.upstream).toMatchObject({ status: 400, code: "ERROR_CODE_INVALID_REQUEST" });
      await sendContent(to, { text: "goes" });
    });

    it("fails the delivery of the next accepted message", async () => {
      expect((await control("/sandbox/faults", { failDeliveries: 1 })).status).toBe(200);
      const sent = await sendContent(customerNumber(), { text: "will fail" });
      await sandboxStatusPosts(t.sandbox, sent.connectlyId, ["sent", "delivery_failed"]);
      const message = await readMessage(t, sent.id);
      expect(message.deliveryStatus).toBe("FAILED");
      expect(message.deliveryError?.code).toBe("ERROR_CODE_RECIPIENT_UNREACHABLE");
    });

    it("posts delivery_failed for a given message, with the code given", async () => {
      const sent = await sendContent(customerNumber(), { text: "read, then failed" });
      await sandboxStatusPosts(t.sandbox, sent.connectlyId, ["sent", "delivered", "read"]);
      const answer = await control(`/sandbox/businesses/${BUSINESS}/messages/${sent.connectlyId}/delivery-failed`, { code: "ERROR_CODE_BLOCKED" });
      expect(answer).toMatchObject({ status: 200, body: { webhookStatus: 200, error: { code: "ERROR_CODE_BLOCKED" } } });
      const message = await readMessage(t, sent.id);
      expect(message.statusHistory.map((e) => [e.status, e.error?.code ?? null])).toContainEqual(["FAILED", "ERROR_CODE_BLOCKED"]);
    });
  });

  describe("refusals", () => {
    it.each([
      ["two kinds at once", { text: "a", location: { latitude: 1, longitude: 2 } }, /at most one of text, button/],
      ["an unknown field", { txt: "a" }, /Unrecognized key.*txt/],
      ["a bad at", { text: "a", at: "yesterday" }, /at: must be an ISO date-time/],
      ["a latitude out of range", { location: { latitude: 91, longitude: 0 } }, /location\.latitude/],
      ["an attachment without an http(s) url", { attachment: { type: "image", url: "ftp://x/y.png" } }, /attachment\.url/],
      ["an attachment of an unknown type", { attachment: { type: "hologram", url: "https://x/y" } }, /attachment\.type/],
      ["an empty text", { text: "" }, /text/],
      ["a button without an id", { button: {} }, /button\.id/],
    ])("inbound refuses %s with 400 naming it", async (_label, body, message) => {
      const answer = await inbound(customerNumber(), body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "ERROR_CODE_INVALID_REQUEST", message: expect.stringMatching(message) as string });
    });

    it("inbound refuses a customer id that is no number, and answers to nothing it did not send", async () => {
      const bad = await inbound("alice", { text: "hi" });
      expect(bad.status).toBe(400);
      expect((bad.body.error as { message: string }).message).toMatch(/customerId: must be the customer's number in E\.164/);
      const to = customerNumber();
      expect((await inbound(to, { button: { id: "yes" } })).status).toBe(404);
      expect((await inbound(to, { list: { rowId: "am" } })).status).toBe(404);
      expect((await inbound(to, { reaction: { emoji: "👍" } })).status).toBe(404);
      expect((await inbound(to, { text: "re", replyTo: "01NOTANID0000000000000000" })).status).toBe(404);
      const other = await sendContent(customerNumber(), BUTTONS);
      // Another customer's message is not one this customer can answer.
      expect((await inbound(to, { button: { id: "yes" }, replyTo: other.connectlyId })).status).toBe(404);
      const text = await sendContent(to, { text: "plain" });
      expect((await inbound(to, { list: { rowId: "am" }, replyTo: text.connectlyId })).status).toBe(400);
    });

    it.each([
      ["an empty body", {}, /give refuse, failDeliveries, network or several/],
      ["an undocumented code", { refuse: { code: "ERROR_CODE_TEAPOT" } }, /refuse\.code/],
      ["a count of 0", { refuse: { count: 0 } }, /refuse\.count/],
      ["a fractional failDeliveries", { failDeliveries: 1.5 }, /failDeliveries/],
    ])("faults refuses %s with 400", async (_label, body, message) => {
      const answer = await control("/sandbox/faults", body);
      expect(answer.status).toBe(400);
      expect((answer.body.error as { message: string }).message).toMatch(message);
    });

    it("delivery-failed refuses a message the sandbox never accepted (404) and an unknown field (400)", async () => {
      expect((await control(`/sandbox/businesses/${BUSINESS}/messages/01NOTANID0000000000000000/delivery-failed`, {})).status).toBe(404);
      const sent = await sendContent(customerNumber(), { text: "x" });
      expect((await control(`/sandbox/businesses/${BUSINESS}/messages/${sent.connectlyId}/delivery-failed`, { reason: "x" })).status).toBe(400);
    });

    it.each([
      ["a wrong key", "not-the-key"],
      ["no key", null],
    ])("every control refuses %s with 401, changing nothing", async (_label, key) => {
      const to = customerNumber();
      for (const answer of [
        await inbound(to, { text: "hi" }, key),
        await closeWindow(to, key),
        await control("/sandbox/faults", { refuse: { count: 1 } }, key),
        await control(`/sandbox/businesses/${BUSINESS}/messages/01NOTANID0000000000000000/delivery-failed`, {}, key),
      ]) {
        expect(answer.status).toBe(401);
        expect(answer.body.error).toMatchObject({ code: "ERROR_CODE_INVALID_API_KEY" });
      }
      expect(await inboundRows(to)).toHaveLength(0);
      await sendContent(to, { text: "no fault was queued" });
    });
  });
});

describe("a sandbox on its own", () => {
  let receiver: Server;
  let url: string;
  beforeAll(async () => {
    receiver = createServer((request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("delivery-failed drops the statuses still to come for the message", async () => {
    // Statuses a minute apart: none is due before the sandbox closes.
    const sandbox = await startSandbox({ webhooks: { secret: "s", failureRate: 0, delayMs: 60_000 } });
    try {
      sandbox.setWebhookAddress(url);
      const sent = await fetch(`${sandbox.url}/v1/businesses/b/send/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": sandbox.apiKey },
        body: JSON.stringify({ recipient: { id: "+16045550000", channelType: "whatsapp" }, message: { text: "x" } }),
      });
      const { id } = (await sent.json()) as { id: string };
      const failed = await fetch(`${sandbox.url}/sandbox/businesses/b/messages/${id}/delivery-failed`, {
        method: "POST",
        headers: { "x-api-key": sandbox.apiKey },
      });
      expect(failed.status).toBe(200);
    } finally {
      await sandbox.close();
    }
    expect(sandbox.webhooks.map((w) => (w.body.statusUpdate as { status: string }).status)).toEqual(["delivery_failed"]);
  });

  it("without a listener, close-window says the gateway was not told; a standalone sandbox's unknown customers write nothing first", async () => {
    const sandbox = await startSandbox({ webhooks: { secret: "s", statusEvents: false } });
    try {
      sandbox.setWebhookAddress(url);
      const closed = await fetch(`${sandbox.url}/sandbox/businesses/b/customers/+16045550001/close-window`, {
        method: "POST",
        headers: { "x-api-key": sandbox.apiKey },
      });
      expect(await closed.json()).toMatchObject({ gatewayTold: false });
      const sent = await fetch(`${sandbox.url}/v1/businesses/b/send/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": sandbox.apiKey },
        body: JSON.stringify({ recipient: { id: "+16045550002", channelType: "whatsapp" }, message: { text: "x" } }),
      });
      expect(sent.status).toBe(200);
      expect(sandbox.webhooks).toHaveLength(0);
      const faults = await fetch(`${sandbox.url}/sandbox/faults`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": sandbox.apiKey },
        body: JSON.stringify({ failDeliveries: 1 }),
      });
      expect(faults.status).toBe(409);
    } finally {
      await sandbox.close();
    }
  });
});
