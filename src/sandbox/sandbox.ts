/**
 * The built-in Connectly sandbox: a real HTTP server that follows the send-session-messages
 * contract (X-API-Key, the same validation as the gateway, the 24-hour window, 200 requests per
 * second per key with 429 and Retry-After, message ids, deduplication by message.id). It is the
 * upstream of `npm start` without an API key, of the tests and of the benchmarks. It is not Connectly.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import Fastify, { type FastifyReply } from "fastify";
import { ulid } from "ulid";
import { inputFromRestBody } from "../connectly/rest-body.js";
import type { SendSessionMessageInput } from "../graphql/generated/types.js";
import { LIMITS } from "../validation/limits.js";
import { validateSendSessionMessageInput } from "../validation/send-session-message.js";
import { createSlidingLog, type SlidingLog } from "../ratelimit/sliding-log.js";

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
  /** Emits "arrived" (businessId, body) when a send request arrives, before it is answered. */
  readonly events: EventEmitter;
  /** Records that a customer wrote to the business at `at` (default now), opening the 24-hour window. */
  recordInbound(businessId: string, customerId: string, at?: number): void;
  /** Queues faults for the next requests, one per request. */
  injectFaults(...faults: Fault[]): void;
  close(): Promise<void>;
}

const errorBody = (type: string, code: string, message: string) => ({ error: { type, code, message } });

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
  app.post<{ Params: { businessId: string; customerId: string }; Body: { at?: string } | null }>(
    "/sandbox/businesses/:businessId/customers/:customerId/inbound",
    async (request, reply) => {
      if (request.headers["x-api-key"] !== apiKey) return reply.code(401).send(errorBody("ERROR_TYPE_UNAUTHENTICATED", "ERROR_CODE_INVALID_API_KEY", "Missing or invalid X-API-Key."));
      const at = request.body?.at != null ? Date.parse(request.body.at) : now();
      if (Number.isNaN(at)) return reply.code(400).send(errorBody("ERROR_TYPE_INVALID_REQUEST", "ERROR_CODE_INVALID_REQUEST", "at must be an ISO date-time."));
      lastInbound.set(`${request.params.businessId}|${request.params.customerId}`, at);
      return reply.code(200).send({ businessId: request.params.businessId, customerId: request.params.customerId, at: new Date(at).toISOString() });
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
    close: () => app.close(),
  };
}
