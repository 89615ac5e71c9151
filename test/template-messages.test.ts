/**
 * Template messages end to end: real HTTP to the gateway, which sends through the built-in sandbox
 * (a real HTTP server following the template contract) and stores in PostgreSQL or the embedded
 * database. Every parameter kind, every refusal (nothing at the sandbox, nothing stored), idempotent
 * replays, the template endpoint's no-deduplication rule, and the statuses reaching a subscriber.
 */
import { randomBytes } from "node:crypto";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  SendTemplateMessageDocument,
  SendTemplateMessagesDocument,
  StoredMessageDocument,
  type SendTemplateMessageInput,
  type TemplateResultFieldsFragment,
} from "./generated/graphql.js";
import { startTestGateway, subscriptionsReach, type TestGateway } from "./support/gateway.js";
import { sandboxStatusPosts } from "./support/messages.js";
import { execute } from "./support/send.js";
import { orderReadyTemplate } from "./support/templates.js";

type Result = TemplateResultFieldsFragment;
type Of<T extends Result["__typename"]> = Extract<Result, { __typename: T }>;

let seq = 0;
const business = (label: string) => `biz-tpl-${label}-${seq++}-${randomBytes(3).toString("hex")}`;
const customer = () => `+5511988${String(100000 + (seq++ % 800000)).padStart(6, "0")}`;

/** order_ready (pt_BR): every parameter of an image header, two body variables and a URL button. */
const orderReady = (businessId: string, extra: Partial<SendTemplateMessageInput> = {}): SendTemplateMessageInput => ({
  businessId,
  recipient: { id: customer() },
  template: orderReadyTemplate(),
  ...extra,
});

async function sendTemplate(t: TestGateway, input: SendTemplateMessageInput): Promise<Result> {
  const response = await execute(t, SendTemplateMessageDocument, { input });
  expect(response.errors).toBeUndefined();
  return response.data!.sendTemplateMessage;
}

function as<T extends Result["__typename"]>(result: Result, typename: T): Of<T> {
  expect(result).toMatchObject({ __typename: typename });
  return result as Of<T>;
}

const templateRequests = (t: TestGateway, businessId: string) => t.sandbox.requests.filter((r) => r.businessId === businessId && r.endpoint === "template");
const storedCount = (t: TestGateway, businessId: string) => t.gateway.database.prisma.message.count({ where: { businessId } });

