import type { MutationResolvers, ResolversParentTypes } from "../generated/types.js";
import { sendTemplateMessage } from "../../sending/send-template-message.js";
import { sendResult } from "./send-result.js";

export const sendTemplateMessageResolver: MutationResolvers["sendTemplateMessage"] = async (_parent, { input }, context) =>
  sendResult<ResolversParentTypes["SendTemplateMessageResult"]>(await sendTemplateMessage(context.sending, input), context.operation.resultErrors);
