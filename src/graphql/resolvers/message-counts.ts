/** Query.messageCounts: how many of a business's (or a campaign's) messages stand in each status over a time range. */
import { z } from "zod";
import type { QueryResolvers } from "../generated/types.js";
import { DELIVERY_STATUSES, MESSAGE_STATUSES } from "../../persistence/message-counts.js";
import { checkValue, VALUES, type ValidationIssue } from "../../validation/values.js";
import { badUserInput } from "../errors.js";

/** The campaignName rule of the messages filter. */
const countsArgs = z.object({ businessId: VALUES.businessId, campaignName: VALUES.campaignName.nullish() });

export const messageCountsQuery: QueryResolvers["messageCounts"] = async (_parent, args, context) => {
  const { businessId } = args;
  const campaignName = args.campaignName ?? null;
  const createdAfter = args.createdAfter ?? null;
  const createdBefore = args.createdBefore ?? null;
  const issues: ValidationIssue[] = checkValue(countsArgs, { businessId, campaignName }, "");
  if (createdAfter !== null && createdBefore !== null && createdAfter >= createdBefore)
    issues.push({ field: "createdAfter", rule: "TIME_RANGE", message: "createdAfter must be before createdBefore." });
  if (issues.length > 0) throw badUserInput(issues);
  const counts = await context.messageCounts.counts({ businessId, campaignName, createdAfter, createdBefore });
  return {
    businessId,
    campaignName,
    createdAfter,
    createdBefore,
    total: counts.total,
    byStatus: MESSAGE_STATUSES.map((status) => ({ status, count: counts.byStatus[status] })),
    byDeliveryStatus: DELIVERY_STATUSES.map((deliveryStatus) => ({ deliveryStatus, count: counts.byDeliveryStatus[deliveryStatus] })),
    awaitingDeliveryStatus: counts.awaitingDeliveryStatus,
    answered: counts.answered,
  };
};
