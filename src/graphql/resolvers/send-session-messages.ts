import type { MutationResolvers, ResolversParentTypes } from "../generated/types.js";
import { sendSessionMessages } from "../../sending/send-session-message.js";
import { batchResult } from "./send-result.js";

export const sendSessionMessagesResolver: MutationResolvers["sendSessionMessages"] = (_parent, { inputs }, context) =>
  batchResult<ResolversParentTypes["SendSessionMessageResult"], (typeof inputs)[number]>(
    inputs,
    (all) => sendSessionMessages(context.sending, all),
    context.operation.resultErrors,
  );
