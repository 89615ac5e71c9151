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

/** How a webhook address names its business: `?businessId=` (as webhooks:register writes it), the path, or not at all. */
export type AddressForm = "query" | "path" | "none";

/** The webhook address of `businessId` under `base`, in the given form. */
export function webhookUrl(base: string, businessId: string, form: AddressForm = "query"): string {
  const id = encodeURIComponent(businessId);
  return form === "query" ? `${base}/webhooks/connectly?businessId=${id}` : form === "path" ? `${base}/webhooks/connectly/${id}` : `${base}/webhooks/connectly`;
}

/**
 * One real HTTP POST of `body` to `url`, as text/plain (as Connectly sends it), signed with `secret`
 * (null: no signature header; `garbled`: the right signature with its first character changed).
 */
export async function postSignedBody(url: string, body: string, secret: string | null = TEST_WEBHOOK_SECRET, options: { garbled?: boolean } = {}): Promise<WebhookAnswer> {
  const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8" };
  if (secret !== null) {
    const signature = signWebhookBody(body, secret);
    headers[SIGNATURE_HEADER] = options.garbled ? `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}` : signature;
  }
  const response = await request(url, { method: "POST", headers, body });
  return { status: response.statusCode, body: (await response.body.json()) as WebhookAnswer["body"] };
}

/**
 * One real HTTP POST of `event` to `businessId`'s webhook address, signed with TEST_WEBHOOK_SECRET
 * unless `options.secret` says otherwise.
 */
export function postSignedEvent(base: string, businessId: string, event: unknown, options: { secret?: string | null; form?: AddressForm } = {}): Promise<WebhookAnswer> {
  return postSignedBody(webhookUrl(base, businessId, options.form), JSON.stringify(event), options.secret === undefined ? TEST_WEBHOOK_SECRET : options.secret);
}

/** A delivery_status event for `connectlyId` as Connectly posts it, timestamped `atSeconds` (Unix seconds; now by default). */
export function deliveryStatusEvent(connectlyId: string, status: "sent" | "delivered" | "read" | "delivery_failed", recipient: string, atSeconds = Math.floor(Date.now() / 1000)) {
  return {
    topic: "delivery_status",
    timestamp: String(atSeconds),
    sender: { id: "+15550000000", channelType: "whatsapp" },
    recipient: { id: recipient, channelType: "whatsapp" },
    statusUpdate: { id: connectlyId, status, error: null },
  };
}

/** An inbound customer message (topic messages) as Connectly posts it, timestamped `atSeconds`. */
export function inboundMessageEvent(customerId: string, atSeconds: number, text = "Hello!") {
  return {
    topic: "messages",
    timestamp: String(atSeconds),
    sender: { id: customerId, channelType: "whatsapp", name: "Ada" },
    recipient: { id: "+15550000000", channelType: "whatsapp", name: "business" },
    message: { text },
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
