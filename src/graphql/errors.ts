/**
 * The gateway's errors, in two kinds. What a client can act on (a broken rule, a closed window,
 * Connectly's refusal) is data: describeSendError turns a send's failure into one of the ErrorResult
 * types, the same for sendSessionMessage and each item of sendSessionMessages. What cannot be
 * executed at all is a GraphQL error with a RequestErrorCode (requestError). Nothing else leaves
 * the process: formatError below hides the rest.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, Kind, parse, visit, type GraphQLErrorOptions, type GraphQLFormattedError, type ValueNode } from "graphql";
import type { ErrorCode, InputRule, RequestErrorCode } from "../domain/errors.js";
import type { UpstreamErrorDetail } from "../connectly/errors.js";
import type { ValidationIssue } from "../validation/values.js";
import type { MessageRow } from "../persistence/messages.js";
import { requestOf, unconfirmedMessage } from "../sending/deliver.js";
import type { SendError } from "../sending/types.js";
import type { ResolversParentTypes, SendSessionMessageResult, SendTemplateMessageResult, SessionWindowClosedError, UpstreamDetail } from "./generated/types.js";

/** A GraphQL error: a request that cannot be executed, with its code first among the extensions. */
export function requestError(
  message: string,
  code: RequestErrorCode,
  extensions: Record<string, unknown> & { readonly code?: never } = {},
  options: Omit<GraphQLErrorOptions, "extensions"> = {},
): GraphQLError {
  return new GraphQLError(message, { ...options, extensions: { code, ...extensions } });
}

/** The extensions of every input error, ours or GraphQL's: the first issue as field and rule, and all of them. */
const inputErrorExtensions = (issues: readonly ValidationIssue[]) => ({
  field: issues[0]?.field,
  rule: issues[0]?.rule,
  issues: issues.map(({ field, rule, message }) => ({ field, rule, message })),
});

/** A BAD_USER_INPUT GraphQL error for broken argument rules (queries, the subscription, a batch too large). */
export function badUserInput(issues: readonly ValidationIssue[]): GraphQLError {
  return requestError(issues[0]?.message ?? "The input is invalid.", "BAD_USER_INPUT", inputErrorExtensions(issues));
}

/** The GraphQL types of the errors returned as data: every implementation of ErrorResult. */
export type ErrorTypename = Exclude<NonNullable<SendSessionMessageResult["__typename"] | SendTemplateMessageResult["__typename"]>, "Message">;

/** SessionWindowClosedError before its sessionWindow is read (from the customer store, when selected). */
export type SessionWindowClosedParent = Omit<SessionWindowClosedError, "failedMessage" | "sessionWindow"> & { failedMessage: MessageRow };

/** An error result as resolvers return it: its type named, so the union and the interface resolve by it. */
export type SendErrorResult = { [T in ErrorTypename]: ResolversParentTypes[T] & { readonly __typename: T } }[ErrorTypename];

/**
 * The result type that carries each code; null for a code only a stored message's error has.
 * docs/errors.md's table is generated from it, and a test holds describeSendError to it.
 */
export const ERROR_RESULT_TYPES = {
  BAD_USER_INPUT: "InvalidInputError",
  BUSINESS_NOT_CONFIGURED: "BusinessNotConfiguredError",
  MESSAGE_ID_CONFLICT: "MessageIdConflictError",
  RATE_LIMIT_QUEUE_FULL: "RateLimitQueueFullError",
  SESSION_WINDOW_CLOSED: "SessionWindowClosedError",
  CUSTOMER_OPTED_OUT: "UpstreamError",
  TEMPLATE_CATALOG_UNAVAILABLE: "TemplateCatalogUnavailableError",
  UPSTREAM_REJECTED: "UpstreamError",
  UPSTREAM_UNAUTHENTICATED: "UpstreamError",
  UPSTREAM_RATE_LIMITED: "UpstreamRateLimitedError",
  UPSTREAM_UNAVAILABLE: "UpstreamError",
  UPSTREAM_INVALID_RESPONSE: "UpstreamError",
  INTERRUPTED: null,
} as const satisfies Record<ErrorCode, ErrorTypename | null>;

