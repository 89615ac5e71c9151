/**
 * The built-in Connectly sandbox: a real HTTP server that follows the send-session-messages
 * contract (X-API-Key, the same validation as the gateway, the 24-hour window, 200 requests per
 * second per key with 429 and Retry-After, message ids, deduplication by message.id). It is the
 * upstream of `npm start` without an API key, of the tests and of the benchmarks. It is not Connectly.
 */
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "undici";
import { EventEmitter } from "node:events";
import Fastify, { type FastifyReply } from "fastify";
import { ulid } from "ulid";
import { inputFromRestBody } from "../connectly/rest-body.js";
import type { SendSessionMessageInput } from "../graphql/generated/types.js";
import { LIMITS } from "../validation/limits.js";
import { validateSendSessionMessageInput } from "../validation/send-session-message.js";
import { createSlidingLog, type SlidingLog } from "../ratelimit/sliding-log.js";
import { SIGNATURE_HEADER, signWebhookBody } from "../webhooks/signature.js";

export const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface SandboxOptions {
  readonly host?: string;
  readonly port?: number;
  /** The API key the sandbox accepts; a random one when omitted. */
  readonly apiKey?: string;
  /** Requests per second per API key before 429 (a strict sliding window). */
  readonly rateLimitPerSecond?: number;
  /** Whether a customer the sandbox has never seen counts as having written just now. Default true. */
  readonly unknownCustomersInWindow?: boolean;
  readonly now?: () => number;
  /** Webhooks the sandbox posts like Connectly does: delivery statuses after it accepts a message, inbound messages. */
  readonly webhooks?: SandboxWebhookOptions;
}

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

/** One webhook post the sandbox made (or gave up on). */
export interface PostedWebhook {
  readonly topic: "delivery_status" | "messages";
  readonly address: string;
  readonly body: Record<string, unknown>;
  /** The gateway's answer; 0 when it could not be reached. */
  readonly status: number;
}

/** One request as the sandbox received and answered it. */
export interface ReceivedRequest {
  readonly businessId: string;
  readonly authorized: boolean;
  readonly body: unknown;
  readonly status: number;
  readonly id?: string;
  /** When the sandbox answered (ms since the epoch). */
  readonly at: number;
}

