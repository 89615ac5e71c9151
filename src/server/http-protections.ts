/**
 * What every HTTP request meets before GraphQL: answers refused early (401, 413, 429, 504) in
 * GraphQL's response shape and server errors without their internals; CORS from configuration;
 * the per-token request rate (in Redis when there is one, so it holds across replicas). Unknown
 * routes and methods are answered without echoing the request back.
 */
import fastifyCors from "@fastify/cors";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import { LOCAL_DEVELOPER } from "../auth/principal.js";
import type { Config } from "../config/config.js";
import type { RequestErrorCode } from "../domain/errors.js";
import { HttpGraphQLError } from "./http-errors.js";

export const GRAPHQL_PATH = "/graphql";

/** The route option that applies the request rate (routes opt in with `config: { rateLimit }`). */
export interface RateLimitRouteConfig {
  readonly max: number;
  readonly timeWindow: number;
}

export async function registerHttpProtections(
  app: FastifyInstance,
  config: Pick<Config, "graphql" | "http">,
  redis: Redis | undefined,
): Promise<RateLimitRouteConfig> {
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof HttpGraphQLError) return reply.code(error.statusCode).headers(error.headers).send(error.body);
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
      return reply
        .code(status)
        .send({ errors: [{ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" satisfies RequestErrorCode } }] });
    }
    if (request.url.startsWith(GRAPHQL_PATH)) {
      const code: RequestErrorCode = status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
      const message = status === 413 ? `The request body is larger than ${config.graphql.bodyLimitBytes} bytes.` : error.message;
      return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
    }
    return reply.code(status).send({ statusCode: status, error: error.code ?? "Bad Request", message: error.message });
  });
  app.setNotFoundHandler((request, reply) => {
    const answer = notFoundAnswer(request.method, request.url);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
  // Without CORS_ORIGINS the plugin would add nothing to any answer yet cost every request its hook
  // (2% of a `{ __typename }`'s CPU); a preflight then reaches the not-found handler either way.
  if (config.http.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: [...config.http.corsOrigins],
      methods: ["GET", "POST"],
      allowedHeaders: ["authorization", "content-type", "apollo-require-preflight", "x-apollo-operation-name"],
      maxAge: 600,
    });
  }
  const { requestRate } = config.http;
  await app.register(fastifyRateLimit, {
    global: false,
    // After authentication, so the limit follows the token (or the address when auth is off).
    hook: "preParsing",
    ...(redis ? { redis, nameSpace: "gateway:requests:" } : {}),
    keyGenerator: (request: FastifyRequest) => (request.principal && request.principal !== LOCAL_DEVELOPER ? request.principal.id : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new HttpGraphQLError(
        429,
        `Too many requests: at most ${context.max} per ${requestRate.windowMs} ms for this token. Retry after ${Math.ceil(context.ttl / 1000)} s.`,
        { code: "RATE_LIMITED", limit: context.max, windowMs: requestRate.windowMs, retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      ),
  });
  return { max: requestRate.max, timeWindow: requestRate.windowMs };
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/**
 * What a request no route takes is told: another method on /graphql is 405 with Allow, a preflight
 * (which reaches here only when CORS_ORIGINS is unset: @fastify/cors answers it otherwise) saying
 * so; the path and query string are never repeated (they may hold a whole document, or a token).
 */
function notFoundAnswer(method: string, url: string): Answer {
  const graphql = url.split("?")[0] === GRAPHQL_PATH;
  const error = (status: number, code: RequestErrorCode, message: string, headers: Record<string, string> = {}): Answer => ({
    status,
    headers,
    body: graphql ? { errors: [{ message, extensions: { code } }] } : { statusCode: status, error: code, message },
  });
  const allow = { allow: "GET, POST" };
  if (graphql && method === "OPTIONS") {
    return error(
      405,
      "CORS_NOT_ALLOWED",
      "Cross-origin requests are not allowed: the gateway allows only the origins listed in CORS_ORIGINS, and none is set.",
      allow,
    );
  }
  if (graphql)
    return error(405, "METHOD_NOT_ALLOWED", "GraphQL takes GET (queries) and POST here; subscriptions use a graphql-ws WebSocket on this path.", allow);
  return error(404, "NOT_FOUND", "Not found.");
}
