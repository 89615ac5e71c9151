/**
 * Webhook helpers shared by the tests: a signed event posted the way Connectly posts it, the events
 * themselves (delivery status, inbound message) and what a webhook answer must look like.
 * Sending and reading messages is in messages.ts.
 */
import { expect } from "vitest";
import { request } from "undici";
import { SIGNATURE_HEADER, signWebhookBody } from "../../src/webhooks/signature.js";
import { TEST_WEBHOOK_SECRET } from "./gateway.js";

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

export interface PostBodyOptions {
  /** Send the right signature with its first character changed. */
  readonly garbled?: boolean;
  /** The content-type header (text/plain, as Connectly sends, by default); null sends none. */
  readonly contentType?: string | null;
  /** The body sent, when it differs from the body signed. */
  readonly sentBody?: string;
}

/**
 * One real HTTP POST of `body` to `url`, signed with `secret` (null: no signature header).
 */
export async function postSignedBody(
  url: string,
  body: string,
  secret: string | null = TEST_WEBHOOK_SECRET,
  options: PostBodyOptions = {},
): Promise<WebhookAnswer> {
  const { contentType = "text/plain; charset=utf-8" } = options;
  const headers: Record<string, string> = {};
  if (contentType !== null) headers["content-type"] = contentType;
  if (secret !== null) {
    const signature = signWebhookBody(body, secret);
    headers[SIGNATURE_HEADER] = options.garbled ? `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}` : signature;
  }
  const response = await request(url, { method: "POST", headers, body: options.sentBody ?? body });
  return { status: response.statusCode, body: (await response.body.json()) as WebhookAnswer["body"] };
}

/**
 * One real HTTP POST of `event` to `businessId`'s webhook address, signed with TEST_WEBHOOK_SECRET
 * unless `options.secret` says otherwise.
 */
export function postSignedEvent(
  base: string,
  businessId: string,
  event: unknown,
  options: { secret?: string | null; form?: AddressForm } = {},
): Promise<WebhookAnswer> {
  return postSignedBody(webhookUrl(base, businessId, options.form), JSON.stringify(event), options.secret === undefined ? TEST_WEBHOOK_SECRET : options.secret);
}

/** Expects the answer Connectly gets for an event the gateway took: 200, the topic, whether it was a duplicate. */
export function expectAcknowledged(answer: WebhookAnswer, topic = "delivery_status", duplicate = false): void {
  expect(answer).toEqual({ status: 200, body: { ok: true, topic, duplicate } });
}

/** Expects a refusal: the HTTP status and an error with `code` and a message. */
export function expectRefusedWebhook(answer: WebhookAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body.error?.code).toBe(code);
  expect(answer.body.error?.message).toEqual(expect.any(String));
  expect(answer.body.error?.message.length).toBeGreaterThan(0);
}

// ---- events -------------------------------------------------------------------------------------

/** The status words of Connectly's delivery_status events. */
export type StatusWord = "sent" | "delivered" | "read" | "delivery_failed";

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
/** An event's Unix seconds as the API answers times. */
export const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

export interface StatusEventOptions {
  /** The customer (recipient.id); +16045550000 by default. */
  readonly recipient?: string;
  /** statusUpdate.error (null by default). */
  readonly error?: unknown;
  /** metadata.campaign_name, when given. */
  readonly campaignName?: string;
  /** callbackData, when given. */
  readonly callbackData?: unknown;
}

/**
 * A delivery_status event for `connectlyId` as Connectly posts it, timestamped `atSeconds` (Unix
 * seconds). `status` is any string (a StatusWord, or a word Connectly does not have).
 */
export function statusEvent(connectlyId: string, status: string, atSeconds = nowSeconds(), options: StatusEventOptions = {}) {
  return {
    topic: "delivery_status",
    timestamp: String(atSeconds),
    sender: { id: "+15550000000", channelType: "whatsapp" },
    recipient: { id: options.recipient ?? "+16045550000", channelType: "whatsapp" },
    statusUpdate: { id: connectlyId, status, error: options.error ?? null },
    ...(options.campaignName !== undefined ? { metadata: { campaign_name: options.campaignName } } : {}),
    ...(options.callbackData !== undefined ? { callbackData: options.callbackData } : {}),
  };
}

/** A delivery_status event for `connectlyId` to `recipient`, timestamped `atSeconds` (now by default). */
export function deliveryStatusEvent(connectlyId: string, status: StatusWord, recipient: string, atSeconds = nowSeconds()) {
  return statusEvent(connectlyId, status, atSeconds, { recipient });
}

/** An inbound customer message (topic messages) as Connectly posts it, timestamped `atSeconds`; `extra` replaces top-level fields. */
export function inboundMessageEvent(customerId: string, atSeconds: number, extra: Record<string, unknown> = {}) {
  return {
    topic: "messages",
    timestamp: String(atSeconds),
    sender: { id: customerId, channelType: "whatsapp", name: "Ada" },
    recipient: { id: "+15550000000", channelType: "whatsapp", name: "business" },
    message: { text: "Hello!" },
    ...extra,
  };
}

export interface CustomerMessageOptions {
  /** Unix seconds (now by default). */
  readonly atSeconds?: number;
  /** The top-level context (a quoted reply's), when given. */
  readonly context?: unknown;
  /** The top-level callbackData Connectly echoes, when given. */
  readonly callbackData?: unknown;
  /** A top-level referral, when given. */
  readonly referral?: unknown;
  /** The business number written to (+15550000000 by default). */
  readonly businessNumber?: string;
}

/**
 * An inbound customer message (topic messages) whose `message` is `message` (any of the shapes
 * docs/inbound.md lists), with the optional top-level context, callbackData and referral.
 */
export function customerMessageEvent(customerId: string, message: Record<string, unknown>, options: CustomerMessageOptions = {}) {
  return inboundMessageEvent(customerId, options.atSeconds ?? nowSeconds(), {
    message,
    ...(options.businessNumber !== undefined ? { recipient: { id: options.businessNumber, channelType: "whatsapp", name: "business" } } : {}),
    ...(options.context !== undefined ? { context: options.context } : {}),
    ...(options.callbackData !== undefined ? { callbackData: options.callbackData } : {}),
    ...(options.referral !== undefined ? { referral: options.referral } : {}),
  });
}
