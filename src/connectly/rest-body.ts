/**
 * The JSON body of Connectly's POST /v1/businesses/{businessId}/send/messages, and the mapping
 * from the GraphQL input to it (and back, for the sandbox). The shapes follow the reference's
 * examples: channelType "whatsapp" on recipient and sender, the attachment as a one-item
 * `attachments` array with a lower-case type, a structured message's body as `message.text`,
 * messageId as `message.id`, enum values in the reference's lower-case spelling.
 */
import type {
  AttachmentType,
  DispatchStrategy,
  HeaderAttachmentType,
  HeaderInput,
  MessageContentInput,
  SendSessionMessageInput,
} from "../graphql/generated/types.js";

export type RestAttachmentType = "image" | "video" | "audio" | "document";

export interface RestParty {
  id: string;
  channelType: "whatsapp";
  userId?: string;
  name?: string;
}

export interface RestAttachment {
  type: RestAttachmentType;
  url: string;
  caption?: string;
  filename?: string;
}

export type RestHeader = { text: string } | { attachment: RestAttachment };

export interface RestListMessage {
  header?: RestHeader;
  footer?: { text: string };
  button: { text: string };
  sections: { title?: string; rows: { id: string; text: string; description?: string }[] }[];
}

export interface RestReplyButtonMessage {
  header?: RestHeader;
  footer?: { text: string };
  buttons: { id: string; text: string }[];
}

export interface RestSingleProductMessage {
  footer?: { text: string };
  catalogId: string;
  productItem: { productRetailerId: string };
}

export interface RestMultiProductMessage {
  header: { text: string };
  footer?: { text: string };
  catalogId: string;
  sections: { title: string; productItems: { productRetailerId: string }[] }[];
}

export interface RestMessage {
  id?: string;
  text?: string;
  attachments?: RestAttachment[];
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  listMessage?: RestListMessage;
  replyButtonMessage?: RestReplyButtonMessage;
  singleProductMessage?: RestSingleProductMessage;
  multiProductMessage?: RestMultiProductMessage;
}

export type RestDispatchStrategy = "independent" | "short_circuit";

export interface RestSendMessageBody {
  recipient: RestParty;
  sender?: Omit<RestParty, "id"> & { id?: string };
  message: RestMessage;
  callbackData?: unknown;
  campaignName?: string;
  order?: { parentId?: string; strategy?: RestDispatchStrategy };
}

/** Keeps only the keys whose value is neither null nor undefined (GraphQL's "not given"). */
function defined<T extends Record<string, unknown>>(obj: T): { [K in keyof T]: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v != null)) as {
    [K in keyof T]: Exclude<T[K], null | undefined>;
  };
}

const lower = (t: AttachmentType | HeaderAttachmentType): RestAttachmentType => t.toLowerCase() as RestAttachmentType;
const upper = <T extends string>(t: string): T => t.toUpperCase() as T;
const footerOf = (footer: string | null | undefined) => (footer != null ? { footer: { text: footer } } : {});

function headerToRest(header: HeaderInput | null | undefined): { header?: RestHeader } {
  if (header == null) return {};
  if (header.attachment != null) {
    const a = header.attachment;
    return { header: { attachment: defined({ type: lower(a.type), url: a.url, filename: a.filename }) } };
  }
  return header.text != null ? { header: { text: header.text } } : {};
}

/** The `message` object (without its id) for one content input. */
export function contentToRest(content: MessageContentInput): RestMessage {
  if (content.text != null) return { text: content.text };
  if (content.attachment != null) {
    const a = content.attachment;
    return { attachments: [defined({ type: lower(a.type), url: a.url, caption: a.caption, filename: a.filename })] };
  }
  if (content.location != null) {
    const l = content.location;
    return { location: defined({ latitude: l.latitude, longitude: l.longitude, name: l.name, address: l.address }) };
  }
  if (content.listMessage != null) {
    const m = content.listMessage;
    return defined({
      text: m.body,
      listMessage: {
        ...headerToRest(m.header),
        ...footerOf(m.footer),
        button: { text: m.button },
        sections: m.sections.map((s) =>
          defined({ title: s.title, rows: s.rows.map((r) => defined({ id: r.id, text: r.text, description: r.description })) }),
        ),
      },
    });
  }
  if (content.replyButtonMessage != null) {
    const m = content.replyButtonMessage;
    return {
      text: m.body,
      replyButtonMessage: {
        ...headerToRest(m.header),
        ...footerOf(m.footer),
        buttons: m.buttons.map((b) => ({ id: b.id, text: b.text })),
      },
    };
  }
  if (content.singleProductMessage != null) {
    const m = content.singleProductMessage;
    return defined({
      text: m.body,
      singleProductMessage: {
        ...footerOf(m.footer),
        catalogId: m.catalogId,
        productItem: { productRetailerId: m.productRetailerId },
      },
    });
  }
  const m = content.multiProductMessage;
  return {
    text: m.body,
    multiProductMessage: {
      header: { text: m.header },
      ...footerOf(m.footer),
      catalogId: m.catalogId,
      sections: m.sections.map((s) => ({
        title: s.title,
        productItems: s.productItems.map((p) => ({ productRetailerId: p.productRetailerId })),
      })),
    },
  };
}

