import type { MutationResolvers } from "../generated/types.js";
import { sendSessionMessage } from "../../sending/send-session-message.js";
import { sendErrorToGraphQL } from "../errors.js";

export const sendSessionMessageResolver: MutationResolvers["sendSessionMessage"] = async (_parent, { input }, context) => {
  const outcome = await sendSessionMessage(context.sending, input);
  if (!outcome.ok) throw sendErrorToGraphQL(outcome.error);
  return { message: outcome.message };
};
