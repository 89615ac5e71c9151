/**
 * The result of a send, as both mutations return it: the stored Message or an error result. The
 * union and the ErrorResult interface resolve by the __typename describeSendError names; a Message
 * row has none. The window-closed error reads the customer's window only when it is selected.
 */
import type {
  ErrorCode,
  ErrorResultResolvers,
  ResolversParentTypes,
  SendSessionMessageResultResolvers,
  SendTemplateMessageResultResolvers,
  SessionWindowClosedErrorResolvers,
} from "../generated/types.js";
import { MAX_BATCH, type SendOutcome } from "../../sending/types.js";
import { sessionWindow } from "../../persistence/customers.js";
import { badUserInput, describeSendError, type ErrorTypename, type SendErrorResult } from "../errors.js";

type Result = ResolversParentTypes["SendSessionMessageResult"] | ResolversParentTypes["SendTemplateMessageResult"];

/** A send's outcome as a member of its result union; an error's code is noted for the operation's log line and metrics. */
export const sendResult = <R extends Result = ResolversParentTypes["SendSessionMessageResult"]>(outcome: SendOutcome, resultErrors: ErrorCode[]): R => {
  if (outcome.ok) return outcome.message as R;
  const error = describeSendError(outcome.error);
  resultErrors.push(error.code);
  // Each send's errors are members of its union: a template send meets no closed window, a session send no catalog of its own.
  return error as R;
};

/**
 * A batch send's payload: one result per input, in input order, and the counts. Too many inputs is
 * a request that cannot run (a GraphQL error), not an item's failure.
 */
export async function batchResult<R extends Result, I>(
  inputs: readonly I[],
  send: (inputs: readonly I[]) => Promise<SendOutcome[]>,
  resultErrors: ErrorCode[],
): Promise<{ results: R[]; acceptedCount: number; failedCount: number }> {
  if (inputs.length > MAX_BATCH) {
    throw badUserInput([
      { field: "inputs", rule: "BATCH_SIZE", message: `inputs holds ${inputs.length} messages; at most ${MAX_BATCH} are taken in one call.` },
    ]);
  }
  const outcomes = await send(inputs);
  const acceptedCount = outcomes.filter((o) => o.ok).length;
  return { results: outcomes.map((outcome) => sendResult<R>(outcome, resultErrors)), acceptedCount, failedCount: outcomes.length - acceptedCount };
}

const isError = (result: Result): result is SendErrorResult => "__typename" in result && typeof result.__typename === "string";

export const SendSessionMessageResult: SendSessionMessageResultResolvers = {
  __resolveType: (result) => (isError(result) ? result.__typename : "Message"),
};

export const SendTemplateMessageResult: SendTemplateMessageResultResolvers = {
  __resolveType: (result) => (isError(result) ? result.__typename : "Message"),
};

export const ErrorResult: ErrorResultResolvers = {
  __resolveType: (result) => {
    const typename = (result as { __typename?: ErrorTypename }).__typename;
    if (typename == null) throw new Error("an error result without its __typename");
    return typename;
  },
};

export const SessionWindowClosedError: SessionWindowClosedErrorResolvers = {
  sessionWindow: async ({ failedMessage }, _args, context) => {
    const customer = await context.loaders.customer.load({ businessId: failedMessage.businessId, customerId: failedMessage.recipientId });
    return sessionWindow(customer, context.now());
  },
};