/** The REST body for a validated input; `messageId` is sent as message.id. */
export function toRestBody(input: SendSessionMessageInput, messageId: string): RestSendMessageBody {
  const { recipient, sender, order } = input;
  return defined({
    sender:
      sender != null ? { ...defined({ id: sender.id }), channelType: "whatsapp" as const, ...defined({ name: sender.name }) } : undefined,
    recipient: {
      id: recipient.id,
      channelType: "whatsapp" as const,
      ...defined({ userId: recipient.userId, name: recipient.name }),
    },
    message: { id: messageId, ...contentToRest(input.content) },
    callbackData: input.callbackData,
    campaignName: input.campaignName,
    order:
      order != null
        ? defined({ parentId: order.parentId, strategy: order.strategy?.toLowerCase() as RestDispatchStrategy | undefined })
        : undefined,
  });
}

// ---- the reverse direction, used by the sandbox to run the gateway's own validation on a REST body

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined => (v != null && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : undefined);
const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
const textOf = (v: unknown): unknown => obj(v)?.text;

function headerFromRest(h: unknown): unknown {
  const header = obj(h);
  if (!header) return h;
  const a = obj(header.attachment);
  if (a) return { attachment: { ...a, type: typeof a.type === "string" ? upper(a.type) : a.type } };
  return { text: header.text };
}

/**
 * Reads a REST message object back into the GraphQL content shape. Unknown or malformed parts are
 * passed through as they are so that validation reports them; a REST body with several content
 * types yields several keys (and fails the "exactly one content type" rule).
 */
export function contentFromRest(message: Loose): Loose {
  const out: Loose = {};
  const text = message.text;
  const attachments = arr(message.attachments);
  const structured = ["listMessage", "replyButtonMessage", "singleProductMessage", "multiProductMessage"].filter(
    (k) => message[k] != null,
  );
  if (attachments) {
    if (attachments.length !== 1) out.attachment = { __invalid: `attachments must hold exactly one item (got ${attachments.length})` };
    else {
      const a = obj(attachments[0]) ?? {};
      out.attachment = { ...a, type: typeof a.type === "string" ? upper(a.type) : a.type };
    }
  }
  if (message.location != null) out.location = message.location;
  const list = obj(message.listMessage);
  if (list)
    out.listMessage = {
      header: headerFromRest(list.header),
      body: text,
      footer: textOf(list.footer),
      button: textOf(list.button),
      sections: list.sections,
    };
  const reply = obj(message.replyButtonMessage);
  if (reply) out.replyButtonMessage = { header: headerFromRest(reply.header), body: text, footer: textOf(reply.footer), buttons: reply.buttons };
  const single = obj(message.singleProductMessage);
  if (single)
    out.singleProductMessage = {
      body: text,
      footer: textOf(single.footer),
      catalogId: single.catalogId,
      productRetailerId: obj(single.productItem)?.productRetailerId,
    };
  const multi = obj(message.multiProductMessage);
  if (multi)
    out.multiProductMessage = {
      header: textOf(multi.header),
      body: text,
      footer: textOf(multi.footer),
      catalogId: multi.catalogId,
      sections: multi.sections,
    };
  if (text != null && structured.length === 0) out.text = text;
  return out;
}

/** Reads a REST body back into the GraphQL input shape (for validation by the sandbox). */
export function inputFromRestBody(businessId: string, body: unknown): Loose {
  const b = obj(body) ?? {};
  const order = obj(b.order);
  const recipient = obj(b.recipient);
  const sender = obj(b.sender);
  return {
    businessId,
    recipient: recipient ? { id: recipient.id, userId: recipient.userId, name: recipient.name } : b.recipient,
    sender: sender ? { id: sender.id, name: sender.name } : b.sender,
    content: contentFromRest(obj(b.message) ?? {}),
    callbackData: b.callbackData,
    campaignName: b.campaignName,
    order: order
      ? { parentId: order.parentId, strategy: typeof order.strategy === "string" ? upper<DispatchStrategy>(order.strategy) : order.strategy }
      : b.order,
    messageId: obj(b.message)?.id,
  };
}
