/** Query.customer and the Customer type: the 24-hour session window and the last message from inbound-message webhooks. */
import { z } from "zod";
import type { CustomerResolvers, QueryResolvers } from "../generated/types.js";
import { sessionWindow } from "../../persistence/customers.js";
import { checkValue, VALUES } from "../../validation/values.js";
import { badUserInput } from "../errors.js";

const customerArgs = z.object({ businessId: VALUES.businessId, id: VALUES.customerId });

export const customerQuery: QueryResolvers["customer"] = (_parent, { businessId, id }, context) => {
  const issues = checkValue(customerArgs, { businessId, id }, "");
  if (issues.length > 0) throw badUserInput(issues);
  return context.loaders.customer.load({ businessId, customerId: id });
};

export const Customer: CustomerResolvers = {
  id: (row) => row.customerId,
  sessionWindow: (row, _args, context) => sessionWindow(row, context.now()),
  lastInboundMessage: (row, _args, context) =>
    row.lastInboundAt == null ? null : context.loaders.lastInbound.load({ businessId: row.businessId, customerId: row.customerId }),
};
