/**
 * The seven content types of a session message, in one table: the key of MessageContentInput, the
 * value stored in the messages table (Prisma's MessageContentType) and the member of the GraphQL
 * MessageContent union that reads it back. The SDL and the Prisma enum cannot be derived from it;
 * test/content-types.unit.test.ts checks that they list exactly these.
 */
import type { MessageContentType } from "../persistence/generated/prisma/enums.js";
import type { MessageContent, SentTemplate } from "../graphql/generated/types.js";
import type { MessageContentInput } from "./message.js";

/** A content type's name: the one key set in a MessageContentInput. */
export type ContentKey = keyof MessageContentInput;

/** What a content input holds under `key` (e.g. an AttachmentInput under "attachment"). */
export type ContentValue<K extends ContentKey> = NonNullable<MessageContentInput[K]>;

/** The __typename of a MessageContent member, e.g. "TextContent". */
export type ContentTypename = NonNullable<MessageContent["__typename"]>;

export interface ContentTypeEntry {
  /** How the messages table stores the content type. */
  readonly stored: MessageContentType;
  /** The MessageContent member that reads the stored content back; its one field is named by the key. */
  readonly typename: ContentTypename;
}

export const CONTENT_TYPES = {
  text: { stored: "TEXT", typename: "TextContent" },
  attachment: { stored: "ATTACHMENT", typename: "AttachmentContent" },
  location: { stored: "LOCATION", typename: "LocationContent" },
  listMessage: { stored: "LIST_MESSAGE", typename: "ListMessageContent" },
  replyButtonMessage: { stored: "REPLY_BUTTON_MESSAGE", typename: "ReplyButtonMessageContent" },
  singleProductMessage: { stored: "SINGLE_PRODUCT_MESSAGE", typename: "SingleProductMessageContent" },
  multiProductMessage: { stored: "MULTI_PRODUCT_MESSAGE", typename: "MultiProductMessageContent" },
} as const satisfies { readonly [K in ContentKey]: ContentTypeEntry };

export const CONTENT_KEYS = Object.keys(CONTENT_TYPES) as ContentKey[];

/** A template message's content as stored: which template, language and values (MessageContent's TemplateContent). */
export interface TemplateContentValue {
  readonly template: Omit<SentTemplate, "__typename">;
}

/** TEMPLATE, how the messages table stores a template message (also a session message sent as its fallback). */
export const TEMPLATE_CONTENT = { stored: "TEMPLATE", typename: "TemplateContent" } as const satisfies ContentTypeEntry;

/** Content as the messages table stores it: a session content input, or a template's. */
export type StoredContent = MessageContentInput | TemplateContentValue;

const isTemplateContent = (content: StoredContent): content is TemplateContentValue => "template" in content && content.template != null;

/** The MessageContent member that reads stored content back. */
export const storedTypename = (content: StoredContent): ContentTypename =>
  isTemplateContent(content) ? TEMPLATE_CONTENT.typename : CONTENT_TYPES[contentKeyOf(content)].typename;

/** The content types set in a content object (exactly one for a valid input). */
export const contentKeysSet = (content: Partial<Record<ContentKey, unknown>>): ContentKey[] => CONTENT_KEYS.filter((k) => content[k] != null);

/** The content type of a (validated or stored) content input: the one key that is set. */
export function contentKeyOf(content: MessageContentInput): ContentKey {
  const key = contentKeysSet(content)[0];
  if (key == null) throw new Error("content has no content type set");
  return key;
}
