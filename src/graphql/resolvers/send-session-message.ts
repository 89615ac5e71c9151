import type { MutationResolvers } from "../generated/types.js";
import { sendSessionMessage } from "../../sending/send-session-message.js";
import { sendResult } from "./send-result.js";

export const sendSessionMessageResolver: MutationResolvers["sendSessionMessage"] = async (_parent, { input }, context) =>
  sendResult(await sendSessionMessage(context.sending, input), context.operation.resultErrors);
