import { GraphQLError } from "graphql";
import type { MutationResolvers, ResolversTypes } from "../generated/types.js";
import { MAX_BATCH, sendSessionMessages } from "../../sending/send-session-message.js";
import { describeSendError } from "../errors.js";

type Result = ResolversTypes["SendSessionMessageResult"];

export const sendSessionMessagesResolver: MutationResolvers["sendSessionMessages"] = async (_parent, { inputs }, context) => {
  if (inputs.length > MAX_BATCH) {
    throw new GraphQLError(`inputs holds ${inputs.length} messages; at most ${MAX_BATCH} are taken in one call.`, {
      extensions: { code: "BAD_USER_INPUT", field: "inputs", rule: "BATCH_SIZE" },
    });
  }
  const outcomes = await sendSessionMessages(context.sending, inputs);
  const results = outcomes.map((outcome, index): Result => {
    if (outcome.ok) return { __typename: "SendSessionMessageSuccess", index, message: outcome.message };
    const { code, message, field, rule, stored, retryAfterSeconds } = describeSendError(outcome.error);
    return {
      __typename: "SendSessionMessageFailure",
      index,
      code,
      message,
      field: field ?? null,
      rule: rule ?? null,
      failedMessage: stored ?? null,
      retryAfterSeconds: retryAfterSeconds ?? null,
    };
  });
  const acceptedCount = outcomes.filter((o) => o.ok).length;
  return { results, acceptedCount, failedCount: results.length - acceptedCount };
};
