/**
 * The built-in Connectly sandbox: a real HTTP server that follows the send-session-messages
 * contract (X-API-Key, Connectly's body rules checked by its own contract.ts, the 24-hour window,
 * 200 requests per second per key with 429 and Retry-After, message ids, deduplication by
 * message.id), the templated-messages one (its catalog in templates.ts, opted-out customers, no
 * window, no deduplication) and get-templates. It is the upstream of `npm start` without an API
 * key, of the tests and of the benchmarks. It is not Connectly.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { ulid } from "ulid";
import { createSlidingLog, type SlidingLog } from "../ratelimit/sliding-log.js";
import { createSentLog, messageTime, registerControls, sessionChoices, templateChoices, type SentLog, type WindowClosedListener } from "./controls.js";
import { contractRefusal, sendBodyKeys, sendBodyProblems, templateBodyKeys, templateBodyProblems, type TemplateBodyKeys } from "./contract.js";
import { DEFAULT_TEMPLATE_GROUPS, findTemplate, isApproved, templateInputProblem, type TemplateGroup } from "./templates.js";
import { NO_CONVERSATION, UNAUTHENTICATED, WINDOW_CLOSED, errorBody, invalidRequest, type ErrorBody } from "./errors.js";
import { createSandboxWebhooks, inboundEvent, type AcceptedMessage, type PostedWebhook, type SandboxWebhookOptions, type SandboxWebhooks } from "./webhooks.js";

export type { PostedWebhook, SandboxWebhookOptions } from "./webhooks.js";
export type { TemplateGroup } from "./templates.js";
export type { WindowClosedListener } from "./controls.js";

const HOUR_MS = 60 * 60 * 1000;
const SESSION_WINDOW_MS = 24 * HOUR_MS;

export interface SandboxOptions {
  readonly host?: string;
  readonly port?: number;
  /** The API key the sandbox accepts; a random one when omitted. */
  readonly apiKey?: string;
  /** Requests per second per API key before 429 (a strict sliding window). */
  readonly rateLimitPerSecond?: number;
  /** A simulated network between the gateway and the sandbox (default none): see NetworkDelay. */
  readonly network?: NetworkDelay;
  /**
   * Whether a customer the sandbox has never seen counts as having written just now. Default true;
   * when false, a session send to a customer who never wrote is refused (no conversation initiation).
   */
  readonly unknownCustomersInWindow?: boolean;
  /**
   * Whether such a customer first writes to the business, through the messages webhook, before the
   * sandbox answers the send (default false): then the gateway's record of their window agrees with
   * the sandbox's. The built-in sandbox does it when it plays status webhooks (npm start).
   */
  readonly unknownCustomersWriteFirst?: boolean;
  /** Whether templated sends count in the session endpoint's window per key ("shared", the default) or in one of their own. */
  readonly templateRateLimit?: "shared" | "separate";
  /** The template catalog of every business, replacing the built-in one (DEFAULT_TEMPLATE_GROUPS). */
  readonly templates?: readonly TemplateGroup[];
  /** Customer numbers that opted out of template messages. */
  readonly optedOut?: readonly string[];
  readonly now?: () => number;
  /** Webhooks the sandbox posts like Connectly does: delivery statuses after it accepts a message, inbound messages. */
  readonly webhooks?: SandboxWebhookOptions;
}

/** One request as the sandbox received and answered it. */
export interface ReceivedRequest {
  /** send/messages, send/whatsapp_templated_messages or get/templates. */
  readonly endpoint: "session" | "template" | "templates";
  readonly businessId: string;
  readonly authorized: boolean;
  readonly body: unknown;
  readonly status: number;
  readonly id?: string;
  /** When the sandbox answered (ms since the epoch). */
  readonly at: number;
  /** When its strict window counted it (ms since the epoch); absent when answered before the window (a fault, a wrong key). */
  readonly countedAt?: number;
}

/**
 * A simulated network: a request waits half of `delayMs` ± up to `jitterMs` (uniformly) before the
 * sandbox handles it (and its strict window counts it), and its answer waits the other half ± up to
 * `jitterMs` before it is sent. So a round trip takes `delayMs` ± 2 × `jitterMs` more.
 */
