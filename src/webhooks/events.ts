/**
 * Connectly's webhook events, read from their JSON: a delivery-status event (topic
 * delivery_status) or an inbound customer message (topic messages). Pure functions: the route
 * verifies the signature and parses JSON, this module says what the event means or why it is
 * refused. Shapes are read leniently (unknown fields are kept in the raw event), but every value
 * the gateway relies on is checked.
 */
import { z } from "zod";
import type { DeliveryStatus } from "../persistence/generated/prisma/client.js";

export interface StatusEvent {
  readonly topic: "delivery_status";
  /** statusUpdate.id: the id Connectly returned when it accepted the message. */
  readonly connectlyId: string;
  readonly status: DeliveryStatus;
  readonly occurredAt: Date;
  readonly recipientId: string | null;
  readonly senderId: string | null;
  readonly error: { readonly code: string | null; readonly type: string | null; readonly message: string | null } | null;
  readonly callbackData: unknown;
  readonly campaignName: string | null;
}

export interface InboundEvent {
  readonly topic: "messages";
  /** The business number the customer wrote to (the event's recipient). */
  readonly businessNumber: string;
  /** The customer (the event's sender): E.164 number or BSUID. */
  readonly customerId: string;
  readonly customerName: string | null;
  readonly text: string | null;
  /** Connectly's id of the outbound message this one quotes or answers, when the event names one. */
  readonly replyToConnectlyId: string | null;
  readonly callbackData: unknown;
  readonly occurredAt: Date;
}

export type WebhookEvent = StatusEvent | InboundEvent;

/** Why a verified body is refused: the code the answer carries, and the reason for people. */
export type RefusalCode = "MALFORMED_EVENT" | "UNRECOGNISED_EVENT" | "EVENT_IN_FUTURE";
export interface Refusal {
  readonly code: RefusalCode;
  readonly reason: string;
}

export type ParseResult = { readonly ok: true; readonly event: WebhookEvent } | ({ readonly ok: false } & Refusal);

const refused = (code: RefusalCode, reason: string): ParseResult => ({ ok: false, code, reason });

/** Connectly's status words, and the variants seen in WhatsApp's own payloads. */
const STATUS_WORDS: Readonly<Record<string, DeliveryStatus>> = {
  sent: "SENT",
  delivered: "DELIVERED",
  read: "READ",
  delivery_failed: "FAILED",
  failed: "FAILED",
};

const MAX_ID = 256;
const id = z.string().trim().min(1).max(MAX_ID);
const party = z.looseObject({
  id: id,
  name: z.string().max(1024).nullish(),
  phoneNumber: z.string().max(64).nullish(),
  userId: z.string().max(MAX_ID).nullish(),
});

/** Unix seconds as a string or number (milliseconds are recognised by size), or an ISO date-time. */
const timestamp = z.union([z.string().trim().min(1).max(40), z.number()]).transform((value, ctx) => {
  let ms: number;
  if (typeof value === "number" || /^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    ms = n > 1e12 ? n : n * 1000;
  } else {
    ms = Date.parse(value);
  }
  // Between 2000 and 2100: anything else is a broken clock or a broken event.
  if (!Number.isFinite(ms) || ms < 946_684_800_000 || ms > 4_102_444_800_000) {
    ctx.addIssue({ code: "custom", message: "timestamp must be Unix seconds (or an ISO date-time) of a plausible date" });
    return z.NEVER;
  }
  return new Date(Math.floor(ms));
});

const errorObject = z
  .looseObject({ code: z.unknown().optional(), type: z.unknown().optional(), message: z.unknown().optional(), userMessage: z.unknown().optional() })
  .nullish();

const statusSchema = z.looseObject({
  topic: z.literal("delivery_status").optional(),
  timestamp,
  sender: party.nullish(),
  recipient: party.nullish(),
  statusUpdate: z.looseObject({
    id,
    status: z.string().transform((value, ctx) => {
      const status = STATUS_WORDS[value.trim().toLowerCase()];
      if (!status) {
        ctx.addIssue({ code: "custom", message: `statusUpdate.status "${value.slice(0, 40)}" is not sent, delivered, read or delivery_failed` });
        return z.NEVER;
      }
      return status;
    }),
    error: errorObject,
  }),
  metadata: z.looseObject({ campaign_name: z.string().max(1024).nullish(), campaignName: z.string().max(1024).nullish() }).nullish(),
  callbackData: z.unknown().optional(),
});

const inboundSchema = z.looseObject({
  topic: z.literal("messages").optional(),
  timestamp,
  sender: party,
  recipient: party,
  message: z.looseObject({ text: z.string().nullish() }),
  context: z.unknown().optional(),
  callbackData: z.unknown().optional(),
});

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : value == null ? null : JSON.stringify(value));

