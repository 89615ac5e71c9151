/** Subscription.customerActivity and the CustomerActivity type: a business's (or one customer's) inbound messages and window closings. */
import { z } from "zod";
import type { CustomerActivity as Activity } from "../../pubsub/activity.js";
import { sessionWindow } from "../../persistence/customers.js";
import { checkValue, VALUES } from "../../validation/values.js";
import { badUserInput } from "../errors.js";
import type { CustomerActivityResolvers, SubscriptionResolvers } from "../generated/types.js";

/** customer's rules: a subscription that could never fire is refused. */
const activityArgs = z.object({ businessId: VALUES.businessId, customerId: VALUES.customerId.nullish() });

export const customerActivitySubscription: SubscriptionResolvers["customerActivity"] = {
  subscribe: (_parent, { businessId, customerId }, context) => {
    const issues = checkValue(activityArgs, { businessId, customerId }, "");
    if (issues.length > 0) throw badUserInput(issues);
    return context.activity.subscribe({ businessId, customerId: customerId ?? null });
  },
  resolve: (activity: Activity) => activity,
};

export const CustomerActivity: CustomerActivityResolvers = {
  customer: (activity, _args, context) => context.loaders.customer.load({ businessId: activity.businessId, customerId: activity.customerId }),
  sessionWindow: async (activity, _args, context) =>
    sessionWindow(await context.loaders.customer.load({ businessId: activity.businessId, customerId: activity.customerId }), context.now()),
  inboundMessage: (activity) => activity.inbound,
};
