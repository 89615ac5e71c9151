/** HS256 tokens for services and local work (`npm run token`), signed with AUTH_JWT_SECRET. */
import { SignJWT } from "jose";
import type { AuthConfig } from "../config/config.js";
import type { Scope } from "./principal.js";

export interface TokenRequest {
  readonly businessIds: readonly string[];
  readonly scopes: readonly Scope[];
  /** A jose time span: "30s", "15m", "1h", "7d". */
  readonly ttl: string;
  readonly subject?: string;
}

export const TTL_PATTERN = /^\d+\s?(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)$/;

export async function mintToken(config: AuthConfig & { secret: string }, request: TokenRequest): Promise<string> {
  let jwt = new SignJWT({ [config.businessClaim]: [...request.businessIds], [config.scopeClaim]: request.scopes.join(" ") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(request.ttl);
  if (request.subject) jwt = jwt.setSubject(request.subject);
  if (config.issuer) jwt = jwt.setIssuer(config.issuer);
  if (config.audience) jwt = jwt.setAudience(config.audience);
  return jwt.sign(new TextEncoder().encode(config.secret));
}
