/**
 * Subscription execution shared between subscribers. graphql-js executes a subscription's
 * selection once per event per subscriber; with a thousand dashboards open on one business that
 * is a thousand identical executions (and a thousand statusHistory reads) per webhook. Here the
 * result for one event is computed once per distinct operation (document, variables, operation
 * name) and handed to every subscriber that asked the same thing.
 */
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type ParseOptions,
  type ValidationRule,
} from "graphql";
import type { RequestErrorCode } from "../domain/errors.js";
import { requestError } from "./errors.js";

type Key = string;

const documentKeys = new WeakMap<DocumentNode, string>();
/** Each subscription's key, computed once (its arguments object lives as long as it does). */
const argsKeys = new WeakMap<ExecutionArgs, Key>();
const keyOf = (args: ExecutionArgs): Key => {
  let key = argsKeys.get(args);
  if (key === undefined) {
    let text = documentKeys.get(args.document);
    if (text === undefined) documentKeys.set(args.document, (text = print(args.document)));
    argsKeys.set(args, (key = `${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${text}`));
  }
  return key;
};

/** Per event (the payload object every subscriber receives), the results computed so far. */
const results = new WeakMap<object, Map<Key, Promise<ExecutionResult>>>();

function executeShared(args: ExecutionArgs, payload: unknown): Promise<ExecutionResult> {
  if (payload === null || typeof payload !== "object") return Promise.resolve(execute({ ...args, rootValue: payload }));
  let perEvent = results.get(payload);
  if (!perEvent) results.set(payload, (perEvent = new Map<Key, Promise<ExecutionResult>>()));
  const key = keyOf(args);
  let result = perEvent.get(key);
  if (!result) {
    result = Promise.resolve(execute({ ...args, rootValue: payload }));
    perEvent.set(key, result);
  }
  return result;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value != null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
}

/**
 * graphql-ws's `subscribe` option: like graphql-js's `subscribe`, but events are executed through
 * the shared cache. Only operations whose result depends on nothing but the event and the
 * operation may share: the context must not change what a field returns (today it only carries
 * stores; an authorization check belongs in `subscribe`, which still runs per subscriber).
 */
export async function subscribeShared(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  const source = stream[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await source.next();
      if (step.done) return { done: true, value: undefined };
      return { done: false, value: await executeShared(args, step.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}

/**
 * graphql-ws parses and validates every subscription's text: a thousand dashboards with the same
 * subscription meant a thousand identical documents in memory and a thousand validations. These
 * keep one document per distinct text (the most recent 1,000 texts) and validate each document once.
 * Sharing a document also lets executeShared recognise identical operations by identity. Parsing
 * and validation apply the same limits as GraphQL over HTTP (limits.ts).
 */
const MAX_DOCUMENTS = 1_000;

export function createSharedParse(parseOptions: ParseOptions): typeof parse {
  const documents = new Map<string, DocumentNode>();
  return (source, options) => {
    if (typeof source !== "string" || options !== undefined) return parse(source, { ...parseOptions, ...options });
    let document = documents.get(source);
    if (document) {
      // Most recently used last: the first key is the one to drop.
      documents.delete(source);
    } else {
      document = parse(source, parseOptions);
      if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    }
    documents.set(source, document);
    return document;
  };
}

export function createSharedValidate(extraRules: readonly ValidationRule[]): typeof validate {
  const rules = [...specifiedRules, ...extraRules];
  const validations = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return (schema, document, customRules, options, typeInfo) => {
    if (customRules !== undefined || options !== undefined || typeInfo !== undefined)
      return validate(schema, document, customRules ?? rules, options, typeInfo);
    let errors = validations.get(document);
    if (!errors) validations.set(document, (errors = validate(schema, document, rules)));
    return errors;
  };
}

/** A request error as Apollo codes it over HTTP; a code the error already has (a limit rule's) stays. */
function coded(error: GraphQLError, code: RequestErrorCode): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    extensions: { ...error.extensions, code: error.extensions.code ?? code },
  });
}

export interface SubscribePayload {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
}

/**
 * What GraphQL over HTTP (Apollo) checks before executing, with its codes and messages, for a
 * graphql-ws `subscribe`: parse (GRAPHQL_PARSE_FAILED, the token limit included), validation
 * (GRAPHQL_VALIDATION_FAILED), operation resolution (OPERATION_RESOLUTION_FAILURE) and variable
 * coercion (BAD_USER_INPUT). Errors are returned, never thrown: a bad operation fails alone.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  parseDocument: typeof parse,
  validateDocument: typeof validate,
  payload: SubscribePayload,
): ExecutionArgs | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parseDocument(payload.query);
  } catch (error) {
    if (error instanceof GraphQLError) return [coded(error, "GRAPHQL_PARSE_FAILED")];
    throw error;
  }
  const invalid = validateDocument(schema, document);
  if (invalid.length > 0) return invalid.map((e) => coded(e, "GRAPHQL_VALIDATION_FAILED"));
  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    // graphql-js's own words, as Apollo answers them over HTTP.
    const message =
      operationName != null ? `Unknown operation named "${operationName}".` : "Must provide operation name if query contains multiple operations.";
    return [requestError(message, "OPERATION_RESOLUTION_FAILURE")];
  }
  const variables: unknown = payload.variables ?? {};
  if (typeof variables !== "object" || variables === null || Array.isArray(variables)) {
    return [requestError("Variables must be provided as an Object where each property is a variable value.", "BAD_USER_INPUT")];
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>, { maxErrors: 50 });
  if (coerced.errors) return coerced.errors.map((e) => coded(e, "BAD_USER_INPUT"));
  return { schema, document, ...(operationName != null ? { operationName } : {}), variableValues: variables as Record<string, unknown> };
}