/** Finds the quoted outbound message's id in the context object, whatever its inner field is called. */
function quotedId(context: unknown, message: Record<string, unknown>): string | null {
  const candidates: unknown[] = [];
  for (const holder of [context, message.context]) {
    if (holder && typeof holder === "object") {
      const c = holder as Record<string, unknown>;
      candidates.push(c.replyToMessageId, c.replyToId, c.replyTo, c.messageId, c.id);
      if (c.replyTo && typeof c.replyTo === "object") candidates.push((c.replyTo as Record<string, unknown>).id);
    }
  }
  const found = candidates.find((c): c is string => typeof c === "string" && c.length > 0 && c.length <= MAX_ID);
  return found ?? null;
}

const describe = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "event"}: ${issue.message}`)
    .join("; ");

/** The event's topic: named, or (when it is not) told by the fields present. */
function topicOf(record: Record<string, unknown>): WebhookEvent["topic"] | undefined {
  if (record.topic === "delivery_status" || record.topic === "messages") return record.topic;
  if (record.topic != null) return undefined;
  if ("statusUpdate" in record) return "delivery_status";
  return "message" in record ? "messages" : undefined;
}

function statusEventOf(record: Record<string, unknown>): ParseResult {
  const parsed = statusSchema.safeParse(record);
  if (!parsed.success) return refused("MALFORMED_EVENT", `malformed delivery_status event: ${describe(parsed.error)}`);
  const e = parsed.data;
  const error = e.statusUpdate.status === "FAILED" && e.statusUpdate.error ? e.statusUpdate.error : null;
  return {
    ok: true,
    event: {
      topic: "delivery_status",
      connectlyId: e.statusUpdate.id,
      status: e.statusUpdate.status,
      occurredAt: e.timestamp,
      recipientId: e.recipient?.id ?? null,
      senderId: e.sender?.id ?? null,
      error: error ? { code: text(error.code), type: text(error.type), message: text(error.message) ?? text(error.userMessage) } : null,
      callbackData: e.callbackData ?? null,
      campaignName: e.metadata?.campaign_name ?? e.metadata?.campaignName ?? null,
    },
  };
}

function inboundEventOf(record: Record<string, unknown>): ParseResult {
  const parsed = inboundSchema.safeParse(record);
  if (!parsed.success) return refused("MALFORMED_EVENT", `malformed messages event: ${describe(parsed.error)}`);
  const e = parsed.data;
  return {
    ok: true,
    event: {
      topic: "messages",
      businessNumber: e.recipient.id,
      customerId: e.sender.id,
      customerName: e.sender.name ?? null,
      text: e.message.text ?? null,
      replyToConnectlyId: quotedId(e.context, e.message),
      callbackData: e.callbackData ?? null,
      occurredAt: e.timestamp,
    },
  };
}

/** What a parsed JSON body means, or why it is refused. */
export function parseWebhookEvent(body: unknown): ParseResult {
  if (body == null || typeof body !== "object" || Array.isArray(body)) return refused("UNRECOGNISED_EVENT", "the body must be a JSON object");
  const record = body as Record<string, unknown>;
  const topic = topicOf(record);
  if (topic === "delivery_status") return statusEventOf(record);
  if (topic === "messages") return inboundEventOf(record);
  if (record.topic == null)
    return refused("UNRECOGNISED_EVENT", "unrecognised event: neither statusUpdate (delivery_status) nor message (messages) is present");
  const named = typeof record.topic === "string" ? record.topic : JSON.stringify(record.topic);
  return refused("UNRECOGNISED_EVENT", `unrecognised topic "${named.slice(0, 40)}": only delivery_status and messages are handled`);
}

/**
 * How far ahead of the gateway's clock an event's timestamp may be: clock skew, not more. A later
 * one is refused, not clamped: clamping would make each redelivery a new event (another time),
 * while a refusal is idempotent, and a redelivery passes once the clocks agree. Left in, a date a
 * year ahead would hold a customer's session window open until then (it only moves forward).
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** The refusal of an event whose timestamp is too far ahead of the gateway's clock, or null when it is not. */
export function futureTimestampRefusal(occurredAt: Date, nowMs: number): Refusal | null {
  const ahead = occurredAt.getTime() - nowMs;
  if (ahead <= MAX_CLOCK_AHEAD_MS) return null;
  return {
    code: "EVENT_IN_FUTURE",
    reason: `timestamp ${occurredAt.toISOString()} is ${Math.round(ahead / 1000)} s ahead of the gateway's clock (at most ${MAX_CLOCK_AHEAD_MS / 1000} s is allowed for clock skew)`,
  };
}