export const upstreamDetail = (detail: UpstreamErrorDetail): UpstreamDetail => ({
  status: detail.status ?? null,
  type: detail.type ?? null,
  code: detail.code ?? null,
  message: detail.message ?? null,
});

/** A failure after the message was stored: the stored row, Connectly's words, and whether it may have got through. */
function upstreamResult({ failure, message: failedMessage, unconfirmed }: Extract<SendError, { kind: "upstream" }>): SendErrorResult {
  const message = unconfirmed ? unconfirmedMessage(failure, requestOf(failedMessage).endpoint) : failure.message;
  switch (failure.code) {
    case "RATE_LIMIT_QUEUE_FULL":
      return { __typename: "RateLimitQueueFullError", code: failure.code, message, failedMessage, unconfirmed };
    case "SESSION_WINDOW_CLOSED":
      return { __typename: "SessionWindowClosedError", code: failure.code, message, failedMessage, upstream: upstreamDetail(failure.upstream) };
    case "UPSTREAM_RATE_LIMITED":
      return {
        __typename: "UpstreamRateLimitedError",
        code: failure.code,
        message,
        failedMessage,
        retryAfterSeconds: failure.retryAfterSeconds ?? null,
        unconfirmed,
        upstream: upstreamDetail(failure.upstream),
      };
    default:
      return { __typename: "UpstreamError", code: failure.code, message, failedMessage, unconfirmed, upstream: upstreamDetail(failure.upstream) };
  }
}

/** A send's failure as the error result the client gets. */
export function describeSendError(error: SendError): SendErrorResult {
  switch (error.kind) {
    case "invalid": {
      const issues = error.issues.map(({ field, rule, message }) => ({ field, rule, message }));
      const first = issues[0] ?? { field: "input", rule: "REQUIRED" as const, message: "The input is invalid." };
      return { __typename: "InvalidInputError", code: "BAD_USER_INPUT", message: first.message, field: first.field, rule: first.rule, issues };
    }
    case "businessNotConfigured":
      return {
        __typename: "BusinessNotConfiguredError",
        code: "BUSINESS_NOT_CONFIGURED",
        message: `The gateway has no Connectly API key for business ${error.businessId}.`,
        businessId: error.businessId,
      };
    case "messageIdConflict":
      return {
        __typename: "MessageIdConflictError",
        code: "MESSAGE_ID_CONFLICT",
        message: `messageId ${error.messageId} was already used for a different message of this business; choose a new messageId.`,
        messageId: error.messageId,
        existingMessage: error.existing,
      };
    case "catalogUnavailable":
      return {
        __typename: "TemplateCatalogUnavailableError",
        code: "TEMPLATE_CATALOG_UNAVAILABLE",
        message: `The template catalog of business ${error.businessId} could not be read from Connectly (${error.failure.message.replace(/\.$/, "")}) and the gateway holds no copy of it, so the template could not be checked; nothing was sent. Try again shortly.`,
        businessId: error.businessId,
        upstream: upstreamDetail(error.failure.upstream),
      };
    case "upstream":
      return upstreamResult(error);
  }
}

const VARIABLE_PATH = / at "([^"]+)";/;
const VARIABLE_NAME = /^Variable "\$([^"]+)"/;

/** GraphQL's own coercion messages (graphql-js 16, variables and literals) and the rule each breaks. */
const COERCION_RULES: readonly [RegExp, InputRule][] = [
  [/OneOf|must be non-null\.$/, "ONE_OF"],
  [/was not provided\.|not to be null\.|must not be null\./, "REQUIRED"],
  [/is not defined by type/, "UNKNOWN_FIELD"],
  [/ enum\.|^Enum "|; Enum "/, "ENUM_VALUE"],
  [/got invalid value|^Expected value of type|cannot represent/, "GRAPHQL_COERCION"],
];

