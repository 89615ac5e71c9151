/** Query.customer and the Customer type: the 24-hour session window from inbound-message webhooks. */
import { GraphQLError } from "graphql";
import type { CustomerResolvers, QueryResolvers } from "../generated/types.js";
import { sessionWindow } from "../../persistence/customers.js";

export const customerQuery: QueryResolvers["customer"] = (_parent, { businessId, id }, context) => {
  if (businessId.trim() === "" || businessId.length > 128) {
    throw new GraphQLError("businessId must be 1 to 128 characters.", { extensions: { code: "BAD_USER_INPUT", field: "businessId", rule: "LENGTH" } });
  }
  if (id.trim() === "" || id.length > 256) {
    throw new GraphQLError("id must be 1 to 256 characters.", { extensions: { code: "BAD_USER_INPUT", field: "id", rule: "LENGTH" } });
  }
  return context.loaders.customer.load({ businessId, customerId: id });
};

export const Customer: CustomerResolvers = {
  id: (row) => row.customerId,
  sessionWindow: (row, _args, context) => sessionWindow(row.lastInboundAt, context.now()),
};
