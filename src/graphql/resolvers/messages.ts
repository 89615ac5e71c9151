/** Query.messages: a business's messages, newest first, as a Relay cursor connection. */
import { GraphQLError } from "graphql";
import type { QueryResolvers } from "../generated/types.js";
import type { MessageCursor } from "../../persistence/messages.js";

export const MAX_PAGE = 100;

export function encodeCursor(cursor: MessageCursor): string {
  return Buffer.from(`${cursor.createdAt.getTime()}:${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(value: string): MessageCursor | null {
  const text = Buffer.from(value, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([0-9A-Za-z_-]{1,128})$/.exec(text);
  if (!match) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

const badInput = (message: string, field: string, rule: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field, rule } });

export const messagesQuery: QueryResolvers["messages"] = async (_parent, { filter, first, after }, context) => {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badInput(`first must be from 1 to ${MAX_PAGE}.`, "first", "PAGE_SIZE");
  const cursor = after == null ? null : decodeCursor(after);
  if (after != null && cursor == null) throw badInput("after is not a cursor this gateway gave out.", "after", "CURSOR");
  if (filter.businessId.trim() === "" || filter.businessId.length > 128) throw badInput("filter.businessId must be 1 to 128 characters.", "filter.businessId", "LENGTH");
  if (filter.recipient != null && filter.recipient.length > 64) throw badInput("filter.recipient must be at most 64 characters.", "filter.recipient", "LENGTH");
  if (filter.campaignName != null && filter.campaignName.length > 256) throw badInput("filter.campaignName must be at most 256 characters.", "filter.campaignName", "LENGTH");
  const rows = await context.messages.list(
    {
      businessId: filter.businessId,
      recipientId: filter.recipient ?? null,
      campaignName: filter.campaignName ?? null,
      status: filter.status ?? null,
      deliveryStatus: filter.deliveryStatus ?? null,
      createdAfter: filter.createdAfter ?? null,
      createdBefore: filter.createdBefore ?? null,
      updatedAfter: filter.updatedAfter ?? null,
    },
    size,
    cursor,
  );
  const page = rows.slice(0, size);
  // Rows read here are the ones later fields resolve from: prime the loader so message(id) in the same request is free.
  for (const row of page) context.loaders.messageById.prime(row.id, row);
  const edges = page.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
};
