/** How a stored message row reads as the GraphQL Message type, and the queries that find messages. */
import { z } from "zod";
import { checkValue, VALUES } from "../../validation/values.js";
import { badUserInput } from "../errors.js";
import { selects } from "../lookahead.js";
import { storedTypename, type StoredContent } from "../../domain/content-types.js";
import type { StoredFallback } from "../../sending/templates.js";
import type { ErrorCode } from "../../domain/errors.js";
import type { MessageContentResolvers, MessageResolvers, QueryResolvers, DispatchStrategy, UpstreamDetail } from "../generated/types.js";

/** Id arguments the database can be asked about (a NUL would fail the query itself); built once, message(id) is a hot path. */
const ID_ARGS = { id: z.object({ id: VALUES.opaqueId }), connectlyId: z.object({ connectlyId: VALUES.opaqueId }) };

const checkedId = (field: keyof typeof ID_ARGS, value: string): string => {
  const issues = checkValue(ID_ARGS[field], { [field]: value }, "");
  if (issues.length > 0) throw badUserInput(issues);
  return value;
};

// A message asked with its history is read with it, in one statement.
export const messageQuery: QueryResolvers["message"] = (_parent, { id }, context, info) =>
  selects(info, ["statusHistory"])
    ? context.loaders.messageWithHistoryById.load({ id: checkedId("id", id), raw: selects(info, ["statusHistory", "raw"]) })
    : context.loaders.messageById.load(checkedId("id", id));

export const messageByConnectlyIdQuery: QueryResolvers["messageByConnectlyId"] = (_parent, { connectlyId }, context) =>
  context.loaders.messageByConnectlyId.load(checkedId("connectlyId", connectlyId));

/** A messageId as the send takes it, in a business: anything else can never have been stored. */
const messageIdArgs = z.object({ businessId: VALUES.businessId, messageId: VALUES.messageId });

export const messageByMessageIdQuery: QueryResolvers["messageByMessageId"] = async (_parent, { businessId, messageId }, context) => {
  const issues = checkValue(messageIdArgs, { businessId, messageId }, "");
  if (issues.length > 0) throw badUserInput(issues);
  const row = await context.messages.findByMessageId(businessId, messageId);
  if (row) context.loaders.messageById.prime(row.id, row);
  return row;
};

export const Message: MessageResolvers = {
  recipient: (row) => ({ id: row.recipientId, userId: row.recipientUserId, name: row.recipientName }),
  sender: (row) => (row.senderId == null && row.senderName == null ? null : { id: row.senderId, name: row.senderName }),
  // Stored from a validated input (see sending/), so it has that shape; a fallen-back message shows its template.
  content: (row) => (row.fallbackReason != null ? (row.fallback as unknown as StoredFallback).content : (row.content as StoredContent)),
  fallback: (row) =>
    row.fallbackReason == null
      ? null
      : {
          reason: row.fallbackReason,
          message: row.fallbackMessage ?? row.fallbackReason,
          sessionContent: row.content as StoredContent,
          upstream: (row.fallbackUpstream as UpstreamDetail | null) ?? null,
        },
  order: (row) =>
    row.orderParentId == null && row.orderStrategy == null ? null : { parentId: row.orderParentId, strategy: row.orderStrategy as DispatchStrategy | null },
  // errorCode is written only from an ErrorCode (persistence's FailureRecord); GraphQL refuses any other value.
  error: (row) =>
    row.errorCode == null ? null : { code: row.errorCode as ErrorCode, message: row.errorMessage ?? row.errorCode, upstreamStatus: row.upstreamStatus },
  deliveryError: (row) =>
    row.deliveryStatus !== "FAILED" || row.deliveryErrorCode == null
      ? null
      : { code: row.deliveryErrorCode, message: row.deliveryErrorMessage ?? row.deliveryErrorCode, upstreamStatus: null },
  // Read with the message, the history is answered at once: no promise per message on a page.
  statusHistory: (row, _args, context, info) => {
    const known = context.loaders.histories.get(row);
    // A history read without raw payloads answers only a selection that does not ask for them.
    if (known && (known.raw || !selects(info, ["raw"]))) return known.history;
    return row.connectlyId == null ? [] : context.loaders.statusHistory.load({ businessId: row.businessId, connectlyId: row.connectlyId });
  },
};

export const MessageContent: MessageContentResolvers = {
  __resolveType: (content) => storedTypename(content),
};
