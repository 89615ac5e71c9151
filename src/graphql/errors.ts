/**
 * The errors a client can act on: a stable code, a human message, and what helps (the input field,
 * Connectly's own words). The same description feeds sendSessionMessage's GraphQL errors and
 * sendSessionMessages' per-item failures. Nothing else leaves the process.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { MessageRow } from "../persistence/messages.js";
import { unconfirmedMessage, type SendError } from "../sending/send-session-message.js";

export interface SendErrorDescription {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly rule?: string;
  /** The stored message, when the send got that far. */
  readonly stored?: MessageRow;
  readonly retryAfterSeconds?: number;
  /** Further extensions for the GraphQL error. */
  readonly extensions: Record<string, unknown>;
}

export function describeSendError(error: SendError): SendErrorDescription {
  switch (error.kind) {
    case "invalid": {
      const [first] = error.issues;
      const field = first?.field;
      const rule = first?.rule;
      return {
        code: "BAD_USER_INPUT",
        message: first?.message ?? "The input is invalid.",
        ...(field ? { field } : {}),
        ...(rule ? { rule } : {}),
        extensions: { field, rule, issues: error.issues.map(({ field, rule, message }) => ({ field, rule, message })) },
      };
    }
    case "businessNotConfigured":
      return {
        code: "BUSINESS_NOT_CONFIGURED",
        message: `The gateway has no Connectly API key for business ${error.businessId}.`,
        extensions: {},
      };
    case "messageIdConflict":
      return {
        code: "MESSAGE_ID_CONFLICT",
        message: `messageId ${error.messageId} was already used for a different message of this business; choose a new messageId.`,
        extensions: { existingMessageId: error.existing.id },
      };
    case "upstream": {
      const { failure, message, unconfirmed } = error;
      const retryAfterSeconds = "retryAfterSeconds" in failure ? failure.retryAfterSeconds : undefined;
      return {
        code: failure.code,
        message: unconfirmed ? unconfirmedMessage(failure) : failure.message,
        stored: message,
        ...(retryAfterSeconds != null ? { retryAfterSeconds } : {}),
        extensions: {
          messageId: message.id,
          ...(unconfirmed ? { unconfirmed: true } : {}),
          upstream: failure.upstream,
          ...(retryAfterSeconds != null ? { retryAfterSeconds } : {}),
        },
      };
    }
  }
}

export function sendErrorToGraphQL(error: SendError): GraphQLError {
  const { code, message, field, extensions } = describeSendError(error);
  const fieldOf = error.kind === "businessNotConfigured" ? "input.businessId" : error.kind === "messageIdConflict" ? "input.messageId" : field;
  return new GraphQLError(message, { extensions: { code, ...(fieldOf ? { field: fieldOf } : {}), ...extensions } });
}

const VARIABLE_PATH = / at "([^"]+)";/;

/**
 * Apollo's formatError hook: request errors from GraphQL's own input coercion (a @oneOf with two
 * fields, a missing required field) say the offending path only in their message; expose it as
 * extensions.field like the gateway's own validation errors. Stack traces never leave, and an
 * unexpected failure (a bug, a database error) leaves only as "Internal server error." with its
 * code: its message may name tables, hosts or values. The original goes to the log.
 */
export function createFormatError(log: { error(details: object, message: string): void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    if (extensions.code === "INTERNAL_SERVER_ERROR" || extensions.code == null) {
      log.error({ err: unwrapResolverError(error), path: formatted.path }, "GraphQL request failed unexpectedly");
      return { message: "Internal server error.", ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    if (extensions.code === "BAD_USER_INPUT" && extensions.field == null) {
      const match = VARIABLE_PATH.exec(formatted.message);
      if (match?.[1]) extensions.field = match[1];
    }
    return { ...formatted, extensions };
  };
}
