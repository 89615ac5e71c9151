/**
 * Webhook and delivery helpers shared by the delivery-status tests: a signed event posted the way
 * Connectly posts it, a text message sent and expected ACCEPTED, a message read back by id.
 */
import { expect } from "vitest";
import { request } from "undici";
import { SIGNATURE_HEADER, signWebhookBody } from "../../src/webhooks/signature.js";
import { TEST_WEBHOOK_SECRET, type GraphQLResponse } from "./gateway.js";

/** What POST /webhooks/connectly answered. */
export interface WebhookAnswer {
  status: number;
  body: { ok?: boolean; topic?: string; duplicate?: boolean; error?: { code: string; message: string } };
}

/** One real HTTP POST of `event` to the webhook endpoint, signed with TEST_WEBHOOK_SECRET, as text/plain (as Connectly sends it). */
export async function postSignedEvent(base: string, businessId: string, event: unknown): Promise<WebhookAnswer> {
  const body = JSON.stringify(event);
  const response = await request(`${base}/webhooks/connectly?businessId=${encodeURIComponent(businessId)}`, {
    method: "POST",
    headers: { "content-type": "text/plain; charset=utf-8", [SIGNATURE_HEADER]: signWebhookBody(body, TEST_WEBHOOK_SECRET) },
    body,
  });
  return { status: response.statusCode, body: (await response.body.json()) as WebhookAnswer["body"] };
}

/** A delivery_status event for `connectlyId` as Connectly posts it, timestamped now. */
export function deliveryStatusEvent(connectlyId: string, status: "sent" | "delivered" | "read" | "delivery_failed", recipient: string) {
  return {
    topic: "delivery_status",
    timestamp: String(Math.floor(Date.now() / 1000)),
    sender: { id: "+15550000000", channelType: "whatsapp" },
    recipient: { id: recipient, channelType: "whatsapp" },
    statusUpdate: { id: connectlyId, status, error: null },
  };
}

export type GraphQLCall = <T>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** Sends a text message with `sendQuery` (selecting `message { … }`); expects it ACCEPTED with a Connectly id. */
export async function sendAcceptedText<M extends { status: string; connectlyId: string | null }>(
  graphql: GraphQLCall,
  sendQuery: string,
  businessId: string,
  recipient: string,
  extra: Record<string, unknown> = {},
): Promise<M> {
  const response = await graphql<{ sendSessionMessage: { message: M } }>(sendQuery, {
    input: { businessId, recipient: { id: recipient }, content: { text: "Your order has shipped." }, ...extra },
  });
  expect(response.errors).toBeUndefined();
  const message = response.data!.sendSessionMessage.message;
  expect(message.status).toBe("ACCEPTED");
  expect(message.connectlyId).toEqual(expect.any(String));
  return message;
}

/** Reads a message with `messageQuery` (`message(id: $id) { … }`); expects it found. */
export async function readMessage<M>(graphql: GraphQLCall, messageQuery: string, id: string): Promise<M> {
  const response = await graphql<{ message: M | null }>(messageQuery, { id });
  expect(response.errors).toBeUndefined();
  expect(response.data?.message).not.toBeNull();
  return response.data!.message!;
}
