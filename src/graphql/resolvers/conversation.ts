/** Query.conversation: a business's messages with one customer, both directions, in time order, paged both ways. */
import { z } from "zod";
import type { ConversationEntryResolvers, ConversationResolvers, QueryResolvers } from "../generated/types.js";
import type { ConversationCursor } from "../../persistence/conversations.js";
import { sessionWindow } from "../../persistence/customers.js";
import { checkValue, VALUES } from "../../validation/values.js";
import { badUserInput } from "../errors.js";
import { cursorCodec, parsePaging, parseTimePart, timePart, toPage } from "../paging.js";

const MESSAGE_ID = /^[0-9A-Za-z_-]{1,128}$/;
/** An inbound id: a positive bigint. */
const INBOUND_ID = /^[1-9]\d{0,18}$/;
const MAX_BIGINT = 2n ** 63n - 1n;

/** An entry's position: its time, its direction (o/i) and its id. */
export const CONVERSATION_CURSOR = cursorCodec<ConversationCursor>(
  "conversation",
  (c) => [timePart(c.at), c.direction === "OUTBOUND" ? "o" : "i", c.id],
  ([at, direction, id]) => {
    const time = parseTimePart(at);
    if (time === null || id === undefined) return null;
    if (direction === "o" && MESSAGE_ID.test(id)) return { at: time, direction: "OUTBOUND", id };
    if (direction === "i" && INBOUND_ID.test(id) && BigInt(id) <= MAX_BIGINT) return { at: time, direction: "INBOUND", id };
    return null;
  },
);

const conversationArgs = z.object({ businessId: VALUES.businessId, customerId: VALUES.customerId });

export const conversationQuery: QueryResolvers["conversation"] = async (_parent, args, context) => {
  const { businessId, customerId } = args;
  const paging = parsePaging(args, CONVERSATION_CURSOR);
  const issues = [...checkValue(conversationArgs, { businessId, customerId }, ""), ...paging.issues];
  if (paging.request === null || issues.length > 0) throw badUserInput(issues);
  const [entries, customer] = await Promise.all([
    context.conversations.page(businessId, customerId, paging.request),
    context.loaders.customer.load({ businessId, customerId }),
  ]);
  const page = toPage(entries, paging.request, ({ at, direction, id, row }) => ({
    cursor: CONVERSATION_CURSOR.encode({ at, direction, id }),
    direction,
    at,
    node: row,
  }));
  for (const { node } of page.edges) if ("messageId" in node) context.loaders.messageById.prime(node.id, node);
  return { ...page, businessId, customer, count: () => context.conversations.count(businessId, customerId) };
};

export const Conversation: ConversationResolvers = {
  sessionWindow: (parent, _args, context) => sessionWindow(parent.customer, context.now()),
  totalCount: (parent) => parent.count(),
};

export const ConversationEntry: ConversationEntryResolvers = {
  // A Message row has the id it was sent with; an InboundMessage row the hash of its webhook body.
  __resolveType: (row) => ("messageId" in row ? "Message" : "InboundMessage"),
};
