/**
 * The sandbox's webhooks, posted like Connectly posts them: signed text/plain bodies to the address
 * a business registered (or a default one), delivery statuses after an accepted message, inbound
 * customer messages on request.
 */
import type { EventEmitter } from "node:events";
import { request as httpRequest } from "undici";
import { SIGNATURE_HEADER, signWebhookBody } from "../webhooks/signature.js";

export interface SandboxWebhookOptions {
  /** The secret webhook bodies are signed with (x-connectly-hmac-sha256). */
  readonly secret: string;
  /** Whether accepted messages go on to sent, delivered and read (or delivery_failed) events. Default true. */
  readonly statusEvents?: boolean;
  /** Share of accepted messages that fail with delivery_failed after sent (0 to 1). Default 0.1. */
  readonly failureRate?: number;
  /** Typical delay between one status and the next, in ms (each is drawn around it). Default 500. */
  readonly delayMs?: number;
  /** Random numbers in [0, 1), for tests that need a known outcome. */
  readonly random?: () => number;
}

type WebhookTopicName = "delivery_status" | "messages";

/** One webhook post the sandbox made (or gave up on). */
export interface PostedWebhook {
  readonly topic: WebhookTopicName;
  readonly address: string;
  readonly body: Record<string, unknown>;
  /** The gateway's answer; 0 when it could not be reached. */
  readonly status: number;
}

export interface SandboxWebhooks {
  /** Posted so far (the last 10,000). */
  readonly posted: PostedWebhook[];
  /** Whether accepted messages go on to status events (webhooks configured and status events on). */
  readonly lifecycles: boolean;
  /** Posts one event (awaited by close); null when no address is known or webhooks are off. */
  post(businessId: string, topic: WebhookTopicName, event: Record<string, unknown>): Promise<PostedWebhook | null>;
  /** After accepting a message: sent, then delivered and read, or delivery_failed, with realistic delays. */
  scheduleLifecycle(businessId: string, id: string, message: AcceptedMessage): void;
  /** The next `count` accepted messages go sent, then delivery_failed, whatever the failure rate. */
  failNext(count: number): void;
  /** Posts delivery_failed for an accepted message now, dropping the statuses still scheduled for it. */
  failNow(businessId: string, id: string, message: AcceptedMessage, error?: DeliveryError): Promise<PostedWebhook | null>;
  /** Connectly's create-webhook: false when the business already has an address for the topic. */
  register(businessId: string, topic: WebhookTopicName, address: string): boolean;
  setDefaultAddress(address: string | undefined): void;
  /** Stops scheduled posts and waits for those under way. */
  close(): Promise<void>;
}

const KEEP = 10_000;

/** What the status events of an accepted message repeat from its request, session or templated. */
export interface AcceptedMessage {
  /** The customer's number. */
  readonly recipient: string;
  /** The business number it was sent from, when the request named one. */
  readonly sender?: string | undefined;
  readonly callbackData?: unknown;
  readonly campaignName?: unknown;
}

/**
 * An inbound customer message as Connectly posts it (topic messages); the business number is the
 * sandbox's. `extra` holds the top-level fields of answers (context, callbackData).
 */
export function inboundMessageEvent(
  customerId: string,
  name: string | undefined,
  message: Record<string, unknown>,
  at: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    topic: "messages",
    timestamp: String(Math.floor(at / 1000)),
    sender: { id: customerId, channelType: "whatsapp", ...(name ? { name } : {}) },
    recipient: { id: "+15550000000", channelType: "whatsapp", name: "business" },
    message,
    ...extra,
  };
}

/** A plain text message from the customer. */
export const inboundEvent = (customerId: string, name: string | undefined, text: string, at: number): Record<string, unknown> =>
  inboundMessageEvent(customerId, name, { text }, at);

