import type { MutationResolvers } from "../generated/types.js";
import { sendSessionMessages } from "../../sending/send-session-message.js";
import { MAX_BATCH } from "../../sending/types.js";
import { badUserInput } from "../errors.js";
import { sendResult } from "./send-result.js";

export const sendSessionMessagesResolver: MutationResolvers["sendSessionMessages"] = async (_parent, { inputs }, context) => {
  // Too many inputs to take is a request that cannot run, not an item's failure.
  if (inputs.length > MAX_BATCH) {
    throw badUserInput([
      { field: "inputs", rule: "BATCH_SIZE", message: `inputs holds ${inputs.length} messages; at most ${MAX_BATCH} are taken in one call.` },
    ]);
  }
  const outcomes = await sendSessionMessages(context.sending, inputs);
  const acceptedCount = outcomes.filter((o) => o.ok).length;
  return {
    results: outcomes.map((outcome) => sendResult(outcome, context.operation.resultErrors)),
    acceptedCount,
    failedCount: outcomes.length - acceptedCount,
  };
};