export interface NetworkDelay {
  readonly delayMs: number;
  readonly jitterMs: number;
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
  /** Every request to a Connectly endpoint (sends and catalog reads), in order. */
  readonly requests: ReceivedRequest[];
  /**
   * Emits "arrived" (businessId, body, endpoint) when a send request (session or template) arrives,
   * before it is answered, and "webhook" (PostedWebhook) after each webhook post is answered (or given up on).
   */
  readonly events: EventEmitter;
  /** Records that a customer wrote to the business at `at` (default now), opening the 24-hour window. */
  recordInbound(businessId: string, customerId: string, at?: number): void;
  /**
   * Makes the customer's last message 25 hours old, closing a window the sandbox had opened (or
   * would have). The sandbox alone: the close-window control also tells the onWindowClosed listeners.
   */
  closeWindow(businessId: string, customerId: string): void;
  /** Called (and awaited) when the close-window control closes a window; returns what removes the listener. */
  onWindowClosed(listener: WindowClosedListener): () => void;
  /** Replaces the template catalog of every business (get-templates answers it from the next request on). */
  setTemplates(groups: readonly TemplateGroup[]): void;
  /** The customer opts out of template messages: templated sends to the number are refused. */
  optOut(number: string): void;
  /** Queues faults for the next requests, one per request. */
  injectFaults(...faults: Fault[]): void;
  /** Sets the simulated network from the next request on. */
  setNetwork(network: NetworkDelay): void;
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

/** What the routes share. */
interface SandboxState {
  readonly apiKey: string;
  readonly limit: number;
  readonly now: () => number;
  readonly unknownInWindow: boolean;
  readonly writeFirst: boolean;
  readonly templateWindow: "shared" | "separate";
  /** The catalog of every business; setTemplates replaces it. */
  templates: readonly TemplateGroup[];
  readonly optedOut: Set<string>;
  /** The strict one-second windows, by API key (and `|template` for templated sends when separate). */
  readonly windows: Map<string, SlidingLog>;
  /** `${businessId}|${customerId}` -> when the customer last wrote. */
  readonly lastInbound: Map<string, number>;
  /** `${businessId}|${customerId}` -> when the close-window control last closed the customer's window. */
  readonly closedAt: Map<string, number>;
  /** `${businessId}|${message.id}` -> the id the sandbox answered. */
  readonly sentIds: Map<string, string>;
  /** What the sandbox accepted, for the customers' answers to refer to. */
  readonly sent: SentLog;
  /** `${businessId}|${customerId}` -> the first message of a customer the sandbox had never seen, being posted. */
  readonly firstWrites: Map<string, Promise<unknown>>;
  readonly windowClosedListeners: Set<WindowClosedListener>;
  readonly faults: Fault[];
  /** The simulated network; the faults control sets it. */
  network: NetworkDelay;
  readonly requests: ReceivedRequest[];
  readonly events: EventEmitter;
  readonly webhooks: SandboxWebhooks;
}

type SendRequest = FastifyRequest<{ Params: { businessId: string } }>;
type Answered = Omit<ReceivedRequest, "status" | "at">;
type Endpoint = ReceivedRequest["endpoint"];
/** Answers the request and records the answer. */
type Answer = (status: number, body: unknown, id?: string) => FastifyReply;

/** One leg of the simulated network, in ms: half the delay, ± up to the jitter. */
const leg = ({ delayMs, jitterMs }: NetworkDelay): number => Math.max(0, delayMs / 2 + (Math.random() * 2 - 1) * jitterMs);

/** Runs `fn` after one leg of the simulated network, or at once when there is none. */
function afterLeg(s: SandboxState, fn: () => void): void {
  if (s.network.delayMs === 0 && s.network.jitterMs === 0) fn();
  else setTimeout(fn, leg(s.network));
}

/** Plays the next queued fault; true when it answered (or dropped) the request itself. */
async function playFault(s: SandboxState, request: SendRequest, reply: FastifyReply, record: Answered): Promise<boolean> {
  const fault = s.faults.shift();
  if (fault?.kind === "reset") {
    s.requests.push({ ...record, status: 0, at: s.now() });
    request.raw.socket.destroy();
    void reply.hijack();
    return true;
  }
  if (fault?.kind === "status") {
    afterLeg(s, () => {
      s.requests.push({ ...record, status: fault.status, at: s.now() });
      void reply
        .headers(fault.headers ?? {})
        .code(fault.status)
        .send(fault.body ?? errorBody("ERROR_TYPE_INTERNAL", "ERROR_CODE_INTERNAL", "injected fault"));
    });
    return true;
  }
  if (fault?.kind === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));
  if (fault?.kind === "hold") await fault.release;
  return false;
}