const coercionRule = (message: string): InputRule | undefined => COERCION_RULES.find(([re]) => re.test(message))?.[1];

/** The dotted path of the literal that starts at `offset`, below the argument it sits in ("input.content.text"). */
function literalPath(body: string, offset: number): string | undefined {
  const within = (n: { loc?: { start: number; end: number } | undefined }) => n.loc != null && n.loc.start <= offset && offset < n.loc.end;
  const below = (node: ValueNode, prefix: string): string => {
    if (node.loc?.start === offset) return prefix;
    if (node.kind === Kind.OBJECT) {
      const f = node.fields.find(within);
      return f ? (f.loc?.start === offset ? `${prefix}.${f.name.value}` : below(f.value, `${prefix}.${f.name.value}`)) : prefix;
    }
    if (node.kind === Kind.LIST) {
      const i = node.values.findIndex(within);
      return i < 0 ? prefix : below(node.values[i]!, `${prefix}[${i}]`);
    }
    return prefix;
  };
  let found: string | undefined;
  try {
    visit(parse(body), { Argument: (arg) => void (found ??= within(arg) ? below(arg.value, arg.name.value) : undefined) });
  } catch {
    return undefined;
  }
  return found;
}

/** Where a coercion error points: the path in its message, the literal it is about, or the variable. */
function coercionField(formatted: GraphQLFormattedError, error: unknown): string {
  const fromMessage = VARIABLE_PATH.exec(formatted.message)?.[1] ?? VARIABLE_NAME.exec(formatted.message)?.[1];
  // An unknown field is named in the message only; point at it, as a literal's error does.
  const unknown = /; Field "([^"]+)" is not defined by type/.exec(formatted.message)?.[1];
  if (fromMessage) return unknown ? `${fromMessage}.${unknown}` : fromMessage;
  const original = error instanceof GraphQLError ? error : undefined;
  const start = original?.nodes?.[0]?.loc?.start;
  const body = original?.source?.body;
  return (start != null && body != null ? literalPath(body, start) : undefined) ?? "query";
}

/**
 * Apollo's formatError hook. Errors from GraphQL's own input coercion (a @oneOf with two fields, a
 * missing required field, a wrong enum value) get the same extensions as the gateway's rules:
 * field, rule and issues; in variables they are BAD_USER_INPUT, in literals of the document they
 * keep GRAPHQL_VALIDATION_FAILED (the document itself is invalid). Stack traces never leave, and an
 * unexpected failure (a bug, a database error) leaves only as "Internal server error." with its
 * code: its message may name tables, hosts or values. The original goes to the log.
 */
export function createFormatError(log: { error(details: object, message: string): void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    if (extensions.code === "INTERNAL_SERVER_ERROR" || extensions.code == null) {
      log.error({ err: unwrapResolverError(error), path: formatted.path }, "GraphQL request failed unexpectedly");
      const code: RequestErrorCode = "INTERNAL_SERVER_ERROR";
      return {
        message: "Internal server error.",
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code },
      };
    }
    // Our own input errors come with a field; GraphQL's come without one (and a scalar of ours may give only the rule).
    if (extensions.field == null && (extensions.code === "BAD_USER_INPUT" || extensions.code === "GRAPHQL_VALIDATION_FAILED")) {
      // Only our scalars set a rule without a field (schema.ts's JSON), and they set an InputRule.
      const given = typeof extensions.rule === "string" ? (extensions.rule as InputRule) : undefined;
      const rule = given ?? coercionRule(formatted.message) ?? (extensions.code === "BAD_USER_INPUT" ? "GRAPHQL_COERCION" : undefined);
      if (rule) Object.assign(extensions, inputErrorExtensions([{ field: coercionField(formatted, error), rule, message: formatted.message }]));
    }
    return { ...formatted, extensions };
  };
}
