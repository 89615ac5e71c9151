/** Query.messages: a business's messages, newest first, as a Relay cursor connection. */
import { z } from "zod";
import type { QueryResolvers } from "../generated/types.js";
import type { MessageCursor } from "../../persistence/messages.js";
import { checkValue, VALUES } from "../../validation/values.js";
import { badUserInput } from "../errors.js";

function encodeCursor(cursor: MessageCursor): string {
  return Buffer.from(`${cursor.createdAt.getTime()}:${cursor.id}`, "utf8").toString("base64url");
}

function decodeCursor(value: string): MessageCursor | null {
  const text = Buffer.from(value, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([0-9A-Za-z_-]{1,128})$/.exec(text);
  if (!match) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

/** The arguments' rules: the same businessId and campaignName rules as sendSessionMessage's. */
const messagesArgs = z.object({
  first: VALUES.pageSize,
  filter: z.object({ businessId: VALUES.businessId, recipient: VALUES.e164.nullish(), campaignName: VALUES.campaignName.nullish() }),
});

export const messagesQuery: QueryResolvers["messages"] = async (_parent, { filter, first, after }, context) => {
  const size = first ?? 50;
  const issues = checkValue(messagesArgs, { first: size, filter }, "");
  const cursor = after == null ? null : decodeCursor(after);
  if (after != null && cursor == null) issues.push({ field: "after", rule: "CURSOR", message: "after is not a cursor this gateway gave out." });
  if (issues.length > 0) throw badUserInput(issues);
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
