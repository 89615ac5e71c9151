/** Subscription.messageStatusChanged: one message's changes, or a business's (optionally one campaign's). */
import { z } from "zod";
import type { MessageStatusChangeResolvers, MessageStatusEventResolvers, SubscriptionResolvers } from "../generated/types.js";
import type { StatusChange } from "../../pubsub/pubsub.js";
import type { InputRule } from "../../domain/errors.js";
import { checkValue, type ValidationIssue, VALUES } from "../../validation/values.js";
import { badUserInput } from "../errors.js";

const badInput = (message: string, field: string, rule: InputRule) => badUserInput([{ field, rule, message }]);

/** The same rules as the values sendSessionMessage stores: a subscription that could never fire is refused. */
const subscriptionArgs = z.object({
  messageId: VALUES.opaqueId.nullish(),
  businessId: VALUES.businessId.nullish(),
  campaignName: VALUES.campaignName.nullish(),
});

export const messageStatusChangedSubscription: SubscriptionResolvers["messageStatusChanged"] = {
  subscribe: (_parent, { messageId, businessId, campaignName }, context) => {
    const issues: ValidationIssue[] = checkValue(subscriptionArgs, { messageId, businessId, campaignName }, "");
    if (issues.length > 0) throw badUserInput(issues);
    if ((messageId == null) === (businessId == null)) {
      throw badInput("Give exactly one of messageId or businessId.", messageId == null ? "messageId" : "businessId", "ONE_OF");
    }
    if (messageId != null) {
      if (campaignName != null) throw badInput("campaignName narrows a businessId subscription; it cannot be given with messageId.", "campaignName", "ONE_OF");
      return context.pubsub.subscribe({ messageId });
    }
    return context.pubsub.subscribe({ businessId: businessId!, campaignName: campaignName ?? null });
  },
  resolve: (change: StatusChange) => change,
};

export const MessageStatusChange: MessageStatusChangeResolvers = {
  status: (change) => change.message.status,
  deliveryStatus: (change) => change.message.deliveryStatus,
};

export const MessageStatusEvent: MessageStatusEventResolvers = {
  id: (event) => String(event.id),
  error: (event) =>
    event.status !== "FAILED"
      ? null
      : {
          code: event.errorCode ?? "DELIVERY_FAILED",
          message: event.errorMessage ?? "Connectly reported the message as not delivered.",
          upstreamStatus: null,
        },
  raw: (event) => event.raw,
};