/** Counts a request in the key's strict window at `at`: seconds to wait when its requests in the last second are used up, else 0. */
function rateLimited(s: SandboxState, windowKey: string, at: number): number {
  let window = s.windows.get(windowKey);
  if (!window) s.windows.set(windowKey, (window = createSlidingLog({ windows: [{ limit: s.limit, windowMs: 1000 }] })));
  const waitMs = window.tryAcquire(at);
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

/**
 * What every Connectly endpoint does first: the simulated network's way there, "arrived" for sends,
 * the next fault, X-API-Key, then the key's rate window (templated sends in their own when separate).
 * Null when it answered already. Answers go after the simulated network's way back.
 */
async function admit(s: SandboxState, request: SendRequest, reply: FastifyReply, endpoint: Endpoint): Promise<Answer | null> {
  const { businessId } = request.params;
  let record: Answered = { endpoint, businessId, authorized: request.headers["x-api-key"] === s.apiKey, body: request.body };
  const answer: Answer = (status, body, id) => {
    afterLeg(s, () => {
      s.requests.push({ ...record, status, ...(id != null ? { id } : {}), at: s.now() });
      void reply.code(status).send(body);
    });
    return reply;
  };
  if (s.network.delayMs > 0 || s.network.jitterMs > 0) await new Promise((resolve) => setTimeout(resolve, leg(s.network)));
  if (endpoint !== "templates") s.events.emit("arrived", businessId, request.body, endpoint);
  if (await playFault(s, request, reply, record)) return null;
  if (!record.authorized) {
    answer(401, UNAUTHENTICATED);
    return null;
  }
  const countedAt = s.now();
  record = { ...record, countedAt };
  const retryAfter = rateLimited(s, endpoint === "template" && s.templateWindow === "separate" ? `${s.apiKey}|template` : s.apiKey, countedAt);
  if (retryAfter > 0) {
    void reply.header("retry-after", String(retryAfter));
    answer(429, errorBody("ERROR_TYPE_RATE_LIMITED", "ERROR_CODE_RATE_LIMIT_EXCEEDED", `Rate limit exceeded (${s.limit} req/s).`));
    return null;
  }
  return answer;
}

/** What a customer the sandbox never saw writes first, when it tells the gateway (unknownCustomersWriteFirst). */
export const FIRST_WRITE_TEXT = "Hi! (a sandbox customer writes first)";

/**
 * Why a session message cannot be sent to the customer now, or undefined. An unknown customer may
 * count as having just written; then, with writeFirst, the send waits until the gateway has that
 * message (concurrent sends to them wait for the same one).
 */
async function windowRefusal(s: SandboxState, businessId: string, customer: string): Promise<ErrorBody | undefined> {
  const key = `${businessId}|${customer}`;
  if (!s.lastInbound.has(key) && s.unknownInWindow) {
    // Dated a few whole seconds back: the message being sent was stored before it arrived here (how
    // long before depends on the gateway's load), and the conversation puts what was sent first within a second.
    const at = Math.floor(s.now() / 1000) * 1000 - 5000;
    s.lastInbound.set(key, at);
    if (s.writeFirst) {
      const written = s.webhooks.post(businessId, "messages", inboundEvent(customer, undefined, FIRST_WRITE_TEXT, at));
      s.firstWrites.set(key, written);
      void written.finally(() => s.firstWrites.delete(key));
    }
  }
  await s.firstWrites.get(key);
  const wroteAt = s.lastInbound.get(key);
  if (wroteAt == null) return NO_CONVERSATION;
  return s.now() - wroteAt <= SESSION_WINDOW_MS ? undefined : WINDOW_CLOSED;
}

/** What the status webhooks of an accepted session message repeat from its body. */
function sessionMessage(body: unknown): AcceptedMessage {
  const b = body as { recipient: { id: string }; sender?: { id?: unknown } | null; callbackData?: unknown; campaignName?: unknown };
  const sender = b.sender?.id;
  return { recipient: b.recipient.id, sender: typeof sender === "string" ? sender : undefined, callbackData: b.callbackData, campaignName: b.campaignName };
}

/** Accepts a message: a new id, or the one given before for the same message.id (Connectly deduplicates by it). */
function accept(s: SandboxState, businessId: string, body: unknown, messageId: string | undefined): { id: string; repeated: boolean } {
  const key = messageId != null ? `${businessId}|${messageId}` : undefined;
  const existing = key ? s.sentIds.get(key) : undefined;
  if (existing) return { id: existing, repeated: true };
  const id = ulid();
  if (key) s.sentIds.set(key, id);
  const message = sessionMessage(body);
  s.sent.add({ id, businessId, message, ...sessionChoices(body) });
  s.webhooks.scheduleLifecycle(businessId, id, message);
  return { id, repeated: false };
}

function registerSendRoute(app: FastifyInstance, s: SandboxState): void {
  app.post<{ Params: { businessId: string } }>("/v1/businesses/:businessId/send/messages", async (request, reply) => {
    const answer = await admit(s, request, reply, "session");
    if (!answer) return reply;
    const problem = sendBodyProblems(request.body)[0];
    if (problem) return answer(400, contractRefusal(problem));
    const { customer, messageId } = sendBodyKeys(request.body);
    const refusal = await windowRefusal(s, request.params.businessId, customer);
    if (refusal) return answer(400, refusal);
    const { id } = accept(s, request.params.businessId, request.body, messageId);
    return answer(200, { id }, id);
  });
}

const TEMPLATE_NOT_FOUND = "ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND";

/** Why the catalog refuses a templated send (in Connectly's order: the template, its parameters, the customer), or undefined. */
function templateRefusal(s: SandboxState, keys: TemplateBodyKeys): ErrorBody | undefined {
  const invalid = (code: string, message: string) => errorBody("ERROR_TYPE_INVALID_REQUEST", code, message);
  const which = `${keys.templateName} (${keys.language})`;
  const template = findTemplate(s.templates, keys.templateName, keys.language);
  if (!template) return invalid(TEMPLATE_NOT_FOUND, `No template ${which} exists: the name and the language must both match an approved template.`);
  if (!isApproved(template))
    return invalid(TEMPLATE_NOT_FOUND, `The template ${which} is not approved (status ${template.status}): only approved templates can be sent.`);
  const input = templateInputProblem(keys.templateName, template, keys.parameters);
  if (input) return invalid("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID", input);
  if (s.optedOut.has(keys.number)) return invalid("ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT", "The customer opted out of template messages from this business.");
  return undefined;
}

// Templates need no open window and take no message id: every accepted request is a new message.
function registerTemplateSendRoute(app: FastifyInstance, s: SandboxState): void {
  app.post<{ Params: { businessId: string } }>("/v1/businesses/:businessId/send/whatsapp_templated_messages", async (request, reply) => {
    const answer = await admit(s, request, reply, "template");
    if (!answer) return reply;
    const problem = templateBodyProblems(request.body)[0];
    if (problem) return answer(400, contractRefusal(problem));
    const keys = templateBodyKeys(request.body);
    const refusal = templateRefusal(s, keys);
    if (refusal) return answer(400, refusal);
    const b = request.body as { sender?: string | null; callbackData?: unknown; campaignName?: unknown };
    const id = ulid();
    const message: AcceptedMessage = { recipient: keys.number, sender: b.sender ?? undefined, callbackData: b.callbackData, campaignName: b.campaignName };
    const buttons = templateChoices(findTemplate(s.templates, keys.templateName, keys.language));
    s.sent.add({ id, businessId: request.params.businessId, message, buttons, rows: [] });
    s.webhooks.scheduleLifecycle(request.params.businessId, id, message);
    return answer(200, { id }, id);
  });
}

// Connectly's catalog read: a POST without a body; the same catalog for every business.
function registerGetTemplatesRoute(app: FastifyInstance, s: SandboxState): void {
  app.post<{ Params: { businessId: string } }>("/v1/businesses/:businessId/get/templates", async (request, reply) => {
    const answer = await admit(s, request, reply, "templates");
    if (!answer) return reply;
    return answer(200, { entity: { templateGroups: s.templates } });
  });
}

/** The most of `times` (ms) in any span shorter than a second, as the strict window counts them. */
export function mostInOneSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= 1000) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

