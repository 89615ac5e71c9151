/**
 * The JSON body of Connectly's POST /v1/businesses/{businessId}/send/messages, and the mapping
 * from the input to it, one encoder per content type. The shapes follow the reference's
 * examples: channelType "whatsapp" on recipient and sender, the attachment as a one-item
 * `attachments` array with a lower-case type, a structured message's body as `message.text`,
 * messageId as `message.id`, enum values in the reference's lower-case spelling.
 */
import { contentKeyOf, type ContentKey, type ContentValue } from "../domain/content-types.js";
import type { AttachmentType, HeaderAttachmentType, HeaderInput, MessageContentInput, SendSessionMessageInput } from "../domain/message.js";

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
const footerOf = (footer: string | null | undefined) => (footer != null ? { footer: { text: footer } } : {});

function headerToRest(header: HeaderInput | null | undefined): { header?: RestHeader } {
  if (header == null) return {};
  if (header.attachment != null) {
    const a = header.attachment;
    return { header: { attachment: defined({ type: lower(a.type), url: a.url, filename: a.filename }) } };
  }
  return header.text != null ? { header: { text: header.text } } : {};
}

type Encoders = { readonly [K in ContentKey]: (value: ContentValue<K>) => RestMessage };

/** Each content type's part of the `message` object (without its id). */
const ENCODERS: Encoders = {
  text: (text) => ({ text }),
  attachment: (a) => ({ attachments: [defined({ type: lower(a.type), url: a.url, caption: a.caption, filename: a.filename })] }),
  location: (l) => ({ location: defined({ latitude: l.latitude, longitude: l.longitude, name: l.name, address: l.address }) }),
  listMessage: (m) =>
    defined({
      text: m.body,
      listMessage: {
        ...headerToRest(m.header),
        ...footerOf(m.footer),
        button: { text: m.button },
        sections: m.sections.map((s) => defined({ title: s.title, rows: s.rows.map((r) => defined({ id: r.id, text: r.text, description: r.description })) })),
      },
    }),
  replyButtonMessage: (m) => ({
    text: m.body,
    replyButtonMessage: {
      ...headerToRest(m.header),
      ...footerOf(m.footer),
      buttons: m.buttons.map((b) => ({ id: b.id, text: b.text })),
    },
  }),
  singleProductMessage: (m) =>
    defined({
      text: m.body,
      singleProductMessage: {
        ...footerOf(m.footer),
        catalogId: m.catalogId,
        productItem: { productRetailerId: m.productRetailerId },
      },
    }),
  multiProductMessage: (m) => ({
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
  }),
};

const encode = <K extends ContentKey>(key: K, content: MessageContentInput): RestMessage => ENCODERS[key](content[key] as ContentValue<K>);

/** The `message` object (without its id) for one content input. */
const contentToRest = (content: MessageContentInput): RestMessage => encode(contentKeyOf(content), content);

/** The REST body for a validated input; `messageId` is sent as message.id. */
export function toRestBody(input: SendSessionMessageInput, messageId: string): RestSendMessageBody {
  const { recipient, sender, order } = input;
  return defined({
    sender: sender != null ? { ...defined({ id: sender.id }), channelType: "whatsapp" as const, ...defined({ name: sender.name }) } : undefined,
    recipient: {
      id: recipient.id,
      channelType: "whatsapp" as const,
      ...defined({ userId: recipient.userId, name: recipient.name }),
    },
    message: { id: messageId, ...contentToRest(input.content) },
    callbackData: input.callbackData,
    campaignName: input.campaignName,
    order: order != null ? defined({ parentId: order.parentId, strategy: order.strategy?.toLowerCase() as RestDispatchStrategy | undefined }) : undefined,
  });
}
