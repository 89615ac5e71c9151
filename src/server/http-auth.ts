/**
 * Who is calling, decided in one place per transport. GraphQL over HTTP: every request that is not
 * a WebSocket upgrade carries the Authorization header, whatever its method, headers or encoding;
 * there are no exemptions. graphql-ws: the connection_init payload's `authorization`, or the
 * upgrade request's header. With auth off every caller is the local developer (the gateway then
 * listens on 127.0.0.1 only); with auth on nothing else can produce a principal.
 */
import { timingSafeEqual, createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { AuthError, bearerToken, type VerifyToken } from "../auth/tokens.js";
import { LOCAL_DEVELOPER, type Principal } from "../auth/principal.js";
import { HttpGraphQLError } from "./http-errors.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller of a GraphQL request, set by the authentication hook. */
    principal: Principal | null;
  }
}

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
function authFailure(error: AuthError): HttpGraphQLError {
  const challenge =
    error.reason === "TOKEN_MISSING"
      ? 'Bearer realm="graphql"'
      : `Bearer realm="graphql", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`;
  return new HttpGraphQLError(
    error.status,
    error.message,
    { code: error.status === 503 ? "AUTH_UNAVAILABLE" : "UNAUTHENTICATED", reason: error.reason },
    error.status === 401 ? { "www-authenticate": challenge } : {},
  );
}

/** Sets `request.principal` from the Authorization header, or throws the 401/503 to answer. */
export async function authenticateRequest(authenticate: Authenticate, request: FastifyRequest): Promise<void> {
  try {
    request.principal = await authenticate(request.headers.authorization);
  } catch (error) {
    if (error instanceof AuthError) throw authFailure(error);
    throw error;
  }
}

/**
 * The principal a GraphQL request runs as. A request that reaches GraphQL without one is refused
 * (401), never run with a default: this is what keeps an exemption added elsewhere from failing open.
 */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal == null) throw authFailure(new AuthError("TOKEN_MISSING"));
  return request.principal;
}

/**
 * The Authorization value of a graphql-ws connection_init payload (either case), if any, else the
 * upgrade request's header. A payload `authorization` that is not a string is a malformed token,
 * not an absent one: it never falls back to the header.
 */
export function connectionAuthorization(params: Readonly<Record<string, unknown>> | undefined, request: FastifyRequest): string | undefined {
  const own = params != null && (Object.hasOwn(params, "authorization") || Object.hasOwn(params, "Authorization"));
  if (!own) return request.headers.authorization;
  const value = Object.hasOwn(params, "authorization") ? params.authorization : params.Authorization;
  if (typeof value === "string") return value;
  throw new AuthError("TOKEN_MALFORMED", "connection_init's authorization must be a string.");
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

/**
 * Who may read /metrics: with auth off, whoever reaches 127.0.0.1; with auth on, only a scraper
 * presenting METRICS_TOKEN (operation names there are chosen by tenants' clients), and nobody when
 * it is not set.
 */
export function metricsAccess(options: { authOn: boolean; metricsToken: string | undefined }): (authorization: string | undefined) => true | HttpGraphQLError {
  if (!options.authOn) return () => true;
  const { metricsToken } = options;
  if (metricsToken == null) {
    const refusal = new HttpGraphQLError(403, "Metrics are off while auth is on and METRICS_TOKEN is not set.", { code: "FORBIDDEN" });
    return () => refusal;
  }
  const expected = createHash("sha256").update(metricsToken).digest();
  return (authorization) => {
    let token: string | null = null;
    try {
      token = bearerToken(authorization);
    } catch {
      // A malformed header is refused below like a wrong token.
    }
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (token != null && timingSafeEqual(createHash("sha256").update(token).digest(), expected)) return true;
    return new HttpGraphQLError(
      401,
      "Metrics need Authorization: Bearer <METRICS_TOKEN>.",
      { code: "UNAUTHENTICATED" },
      { "www-authenticate": 'Bearer realm="metrics"' },
    );
  };
}
