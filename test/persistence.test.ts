/**
 * What the database holds around the call to Connectly: the row is PENDING (and its request body is
 * exactly what Connectly receives) while the call is in flight, then ACCEPTED or FAILED. And
 * idempotency by messageId: a replay is not sent again, a different message under the same
 * messageId is refused (MessageIdConflictError), a FAILED message is sent again with the same message.id.
 * The sandbox's "hold" fault keeps a request unanswered until the test releases it.
 */
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { StoredMessageDocument } from "./generated/graphql.js";
import { acceptedMessage as accepted, startTestGateway, type TestGateway } from "./support/gateway.js";
import { execute, expectResult, sendResponse, type SendSessionMessageInput } from "./support/send.js";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway("persistence");
});
afterAll(() => t?.close());

const HOUR = 60 * 60 * 1000;
const business = "biz-persist";

let recipientSeq = 0;
const newRecipient = (): string => `+1604666${String(1000 + recipientSeq++)}`;

const send = (input: SendSessionMessageInput) => sendResponse(t, input);

/** The send's result, expected to be a `typename` error (a result of the union, not a GraphQL error). */
function failure<T extends "SessionWindowClosedError" | "MessageIdConflictError" | "UpstreamError">(response: Awaited<ReturnType<typeof send>>, typename: T) {
  expect(response.errors).toBeUndefined();
  return expectResult(response.data!.sendSessionMessage, typename);
}

/** A hold fault for the next request and its release, which also runs when the test ends. */
function hold(): () => void {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  onTestFinished(() => release());
  t.sandbox.injectFaults({ kind: "hold", release: held });
  return release;
}

const byMessageId = (messageId: string) =>
  t.gateway.database.prisma.message.findUniqueOrThrow({ where: { businessId_messageId: { businessId: business, messageId } } });

describe("PENDING while Connectly has not answered", () => {
  it("is PENDING with attempts 1 and the exact request body during the call, then ACCEPTED with Connectly's id", async () => {
    const release = hold();
    const arrived = once(t.sandbox.events, "arrived");
    const input = {
      businessId: business,
      recipient: { id: newRecipient(), name: "Ada" },
      content: { text: "Held for a moment" },
      messageId: "held-accepted",
      callbackData: { order_id: "A-1" },
    };
    let settled = false;
    const sending = send(input).finally(() => (settled = true));

    const [arrivedBusiness, receivedBody] = (await arrived) as [string, unknown];
    expect(arrivedBusiness).toBe(business);
    const pending = await byMessageId("held-accepted");
    expect(settled).toBe(false);
    expect(pending.status).toBe("PENDING");
    expect(pending.attempts).toBe(1);
    expect(pending.connectlyId).toBeNull();
    expect(pending.errorCode).toBeNull();
    expect(pending.upstreamStatus).toBeNull();
    expect(pending.requestBody).toEqual(receivedBody);
    expect(receivedBody).toMatchObject({ message: { id: "held-accepted", text: "Held for a moment" }, callbackData: { order_id: "A-1" } });
    // The message query shows the same.
    const read = await execute(t, StoredMessageDocument, { id: pending.id });
    expect(read.data?.message).toMatchObject({ id: pending.id, status: "PENDING", connectlyId: null, error: null, attempts: 1 });

    release();
    const message = accepted(await sending);
    expect(message.id).toBe(pending.id);
    const answered = t.sandbox.requests.at(-1)!;
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual(receivedBody);

    const row = await byMessageId("held-accepted");
    expect(row.status).toBe("ACCEPTED");
    expect(row.connectlyId).toBe(answered.id);
    expect(message.connectlyId).toBe(answered.id);
    expect(row.upstreamStatus).toBe(200);
    expect(row.attempts).toBe(1);
    expect(row.errorCode).toBeNull();
    expect(row.createdAt).toEqual(pending.createdAt);
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(pending.updatedAt.getTime());
    expect(row.requestBody).toEqual(receivedBody);
  });

  it("is PENDING during the call, then FAILED with the code when Connectly rejects it (closed window)", async () => {
    const customer = newRecipient();
    t.sandbox.recordInbound(business, customer, Date.now() - 25 * HOUR);
    const release = hold();
    const arrived = once(t.sandbox.events, "arrived");
    let settled = false;
    const sending = send({ businessId: business, recipient: { id: customer }, content: { text: "Too late" }, messageId: "held-failed" }).finally(
      () => (settled = true),
    );

    const [, receivedBody] = (await arrived) as [string, unknown];
    const pending = await byMessageId("held-failed");
    expect(settled).toBe(false);
    expect(pending.status).toBe("PENDING");
    expect(pending.attempts).toBe(1);
    expect(pending.errorCode).toBeNull();
    expect(pending.requestBody).toEqual(receivedBody);

    release();
    const error = failure(await sending, "SessionWindowClosedError");
    expect(error.code).toBe("SESSION_WINDOW_CLOSED");
    expect(error.failedMessage).toMatchObject({ id: pending.id, status: "FAILED" });
    expect(t.sandbox.requests.at(-1)).toMatchObject({ status: 400, body: receivedBody });

    const row = await byMessageId("held-failed");
    expect(row.status).toBe("FAILED");
    expect(row.errorCode).toBe("SESSION_WINDOW_CLOSED");
    expect(row.errorMessage).toBe(error.message);
    expect(row.upstreamStatus).toBe(400);
    expect(row.connectlyId).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.createdAt).toEqual(pending.createdAt);
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
  });
});