/** Posts `raw` signed; tries three times before giving up, stopping early once closing. Returns the last status (0: unreachable). */
async function postSigned(address: string, raw: string, secret: string, closing: () => boolean): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 3 && !closing(); attempt++) {
    try {
      const response = await httpRequest(address, {
        method: "POST",
        headers: { "content-type": "text/plain; charset=utf-8", [SIGNATURE_HEADER]: signWebhookBody(raw, secret) },
        body: raw,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      await response.body.dump();
      status = response.statusCode;
      if (status === 200 || (status >= 400 && status < 500)) break;
    } catch {
      status = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
  }
  return status;
}

/** The error object of a delivery_failed event. */
export interface DeliveryError {
  readonly type: string;
  readonly code: string;
  readonly message: string;
  readonly userTitle?: string;
  readonly userMessage?: string;
}

const DELIVERY_FAILED: DeliveryError = {
  type: "ERROR_TYPE_DELIVERY_FAILED",
  code: "ERROR_CODE_RECIPIENT_UNREACHABLE",
  message: "Sandbox: the message could not be delivered to the recipient's phone.",
  userTitle: "Message undeliverable",
  userMessage: "The recipient's phone could not be reached.",
};

/** What every status event of an accepted message repeats from its request. */
function statusEventBase(message: AcceptedMessage): Record<string, unknown> {
  return {
    topic: "delivery_status",
    sender: { id: message.sender ?? "+15550000000", channelType: "whatsapp" },
    recipient: { id: message.recipient, channelType: "whatsapp" },
    ...(typeof message.campaignName === "string" ? { metadata: { campaign_name: message.campaignName } } : {}),
    ...(message.callbackData !== undefined ? { callbackData: message.callbackData } : {}),
  };
}

/** Timers by message, so that the statuses still to come for one can be dropped. */
function createTimers(closing: () => boolean) {
  const byMessage = new Map<string, Set<NodeJS.Timeout>>();
  const drop = (id: string) => {
    for (const timer of byMessage.get(id) ?? []) clearTimeout(timer);
    byMessage.delete(id);
  };
  return {
    later(id: string, ms: number, run: () => void): void {
      const own = byMessage.get(id) ?? new Set<NodeJS.Timeout>();
      byMessage.set(id, own);
      const timer = setTimeout(() => {
        own.delete(timer);
        if (own.size === 0) byMessage.delete(id);
        if (!closing()) run();
      }, ms);
      own.add(timer);
    },
    drop,
    clear: () => [...byMessage.keys()].forEach(drop),
  };
}

/** The statuses of an accepted message and when each goes (ms after acceptance). */
function lifecycleSteps(fails: boolean, delay: number, random: () => number): { at: number; status: string; error: DeliveryError | null }[] {
  const statuses = fails ? ["sent", "delivery_failed"] : ["sent", "delivered", "read"];
  let at = 0;
  return statuses.map((status, i) => {
    at += Math.max(1, Math.round(delay * (i === 0 ? 0.2 + 0.4 * random() : 0.5 + random())));
    return { at, status, error: status === "delivery_failed" ? DELIVERY_FAILED : null };
  });
}

export function createSandboxWebhooks(options: SandboxWebhookOptions | undefined, events: EventEmitter, now: () => number): SandboxWebhooks {
  const random = options?.random ?? Math.random;
  const registered = new Map<string, string>(); // `${businessId}|${topic}` -> address
  let defaultAddress: string | undefined;
  const posted: PostedWebhook[] = [];
  let forcedFailures = 0;
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const timers = createTimers(() => closing);

  const addressFor = (businessId: string, topic: WebhookTopicName): string | undefined => {
    const own = registered.get(`${businessId}|${topic}`);
    if (own || !defaultAddress) return own;
    const url = new URL(defaultAddress);
    url.searchParams.set("businessId", businessId);
    return url.toString();
  };

  const postNow = async (businessId: string, topic: WebhookTopicName, event: Record<string, unknown>): Promise<PostedWebhook | null> => {
    const address = addressFor(businessId, topic);
    if (!address || !options) return null;
    const status = await postSigned(address, JSON.stringify(event), options.secret, () => closing);
    const record: PostedWebhook = { topic, address, body: event, status };
    posted.push(record);
    if (posted.length > KEEP) posted.splice(0, posted.length - KEEP);
    events.emit("webhook", record);
    return record;
  };

  const post: SandboxWebhooks["post"] = (businessId, topic, event) => {
    const promise = postNow(businessId, topic, event);
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  };

  const scheduleLifecycle: SandboxWebhooks["scheduleLifecycle"] = (businessId, id, message) => {
    if (!options || options.statusEvents === false) return;
    const delay = options.delayMs ?? 500;
    const forced = forcedFailures > 0;
    if (forced) forcedFailures--;
    const fails = forced || random() < (options.failureRate ?? 0.1);
    const base = statusEventBase(message);
    for (const step of lifecycleSteps(fails, delay, random)) {
      timers.later(id, step.at, () => {
        const statusUpdate = { id, status: step.status, error: step.error };
        void post(businessId, "delivery_status", { ...base, timestamp: String(Math.floor(now() / 1000)), statusUpdate });
      });
    }
  };

  const failNow: SandboxWebhooks["failNow"] = (businessId, id, message, error = DELIVERY_FAILED) => {
    timers.drop(id);
    const statusUpdate = { id, status: "delivery_failed", error };
    return post(businessId, "delivery_status", { ...statusEventBase(message), timestamp: String(Math.floor(now() / 1000)), statusUpdate });
  };

  return {
    posted,
    lifecycles: options != null && options.statusEvents !== false,
    post,
    scheduleLifecycle,
    failNext: (count) => {
      forcedFailures += count;
    },
    failNow,
    register: (businessId, topic, address) => {
      const key = `${businessId}|${topic}`;
      if (registered.has(key)) return false;
      registered.set(key, address);
      return true;
    },
    setDefaultAddress: (address) => {
      defaultAddress = address;
    },
    close: async () => {
      closing = true;
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
