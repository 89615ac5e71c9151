/** Auth configuration and tokens for tests: an HS256 secret, the default claims, tokens minted with it. */
import { mintToken } from "../../src/auth/mint.js";
import type { Scope } from "../../src/auth/principal.js";
import type { AuthConfig } from "../../src/config/config.js";

export type SecretAuth = AuthConfig & { secret: string };

/** An HS256-only auth configuration with the default claim names. */
export const hs256Auth = (secret: string, clockToleranceS = 0): SecretAuth => ({
  secret,
  jwksUrl: undefined,
  issuer: undefined,
  audience: undefined,
  businessClaim: "businessIds",
  scopeClaim: "scope",
  clockToleranceS,
});

/** A token of `auth` for the businesses and scopes given (10 minutes). */
export const tokenFor = (auth: SecretAuth, businessIds: string[], options: { scopes?: Scope[]; subject?: string; ttl?: string } = {}): Promise<string> =>
  mintToken(auth, {
    businessIds,
    scopes: options.scopes ?? ["send", "read"],
    ttl: options.ttl ?? "10m",
    ...(options.subject ? { subject: options.subject } : {}),
  });
