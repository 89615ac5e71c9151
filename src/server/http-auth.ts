/**
 * Who is calling, for GraphQL over HTTP (the Authorization header) and over WebSocket (the
 * connection_init payload's `authorization`, or the upgrade request's header). With auth off every
 * caller is the local developer (the gateway then listens on 127.0.0.1 only).
 */
import type { FastifyRequest } from "fastify";
import { AuthError, bearerToken, type VerifyToken } from "../auth/tokens.js";
import { LOCAL_DEVELOPER, type Principal } from "../auth/principal.js";
import { HttpGraphQLError } from "./http-errors.js";

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

export function createAuthenticate(verify: VerifyToken | undefined): Authenticate {
  if (!verify) return async () => LOCAL_DEVELOPER;
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (token == null) throw new AuthError("TOKEN_MISSING");
    return verify(token);
  };
}

/** 401 (or 503 when the keys cannot be fetched) with RFC 6750's WWW-Authenticate. */
export function authFailure(error: AuthError): HttpGraphQLError {
  const challenge =
    error.reason === "TOKEN_MISSING" ? 'Bearer realm="graphql"' : `Bearer realm="graphql", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`;
  return new HttpGraphQLError(error.status, error.message, { code: error.status === 503 ? "AUTH_UNAVAILABLE" : "UNAUTHENTICATED", reason: error.reason }, error.status === 401 ? { "www-authenticate": challenge } : {});
}

/** The Authorization value of a graphql-ws connection_init payload (either case), if any. */
export function connectionAuthorization(params: Readonly<Record<string, unknown>> | undefined, request: FastifyRequest): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value === "string") return value;
  return request.headers.authorization;
}

/** Whether a WebSocket upgrade from this Origin may proceed: no Origin (not a browser), same host, or a configured origin. */
export function originAllowed(request: FastifyRequest, corsOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin == null) return true;
  if (corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