describe("idempotency by messageId", () => {
  it("the same input twice: one upstream request, the same stored message both times", async () => {
    const input = { businessId: business, recipient: { id: newRecipient() }, content: { text: "Only once" }, messageId: "idem-same" };
    const before = t.sandbox.requests.length;
    const first = accepted(await send(input));
    const firstRow = await byMessageId("idem-same");
    const second = accepted(await send(input));
    expect(t.sandbox.requests.length).toBe(before + 1);
    expect(second.id).toBe(first.id);
    expect(second.connectlyId).toBe(first.connectlyId);
    expect(second.attempts).toBe(1);
    const row = await byMessageId("idem-same");
    expect(row.updatedAt).toEqual(firstRow.updatedAt);
    expect(await t.gateway.database.prisma.message.count({ where: { businessId: business, messageId: "idem-same" } })).toBe(1);
  });

  it("the same input written differently (other key order, optional fields null) is still the same message", async () => {
    const recipientId = newRecipient();
    const before = t.sandbox.requests.length;
    const first = accepted(
      await send({
        businessId: business,
        recipient: { id: recipientId },
        content: { text: "Same thing" },
        messageId: "idem-spelled",
        callbackData: { a: 1, b: 2 },
      }),
    );
    const second = accepted(
      await send({
        messageId: "idem-spelled",
        callbackData: { b: 2, a: 1 },
        content: { text: "Same thing" },
        recipient: { name: null, id: recipientId },
        sender: null,
        campaignName: null,
        businessId: business,
      }),
    );
    expect(second.id).toBe(first.id);
    expect(t.sandbox.requests.length).toBe(before + 1);
  });

  it("the same messageId with a different text: MESSAGE_ID_CONFLICT, nothing sent, the stored message unchanged", async () => {
    const recipient = { id: newRecipient() };
    const before = t.sandbox.requests.length;
    const first = accepted(await send({ businessId: business, recipient, content: { text: "Original" }, messageId: "idem-conflict" }));
    const stored = await byMessageId("idem-conflict");

    const error = failure(await send({ businessId: business, recipient, content: { text: "Changed" }, messageId: "idem-conflict" }), "MessageIdConflictError");
    expect(error.code).toBe("MESSAGE_ID_CONFLICT");
    expect(error.messageId).toBe("idem-conflict");
    expect(error.existingMessage).toMatchObject({ id: first.id, content: { text: "Original" } });
    expect(error.message).toMatch(/idem-conflict.*already used/);
    expect(t.sandbox.requests.length).toBe(before + 1);

    const row = await byMessageId("idem-conflict");
    expect(row).toEqual(stored);
    expect(row.content).toEqual({ text: "Original" });
  });

  it("the same messageId in another business is another message", async () => {
    const input = { recipient: { id: newRecipient() }, content: { text: "Per business" }, messageId: "idem-per-business" };
    const before = t.sandbox.requests.length;
    const a = accepted(await send({ ...input, businessId: business }));
    const b = accepted(await send({ ...input, businessId: "biz-persist-other" }));
    expect(b.id).not.toBe(a.id);
    expect(t.sandbox.requests.length).toBe(before + 2);
  });

  it("a FAILED message sent again with the same messageId and input is re-sent with the same message.id: ACCEPTED, attempts 2", async () => {
    const input = { businessId: business, recipient: { id: newRecipient() }, content: { text: "Second time lucky" }, messageId: "idem-retry" };
    const before = t.sandbox.requests.length;
    // 503: Connectly did not take it, so the message is FAILED (not merely unconfirmed).
    t.sandbox.injectFaults({ kind: "status", status: 503 });
    const error = failure(await send(input), "UpstreamError");
    expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(error.unconfirmed).toBe(false);
    const failed = await byMessageId("idem-retry");
    expect(failed.status).toBe("FAILED");
    expect(failed.errorCode).toBe("UPSTREAM_UNAVAILABLE");
    expect(failed.upstreamStatus).toBe(503);
    expect(failed.attempts).toBe(1);
    expect(error.failedMessage).toMatchObject({ id: failed.id, status: "FAILED", attempts: 1 });

    const message = accepted(await send(input));
    expect(message.id).toBe(failed.id);
    expect(message.attempts).toBe(2);
    expect(message.error).toBeNull();

    const received = t.sandbox.requests.slice(before);
    expect(received.map((r) => r.status)).toEqual([503, 200]);
    expect(received.map((r) => (r.body as { message: { id: string } }).message.id)).toEqual(["idem-retry", "idem-retry"]);
    expect(received[1]!.body).toEqual(received[0]!.body);

    const row = await byMessageId("idem-retry");
    expect(row.status).toBe("ACCEPTED");
    expect(row.attempts).toBe(2);
    expect(row.connectlyId).toBe(received[1]!.id);
    expect(row.errorCode).toBeNull();
    expect(row.errorMessage).toBeNull();
    expect(row.upstreamStatus).toBe(200);
    expect(row.createdAt).toEqual(failed.createdAt);

    // Accepted now: a third time is a replay, not another request.
    const third = accepted(await send(input));
    expect(third.id).toBe(failed.id);
    expect(t.sandbox.requests.length).toBe(before + 2);
  });
});

