/**
 * The errors a client can act on: a stable code, a human message, and what helps (the input field,
 * Connectly's own words). The same description feeds sendSessionMessage's GraphQL errors and
 * sendSessionMessages' per-item failures. Nothing else leaves the process.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, Kind, parse, visit, type GraphQLFormattedError, type ValueNode } from "graphql";
import type { ValidationIssue } from "../validation/values.js";
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

/** The extensions of every input error, ours or GraphQL's: the first issue as field and rule, and all of them. */
export const inputErrorExtensions = (issues: readonly ValidationIssue[]) => ({
  field: issues[0]?.field,
  rule: issues[0]?.rule,
  issues: issues.map(({ field, rule, message }) => ({ field, rule, message })),
});

/** A BAD_USER_INPUT error for broken argument rules (queries, the subscription), shaped like the mutations'. */
export function badUserInput(issues: readonly ValidationIssue[]): GraphQLError {
  return new GraphQLError(issues[0]?.message ?? "The input is invalid.", { extensions: { code: "BAD_USER_INPUT", ...inputErrorExtensions(issues) } });
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
        extensions: inputErrorExtensions(error.issues),
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
const VARIABLE_NAME = /^Variable "\$([^"]+)"/;

/** GraphQL's own coercion messages (graphql-js 16, variables and literals) and the rule each breaks. */
const COERCION_RULES: readonly [RegExp, string][] = [
  [/OneOf|must be non-null\.$/, "ONE_OF"],
  [/was not provided\.|not to be null\.|must not be null\./, "REQUIRED"],
  [/is not defined by type/, "UNKNOWN_FIELD"],
  [/ enum\.|^Enum "|; Enum "/, "ENUM_VALUE"],
  [/got invalid value|^Expected value of type|cannot represent/, "GRAPHQL_COERCION"],
];

const coercionRule = (message: string): string | undefined => COERCION_RULES.find(([re]) => re.test(message))?.[1];

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
      return { message: "Internal server error.", ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    // Our own input errors come with a field; GraphQL's come without one (and a scalar of ours may give only the rule).
    if (extensions.field == null && (extensions.code === "BAD_USER_INPUT" || extensions.code === "GRAPHQL_VALIDATION_FAILED")) {
      const given = typeof extensions.rule === "string" ? extensions.rule : undefined;
      const rule = given ?? coercionRule(formatted.message) ?? (extensions.code === "BAD_USER_INPUT" ? "GRAPHQL_COERCION" : undefined);
      if (rule) Object.assign(extensions, inputErrorExtensions([{ field: coercionField(formatted, error), rule, message: formatted.message }]));
    }
    return { ...formatted, extensions };
  };
}
