/**
 * GraphQL over HTTP on Fastify: Fastify's request handed to Apollo's executeHTTPGraphQLRequest,
 * and Apollo's answer written back. Queries that run longer than the configured timeout are
 * answered with 504 QUERY_TIMEOUT; mutations are not cut off (a send's outcome must reach its
 * caller; CONNECTLY_DEADLINE_MS bounds them instead).
 */
import { Readable } from "node:stream";
import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";
import { OperationTypeNode } from "graphql";
import { requestError } from "../graphql/errors.js";
import { trace } from "@opentelemetry/api";
import { inSpan } from "../tracing/tracing.js";
import { HttpGraphQLError } from "./http-errors.js";

/** What the handler learns of the operation while Apollo runs it (shared by Apollo's copies of the context). */
export interface OperationInfo {
  type: OperationTypeNode | null;
}
type WithOperation = BaseContext & { readonly operation: OperationInfo };

/** Tells the handler the operation's type once Apollo has parsed it. */
export const operationTypePlugin: ApolloServerPlugin<WithOperation> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, operationName, contextValue }) {
        if (operation) contextValue.operation.type = operation.operation;
        // The request's span, when tracing is on (a no-op span otherwise).
        trace.getActiveSpan()?.setAttributes({ "graphql.operation.type": operation?.operation ?? "unknown", "graphql.operation.name": operationName ?? "" });
      },
    };
  },
};

/**
 * A subscription needs a stream, which GraphQL over HTTP here does not give: say so with 400 and a
 * code, rather than let it execute into a null for a non-null field.
 */
export const subscriptionOverHttpPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
        throw requestError(
          "Subscriptions are not served over HTTP: open a WebSocket with the graphql-ws protocol (graphql-transport-ws) at this same path, /graphql.",
          "SUBSCRIPTION_OVER_HTTP",
          {
            http: { status: 400 },
          },
        );
      },
    };
  },
};

function headerMap(request: FastifyRequest): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return map;
}

/** Request errors of a well-formed GraphQL-over-HTTP request: the document or the variables were wrong. */
const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/**
 * GraphQL over HTTP: with the legacy application/json response type a server SHOULD answer a
 * parse, validation or variable-coercion failure with 200, because clients of that type read the
 * errors from the body (application/graphql-response+json keeps 400). Apollo answers 400 for both.
 */
function isLegacyRequestError(contentType: string | undefined, body: string): boolean {
  if (!contentType?.startsWith("application/json")) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    return (
      parsed.data === undefined &&
      Array.isArray(parsed.errors) &&
      parsed.errors.length > 0 &&
      parsed.errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))
    );
  } catch {
    return false;
  }
}

/**
 * W3C Server-Timing: `graphql` is Apollo's part (parse and validation caches, plugins, execution,
 * serialisation), `total` the gateway's from the request's arrival (authentication, request rate,
 * body parsing and `graphql`) to its answer being ready to write.
 */
function serverTiming(graphqlMs: number, totalMs: number): string {
  return `graphql;dur=${graphqlMs.toFixed(3)}, total;dur=${totalMs.toFixed(3)}`;
}

export function graphqlHandler<Context extends WithOperation>(
  apollo: ApolloServer<Context>,
  options: { context: (request: FastifyRequest) => Context; queryTimeoutMs: number; traced?: boolean },
): RouteHandlerMethod {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    let context: Context | undefined;
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          body: request.body,
          method: request.method.toUpperCase(),
          headers: headerMap(request),
          search: request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "",
        },
        context: async () => (context = options.context(request)),
      });
    const started = performance.now();
    // With tracing on, everything the operation does (limiter, Connectly, database) is a child of this span.
    const running = options.traced ? inSpan("graphql.request", { "http.request.method": request.method }, execute) : execute();
    let timer: NodeJS.Timeout | undefined;
    let response = await new Promise<Awaited<typeof running> | "expired">((resolve, reject) => {
      timer = setTimeout(resolve, options.queryTimeoutMs, "expired");
      running.then(resolve, reject);
    });
    clearTimeout(timer);
    if (response === "expired") {
      // Until Apollo has parsed it, an operation counts as a query.
      if (context !== undefined && context.operation.type !== null && context.operation.type !== OperationTypeNode.QUERY) {
        response = await running;
      } else {
        // The query goes on until its reads finish; its result is dropped.
        running.catch((error: unknown) => request.log.error({ err: error }, "a timed-out query failed"));
        throw new HttpGraphQLError(
          504,
          `The query took longer than ${options.queryTimeoutMs} ms and was abandoned; ask for less (a smaller page, fewer fields).`,
          {
            code: "QUERY_TIMEOUT",
            timeoutMs: options.queryTimeoutMs,
          },
        );
      }
    }
    const { headers, body, status } = response;
    for (const [key, value] of headers) void reply.header(key, value);
    void reply.header("server-timing", serverTiming(performance.now() - started, reply.elapsedTime));
    void reply.code(body.kind === "complete" && status === 400 && isLegacyRequestError(headers.get("content-type"), body.string) ? 200 : (status ?? 200));
    if (body.kind === "complete") return body.string;
    return reply.send(Readable.from(body.asyncIterator));
  };
}
