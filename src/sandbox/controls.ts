/**
 * The sandbox's controls, for a person (or a test) driving it over HTTP: a customer writes or
 * answers one of the business's messages (a button tap, a list pick, a reaction, a quoted reply), a
 * window closes, sends are refused or deliveries fail on demand. Each control posts the signed
 * webhooks Connectly would. Sandbox-only: Connectly has none of these endpoints.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { FORCEABLE_REFUSALS, UNAUTHENTICATED, errorBody, invalidRequest, type ForceableRefusal } from "./errors.js";
import type { Fault, NetworkDelay } from "./sandbox.js";
import type { TemplateVariant } from "./templates.js";
import { inboundMessageEvent, type AcceptedMessage, type DeliveryError, type PostedWebhook, type SandboxWebhooks } from "./webhooks.js";

const HOUR_MS = 60 * 60 * 1000;
const KEEP = 10_000;

/** A choice a customer can tap or pick in one of the business's messages. */
export interface Choice {
  readonly id: string;
  readonly text: string;
  readonly description?: string | undefined;
}

/** A message the sandbox accepted, as the customer's answers refer to it. */
export interface SentMessage {
  /** The id the sandbox answered (Connectly's id of the message). */
  readonly id: string;
  readonly businessId: string;
  readonly message: AcceptedMessage;
  /** Reply buttons (or a template's quick replies, whose payload is their text). */
  readonly buttons: readonly Choice[];
  /** The rows of a list message. */
  readonly rows: readonly Choice[];
}

/** The messages the sandbox accepted (the last 10,000), newest last. */
export interface SentLog {
  add(message: SentMessage): void;
  find(businessId: string, id: string): SentMessage | undefined;
  /** The newest message to the customer that `fits`. */
  latest(businessId: string, customerId: string, fits: (m: SentMessage) => boolean): SentMessage | undefined;
}

export function createSentLog(): SentLog {
  const list: SentMessage[] = [];
  const byId = new Map<string, SentMessage>();
  const key = (businessId: string, id: string) => `${businessId}|${id}`;
  return {
    add: (message) => {
      list.push(message);
      byId.set(key(message.businessId, message.id), message);
      if (list.length > KEEP) for (const old of list.splice(0, list.length - KEEP)) byId.delete(key(old.businessId, old.id));
    },
    find: (businessId, id) => byId.get(key(businessId, id)),
    latest: (businessId, customerId, fits) => list.findLast((m) => m.businessId === businessId && m.message.recipient === customerId && fits(m)),
  };
}

const choices = (value: unknown): Choice[] =>
  Array.isArray(value)
    ? value.flatMap((v: { id?: unknown; text?: unknown; description?: unknown }) =>
        typeof v?.id === "string" && typeof v.text === "string"
          ? [{ id: v.id, text: v.text, ...(typeof v.description === "string" ? { description: v.description } : {}) }]
          : [],
      )
    : [];

/** The buttons and list rows of a session body that passed the contract. */
export function sessionChoices(body: unknown): { buttons: Choice[]; rows: Choice[] } {
  const m = (body as { message?: { replyButtonMessage?: { buttons?: unknown }; listMessage?: { sections?: unknown } } }).message;
  const sections = Array.isArray(m?.listMessage?.sections) ? (m.listMessage.sections as { rows?: unknown }[]) : [];
  return { buttons: choices(m?.replyButtonMessage?.buttons), rows: sections.flatMap((s) => choices(s?.rows)) };
}

/** A template's quick-reply buttons: WhatsApp's payload of one is its text unless set otherwise. */
export function templateChoices(template: TemplateVariant | undefined): Choice[] {
  return (template?.templateComponents ?? []).flatMap((c) =>
    "buttons" in c ? c.buttons.buttons.flatMap((b) => ("quickReply" in b ? [{ id: b.quickReply.text, text: b.quickReply.text }] : [])) : [],
  );
}

/** Called when a person closes a customer's window, so the gateway's record agrees (the built-in sandbox). */
export type WindowClosedListener = (businessId: string, customerId: string, at: Date) => Promise<unknown>;