describe("a FAILED message", () => {
  it("keeps its content, callbackData and the rest of what was asked", async () => {
    const content = {
      replyButtonMessage: {
        header: { text: "Appointment reminder" },
        body: "Would you like to confirm?",
        buttons: [
          { id: "yes", text: "Confirm" },
          { id: "no", text: "Cancel" },
        ],
      },
    };
    const callbackData = { order_id: "12345", nested: { tags: ["a", "b"] } };
    const recipient = { id: newRecipient(), name: "Grace" };
    t.sandbox.injectFaults({ kind: "status", status: 503 });
    const error = failure(
      await send({
        businessId: business,
        recipient,
        sender: { id: "+14151111234" },
        content,
        callbackData,
        campaignName: "reminders",
        messageId: "failed-keeps",
      }),
      "UpstreamError",
    );
    expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
    const received = t.sandbox.requests.at(-1)!;
    expect(received.status).toBe(503);

    const row = await byMessageId("failed-keeps");
    expect(row.id).toBe(error.failedMessage.id);
    expect(row.status).toBe("FAILED");
    expect(row.contentType).toBe("REPLY_BUTTON_MESSAGE");
    expect(row.content).toEqual(content);
    expect(row.callbackData).toEqual(callbackData);
    expect(row.campaignName).toBe("reminders");
    expect(row.recipientId).toBe(recipient.id);
    expect(row.recipientName).toBe("Grace");
    expect(row.senderId).toBe("+14151111234");
    expect(row.requestBody).toEqual(received.body);

    const read = await execute(t, StoredMessageDocument, { id: row.id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.message).toMatchObject({
      id: row.id,
      messageId: "failed-keeps",
      status: "FAILED",
      connectlyId: null,
      callbackData,
      campaignName: "reminders",
      error: { code: "UPSTREAM_UNAVAILABLE", message: error.message, upstreamStatus: 503 },
      content: {
        __typename: "ReplyButtonMessageContent",
        replyButtonMessage: {
          header: { text: "Appointment reminder", attachment: null },
          body: "Would you like to confirm?",
          footer: null,
          buttons: content.replyButtonMessage.buttons,
        },
      },
    });
  });
});
