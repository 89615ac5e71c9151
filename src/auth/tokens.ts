/**
 * Bearer-token verification with jose: HS256 against AUTH_JWT_SECRET, every asymmetric algorithm
 * against the identity provider's JWKS. Which key verifies a token follows from its header's alg,
 * and each key only takes its own algorithms, so an HS256 token can never be checked against a
 * public key. Every failure becomes an AuthError with a reason a client can act on.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from "jose";
import type { AuthConfig } from "../config/config.js";
import type { AuthFailureReason } from "../domain/errors.js";
import { SCOPES, type Principal, type Scope } from "./principal.js";

/** Why a token was refused: schema/errors.graphql's AuthFailureReason, one message each below. */
export type { AuthFailureReason };

const MESSAGES: Record<AuthFailureReason, string> = {
  TOKEN_MISSING: "An access token is required: send it as Authorization: Bearer <token>.",
  TOKEN_MALFORMED: "The access token is not a well-formed JWT.",
  TOKEN_EXPIRED: "The access token has expired; get a new one.",
  TOKEN_NOT_YET_VALID: "The access token is not valid yet (nbf is in the future).",
  TOKEN_SIGNATURE_INVALID: "The access token's signature is not valid for any key this gateway trusts.",
  TOKEN_ALGORITHM_NOT_ALLOWED: "The access token is signed with an algorithm this gateway does not accept.",
  TOKEN_ISSUER_INVALID: "The access token was issued by an issuer this gateway does not accept.",
  TOKEN_AUDIENCE_INVALID: "The access token is meant for another audience than this gateway.",
  TOKEN_CLAIMS_INVALID: "The access token's claims are not valid.",
  KEYS_UNAVAILABLE: "The identity provider's signing keys could not be fetched; try again shortly.",
};

export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(
    readonly reason: AuthFailureReason,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[reason]} ${detail}` : MESSAGES[reason]);
  }
  /** KEYS_UNAVAILABLE is the gateway's problem (503), every other reason the caller's (401). */
  get status(): 401 | 503 {
    return this.reason === "KEYS_UNAVAILABLE" ? 503 : 401;
  }
}

const ASYMMETRIC_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];

export type VerifyToken = (token: string) => Promise<Principal>;

/** The principal a verified payload describes (pure: unit-tested on payloads). */
export function principalFromClaims(payload: JWTPayload, config: Pick<AuthConfig, "businessClaim" | "scopeClaim">, token: string): Principal {
  const rawBusinesses = payload[config.businessClaim];
  const list = typeof rawBusinesses === "string" ? [rawBusinesses] : Array.isArray(rawBusinesses) ? rawBusinesses : null;
  if (list == null || list.length === 0 || !list.every((b): b is string => typeof b === "string" && b.length > 0 && b.length <= 128)) {
    throw new AuthError("TOKEN_CLAIMS_INVALID", `Claim "${config.businessClaim}" must list the business ids the token may act for.`);
  }
  const rawScopes = payload[config.scopeClaim];
  const scopeList = typeof rawScopes === "string" ? rawScopes.split(/\s+/) : Array.isArray(rawScopes) ? rawScopes : [];
  const scopes = new Set<Scope>(SCOPES.filter((s) => scopeList.includes(s)));
  const id =
    typeof payload.sub === "string" && payload.sub !== ""
      ? `sub:${payload.sub}`
      : `token:${createHash("sha256").update(token).digest("base64url").slice(0, 22)}`;
  return {
    id,
    businesses: list.includes("*") ? "all" : new Set(list),
    scopes,
    expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : null,
  };
}

function reasonOf(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError("TOKEN_EXPIRED");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return new AuthError("TOKEN_ISSUER_INVALID");
    if (error.claim === "aud") return new AuthError("TOKEN_AUDIENCE_INVALID");
    if (error.claim === "nbf") return new AuthError("TOKEN_NOT_YET_VALID");
    return new AuthError("TOKEN_CLAIMS_INVALID", `Claim "${error.claim}" ${error.reason === "missing" ? "is missing" : "is not valid"}.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError("TOKEN_SIGNATURE_INVALID");
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return new AuthError("TOKEN_ALGORITHM_NOT_ALLOWED");
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JWKInvalid) return new AuthError("TOKEN_MALFORMED");
  // JWKS timeouts, unreachable or broken key sets: not the caller's fault.
  return new AuthError("KEYS_UNAVAILABLE");
}

/**
 * Verified tokens are remembered until they expire (or fall out of the cache): an app sends the same
 * token with every request, and checking its signature each time is costly (WebCrypto runs off
 * the event loop). Only successes are kept; the key is the whole token, so a
 * token that differs in one character is verified afresh.
 */
const VERIFIED_TOKENS = 10_000;

export function createTokenVerifier(config: AuthConfig, now: () => number = Date.now): VerifyToken {
  const verified = new LRUCache<string, Principal>({ max: VERIFIED_TOKENS });
  const verifyOnce = createUncachedVerifier(config, now);
  return async (token) => {
    const known = verified.get(token);
    // exp is checked again on every use: the cache never outlives a token.
    if (known && known.expiresAt !== null && known.expiresAt > now()) return known;
    if (known) verified.delete(token);
    const principal = await verifyOnce(token);
    if (principal.expiresAt !== null) verified.set(token, principal);
    return principal;
  };
}

function createUncachedVerifier(config: AuthConfig, now: () => number): VerifyToken {
  const secret = config.secret == null ? undefined : new TextEncoder().encode(config.secret);
  const jwks =
    config.jwksUrl == null
      ? undefined
      : createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  const common: JWTVerifyOptions = {
    ...(config.issuer != null ? { issuer: config.issuer } : {}),
    ...(config.audience != null ? { audience: config.audience } : {}),
    clockTolerance: config.clockToleranceS,
    // A token that never expires cannot be withdrawn.
    requiredClaims: ["exp"],
  };
  return async (token) => {
    try {
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw new AuthError("TOKEN_MALFORMED");
      }
      let payload: JWTPayload;
      const currentDate = new Date(now());
      if (alg === "HS256") {
        if (!secret) throw new AuthError("TOKEN_ALGORITHM_NOT_ALLOWED");
        ({ payload } = await jwtVerify(token, secret, { ...common, currentDate, algorithms: ["HS256"] }));
      } else {
        if (!jwks) throw new AuthError("TOKEN_ALGORITHM_NOT_ALLOWED");
        ({ payload } = await jwtVerify(token, jwks, { ...common, currentDate, algorithms: ASYMMETRIC_ALGORITHMS }));
      }
      return principalFromClaims(payload, config, token);
    } catch (error) {
      throw reasonOf(error);
    }
  };
}

/** The token of an Authorization header ("Bearer <token>"), or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  if (header == null) return null;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  if (!match?.[1]) throw new AuthError("TOKEN_MALFORMED", 'The Authorization header must be "Bearer <token>".');
  return match[1];
}
