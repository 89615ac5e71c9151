import type { MutationResolvers, ResolversParentTypes } from "../generated/types.js";
import { sendTemplateMessages } from "../../sending/send-template-message.js";
import { batchResult } from "./send-result.js";

export const sendTemplateMessagesResolver: MutationResolvers["sendTemplateMessages"] = (_parent, { inputs }, context) =>
  batchResult<ResolversParentTypes["SendTemplateMessageResult"], (typeof inputs)[number]>(
    inputs,
    (all) => sendTemplateMessages(context.sending, all),
    context.operation.resultErrors,
  );
