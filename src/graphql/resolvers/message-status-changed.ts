/** Subscription.messageStatusChanged: one message's changes, or a business's (optionally one campaign's). */
import { GraphQLError } from "graphql";
import type { MessageStatusChangeResolvers, MessageStatusEventResolvers, SubscriptionResolvers } from "../generated/types.js";
import type { StatusChange } from "../../pubsub/pubsub.js";

const badInput = (message: string, field: string, rule: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field, rule } });

export const messageStatusChangedSubscription: SubscriptionResolvers["messageStatusChanged"] = {
  subscribe: (_parent, { messageId, businessId, campaignName }, context) => {
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