// Sandbox-only: what the sandbox answered so far, for benchmarks in another process.
function registerStatsRoute(app: FastifyInstance, s: SandboxState): void {
  app.get<{ Querystring: { since?: string } }>("/sandbox/stats", async (request) => {
    const since = Math.max(0, Number(request.query.since ?? 0) || 0);
    const window = s.requests.slice(since);
    const byStatus: Record<string, number> = {};
    for (const r of window) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    // Accepted sends: catalog reads answer 200 without an id.
    const accepted = window.filter((r) => r.status === 200 && r.id != null);
    return {
      total: s.requests.length,
      received: window.length,
      accepted: accepted.length,
      firstAcceptedAt: accepted[0]?.at ?? null,
      lastAcceptedAt: accepted.at(-1)?.at ?? null,
      rateLimited: byStatus["429"] ?? 0,
      byStatus,
      acceptedIds: accepted.map((r) => r.id),
      // Answer times and statuses, for checking the window from outside.
      timeline: window.map((r) => [r.at, r.status]),
      // When the strict window counted each request that reached it (429s included), and the most in any 1-second span.
      counted: window.flatMap((r) => (r.countedAt != null ? [r.countedAt] : [])),
      mostInOneSecond: mostInOneSecond(window.flatMap((r) => (r.countedAt != null ? [r.countedAt] : []))),
    };
  });
}

