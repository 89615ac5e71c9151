/**
 * Connectly's webhook events, read from their JSON: a delivery-status event (topic
 * delivery_status) or an inbound customer message (topic messages). Pure functions: the route
 * verifies the signature and parses JSON, this module says what the event means or why it is
 * refused. Shapes are read leniently (unknown fields are kept in the raw event), but every value
 * the gateway relies on is checked.
 */
import { z } from "zod";
import type { DeliveryStatus } from "../persistence/generated/prisma/client.js";
import type { AdReferralValue, InboundAttachmentValue, InboundContentValue } from "../domain/inbound.js";

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
  /** What the customer sent (docs/inbound.md lists the shapes read). */
  readonly content: InboundContentValue;
  /** The click-to-WhatsApp ad the customer came from, when the event names one. */
  readonly referral: AdReferralValue | null;
  /** Any text the event carries: the text, a caption, a button's or list row's title. */
  readonly text: string | null;
  /** Connectly's id of the outbound message this one quotes or reacts to, when the event names one. */
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
  message: z.record(z.string(), z.unknown()),
  context: z.unknown().optional(),
  referral: z.unknown().optional(),
  callbackData: z.unknown().optional(),
});

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : value == null ? null : JSON.stringify(value));

/** Finds the quoted outbound message's id in the context object, whatever its inner field is called. */
function quotedId(context: unknown, message: Record<string, unknown>): string | null {
  const candidates: unknown[] = [];
  for (const holder of [context, message.context]) {
    const c = recordOf(holder);
    if (c) {
      candidates.push(c.replyToMessageId, c.reply_to_message_id, c.replyToId, c.replyTo, c.messageId, c.message_id, c.id);
      const replyTo = recordOf(c.replyTo);
      if (replyTo) candidates.push(replyTo.id);
    }
  }
  const found = candidates.find((c): c is string => typeof c === "string" && c.length > 0 && c.length <= MAX_ID);
  return found ?? null;
}

// ---- inbound content ----------------------------------------------------------------------------
// Connectly documents only message.text, attachments[] {type, url}, isButtonResponse, referral and
// context; the other shapes are WhatsApp Cloud's and Connectly's known ones, read in either case style.

/** Longest text kept from a message, a caption or a title (WhatsApp's own limits are far lower). */
const MAX_TEXT = 65_536;
const MAX_URL = 4_096;
const MAX_NAME = 1_024;

type Json = Record<string, unknown>;

const recordOf = (value: unknown): Json | null => (value != null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : null);

/** An optional string: itself when it is a non-empty string within `max`, null otherwise. */
const optional = (value: unknown, max = MAX_NAME): string | null => (typeof value === "string" && value.length > 0 && value.length <= max ? value : null);

/** The first of `values` that reads as an optional string. */
const firstOf = (values: readonly unknown[], max = MAX_NAME): string | null => {
  for (const value of values) {
    const found = optional(value, max);
    if (found !== null) return found;
  }
  return null;
};

/** message.text as a string, or WhatsApp Cloud's { body }. */
const textOf = (message: Json): string | null => optional(message.text, MAX_TEXT) ?? optional(recordOf(message.text)?.body, MAX_TEXT);

/** A coordinate: a number or a numeric string, within ±limit. */
function coordinate(value: unknown, limit: number): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

type ContentRead =
  { readonly ok: true; readonly content: InboundContentValue; readonly target: string | null } | { readonly ok: false; readonly reason: string };

const read = (content: InboundContentValue, target: string | null = null): ContentRead => ({ ok: true, content, target });
const malformed = (reason: string): ContentRead => ({ ok: false, reason });

function reactionOf(reaction: Json): ContentRead {
  const emoji = optional(reaction.emoji, 64);
  return read({ inboundKind: "REACTION", emoji }, firstOf([reaction.messageId, reaction.message_id], MAX_ID));
}

function locationOf(location: Json): ContentRead {
  const latitude = coordinate(location.latitude, 90);
  const longitude = coordinate(location.longitude, 180);
  if (latitude === null || longitude === null) return malformed("message.location needs latitude (-90..90) and longitude (-180..180) as numbers");
  return read({ inboundKind: "LOCATION", location: { latitude, longitude, name: optional(location.name), address: optional(location.address) } });
}