/** What the controls act on: the sandbox's own state. */
export interface ControlState {
  readonly apiKey: string;
  readonly now: () => number;
  /** `${businessId}|${customerId}` -> when the customer last wrote. */
  readonly lastInbound: Map<string, number>;
  /** `${businessId}|${customerId}` -> when a person last closed the customer's window. */
  readonly closedAt: Map<string, number>;
  readonly sent: SentLog;
  readonly webhooks: SandboxWebhooks;
  readonly faults: Fault[];
  /** The simulated network's delay and jitter. */
  network: NetworkDelay;
  readonly windowClosedListeners: Set<WindowClosedListener>;
}

const E164 = /^\+[1-9][0-9]{1,14}$/;
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]+$/;
const businessId = z.string().min(1).max(256);
const customerId = z.string().refine((v) => E164.test(v) || BSUID.test(v), "must be the customer's number in E.164 format (e.g. +16044441111) or a BSUID");
const at = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO date-time (e.g. 2026-11-22T00:00:00Z)");
const connectlyId = z.string().min(1).max(256);

const customerParams = z.object({ businessId, customerId });
const messageParams = z.object({ businessId, messageId: connectlyId });

const ANSWER_KINDS = ["text", "button", "list", "location", "attachment", "reaction"] as const;

const inboundBody = z
  .strictObject({
    name: z.string().min(1).max(256).optional(),
    at: at.optional(),
    replyTo: connectlyId.optional(),
    text: z.string().min(1).max(4096).optional(),
    button: z.strictObject({ id: z.string().min(1).max(256), text: z.string().min(1).max(256).optional() }).optional(),
    list: z
      .strictObject({ rowId: z.string().min(1).max(200), title: z.string().min(1).max(256).optional(), description: z.string().max(256).optional() })
      .optional(),
    location: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().max(1024).optional(),
        address: z.string().max(1024).optional(),
      })
      .optional(),
    attachment: z
      .strictObject({
        type: z.enum(["image", "video", "audio", "document", "sticker"]),
        url: z.url({ protocol: /^https?$/ }),
        caption: z.string().max(1024).optional(),
        filename: z.string().min(1).max(256).optional(),
      })
      .optional(),
    // An empty emoji removes the customer's reaction, as WhatsApp reports it.
    reaction: z.strictObject({ emoji: z.string().max(16) }).optional(),
  })
  .refine((b) => ANSWER_KINDS.filter((k) => b[k] !== undefined).length <= 1, {
    message: `give at most one of ${ANSWER_KINDS.join(", ")} (none: the text "Hello!")`,
  });
type InboundBody = z.infer<typeof inboundBody>;

const faultsBody = z
  .strictObject({
    refuse: z
      .strictObject({
        count: z.int().min(1).max(1000).default(1),
        code: z.enum(Object.keys(FORCEABLE_REFUSALS) as [ForceableRefusal, ...ForceableRefusal[]]).default("ERROR_CODE_INTERNAL"),
      })
      .optional(),
    failDeliveries: z.int().min(1).max(1000).optional(),
    network: z.strictObject({ delayMs: z.number().min(0).max(60_000), jitterMs: z.number().min(0).max(60_000).default(0) }).optional(),
  })
  .refine((b) => b.refuse !== undefined || b.failDeliveries !== undefined || b.network !== undefined, {
    message: "give refuse, failDeliveries, network or several",
  });

const deliveryFailedBody = z.strictObject({ code: z.string().min(1).max(256).optional(), message: z.string().min(1).max(1024).optional() });