/** A fault for the next request: an HTTP answer, a delay before answering normally, or a dropped connection. */
export type Fault =
  | { readonly kind: "status"; readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  | { readonly kind: "delay"; readonly ms: number }
  /** Waits for `release` before answering normally: lets a test look at the gateway mid-call. */
  | { readonly kind: "hold"; readonly release: Promise<unknown> }
  | { readonly kind: "reset" };

export interface Sandbox {
  readonly url: string;
  readonly apiKey: string;
  /** Every send request received, in order. */
  readonly requests: ReceivedRequest[];
  /**
   * Emits "arrived" (businessId, body) when a send request arrives, before it is answered, and
   * "webhook" (PostedWebhook) after each webhook post is answered (or given up on).
   */
  readonly events: EventEmitter;
  /** Records that a customer wrote to the business at `at` (default now), opening the 24-hour window. */
  recordInbound(businessId: string, customerId: string, at?: number): void;
  /** Queues faults for the next requests, one per request. */
  injectFaults(...faults: Fault[]): void;
  /**
   * Where webhooks go for businesses that registered none through the create-webhook endpoint;
   * `?businessId=` is added. Nothing is posted until an address is known.
   */
  setWebhookAddress(address: string | undefined): void;
  /** Webhooks posted so far (the last 10,000). */
  readonly webhooks: PostedWebhook[];
  /** Posts an inbound customer message (topic messages) as Connectly would. */
  postInbound(businessId: string, customer: { id: string; name?: string }, text: string, extra?: Record<string, unknown>): Promise<PostedWebhook | null>;
  close(): Promise<void>;
}

const errorBody = (type: string, code: string, message: string) => ({ error: { type, code, message } });

/** An inbound customer message as Connectly posts it (topic messages); the business number is the sandbox's. */
function inboundEvent(customerId: string, name: string | undefined, text: string, at: number): Record<string, unknown> {
  return {
    topic: "messages",
    timestamp: String(Math.floor(at / 1000)),
    sender: { id: customerId, channelType: "whatsapp", ...(name ? { name } : {}) },
    recipient: { id: "+15550000000", channelType: "whatsapp", name: "business" },
    message: { text },
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? `sandbox_${randomBytes(16).toString("hex")}`;
  const limit = options.rateLimitPerSecond ?? 200;
  const now = options.now ?? Date.now;
  const unknownInWindow = options.unknownCustomersInWindow ?? true;
  const windows = new Map<string, SlidingLog>();
  const lastInbound = new Map<string, number>();
  const sentIds = new Map<string, string>();
  const faults: Fault[] = [];
  const requests: ReceivedRequest[] = [];
  const events = new EventEmitter();
  const webhookOptions = options.webhooks;
  const random = webhookOptions?.random ?? Math.random;
  const registered = new Map<string, string>(); // `${businessId}|${topic}` -> address
  let defaultAddress: string | undefined;
  const webhooks: PostedWebhook[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const inFlightPosts = new Set<Promise<unknown>>();
  let closing = false;

  const addressFor = (businessId: string, topic: PostedWebhook["topic"]): string | undefined => {
    const own = registered.get(`${businessId}|${topic}`);
    if (own) return own;
    if (!defaultAddress) return undefined;
    const url = new URL(defaultAddress);
    url.searchParams.set("businessId", businessId);
    return url.toString();
  };

  /** Posts one event, signed, as text/plain like Connectly; tries three times before giving up. */
  const postWebhook = async (businessId: string, topic: PostedWebhook["topic"], event: Record<string, unknown>): Promise<PostedWebhook | null> => {
    const address = addressFor(businessId, topic);
    if (!address || !webhookOptions) return null;
    const raw = JSON.stringify(event);
    let status = 0;
    for (let attempt = 0; attempt < 3 && !closing; attempt++) {
      try {
        const response = await httpRequest(address, {
          method: "POST",
          headers: { "content-type": "text/plain; charset=utf-8", [SIGNATURE_HEADER]: signWebhookBody(raw, webhookOptions.secret) },
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
    const posted: PostedWebhook = { topic, address, body: event, status };
    webhooks.push(posted);
    if (webhooks.length > 10_000) webhooks.splice(0, webhooks.length - 10_000);
    events.emit("webhook", posted);
    return posted;
  };
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlightPosts.add(promise);
    void promise.finally(() => inFlightPosts.delete(promise));
    return promise;
  };
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closing) run();
    }, ms);
    timers.add(timer);
  };

  /** After accepting a message: sent, then delivered and read, or delivery_failed, with realistic delays. */
  const scheduleLifecycle = (businessId: string, id: string, body: Record<string, unknown>) => {
    if (!webhookOptions || webhookOptions.statusEvents === false) return;
    const delay = webhookOptions.delayMs ?? 500;
    const fails = random() < (webhookOptions.failureRate ?? 0.1);
    const recipient = body.recipient as Record<string, unknown>;
    const sender = body.sender as Record<string, unknown> | undefined;
    const base = {
      topic: "delivery_status",
      sender: { id: typeof sender?.id === "string" ? sender.id : "+15550000000", channelType: "whatsapp" },
      recipient: { id: recipient.id, channelType: "whatsapp" },
      ...(typeof body.campaignName === "string" ? { metadata: { campaign_name: body.campaignName } } : {}),
      ...(body.callbackData !== undefined ? { callbackData: body.callbackData } : {}),
    };
    const steps: { status: string; error?: Record<string, unknown> }[] = fails
      ? [
          { status: "sent" },
          {
            status: "delivery_failed",
            error: {
              type: "ERROR_TYPE_DELIVERY_FAILED",
              code: "ERROR_CODE_RECIPIENT_UNREACHABLE",
              message: "Sandbox: the message could not be delivered to the recipient's phone.",
              userTitle: "Message undeliverable",
              userMessage: "The recipient's phone could not be reached.",
            },
          },
        ]
      : [{ status: "sent" }, { status: "delivered" }, { status: "read" }];
    let at = 0;
    for (const [i, step] of steps.entries()) {
      at += Math.max(1, Math.round(delay * (i === 0 ? 0.2 + 0.4 * random() : 0.5 + random())));
      later(at, () => {
        const event = {
          ...base,
          timestamp: String(Math.floor(now() / 1000)),
          statusUpdate: { id, status: step.status, error: step.error ?? null },
        };
        void track(postWebhook(businessId, "delivery_status", event));
      });
    }
  };

  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 512 } });
  // Connectly's answers are JSON errors, including for bodies that are not JSON.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    void reply.code(status).send(errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_MALFORMED_BODY", error.message));
  });

  const answer = (reply: FastifyReply, record: Omit<ReceivedRequest, "status" | "at">, status: number, body: unknown) => {
    requests.push({ ...record, status, at: now() });
    return reply.code(status).send(body);
  };

  app.post<{ Params: { businessId: string } }>("/v1/businesses/:businessId/send/messages", async (request, reply) => {
    const { businessId } = request.params;
    const key = request.headers["x-api-key"];
    const authorized = key === apiKey;
    const record = { businessId, authorized, body: request.body };
    events.emit("arrived", businessId, request.body);

    const fault = faults.shift();
    if (fault?.kind === "reset") {
      requests.push({ ...record, status: 0, at: now() });
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (fault?.kind === "status") {
      void reply.headers(fault.headers ?? {});
      return answer(reply, record, fault.status, fault.body ?? errorBody("ERROR_TYPE_INTERNAL", "ERROR_CODE_INTERNAL", "injected fault"));
    }
    if (fault?.kind === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === "hold") await fault.release;

    if (!authorized) {
      return answer(reply, record, 401, errorBody("ERROR_TYPE_UNAUTHENTICATED", "ERROR_CODE_INVALID_API_KEY", "Missing or invalid X-API-Key."));
    }
    let window = windows.get(apiKey);
    if (!window) windows.set(apiKey, (window = createSlidingLog({ windows: [{ limit, windowMs: 1000 }] })));
    const waitMs = window.tryAcquire(now());
    if (waitMs > 0) {
      void reply.header("retry-after", String(Math.max(1, Math.ceil(waitMs / 1000))));
      return answer(reply, record, 429, errorBody("ERROR_TYPE_RATE_LIMITED", "ERROR_CODE_RATE_LIMIT_EXCEEDED", `Rate limit exceeded (${limit} req/s).`));
    }

    const body = request.body as Record<string, unknown> | null;
    const recipient = body?.recipient as Record<string, unknown> | undefined;
    const sender = body?.sender as Record<string, unknown> | undefined;
    const invalid = (message: string) => answer(reply, record, 400, errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_INVALID_REQUEST", message));
    if (recipient?.channelType !== "whatsapp") return invalid("recipient.channelType must be whatsapp.");
    if (sender != null && sender.channelType != null && sender.channelType !== "whatsapp") return invalid("sender.channelType must be whatsapp.");
    const input = inputFromRestBody(businessId, body) as unknown as SendSessionMessageInput;
    const issues = validateSendSessionMessageInput(input);
    if (issues.length > 0) {
      const issue = issues[0]!;
      if (issue.rule === "CALLBACK_DATA_SIZE") {
        return answer(reply, record, 400, errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_CALLBACK_DATA_TOO_LARGE", `callbackData exceeds ${LIMITS.callbackDataBytes} bytes.`));
      }
      return invalid(issue.message.replace(/^input\./, ""));
    }

    const customer = input.recipient.id;
    const windowKey = `${businessId}|${customer}`;
    if (!lastInbound.has(windowKey) && unknownInWindow) lastInbound.set(windowKey, now());
    const wroteAt = lastInbound.get(windowKey);
    if (wroteAt == null || now() - wroteAt > SESSION_WINDOW_MS) {
      return answer(
        reply,
        record,
        400,
        errorBody(
          "ERROR_TYPE_INVALID_REQUEST",
          "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW",
          "The recipient has not messaged the business in the last 24 hours; send a template message instead.",
        ),
      );
    }

    const messageKey = input.messageId != null ? `${businessId}|${input.messageId}` : undefined;
    const existing = messageKey ? sentIds.get(messageKey) : undefined;
    const id = existing ?? ulid();
    if (messageKey && !existing) sentIds.set(messageKey, id);
    requests.push({ ...record, status: 200, id, at: now() });
    if (!existing) scheduleLifecycle(businessId, id, body as Record<string, unknown>);
    return reply.code(200).send({ id });
  });

  // Sandbox-only: what the sandbox answered so far, for benchmarks in another process.
  app.get<{ Querystring: { since?: string } }>("/sandbox/stats", async (request) => {
    const since = Math.max(0, Number(request.query.since ?? 0) || 0);
    const window = requests.slice(since);
    const byStatus: Record<string, number> = {};
    for (const r of window) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const accepted = window.filter((r) => r.status === 200);
    return {
      total: requests.length,
      received: window.length,
      accepted: accepted.length,
      firstAcceptedAt: accepted[0]?.at ?? null,
      lastAcceptedAt: accepted.at(-1)?.at ?? null,
      rateLimited: byStatus["429"] ?? 0,
      byStatus,
      acceptedIds: accepted.map((r) => r.id),
      // Answer times and statuses, for checking the window from outside.
      timeline: window.map((r) => [r.at, r.status]),
    };
  });

  // Sandbox-only control: a customer "writes" to the business, opening its 24-hour window.
  app.post<{ Params: { businessId: string; customerId: string }; Body: { at?: string; text?: string; name?: string } | null }>(
    "/sandbox/businesses/:businessId/customers/:customerId/inbound",
    async (request, reply) => {
      if (request.headers["x-api-key"] !== apiKey) return reply.code(401).send(errorBody("ERROR_TYPE_UNAUTHENTICATED", "ERROR_CODE_INVALID_API_KEY", "Missing or invalid X-API-Key."));
      const at = request.body?.at != null ? Date.parse(request.body.at) : now();
      if (Number.isNaN(at)) return reply.code(400).send(errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_INVALID_REQUEST", "at must be an ISO date-time."));
      const { businessId, customerId } = request.params;
      lastInbound.set(`${businessId}|${customerId}`, at);
      const posted = await track(
        postWebhook(businessId, "messages", inboundEvent(customerId, request.body?.name, request.body?.text ?? "Hello!", at)),
      );
      return reply.code(200).send({ businessId, customerId, at: new Date(at).toISOString(), webhookStatus: posted?.status ?? null });
    },
  );

  // Connectly's create-webhook endpoint: one address per business and topic (409 when one exists).
  app.post<{ Params: { businessId: string }; Body: { topic?: unknown; address?: unknown; type?: unknown } | null }>(
    "/v1/businesses/:businessId/create/webhooks",
    async (request, reply) => {
      if (request.headers["x-api-key"] !== apiKey) return reply.code(401).send(errorBody("ERROR_TYPE_UNAUTHENTICATED", "ERROR_CODE_INVALID_API_KEY", "Missing or invalid X-API-Key."));
      const { topic, address } = request.body ?? {};
      if (topic !== "messages" && topic !== "delivery_status") {
        return reply.code(400).send(errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_INVALID_REQUEST", "topic must be messages or delivery_status."));
      }
      if (typeof address !== "string" || !/^https?:\/\//.test(address)) {
        return reply.code(400).send(errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_INVALID_REQUEST", "address must be an http(s) URL."));
      }
      const key = `${request.params.businessId}|${topic}`;
      if (registered.has(key)) {
        return reply.code(409).send(errorBody("ERROR_TYPE_ALREADY_EXISTS", "ERROR_CODE_WEBHOOK_ALREADY_EXISTS", `A ${topic} webhook already exists for this business.`));
      }
      registered.set(key, address);
      return reply.code(200).send({ id: ulid(), topic, address, type: "custom" });
    },
  );

  const address = await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 0 });
  return {
    url: address,
    apiKey,
    requests,
    events,
    recordInbound: (businessId, customerId, at = now()) => {
      lastInbound.set(`${businessId}|${customerId}`, at);
    },
    injectFaults: (...more) => {
      faults.push(...more);
    },
    setWebhookAddress: (next) => {
      defaultAddress = next;
    },
    webhooks,
    postInbound: (businessId, customer, text, extra = {}) => {
      const at = now();
      lastInbound.set(`${businessId}|${customer.id}`, at);
      return track(postWebhook(businessId, "messages", { ...inboundEvent(customer.id, customer.name, text, at), ...extra }));
    },
    close: async () => {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlightPosts]);
      await app.close();
    },
  };
}
