/**
 * The send path: validate, store PENDING, call Connectly, store ACCEPTED or FAILED.
 * Nothing invalid is stored or sent; every outcome is a value the GraphQL layer turns into a
 * payload or an error with a stable code.
 */
import type { MessageContentType } from "../persistence/generated/prisma/client.js";
import type { Prisma } from "../persistence/generated/prisma/client.js";
import type { MessageContentInput, SendSessionMessageInput } from "../graphql/generated/types.js";
import type { ConnectlyClient } from "../connectly/client.js";
import type { UpstreamFailure } from "../connectly/errors.js";
import { toRestBody } from "../connectly/rest-body.js";
import type { MessageRow, MessageStore, NewMessage } from "../persistence/messages.js";
import { validateSendSessionMessageInput, type ValidationIssue } from "../validation/send-session-message.js";

export interface SendSessionMessageDeps {
  readonly store: MessageStore;
  readonly connectly: ConnectlyClient;
  /** The API key for a business, or undefined when the gateway has none for it. */
  readonly apiKeyFor: (businessId: string) => string | undefined;
  /** A new, sortable, unique id for a message. */
  readonly newId: () => string;
}

export type SendOutcome =
  | { readonly ok: true; readonly message: MessageRow }
  | { readonly ok: false; readonly error: SendError };

export type SendError =
  | { readonly kind: "invalid"; readonly issues: readonly ValidationIssue[] }
  | { readonly kind: "businessNotConfigured"; readonly businessId: string }
  | { readonly kind: "messageIdConflict"; readonly messageId: string; readonly existing: MessageRow }
  | { readonly kind: "upstream"; readonly failure: UpstreamFailure; readonly message: MessageRow };

const CONTENT_TYPES: Record<keyof MessageContentInput, MessageContentType> = {
  text: "TEXT",
  attachment: "ATTACHMENT",
  location: "LOCATION",
  listMessage: "LIST_MESSAGE",
  replyButtonMessage: "REPLY_BUTTON_MESSAGE",
  singleProductMessage: "SINGLE_PRODUCT_MESSAGE",
  multiProductMessage: "MULTI_PRODUCT_MESSAGE",
};

/** The content type of a (validated) content input: the one key that is set. */
export function contentTypeOf(content: MessageContentInput): MessageContentType {
  const key = (Object.keys(CONTENT_TYPES) as (keyof MessageContentInput)[]).find((k) => content[k] != null);
  if (!key) throw new Error("content has no content type set");
  return CONTENT_TYPES[key];
}

/** JSON with keys in a stable order, to compare two request bodies regardless of how they were stored. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v != null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const withoutNulls = (value: unknown): Prisma.InputJsonValue => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v)));

/** Builds the row to store for a validated input. */
export function newMessageRow(input: SendSessionMessageInput, id: string): NewMessage {
  const messageId = input.messageId ?? id;
  return {
    id,
    businessId: input.businessId,
    messageId,
    clientMessageId: input.messageId != null,
    recipientId: input.recipient.id,
    recipientUserId: input.recipient.userId ?? null,
    recipientName: input.recipient.name ?? null,
    senderId: input.sender?.id ?? null,
    senderName: input.sender?.name ?? null,
    contentType: contentTypeOf(input.content),
    content: withoutNulls(input.content),
    requestBody: withoutNulls(toRestBody(input, messageId)),
    callbackData: input.callbackData == null ? null : (input.callbackData as Prisma.InputJsonValue),
    campaignName: input.campaignName ?? null,
    orderParentId: input.order?.parentId ?? null,
    orderStrategy: input.order?.strategy ?? null,
  };
}

export async function sendSessionMessage(deps: SendSessionMessageDeps, input: SendSessionMessageInput): Promise<SendOutcome> {
  const issues = validateSendSessionMessageInput(input);
  if (issues.length > 0) return { ok: false, error: { kind: "invalid", issues } };

  const apiKey = deps.apiKeyFor(input.businessId);
  if (apiKey == null) return { ok: false, error: { kind: "businessNotConfigured", businessId: input.businessId } };

  const draft = newMessageRow(input, deps.newId());
  const created = await deps.store.createPending(draft);
  let row: MessageRow;
  if (created.created) {
    row = created.row;
  } else {
    // The same messageId again: an idempotent replay when the request is the same, a conflict otherwise.
    const { existing } = created;
    if (canonicalJson(existing.requestBody) !== canonicalJson(draft.requestBody)) {
      return { ok: false, error: { kind: "messageIdConflict", messageId: draft.messageId, existing } };
    }
    if (existing.status !== "FAILED") return { ok: true, message: existing };
    const reopened = await deps.store.reopenFailed(existing.id);
    if (!reopened) return { ok: true, message: (await deps.store.findById(existing.id)) ?? existing };
    row = reopened;
  }

  const result = await deps.connectly.sendMessage(row.businessId, apiKey, row.requestBody as unknown as ReturnType<typeof toRestBody>);
  if (result.ok) return { ok: true, message: await deps.store.markAccepted(row.id, result.id, result.status) };
  const failed = await deps.store.markFailed(row.id, {
    code: result.failure.code,
    message: result.failure.message,
    upstreamStatus: result.failure.upstream.status ?? null,
  });
  return { ok: false, error: { kind: "upstream", failure: result.failure, message: failed } };
}