/** The index GET /sandbox answers. */
const CONTROLS = [
  { method: "GET", path: "/sandbox", does: "lists these controls (no key needed)" },
  { method: "GET", path: "/sandbox/stats", does: "what the sandbox answered so far (no key needed)" },
  {
    method: "POST",
    path: "/sandbox/businesses/{businessId}/customers/{customerId}/inbound",
    does: "the customer writes (opening their window) or answers a message of the business; posts the messages webhook",
    body: '{"text"} | {"button":{"id"}} | {"list":{"rowId"}} | {"reaction":{"emoji"}} | {"location":{"latitude","longitude","name"?,"address"?}} | {"attachment":{"type","url","caption"?}}, with "replyTo" (Connectly id; default: the latest fitting message to the customer), "at", "name"',
  },
  {
    method: "POST",
    path: "/sandbox/businesses/{businessId}/customers/{customerId}/close-window",
    does: "makes the customer's last message 25 hours old; the built-in sandbox tells its gateway, whose sessionWindow closes too",
  },
  {
    method: "POST",
    path: "/sandbox/faults",
    does: "refuses the next requests with a documented error, fails the delivery of the next accepted messages, and/or sets the simulated network (each way: half the delay ± the jitter; the strict window counts a request after the way there)",
    body: `{"refuse":{"count","code": ${Object.keys(FORCEABLE_REFUSALS).join(" | ")}}, "failDeliveries": n, "network": {"delayMs", "jitterMs"}}`,
  },
  {
    method: "POST",
    path: "/sandbox/businesses/{businessId}/messages/{messageId}/delivery-failed",
    does: "posts delivery_failed for an accepted message now (its messageId is Connectly's id), dropping its statuses still to come",
    body: '{"code"?, "message"?}',
  },
] as const;

/**
 * When a customer's message written now is stamped: Connectly stamps whole seconds, so one written
 * in the second a person closed the window in would read as before the close; it takes the next second.
 */
export function messageTime(s: Pick<ControlState, "now" | "closedAt">, key: string): number {
  const closed = s.closedAt.get(key);
  return closed === undefined ? s.now() : Math.max(s.now(), Math.floor(closed / 1000) * 1000 + 1000);
}

type Parsed<T> = { ok: true; value: T } | { ok: false };

