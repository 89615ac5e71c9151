/**
 * What a customer sent, as the gateway reads it from Connectly's messages webhook: one kind per
 * member of the GraphQL InboundContent union. Stored as the row's kind column and, for the rest of
 * the fields, its content JSON; read back by the union's resolvers. Plain data, no I/O.
 */
import type { InboundKind } from "../persistence/generated/prisma/enums.js";

export type { InboundKind };

export interface InboundAttachmentValue {
  /** Lower case, as Connectly names it: image, video, audio, document, sticker, or another. */
  readonly type: string;
  readonly url: string;
  readonly mimeType: string | null;
  readonly filename: string | null;
  readonly caption: string | null;
}

export interface InboundLocationValue {
  readonly latitude: number;
  readonly longitude: number;
  readonly name: string | null;
  readonly address: string | null;
}

/** The content, tagged by `inboundKind` (the union's __resolveType reads it). */
export type InboundContentValue =
  | { readonly inboundKind: "TEXT"; readonly text: string }
  | { readonly inboundKind: "ATTACHMENTS"; readonly attachments: readonly InboundAttachmentValue[]; readonly text: string | null }
  | { readonly inboundKind: "LOCATION"; readonly location: InboundLocationValue }
  | { readonly inboundKind: "BUTTON_REPLY"; readonly buttonId: string | null; readonly text: string }
  | { readonly inboundKind: "LIST_REPLY"; readonly rowId: string; readonly title: string | null; readonly description: string | null }
  | { readonly inboundKind: "REACTION"; readonly emoji: string | null }
  | { readonly inboundKind: "UNSUPPORTED"; readonly kind: string | null; readonly text: string | null };

/** The click-to-WhatsApp ad a customer came from (every field as the event gives it, or null). */
export interface AdReferralValue {
  readonly sourceUrl: string | null;
  readonly sourceId: string | null;
  readonly sourceType: string | null;
  readonly headline: string | null;
  readonly body: string | null;
  readonly mediaType: string | null;
  readonly imageUrl: string | null;
  readonly videoUrl: string | null;
  readonly ctwaClid: string | null;
}

/** The GraphQL type name of each kind's member of InboundContent. */
export const INBOUND_CONTENT_TYPENAME = {
  TEXT: "InboundTextContent",
  ATTACHMENTS: "InboundAttachmentsContent",
  LOCATION: "InboundLocationContent",
  BUTTON_REPLY: "ButtonReplyContent",
  LIST_REPLY: "ListReplyContent",
  REACTION: "ReactionContent",
  UNSUPPORTED: "UnsupportedInboundContent",
} as const satisfies Record<InboundKind, string>;

/** The content as stored in the row's content column: its fields, the kind being the row's kind column. */
export function storedContent(content: InboundContentValue): Record<string, unknown> {
  const { inboundKind: _kind, ...fields } = content;
  return fields;
}

/** The content of a stored row: its kind column and its content JSON (written by storedContent). */
export function contentOfRow(kind: InboundKind, content: unknown): InboundContentValue {
  const fields = content != null && typeof content === "object" && !Array.isArray(content) ? content : {};
  return { ...fields, inboundKind: kind } as InboundContentValue;
}
