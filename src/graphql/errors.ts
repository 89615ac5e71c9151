/**
 * The errors a client can act on: a stable extensions.code, a human message, and what helps
 * (the input field, Connectly's own words). Nothing else leaves the process.
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { SendError } from "../sending/send-session-message.js";

export function sendErrorToGraphQL(error: SendError): GraphQLError {
  switch (error.kind) {
    case "invalid": {
      const [first] = error.issues;
      return new GraphQLError(first?.message ?? "The input is invalid.", {
        extensions: {
          code: "BAD_USER_INPUT",
          field: first?.field,
          rule: first?.rule,
          issues: error.issues.map(({ field, rule, message }) => ({ field, rule, message })),
        },
      });
    }
    case "businessNotConfigured":
      return new GraphQLError(`The gateway has no Connectly API key for business ${error.businessId}.`, {
        extensions: { code: "BUSINESS_NOT_CONFIGURED", field: "input.businessId" },
      });
    case "messageIdConflict":
      return new GraphQLError(
        `messageId ${error.messageId} was already used for a different message of this business; choose a new messageId.`,
        { extensions: { code: "MESSAGE_ID_CONFLICT", field: "input.messageId", existingMessageId: error.existing.id } },
      );
    case "upstream": {
      const { failure, message } = error;
      return new GraphQLError(failure.message, {
        extensions: {
          code: failure.code,
          messageId: message.id,
          upstream: failure.upstream,
          ...(failure.retryAfterSeconds != null ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
        },
      });
    }
  }
}

const VARIABLE_PATH = / at "([^"]+)";/;

/**
 * Apollo's formatError hook: request errors from GraphQL's own input coercion (a @oneOf with two
 * fields, a missing required field) say the offending path only in their message; expose it as
 * extensions.field like the gateway's own validation errors. Stack traces never leave.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = { ...formatted.extensions };
  delete extensions.stacktrace;
  if (extensions.code === "BAD_USER_INPUT" && extensions.field == null) {
    const match = VARIABLE_PATH.exec(formatted.message);
    if (match?.[1]) extensions.field = match[1];
  }
  return { ...formatted, extensions };
}