describe("sendTemplateMessage", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("templates");
  });
  afterAll(() => t?.close());

  it("sends a template with a media header, body variables and a URL button, and stores it as a TemplateContent", async () => {
    const businessId = business("order");
    const input = orderReady(businessId, { callbackData: { ticket: "T-9" }, campaignName: "pickup_notice", sender: { id: "+15550001111" } });
    const message = as(await sendTemplate(t, input), "Message");
    expect(message).toMatchObject({ status: "ACCEPTED", businessId, campaignName: "pickup_notice", callbackData: { ticket: "T-9" }, fallback: null });
    expect(message.content).toEqual({
      __typename: "TemplateContent",
      template: {
        name: "order_ready",
        language: "pt_BR",
        parameters: input.template.parameters!.map((p) => ({ ...p, filename: null })),
        checkedAgainstCatalog: true,
      },
    });
    const [request] = templateRequests(t, businessId);
    expect(request?.body).toEqual({
      number: input.recipient.id,
      templateName: "order_ready",
      language: "pt_BR",
      parameters: input.template.parameters,
      sender: "+15550001111",
      callbackData: { ticket: "T-9" },
      campaignName: "pickup_notice",
    });
    expect(message.connectlyId).toBe(request?.id);
    const stored = await execute(t, StoredMessageDocument, { id: message.id });
    expect({ __typename: "Message", ...stored.data?.message }).toEqual(message);
  });

  it.each([
    [
      "a text header",
      "welcome_back",
      "en",
      [
        { name: "header_text", value: "Ana" },
        { name: "body_1", value: "Ana" },
      ],
    ],
    [
      "a video header",
      "appointment_video",
      "en",
      [
        { name: "header_video", value: "https://cdn.example.com/v.mp4" },
        { name: "body_1", value: "May 3" },
      ],
    ],
    [
      "a document header with its file name, and the second button's URL",
      "invoice_ready",
      "en",
      [
        { name: "header_document", value: "https://cdn.example.com/i.pdf", filename: "invoice-7.pdf" },
        { name: "body_1", value: "#7" },
        { name: "body_2", value: "R$ 10" },
        { name: "button_2_url", value: "7" },
      ],
    ],
    ["no parameters", "thanks", "en", []],
  ])("sends a template with %s", async (_what, name, language, parameters) => {
    const businessId = business(name);
    const message = as(await sendTemplate(t, { businessId, recipient: { id: customer() }, template: { name, language, parameters } }), "Message");
    expect(message.status).toBe("ACCEPTED");
    expect(templateRequests(t, businessId)[0]?.body).toMatchObject({ templateName: name, language, ...(parameters.length > 0 ? { parameters } : {}) });
  });

  const REFUSALS: [string, (b: string) => SendTemplateMessageInput, string, string][] = [
    ["an unknown template", (b) => ({ ...orderReady(b), template: { name: "no_such_template", language: "en" } }), "input.template.name", "TEMPLATE_UNKNOWN"],
    [
      "an unknown language",
      (b) => ({ ...orderReady(b), template: { ...orderReady(b).template, language: "fr" } }),
      "input.template.language",
      "TEMPLATE_LANGUAGE_UNKNOWN",
    ],
    [
      "a PENDING template",
      (b) => ({ ...orderReady(b), template: { name: "summer_sale", language: "en", parameters: [{ name: "body_1", value: "10%" }] } }),
      "input.template.name",
      "TEMPLATE_NOT_APPROVED",
    ],
    [
      "a REJECTED template",
      (b) => ({ ...orderReady(b), template: { name: "spam_offer", language: "en", parameters: [{ name: "body_1", value: "$1" }] } }),
      "input.template.name",
      "TEMPLATE_NOT_APPROVED",
    ],
    [
      "a missing parameter",
      (b) => ({ ...orderReady(b), template: { ...orderReady(b).template, parameters: orderReady(b).template.parameters!.filter((p) => p.name !== "body_2") } }),
      "input.template.parameters",
      "TEMPLATE_PARAMETER_MISSING",
    ],
    [
      "an extra parameter",
      (b) => ({
        ...orderReady(b),
        template: { ...orderReady(b).template, parameters: [...orderReady(b).template.parameters!, { name: "body_3", value: "x" }] },
      }),
      "input.template.parameters[4].name",
      "TEMPLATE_PARAMETER_UNEXPECTED",
    ],
    [
      "a parameter of the wrong kind (a video for an image header)",
      (b) => ({
        ...orderReady(b),
        template: {
          ...orderReady(b).template,
          parameters: [{ name: "header_video", value: "https://cdn.example.com/v.mp4" }, ...orderReady(b).template.parameters!.slice(1)],
        },
      }),
      "input.template.parameters[0].name",
      "TEMPLATE_PARAMETER_UNEXPECTED",
    ],
    [
      "a media URL on a private host",
      (b) => ({
        ...orderReady(b),
        template: {
          ...orderReady(b).template,
          parameters: [{ name: "header_image", value: "http://127.0.0.1/p.png" }, ...orderReady(b).template.parameters!.slice(1)],
        },
      }),
      "input.template.parameters[0].value",
      "PUBLIC_HTTP_URL",
    ],
    [
      "a body value with a new line",
      (b) => ({
        ...orderReady(b),
        template: {
          ...orderReady(b).template,
          parameters: orderReady(b).template.parameters!.map((p) => (p.name === "body_1" ? { ...p, value: "Ana\nMaria" } : p)),
        },
      }),
      "input.template.parameters[1].value",
      "TEMPLATE_PARAMETER_TEXT",
    ],
    [
      "a header text over WhatsApp's 60 characters",
      (b) => ({
        ...orderReady(b),
        template: {
          name: "welcome_back",
          language: "en",
          parameters: [
            { name: "header_text", value: "x".repeat(61) },
            { name: "body_1", value: "Ana" },
          ],
        },
      }),
      "input.template.parameters[0].value",
      "MAX_LENGTH",
    ],
  ];

  it.each(REFUSALS)("refuses %s with field and rule; nothing reaches the sandbox or the database", async (_what, build, field, rule) => {
    const businessId = business("refused");
    const refused = as(await sendTemplate(t, build(businessId)), "InvalidInputError");
    expect(refused).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
    expect(refused.message.length).toBeGreaterThan(10);
    expect(templateRequests(t, businessId)).toEqual([]);
    expect(await storedCount(t, businessId)).toBe(0);
  });

  it("replays the same messageId without a second send, and refuses it for another input", async () => {
    const businessId = business("replay");
    const input = orderReady(businessId, { messageId: "campaign-7:ana" });
    const first = as(await sendTemplate(t, input), "Message");
    const again = as(await sendTemplate(t, input), "Message");
    expect(again.id).toBe(first.id);
    expect(templateRequests(t, businessId)).toHaveLength(1);
    const other = as(await sendTemplate(t, { ...input, template: { name: "thanks", language: "en" } }), "MessageIdConflictError");
    expect(other.existingMessage.id).toBe(first.id);
    expect(templateRequests(t, businessId)).toHaveLength(1);
  });

  it("does not repeat an attempt that may have reached Connectly: UNCONFIRMED, and a replay returns it unsent", async () => {
    const businessId = business("reset");
    const input = orderReady(businessId, { messageId: "maybe-sent" });
    // The first request is the catalog read; the reset hits the send.
    expect(as(await sendTemplate(t, { ...input, messageId: "warm-catalog" }), "Message").status).toBe("ACCEPTED");
    t.sandbox.injectFaults({ kind: "reset" });
    const failed = as(await sendTemplate(t, input), "UpstreamError");
    expect(failed).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", unconfirmed: true, failedMessage: { status: "UNCONFIRMED" } });
    expect(failed.message).toMatch(/no message id/);
    const replay = as(await sendTemplate(t, input), "Message");
    expect(replay).toMatchObject({ id: failed.failedMessage.id, status: "UNCONFIRMED" });
    expect(templateRequests(t, businessId)).toHaveLength(2);
  });

  it("passes on Connectly's opt-out refusal as CUSTOMER_OPTED_OUT, stored FAILED", async () => {
    const businessId = business("optout");
    const input = orderReady(businessId);
    t.sandbox.optOut(input.recipient.id);
    const failed = as(await sendTemplate(t, input), "UpstreamError");
    expect(failed).toMatchObject({
      code: "CUSTOMER_OPTED_OUT",
      unconfirmed: false,
      failedMessage: { status: "FAILED", error: { code: "CUSTOMER_OPTED_OUT" } },
      upstream: { status: 400, code: "ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT" },
    });
  });

  it("sends a batch with one result per input, in order", async () => {
    const businessId = business("batch");
    const inputs = [orderReady(businessId), { ...orderReady(businessId), template: { name: "no_such_template", language: "en" } }, orderReady(businessId)];
    const response = await execute(t, SendTemplateMessagesDocument, { inputs });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.sendTemplateMessages;
    expect(payload).toMatchObject({ acceptedCount: 2, failedCount: 1 });
    expect(payload.results.map((r) => r.__typename)).toEqual(["Message", "InvalidInputError", "Message"]);
    expect(as(payload.results[1]!, "InvalidInputError").field).toBe("inputs[1].template.name");
    expect(templateRequests(t, businessId)).toHaveLength(2);
  });

  it("refuses more than 1000 inputs whole", async () => {
    const input = orderReady(business("big"));
    const response = await execute(t, SendTemplateMessagesDocument, { inputs: Array.from({ length: 1001 }, () => input) });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "BATCH_SIZE" });
  });
});

