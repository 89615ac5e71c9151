/**
 * Query.inboundMessage, the InboundMessage type and its content union, and Message.replies: what
 * customers sent, read back from the rows the messages webhook stored.
 */
import { contentOfRow, INBOUND_CONTENT_TYPENAME, type AdReferralValue } from "../../domain/inbound.js";
import type { InboundMessageRow } from "../../persistence/inbound-messages.js";
import type { MessageRow } from "../../persistence/messages.js";
import type { GraphQLContext } from "../context.js";
import type { InboundContentResolvers, InboundMessageResolvers, MessageResolvers, QueryResolvers, ReplyLink } from "../generated/types.js";

/** The gateway's ids of inbound messages are digits (a bigint); anything else names none. */
const INBOUND_ID = /^\d{1,19}$/;

const MAX_BIGINT = 2n ** 63n - 1n;

export const inboundMessageQuery: QueryResolvers["inboundMessage"] = (_parent, { id }, context) =>
  INBOUND_ID.test(id) && BigInt(id) <= MAX_BIGINT ? context.loaders.inboundMessageById.load(id) : null;

/**
 * The message a row answers, of its own business only: the one it was linked to when stored, or,
 * for a row stored before the message it names, that message once the gateway has it.
 */
async function answered(row: InboundMessageRow, context: GraphQLContext): Promise<{ message: MessageRow; how: ReplyLink } | null> {
  if (row.inReplyToId !== null) {
    const message = await context.loaders.messageById.load(row.inReplyToId);
    return message && message.businessId === row.businessId ? { message, how: row.linkedBy ?? "CONNECTLY_ID" } : null;
  }
  if (row.replyToConnectlyId === null) return null;
  const message = await context.loaders.messageByConnectlyId.load(row.replyToConnectlyId);
  return message && message.businessId === row.businessId && message.recipientId === row.customerId ? { message, how: "CONNECTLY_ID" } : null;
}

export const InboundMessage: InboundMessageResolvers = {
  id: (row) => String(row.id),
  // Rows are read by business (findByIds leaves out the few stored before businessId was required).
  businessId: (row) => row.businessId ?? "",
  customer: (row, _args, context) => context.loaders.customer.load({ businessId: row.businessId ?? "", customerId: row.customerId }),
  content: (row) => contentOfRow(row.kind, row.content),
  // Written only from events.ts's AdReferralValue.
  referral: (row) => (row.referral as AdReferralValue | null) ?? null,
  inReplyTo: async (row, _args, context) => (await answered(row, context))?.message ?? null,
  linkedBy: async (row, _args, context) => (await answered(row, context))?.how ?? null,
};

export const InboundContent: InboundContentResolvers = {
  __resolveType: (content) => INBOUND_CONTENT_TYPENAME[content.inboundKind],
};

export const messageReplies: NonNullable<MessageResolvers["replies"]> = (row, _args, context) =>
  context.loaders.replies.load({ id: row.id, businessId: row.businessId, connectlyId: row.connectlyId, recipientId: row.recipientId });
