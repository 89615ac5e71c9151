/**
 * Who is calling: the businesses a caller may act for and what it may do there. Built from a
 * verified token (tokens.ts) or, with auth off, the local developer on 127.0.0.1.
 */
export const SCOPES = ["send", "read"] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  /** Stable id of the caller for rate limits and logs: the token's subject (or a digest of the token). */
  readonly id: string;
  /** The businesses it may act for; "all" for a token with "*" and for the local developer. */
  readonly businesses: ReadonlySet<string> | "all";
  readonly scopes: ReadonlySet<Scope>;
  /** When the token expires (ms since the epoch); null when it never does (auth off). */
  readonly expiresAt: number | null;
}

/** Auth off: the developer on this machine may do everything. */
export const LOCAL_DEVELOPER: Principal = { id: "local", businesses: "all", scopes: new Set(SCOPES), expiresAt: null };

export const mayActFor = (principal: Principal, businessId: string): boolean => principal.businesses === "all" || principal.businesses.has(businessId);

export const hasScope = (principal: Principal, scope: Scope): boolean => principal.scopes.has(scope);