describe("a template message's delivery statuses", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("template-status", {
      connectly: { mode: "sandbox", sandboxPort: 0, statusEvents: true, failureRate: 0, statusDelayMs: 5 },
    });
  });
  afterAll(() => t?.close());

  it("reach a subscriber of the message over graphql-ws as the sandbox posts them", async () => {
    const businessId = business("live");
    const client = createClient({ url: `${t.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      const subscription = client.iterate<{ messageStatusChanged: { deliveryStatus: string | null; message: { id: string } } }>({
        query: `subscription($b: ID!) { messageStatusChanged(businessId: $b) { deliveryStatus message { id } } }`,
        variables: { b: businessId },
      });
      const firstChange = subscription.next();
      await subscriptionsReach(t.gateway, 1);
      const message = as(await sendTemplate(t, orderReady(businessId)), "Message");
      await sandboxStatusPosts(t.sandbox, message.connectlyId!, ["sent", "delivered", "read"]);
      const seen: (string | null)[] = [];
      let step = await firstChange;
      while (!step.done) {
        expect(step.value.errors).toBeUndefined();
        expect(step.value.data!.messageStatusChanged.message.id).toBe(message.id);
        seen.push(step.value.data!.messageStatusChanged.deliveryStatus);
        if (seen.includes("READ")) break;
        step = await subscription.next();
      }
      expect(seen).toContain("READ");
      await subscription.return?.();
    } finally {
      await client.dispose();
    }
  });
});
