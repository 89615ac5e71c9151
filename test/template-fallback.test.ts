/**
 * sendSessionMessage's fallbackTemplate, end to end over real HTTP: the template goes instead when
 * the gateway's own record shows the customer's window closed (the session content never reaches
 * the sandbox), or after the sandbox refuses the session content as outside the window; never
 * after an attempt that may have got through, and never when the window is open.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SendSessionMessageInput } from "./generated/graphql.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { expectResult, send } from "./support/send.js";
import { expectAcknowledged, inboundMessageEvent, nowSeconds, postSignedEvent } from "./support/webhooks.js";
import { orderReadyTemplate } from "./support/templates.js";

let seq = 0;
const business = (label: string) => `biz-fallback-${label}-${seq++}-${randomBytes(3).toString("hex")}`;
const customer = () => `+5511977${String(100000 + (seq++ % 800000)).padStart(6, "0")}`;

const withFallback = (businessId: string, recipient: string, extra: Partial<SendSessionMessageInput> = {}): SendSessionMessageInput => ({
  businessId,
  recipient: { id: recipient },
  content: { text: "Your order is ready for pickup." },
  callbackData: { order: 7 },
  fallbackTemplate: orderReadyTemplate("en_US", "A7"),
  ...extra,
});

describe("sendSessionMessage with a fallbackTemplate", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("fallback", {
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

  const sent = (businessId: string) => t.sandbox.requests.filter((r) => r.businessId === businessId && r.endpoint !== "templates");

  it("sends the template at once when the gateway's record shows the window closed: the session content never leaves", async () => {
    const businessId = business("known");
    const recipient = customer();
    expectAcknowledged(await postSignedEvent(t.url, businessId, inboundMessageEvent(recipient, nowSeconds() - 25 * 3600)), "messages");
    const message = expectResult(await send(t, withFallback(businessId, recipient)), "Message");
    expect(message).toMatchObject({
      status: "ACCEPTED",
      attempts: 1,
      callbackData: { order: 7 },
      content: { __typename: "TemplateContent", template: { name: "order_ready", language: "en_US", checkedAgainstCatalog: true } },
      fallback: { reason: "SESSION_WINDOW_CLOSED", sessionContent: { __typename: "TextContent", text: "Your order is ready for pickup." }, upstream: null },
    });
    expect(sent(businessId).map((r) => [r.endpoint, r.status])).toEqual([["template", 200]]);
    expect(sent(businessId)[0]?.body).toMatchObject({ number: recipient, templateName: "order_ready", callbackData: { order: 7 } });
  });

  it("sends the template after Connectly refuses the session content as outside the window", async () => {
    const businessId = business("refused");
    const recipient = customer();
    t.sandbox.closeWindow(businessId, recipient);
    const message = expectResult(await send(t, withFallback(businessId, recipient)), "Message");
    expect(message).toMatchObject({
      status: "ACCEPTED",
      attempts: 2,
      content: { __typename: "TemplateContent" },
      fallback: { reason: "CONNECTLY_REFUSED_SESSION", upstream: { status: 400, code: "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW" } },
    });
    expect(sent(businessId).map((r) => [r.endpoint, r.status])).toEqual([
      ["session", 400],
      ["template", 200],
    ]);
    // The same messageId again is the same message: nothing more is sent.
    const again = expectResult(await send(t, withFallback(businessId, recipient, { messageId: message.messageId })), "Message");
    expect(again.id).toBe(message.id);
    expect(sent(businessId)).toHaveLength(2);
  });

  it("sends the session content when the window is open, and no template", async () => {
    const businessId = business("open");
    const recipient = customer();
    expectAcknowledged(await postSignedEvent(t.url, businessId, inboundMessageEvent(recipient, nowSeconds() - 60)), "messages");
    const message = expectResult(await send(t, withFallback(businessId, recipient)), "Message");
    expect(message).toMatchObject({ status: "ACCEPTED", fallback: null, content: { __typename: "TextContent" } });
    expect(sent(businessId).map((r) => r.endpoint)).toEqual(["session"]);
  });

  it("never sends the template after a session attempt that may have got through", async () => {
    const businessId = business("ambiguous");
    const recipient = customer();
    t.sandbox.closeWindow(businessId, recipient);
    await send(t, {
      businessId,
      recipient: { id: customer() },
      content: { text: "warm the catalog" },
      fallbackTemplate: withFallback(businessId, recipient).fallbackTemplate,
    });
    // A reset (the request may have arrived), then the window refusal on the retry.
    t.sandbox.injectFaults({ kind: "reset" });
    const refused = expectResult(await send(t, withFallback(businessId, recipient)), "SessionWindowClosedError");
    expect(refused.failedMessage).toMatchObject({ status: "FAILED", fallback: null, content: { __typename: "TextContent" } });
    expect(sent(businessId).filter((r) => r.body != null && (r.body as { number?: string }).number === recipient)).toEqual([]);
  });

  it("checks the fallback against the catalog before sending anything, even with the window open", async () => {
    const businessId = business("invalid");
    const input = withFallback(businessId, customer(), {
      fallbackTemplate: { name: "summer_sale", language: "en", parameters: [{ name: "body_1", value: "10%" }] },
    });
    const refused = expectResult(await send(t, input), "InvalidInputError");
    expect(refused).toMatchObject({ field: "input.fallbackTemplate.name", rule: "TEMPLATE_NOT_APPROVED" });
    expect(sent(businessId)).toEqual([]);
  });

  it("answers SessionWindowClosedError as before without a fallback", async () => {
    const businessId = business("none");
    const recipient = customer();
    t.sandbox.closeWindow(businessId, recipient);
    const { fallbackTemplate: _omitted, ...input } = withFallback(businessId, recipient);
    expectResult(await send(t, input), "SessionWindowClosedError");
    expect(sent(businessId).map((r) => r.endpoint)).toEqual(["session"]);
  });
});
