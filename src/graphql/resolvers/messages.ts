/** Query.messages: a business's messages, newest first, as a Relay cursor connection both ways, with its total. */
import { z } from "zod";
import type { MessageConnectionResolvers, QueryMessagesArgs, QueryResolvers } from "../generated/types.js";
import type { MessageCursor, MessageListFilter } from "../../persistence/messages.js";
import { checkValue, VALUES } from "../../validation/values.js";
import { badUserInput } from "../errors.js";
import { selects } from "../lookahead.js";
import { primeHistory } from "../loaders.js";
import { cursorCodec, parsePaging, parseTimePart, timePart, toPage } from "../paging.js";

/** A message's position: its creation time and id (the order's keys). */
export const MESSAGE_CURSOR = cursorCodec<MessageCursor>(
  "messages",
  (c) => [timePart(c.createdAt), c.id],
  ([at, id]) => {
    const createdAt = parseTimePart(at);
    return createdAt !== null && id !== undefined && /^[0-9A-Za-z_-]{1,128}$/.test(id) ? { createdAt, id } : null;
  },
);

/** The filter's rules: the same businessId and campaignName rules as sendSessionMessage's. */
const filterRules = z.object({ businessId: VALUES.businessId, recipient: VALUES.e164.nullish(), campaignName: VALUES.campaignName.nullish() });

const listFilter = (filter: QueryMessagesArgs["filter"]): MessageListFilter => ({
  businessId: filter.businessId,
  recipientId: filter.recipient ?? null,
  campaignName: filter.campaignName ?? null,
  status: filter.status ?? null,
  deliveryStatus: filter.deliveryStatus ?? null,
  createdAfter: filter.createdAfter ?? null,
  createdBefore: filter.createdBefore ?? null,
  updatedAfter: filter.updatedAfter ?? null,
});

export const messagesQuery: QueryResolvers["messages"] = async (_parent, args, context, info) => {
  const paging = parsePaging(args, MESSAGE_CURSOR);
  const issues = [...paging.issues, ...checkValue(filterRules, args.filter, "filter")];
  if (paging.request === null || issues.length > 0) throw badUserInput(issues);
  const filter = listFilter(args.filter);
  // Rows read here are the ones later fields resolve from: primed, so their histories (read in the
  // same statement when asked for) and message(id) in the same request cost no other read.
  let rows;
  if (selects(info, ["edges", "node", "statusHistory"])) {
    const read = await context.messages.listWithHistory(filter, paging.request, { raw: selects(info, ["edges", "node", "statusHistory", "raw"]) });
    for (const r of read) primeHistory(context.loaders, r);
    rows = read.map((r) => r.row);
  } else {
    rows = await context.messages.list(filter, paging.request);
    for (const row of rows) context.loaders.messageById.prime(row.id, row);
  }
  const page = toPage(rows, paging.request, (node) => ({ cursor: MESSAGE_CURSOR.encode(node), node }));
  return { ...page, count: () => context.messages.count(filter) };
};

export const MessageConnection: MessageConnectionResolvers = {
  totalCount: (parent) => parent.count(),
};