/** Reads `value` with `schema`, or answers 400 naming the first problems. */
function parse<T>(reply: FastifyReply, schema: z.ZodType<T>, value: unknown, what: string): Parsed<T> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join(".") : what}: ${i.message}`)
    .join("; ");
  void reply.code(400).send(invalidRequest(`Invalid ${what}: ${problems}.`));
  return { ok: false };
}

function authorized(s: ControlState, request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.headers["x-api-key"] === s.apiKey) return true;
  void reply.code(401).send(UNAUTHENTICATED);
  return false;
}

/** What the answer's kind needs of the message it answers, and where to find that message. */
const NEEDS: Readonly<Record<(typeof ANSWER_KINDS)[number], { fits: (m: SentMessage) => boolean; what: string } | undefined>> = {
  text: undefined,
  location: undefined,
  attachment: undefined,
  button: { fits: (m) => m.buttons.length > 0, what: "a message with reply buttons (or a template with quick replies)" },
  list: { fits: (m) => m.rows.length > 0, what: "a list message" },
  reaction: { fits: () => true, what: "a message" },
};

type Resolved = { ok: true; target: SentMessage | undefined } | { ok: false; status: number; message: string };

/** The message the customer answers: replyTo, or the newest one to them that fits the answer. */
function answered(s: ControlState, business: string, customer: string, body: InboundBody): Resolved {
  const kind = ANSWER_KINDS.find((k) => body[k] !== undefined) ?? "text";
  const need = NEEDS[kind];
  if (body.replyTo === undefined) {
    if (!need) return { ok: true, target: undefined };
    const target = s.sent.latest(business, customer, need.fits);
    return target ? { ok: true, target } : { ok: false, status: 404, message: `The sandbox sent ${customer} no ${need.what} to answer.` };
  }
  const target = s.sent.find(business, body.replyTo);
  if (!target || target.message.recipient !== customer)
    return { ok: false, status: 404, message: `replyTo ${body.replyTo} is no message the sandbox accepted for ${customer} in ${business}.` };
  if (need && !need.fits(target)) return { ok: false, status: 400, message: `replyTo ${body.replyTo} is not ${need.what}.` };
  return { ok: true, target };
}

type Built = { ok: true; message: Record<string, unknown> } | { ok: false; message: string };

/** The event's message object for the answer (the shapes the gateway's parser reads). */
function messageOf(body: InboundBody, target: SentMessage | undefined): Built {
  if (body.button) {
    const button = target?.buttons.find((b) => b.id === body.button!.id);
    if (!button) return { ok: false, message: `button.id must be one of ${target?.buttons.map((b) => JSON.stringify(b.id)).join(", ")}.` };
    const title = body.button.text ?? button.text;
    return { ok: true, message: { isButtonResponse: true, text: title, button: { payload: button.id, text: title } } };
  }
  if (body.list) {
    const row = target?.rows.find((r) => r.id === body.list!.rowId);
    if (!row) return { ok: false, message: `list.rowId must be one of ${target?.rows.map((r) => JSON.stringify(r.id)).join(", ")}.` };
    const description = body.list.description ?? row.description;
    const listReply = { id: row.id, title: body.list.title ?? row.text, ...(description !== undefined ? { description } : {}) };
    return { ok: true, message: { interactive: { type: "list_reply", list_reply: listReply } } };
  }
  if (body.reaction) return { ok: true, message: { reaction: { emoji: body.reaction.emoji, messageId: target!.id } } };
  if (body.location) return { ok: true, message: { location: body.location } };
  if (body.attachment) return { ok: true, message: { attachments: [body.attachment] } };
  return { ok: true, message: { text: body.text ?? "Hello!" } };
}

/** The top-level fields of an answer: the quoted message (not for reactions, which name it inside) and its callbackData. */
function answerFields(body: InboundBody, target: SentMessage | undefined): Record<string, unknown> {
  if (!target) return {};
  return {
    ...(body.reaction ? {} : { context: { replyToMessageId: target.id } }),
    ...(target.message.callbackData !== undefined ? { callbackData: target.message.callbackData } : {}),
  };
}

const webhookStatus = (posted: PostedWebhook | null): number | null => posted?.status ?? null;

type CustomerRequest = FastifyRequest<{ Params: { businessId: string; customerId: string } }>;

function registerInbound(app: FastifyInstance, s: ControlState): void {
  app.post("/sandbox/businesses/:businessId/customers/:customerId/inbound", async (request: CustomerRequest, reply) => {
    if (!authorized(s, request, reply)) return reply;
    const params = parse(reply, customerParams, request.params, "path");
    if (!params.ok) return reply;
    const body = parse(reply, inboundBody, request.body, "body");
    if (!body.ok) return reply;
    const { businessId: business, customerId: customer } = params.value;
    const found = answered(s, business, customer, body.value);
    if (!found.ok) return reply.code(found.status).send(invalidRequest(found.message));
    const built = messageOf(body.value, found.target);
    if (!built.ok) return reply.code(400).send(invalidRequest(built.message));
    const when = body.value.at !== undefined ? Date.parse(body.value.at) : messageTime(s, `${business}|${customer}`);
    // The gateway refuses an event further ahead of its clock than skew; so does the control.
    if (when > s.now() + 5 * 60_000) return reply.code(400).send(invalidRequest("body.at: must not be more than 5 minutes in the future"));
    // Raised, as the gateway does (its record only moves forward), to the whole second the event carries:
    // an older `at` for a customer never seen simulates an old conversation, for one seen it changes no window.
    const key = `${business}|${customer}`;
    s.lastInbound.set(key, Math.max(s.lastInbound.get(key) ?? -Infinity, Math.floor(when / 1000) * 1000));
    const event = inboundMessageEvent(customer, body.value.name, built.message, when, answerFields(body.value, found.target));
    const posted = await s.webhooks.post(business, "messages", event);
    return reply.code(200).send({
      businessId: business,
      customerId: customer,
      at: new Date(when).toISOString(),
      replyTo: found.target?.id ?? null,
      webhookStatus: webhookStatus(posted),
      event,
    });
  });
}

function registerCloseWindow(app: FastifyInstance, s: ControlState): void {
  app.post("/sandbox/businesses/:businessId/customers/:customerId/close-window", async (request: CustomerRequest, reply) => {
    if (!authorized(s, request, reply)) return reply;
    const params = parse(reply, customerParams, request.params, "path");
    if (!params.ok) return reply;
    const { businessId: business, customerId: customer } = params.value;
    const closedAt = s.now();
    const lastInboundAt = closedAt - 25 * HOUR_MS;
    s.lastInbound.set(`${business}|${customer}`, lastInboundAt);
    s.closedAt.set(`${business}|${customer}`, closedAt);
    try {
      await Promise.all([...s.windowClosedListeners].map((listener) => listener(business, customer, new Date(closedAt))));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return reply
        .code(500)
        .send(errorBody("ERROR_TYPE_INTERNAL", "ERROR_CODE_INTERNAL", `The sandbox closed the window, but the gateway could not record it: ${why}`));
    }
    return reply.code(200).send({
      businessId: business,
      customerId: customer,
      lastInboundAt: new Date(lastInboundAt).toISOString(),
      gatewayTold: s.windowClosedListeners.size > 0,
    });
  });
}

function registerFaults(app: FastifyInstance, s: ControlState): void {
  app.post("/sandbox/faults", async (request, reply) => {
    if (!authorized(s, request, reply)) return reply;
    const body = parse(reply, faultsBody, request.body, "body");
    if (!body.ok) return reply;
    const { refuse, failDeliveries, network } = body.value;
    if (failDeliveries !== undefined && !s.webhooks.lifecycles)
      return reply
        .code(409)
        .send(invalidRequest("failDeliveries needs the sandbox's status webhooks, which are off (SANDBOX_STATUS_EVENTS, SANDBOX_WEBHOOK_SECRET)."));
    if (refuse) {
      const { status, body: answer } = FORCEABLE_REFUSALS[refuse.code];
      const headers: Record<string, string> = status === 429 ? { "retry-after": "1" } : {};
      s.faults.push(...Array.from({ length: refuse.count }, (): Fault => ({ kind: "status", status, body: answer, headers })));
    }
    if (failDeliveries !== undefined) s.webhooks.failNext(failDeliveries);
    if (network) s.network = network;
    return reply.code(200).send({
      queuedFaults: s.faults.length,
      ...(refuse ? { refuse } : {}),
      ...(failDeliveries !== undefined ? { failDeliveries } : {}),
      network: s.network,
    });
  });
}

function registerDeliveryFailed(app: FastifyInstance, s: ControlState): void {
  app.post(
    "/sandbox/businesses/:businessId/messages/:messageId/delivery-failed",
    async (request: FastifyRequest<{ Params: { businessId: string; messageId: string } }>, reply) => {
      if (!authorized(s, request, reply)) return reply;
      const params = parse(reply, messageParams, request.params, "path");
      if (!params.ok) return reply;
      const body = parse(reply, deliveryFailedBody, request.body, "body");
      if (!body.ok) return reply;
      const { businessId: business, messageId } = params.value;
      const target = s.sent.find(business, messageId);
      if (!target)
        return reply
          .code(404)
          .send(invalidRequest(`${messageId} is no message the sandbox accepted in ${business} (give Connectly's id, the mutation's connectlyId).`));
      const error: DeliveryError = {
        type: "ERROR_TYPE_DELIVERY_FAILED",
        code: body.value.code ?? "ERROR_CODE_RECIPIENT_UNREACHABLE",
        message: body.value.message ?? "Sandbox: a forced delivery failure.",
      };
      const posted = await s.webhooks.failNow(business, messageId, target.message, error);
      return reply.code(200).send({ businessId: business, messageId, error, webhookStatus: webhookStatus(posted) });
    },
  );
}

export function registerControls(app: FastifyInstance, s: ControlState): void {
  app.get("/sandbox", async () => ({
    sandbox: "Connectly sandbox (not Connectly): these controls post signed webhooks as Connectly would",
    auth: "x-api-key: the sandbox's API key (printed at start-up)",
    controls: CONTROLS,
  }));
  registerInbound(app, s);
  registerCloseWindow(app, s);
  registerFaults(app, s);
  registerDeliveryFailed(app, s);
}