function listReplyOf(reply: Json): ContentRead {
  const rowId = optional(reply.id, MAX_ID) ?? optional(reply.rowId, MAX_ID);
  if (rowId === null) return malformed(`a list reply needs the row's id (a string of 1 to ${MAX_ID} characters)`);
  return read({ inboundKind: "LIST_REPLY", rowId, title: optional(reply.title), description: optional(reply.description) });
}

/** A button reply from any of its shapes; null when the message is not one. */
function buttonReplyOf(message: Json, interactive: Json | null): ContentRead | null {
  const reply = recordOf(interactive?.button_reply) ?? recordOf(message.buttonReply);
  const button = recordOf(message.button);
  if (!reply && !button && message.isButtonResponse !== true) return null;
  const text = firstOf([reply?.title, button?.text, textOf(message)], MAX_TEXT);
  if (text === null) return malformed("a button reply needs the button's title (message.text, button.text or button_reply.title)");
  const buttonId = firstOf([reply?.id, button?.payload, message.payload, message.buttonId, message.button_id], MAX_ID);
  return read({ inboundKind: "BUTTON_REPLY", buttonId, text });
}

function attachmentOf(value: unknown, index: number): InboundAttachmentValue | string {
  const a = recordOf(value);
  const type = optional(a?.type, MAX_ID);
  const url = optional(a?.url, MAX_URL);
  if (!a || type === null || url === null) return `message.attachments.${index} needs a type and a url (of at most ${MAX_URL} characters)`;
  return {
    type: type.toLowerCase(),
    url,
    mimeType: firstOf([a.mimeType, a.mime_type], MAX_ID),
    filename: optional(a.filename),
    caption: optional(a.caption, MAX_TEXT),
  };
}

function attachmentsOf(message: Json, list: readonly unknown[]): ContentRead {
  const attachments: InboundAttachmentValue[] = [];
  for (const [index, value] of list.slice(0, 100).entries()) {
    const attachment = attachmentOf(value, index);
    if (typeof attachment === "string") return malformed(attachment);
    attachments.push(attachment);
  }
  const text = textOf(message) ?? optional(message.caption, MAX_TEXT) ?? attachments.find((a) => a.caption !== null)?.caption ?? null;
  return read({ inboundKind: "ATTACHMENTS", attachments, text });
}

/** Keys that say nothing of a message's kind (or are read above). */
const NOT_A_KIND = new Set(["text", "context", "referral", "callbackData", "isButtonResponse", "attachments", "caption", "id", "type", "timestamp"]);

/** The key naming an unmodelled kind: the first that holds an object (contacts, order, sticker...), else the first at all. */
function kindKey(message: Json): string | null {
  const keys = Object.keys(message).filter((key) => !NOT_A_KIND.has(key));
  const key = keys.find((k) => message[k] !== null && typeof message[k] === "object") ?? keys[0];
  return key === undefined ? null : key.slice(0, MAX_ID);
}

/** What `message` holds, by the first shape it has; UNSUPPORTED when it has none the gateway models. */
function contentOf(message: Json): ContentRead {
  const interactive = recordOf(message.interactive);
  const reaction = recordOf(message.reaction);
  if (reaction) return reactionOf(reaction);
  const location = recordOf(message.location);
  if (location) return locationOf(location);
  const listReply = recordOf(interactive?.list_reply) ?? recordOf(message.listReply);
  if (listReply) return listReplyOf(listReply);
  const button = buttonReplyOf(message, interactive);
  if (button) return button;
  if (Array.isArray(message.attachments) && message.attachments.length > 0) return attachmentsOf(message, message.attachments);
  const text = textOf(message);
  const kind = kindKey(message);
  // Text beside a payload of a kind not modelled (a contact card with a note) is that kind, not a text.
  const payload = kind !== null && message[kind] !== null && typeof message[kind] === "object";
  if (text !== null && !payload) return read({ inboundKind: "TEXT", text });
  return read({ inboundKind: "UNSUPPORTED", kind, text });
}

/** The text an event carries, for previews and search: the text, a caption, a title. */
function textCarried(content: InboundContentValue): string | null {
  switch (content.inboundKind) {
    case "TEXT":
    case "ATTACHMENTS":
    case "BUTTON_REPLY":
    case "UNSUPPORTED":
      return content.text;
    case "LIST_REPLY":
      return content.title;
    case "LOCATION":
    case "REACTION":
      return null;
  }
}

