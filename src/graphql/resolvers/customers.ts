/** Query.customers: the customers who wrote to a business, the one who wrote last first, paged both ways. */
import { z } from "zod";
import type { CustomerConnectionResolvers, QueryResolvers } from "../generated/types.js";
import type { CustomerCursor } from "../../persistence/customer-list.js";
import { checkValue, VALUES } from "../../validation/values.js";
import { badUserInput } from "../errors.js";
import { cursorCodec, parsePaging, parseTimePart, timePart, toPage } from "../paging.js";

/** A customer's position: when they last wrote, and their id. */
export const CUSTOMER_CURSOR = cursorCodec<CustomerCursor>(
  "customers",
  (c) => [timePart(c.lastInboundAt), c.customerId],
  ([at, customerId]) => {
    const lastInboundAt = parseTimePart(at);
    return lastInboundAt !== null && customerId !== undefined && VALUES.customerId.safeParse(customerId).success ? { lastInboundAt, customerId } : null;
  },
);

const customersArgs = z.object({ businessId: VALUES.businessId });

export const customersQuery: QueryResolvers["customers"] = async (_parent, args, context) => {
  const paging = parsePaging(args, CUSTOMER_CURSOR);
  const issues = [...checkValue(customersArgs, { businessId: args.businessId }, ""), ...paging.issues];
  if (paging.request === null || issues.length > 0) throw badUserInput(issues);
  const filter = {
    businessId: args.businessId,
    windowOpen: args.filter?.windowOpen ?? null,
    windowClosesBefore: args.filter?.windowClosesBefore ?? null,
    lastInboundAfter: args.filter?.lastInboundAfter ?? null,
    lastInboundBefore: args.filter?.lastInboundBefore ?? null,
  };
  // One clock reading for the page and its count, so both see the same windows.
  const now = context.now();
  const rows = await context.customerList.list(filter, paging.request, now);
  const page = toPage(rows, paging.request, (node) => ({
    cursor: CUSTOMER_CURSOR.encode({ lastInboundAt: node.lastInboundAt, customerId: node.customerId }),
    node,
  }));
  for (const { node } of page.edges) context.loaders.customer.prime({ businessId: node.businessId, customerId: node.customerId }, node);
  return { ...page, count: () => context.customerList.count(filter, now) };
};

export const CustomerConnection: CustomerConnectionResolvers = {
  totalCount: (parent) => parent.count(),
};