// Connectly's create-webhook endpoint: one address per business and topic (409 when one exists).
function registerCreateWebhookRoute(app: FastifyInstance, s: SandboxState): void {
  app.post<{ Params: { businessId: string }; Body: { topic?: unknown; address?: unknown; type?: unknown } | null }>(
    "/v1/businesses/:businessId/create/webhooks",
    async (request, reply) => {
      if (request.headers["x-api-key"] !== s.apiKey) return reply.code(401).send(UNAUTHENTICATED);
      const { topic, address } = request.body ?? {};
      if (topic !== "messages" && topic !== "delivery_status") {
        return reply.code(400).send(invalidRequest("topic must be messages or delivery_status."));
      }
      if (typeof address !== "string" || !/^https?:\/\//.test(address)) {
        return reply.code(400).send(invalidRequest("address must be an http(s) URL."));
      }
      if (!s.webhooks.register(request.params.businessId, topic, address)) {
        return reply
          .code(409)
          .send(errorBody("ERROR_TYPE_ALREADY_EXISTS", "ERROR_CODE_WEBHOOK_ALREADY_EXISTS", `A ${topic} webhook already exists for this business.`));
      }
      return reply.code(200).send({ id: ulid(), topic, address, type: "custom" });
    },
  );
}

function sandboxState(options: SandboxOptions): SandboxState {
  const now = options.now ?? Date.now;
  const events = new EventEmitter();
  return {
    apiKey: options.apiKey ?? `sandbox_${randomBytes(16).toString("hex")}`,
    limit: options.rateLimitPerSecond ?? 200,
    now,
    unknownInWindow: options.unknownCustomersInWindow ?? true,
    writeFirst: options.unknownCustomersWriteFirst ?? false,
    templateWindow: options.templateRateLimit ?? "shared",
    templates: options.templates ?? DEFAULT_TEMPLATE_GROUPS,
    optedOut: new Set(options.optedOut ?? []),
    windows: new Map(),
    lastInbound: new Map(),
    closedAt: new Map(),
    sentIds: new Map(),
    sent: createSentLog(),
    firstWrites: new Map(),
    windowClosedListeners: new Set(),
    faults: [],
    network: options.network ?? { delayMs: 0, jitterMs: 0 },
    requests: [],
    events,
    webhooks: createSandboxWebhooks(options.webhooks, events, now),
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const s = sandboxState(options);
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 512 } });
  // Connectly's answers are JSON errors, including for bodies that are not JSON.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    void reply.code(status).send(errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_MALFORMED_BODY", error.message));
  });
  registerSendRoute(app, s);
  registerTemplateSendRoute(app, s);
  registerGetTemplatesRoute(app, s);
  registerStatsRoute(app, s);
  registerControls(app, s);
  registerCreateWebhookRoute(app, s);

  const address = await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 0 });
  return {
    url: address,
    apiKey: s.apiKey,
    requests: s.requests,
    events: s.events,
    recordInbound: (businessId, customerId, at = s.now()) => {
      s.lastInbound.set(`${businessId}|${customerId}`, at);
    },
    closeWindow: (businessId, customerId) => {
      s.lastInbound.set(`${businessId}|${customerId}`, s.now() - 25 * HOUR_MS);
    },
    onWindowClosed: (listener) => {
      s.windowClosedListeners.add(listener);
      return () => s.windowClosedListeners.delete(listener);
    },
    setTemplates: (groups) => {
      s.templates = groups;
    },
    optOut: (number) => {
      s.optedOut.add(number);
    },
    injectFaults: (...more) => {
      s.faults.push(...more);
    },
    setNetwork: (network) => {
      s.network = network;
    },
    setWebhookAddress: (next) => s.webhooks.setDefaultAddress(next),
    webhooks: s.webhooks.posted,
    postInbound: (businessId, customer, text, extra = {}) => {
      const at = messageTime(s, `${businessId}|${customer.id}`);
      s.lastInbound.set(`${businessId}|${customer.id}`, at);
      return s.webhooks.post(businessId, "messages", { ...inboundEvent(customer.id, customer.name, text, at), ...extra });
    },
    close: async () => {
      await s.webhooks.close();
      await app.close();
    },
  };
}