/** message.referral (or a top-level referral), in either case style; null when there is none. */
function referralOf(value: unknown): AdReferralValue | null {
  const r = recordOf(value);
  if (!r) return null;
  return {
    sourceUrl: firstOf([r.sourceUrl, r.source_url], MAX_URL),
    sourceId: firstOf([r.sourceId, r.source_id], MAX_ID),
    sourceType: firstOf([r.sourceType, r.source_type], MAX_ID),
    headline: optional(r.headline),
    body: optional(r.body, MAX_TEXT),
    mediaType: firstOf([r.mediaType, r.media_type], MAX_ID),
    imageUrl: firstOf([r.imageUrl, r.image_url], MAX_URL),
    videoUrl: firstOf([r.videoUrl, r.video_url], MAX_URL),
    ctwaClid: firstOf([r.ctwaClid, r.ctwa_clid], MAX_ID),
  };
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
  const content = contentOf(e.message);
  if (!content.ok) return refused("MALFORMED_EVENT", `malformed messages event: ${content.reason}`);
  return {
    ok: true,
    event: {
      topic: "messages",
      businessNumber: e.recipient.id,
      customerId: e.sender.id,
      customerName: e.sender.name ?? null,
      content: content.content,
      referral: referralOf(e.message.referral) ?? referralOf(e.referral),
      text: textCarried(content.content),
      replyToConnectlyId: content.target ?? quotedId(e.context, e.message),
      callbackData: e.callbackData ?? null,
      occurredAt: e.timestamp,
    },
  };
}

/** What in `s` PostgreSQL cannot store (jsonb refuses both, text refuses NUL), or null. */
const unstorableIn = (s: string): string | null =>
  s.includes("\u0000") ? "the NUL character (U+0000)" : !s.isWellFormed() ? "an unpaired UTF-16 surrogate" : null;

/** A path segment as the reason shows it: a plain name as is, anything else as JSON (which escapes NUL). */
const segment = (key: string | number): string =>
  typeof key === "number" || /^[A-Za-z_$][\w$]{0,63}$/.test(key) ? String(key) : JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key);

interface Visit {
  readonly value: unknown;
  readonly key: string | number | null;
  readonly parent: Visit | null;
}

const pathOf = (visit: Visit): string => {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v !== null && v.key !== null; v = v.parent) keys.unshift(segment(v.key));
  const path = keys.length > 0 ? keys.join(".") : "event";
  // Bounded: the reason is answered and kept, and nesting is not.
  return path.length > 300 ? `${path.slice(0, 300)}…` : path;
};

/**
 * Why a parsed body cannot be stored: the first string, key or value, that holds what PostgreSQL
 * refuses (JSON escapes it, so it parses), or null. Walked without recursion: nesting is unbounded.
 */
function unstorableRefusal(body: unknown): Refusal | null {
  const stack: Visit[] = [{ value: body, key: null, parent: null }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      const what = unstorableIn(value);
      if (what) return { code: "MALFORMED_EVENT", reason: `malformed event: ${pathOf(visit)} holds ${what}, which cannot be stored` };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: visit });
    } else if (value !== null && typeof value === "object") {
      const inner: Visit[] = Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ value: v, key, parent: visit }));
      for (const at of inner) {
        const what = unstorableIn(at.key as string);
        if (what) return { code: "MALFORMED_EVENT", reason: `malformed event: the key ${pathOf(at)} holds ${what}, which cannot be stored` };
      }
      for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]!);
    }
  }
  return null;
}

/**
 * Whether JSON text can put NUL or an unpaired surrogate in a string: only its escapes can (a raw
 * NUL is not JSON, and text decoded from UTF-8 has no unpaired surrogates).
 */
const MAY_BE_UNSTORABLE = /\\u(?:0000|d[89a-f])/i;

/**
 * What a parsed JSON body means, or why it is refused. An event holding what PostgreSQL cannot
 * store is malformed: it could never be stored, so asking Connectly to redeliver it would not help.
 * `text`, the JSON it was parsed from, spares the search for such strings when it cannot hold one.
 */
export function parseWebhookEvent(body: unknown, text?: string): ParseResult {
  if (body == null || typeof body !== "object" || Array.isArray(body)) return refused("UNRECOGNISED_EVENT", "the body must be a JSON object");
  const record = body as Record<string, unknown>;
  const topic = topicOf(record);
  if (topic !== undefined && (text === undefined || MAY_BE_UNSTORABLE.test(text))) {
    const unstorable = unstorableRefusal(record);
    if (unstorable) return { ok: false, ...unstorable };
  }
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
