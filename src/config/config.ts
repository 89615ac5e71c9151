/**
 * The gateway's configuration: read from the environment once at start-up and validated here.
 * A bad or missing value stops the process with one sentence naming the variable (ConfigError).
 * VARIABLES is the single list of what can be set; the README's table is checked against it.
 */
import type { RetryPolicy } from "../connectly/delivery.js";
import type { DatabaseConfig } from "../persistence/database.js";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export interface Variable {
  readonly name: string;
  readonly default: string;
  readonly description: string;
}

export const VARIABLES = [
  { name: "PORT", default: "4000", description: "TCP port of the HTTP server (GraphQL at /graphql)." },
  { name: "HOST", default: "127.0.0.1", description: "Interface to listen on; set 0.0.0.0 to accept connections from other machines (as in Docker)." },
  { name: "LOG_LEVEL", default: "info", description: "pino log level: fatal, error, warn, info, debug, trace or silent." },
  { name: "DATABASE_URL", default: "(unset: embedded)", description: "PostgreSQL URL (postgresql://user@host:5432/db). Unset: an embedded PostgreSQL (PGlite) in EMBEDDED_DATABASE_DIR. Migrations are applied at start-up; a missing database is created." },
  { name: "DATABASE_POOL_SIZE", default: "10", description: "Connections in the PostgreSQL pool (1 to 500)." },
  { name: "EMBEDDED_DATABASE_DIR", default: ".data/pglite", description: "Data directory of the embedded database, used when DATABASE_URL is unset. One gateway process at a time." },
  { name: "CONNECTLY_API_KEY", default: "(unset: sandbox)", description: "Connectly API key sent as X-API-Key for every business without its own key. With neither this nor CONNECTLY_BUSINESS_API_KEYS set, the gateway runs against its built-in Connectly sandbox." },
  { name: "CONNECTLY_BUSINESS_API_KEYS", default: "(unset)", description: "Per-business API keys: businessId=key pairs separated by commas. A business without its own key uses CONNECTLY_API_KEY." },
  { name: "CONNECTLY_BASE_URL", default: "https://api.connectly.ai", description: "Base URL of Connectly's REST API (only with an API key)." },
  { name: "CONNECTLY_CONNECT_TIMEOUT_MS", default: "5000", description: "Time allowed to open a connection to Connectly." },
  { name: "CONNECTLY_TIMEOUT_MS", default: "15000", description: "Time allowed for Connectly's answer to start, and between chunks of it." },
  { name: "CONNECTLY_CONNECTIONS", default: "64", description: "Keep-alive connections to Connectly (1 to 1024)." },
  { name: "CONNECTLY_RATE_LIMIT", default: "200", description: "Requests per second allowed per API key (Connectly's account limit), enforced as a strict sliding window shared by every business using the key." },
  { name: "CONNECTLY_RATE_BURST", default: "5", description: "Burst allowance: requests that may start back to back; after it, requests are paced a little faster than the rate (a token bucket), so they reach Connectly spread out rather than in bunches." },
  { name: "CONNECTLY_RATE_COUNT_UNTIL", default: "answer", description: "How long a request counts in the limiter's window. answer: from its start until a window after Connectly's answer, so no network delay can put more than the limit in Connectly's window (the rate falls a little as the round trip grows). start: from its start only, for the full rate when the network's jitter is known to stay under CONNECTLY_RATE_MARGIN_MS." },
  { name: "CONNECTLY_RATE_MARGIN_MS", default: "1", description: "Added to the limiter's 1-second window (0 to 1000 ms); with CONNECTLY_RATE_COUNT_UNTIL=start, set it above the network's jitter." },
  { name: "CONNECTLY_QUEUE_MAX", default: "2000", description: "Requests per API key that may wait for the rate limit in one gateway process; past it a send fails at once with RATE_LIMIT_QUEUE_FULL." },
  { name: "CONNECTLY_DEADLINE_MS", default: "15000", description: "Time one message may spend waiting for the rate limit and being retried before it fails." },
  { name: "CONNECTLY_MAX_ATTEMPTS", default: "5", description: "Calls to Connectly per message at most (429, 5xx, resets and timeouts are retried with backoff)." },
  { name: "REDIS_URL", default: "(unset: in-process)", description: "Redis URL (redis://127.0.0.1:6379). Set, the rate limit is shared through Redis by every gateway process using the same API key." },
  { name: "PUBSUB", default: "auto", description: "How status changes reach subscribers of other gateway processes: redis (needs REDIS_URL), postgres (LISTEN/NOTIFY, needs DATABASE_URL) or memory (this process only). auto: redis with REDIS_URL, else postgres with DATABASE_URL, else memory." },
  { name: "CONNECTLY_WEBHOOK_SECRET", default: "(unset)", description: "Secret of Connectly's webhook signatures (x-connectly-hmac-sha256) for every business without its own in CONNECTLY_BUSINESS_WEBHOOK_SECRETS. Several, separated by commas, while rotating. Unset: such businesses' events are refused, except the built-in sandbox's." },
  { name: "CONNECTLY_BUSINESS_WEBHOOK_SECRETS", default: "(unset)", description: "Per-business webhook secrets: businessId=secret pairs separated by commas (a business twice while rotating). A business listed here verifies with its own secrets only, never with CONNECTLY_WEBHOOK_SECRET." },
  { name: "WEBHOOK_MAX_BYTES", default: "262144", description: "Largest webhook body accepted, in bytes (1024 to 10485760); larger ones get 413." },
  { name: "SANDBOX_PORT", default: "0", description: "Port of the built-in Connectly sandbox (sandbox mode only); 0 picks a free port." },
  { name: "SANDBOX_STATUS_EVENTS", default: "true", description: "Whether the sandbox posts sent, delivered and read (or delivery_failed) webhooks after accepting a message (sandbox mode only)." },
  { name: "SANDBOX_FAILURE_RATE", default: "0.1", description: "Share of sandbox messages that end in delivery_failed, from 0 to 1 (sandbox mode only)." },
  { name: "SANDBOX_STATUS_DELAY_MS", default: "500", description: "Typical delay between one sandbox status webhook and the next, in ms (sandbox mode only)." },
  { name: "AUTH_JWT_SECRET", default: "(unset)", description: "Shared secret (32 characters or more) of HS256 bearer tokens, for services and local work; `npm run token` mints them. With neither this nor AUTH_JWKS_URL, GraphQL is open to anyone who reaches the port, so the gateway binds to 127.0.0.1 only, and refuses to start with a Connectly API key." },
  { name: "AUTH_JWKS_URL", default: "(unset)", description: "JWKS URL of the identity provider whose tokens (RS256, PS256, ES256, EdDSA, ...) apps sign in with; needs AUTH_ISSUER and AUTH_AUDIENCE. May be set together with AUTH_JWT_SECRET." },
  { name: "AUTH_ISSUER", default: "(unset)", description: "Required `iss` of every token (required with AUTH_JWKS_URL; checked for HS256 tokens when set, and written by `npm run token`)." },
  { name: "AUTH_AUDIENCE", default: "(unset)", description: "Required `aud` of every token (required with AUTH_JWKS_URL; checked for HS256 tokens when set, and written by `npm run token`)." },
  { name: "AUTH_BUSINESS_CLAIM", default: "businessIds", description: "Claim listing the businesses a token may act for (an array of ids, or one id; \"*\" for every business)." },
  { name: "AUTH_SCOPE_CLAIM", default: "scope", description: "Claim holding the token's scopes (a space-separated string or an array): `send` allows the mutations, `read` the queries and subscriptions." },
  { name: "AUTH_CLOCK_TOLERANCE_S", default: "5", description: "Clock skew allowed when checking a token's exp and nbf, in seconds (0 to 300)." },
  { name: "METRICS_TOKEN", default: "(unset)", description: "Bearer token (32 characters or more) a Prometheus scraper sends to read /metrics while auth is on; with auth on and no METRICS_TOKEN, /metrics answers 403. With auth off, /metrics is open on 127.0.0.1." },
  { name: "NODE_ENV", default: "(unset)", description: "production turns introspection and the landing page off unless GRAPHQL_INTROSPECTION or GRAPHQL_LANDING_PAGE turn them on." },
  { name: "GRAPHQL_INTROSPECTION", default: "(on; off in production)", description: "Whether the schema can be introspected." },
  { name: "GRAPHQL_LANDING_PAGE", default: "(on; off in production)", description: "Whether GET /graphql from a browser shows Apollo's landing page." },
  { name: "GRAPHQL_MAX_DEPTH", default: "15", description: "Deepest nesting an operation may have (fields, inline fragments and fragment spreads each count a level). The dashboard query in test/fixtures has 11." },
  { name: "GRAPHQL_MAX_COST", default: "100000", description: "Highest cost an operation may have (graphql-armor's estimate: objects 2, scalars 1, each level 1.5 times the one above; fragments flattened). The dashboard query in test/fixtures costs about 46,000." },
  { name: "GRAPHQL_MAX_ALIASES", default: "15", description: "Aliases an operation may use." },
  { name: "GRAPHQL_MAX_DIRECTIVES", default: "50", description: "Directives an operation may use." },
  { name: "GRAPHQL_MAX_TOKENS", default: "5000", description: "Lexical tokens an operation's text may hold; parsing stops past it." },
  { name: "GRAPHQL_BODY_LIMIT_BYTES", default: "1048576", description: "Largest GraphQL request body (and WebSocket message) accepted, in bytes; larger ones get 413." },
  { name: "QUERY_TIMEOUT_MS", default: "10000", description: "Time a query may take before it is answered with 504 and QUERY_TIMEOUT (mutations are bounded by CONNECTLY_DEADLINE_MS instead, so a send's outcome is never cut off)." },
  { name: "REQUEST_RATE_LIMIT", default: "600", description: "GraphQL requests one token (or, without auth, one address) may make per REQUEST_RATE_WINDOW_MS; more are answered with 429 and RATE_LIMITED. Shared through Redis when REDIS_URL is set." },
  { name: "REQUEST_RATE_WINDOW_MS", default: "1000", description: "Window of REQUEST_RATE_LIMIT, in ms." },
  { name: "SHUTDOWN_TIMEOUT_MS", default: "30000", description: "On SIGTERM or SIGINT the gateway stops taking requests, finishes in-flight sends (which CONNECTLY_DEADLINE_MS bounds), closes subscriptions with 1001 and exits 0; if that takes longer than this, it exits 1." },
  { name: "OTEL_EXPORTER_OTLP_ENDPOINT", default: "(unset: tracing off)", description: "OpenTelemetry collector (OTLP over HTTP, e.g. http://collector:4318): traces follow each GraphQL request through the rate limiter, the call to Connectly and the database. Unset: no tracing." },
  { name: "OTEL_SERVICE_NAME", default: "connectly-graphql-gateway", description: "service.name of the traces." },
  { name: "CORS_ORIGINS", default: "(unset: none)", description: "Browser origins allowed to call the API from other sites, separated by commas (https://app.example.com). Unset: no cross-origin browser access." },
  { name: "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", default: "100", description: "Operations one graphql-ws connection may have running at once; one more gets an error TOO_MANY_SUBSCRIPTIONS for its id (the connection stays up)." },
  { name: "WS_MAX_CONNECTIONS_PER_PRINCIPAL", default: "20", description: "graphql-ws connections one token subject (with auth off: everyone, as local) may hold open at once in one gateway process; one more is closed with 4430 (Too many connections)." },
  { name: "WS_MAX_PENDING_CHANGES", default: "1000", description: "Status changes a subscription may have waiting for a slow subscriber; past it the subscription ends with SUBSCRIBER_TOO_SLOW (re-read with updatedAfter and subscribe again)." },
] as const satisfies readonly Variable[];

type VariableName = (typeof VARIABLES)[number]["name"];
type Env = Readonly<Record<string, string | undefined>>;

export type ConnectlyConfig =
  | {
      readonly mode: "sandbox";
      readonly sandboxPort: number;
      readonly statusEvents: boolean;
      readonly failureRate: number;
      readonly statusDelayMs: number;
    }
  | {
      readonly mode: "live";
      readonly baseUrl: string;
      readonly defaultApiKey: string | undefined;
      readonly businessApiKeys: ReadonlyMap<string, string>;
    };

export interface AuthConfig {
  /** HS256 secret. */
  readonly secret: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  readonly businessClaim: string;
  readonly scopeClaim: string;
  readonly clockToleranceS: number;
}

export interface GraphQLLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
}

export interface Config {
  readonly port: number;
  /** The interface bound; 127.0.0.1 whenever auth is off. */
  readonly host: string;
  /** Longest a graceful shutdown may take before the process exits anyway. */
  readonly shutdownTimeoutMs: number;
  /** HOST as set, when it was not honoured because auth is off. */
  readonly refusedHost?: string | undefined;
  readonly logLevel: string;
  readonly database: DatabaseConfig;
  readonly connectly: ConnectlyConfig;
  readonly connectlyHttp: {
    readonly connectTimeoutMs: number;
    readonly headersTimeoutMs: number;
    readonly bodyTimeoutMs: number;
    readonly connections: number;
  };
  readonly outbound: {
    readonly perSecond: number;
    readonly burst: number;
    readonly marginMs: number;
    readonly countUntil: "answer" | "start";
    readonly maxQueue: number;
    readonly retry: RetryPolicy;
  };
  /** Shared rate-limit store; in-process when undefined. */
  readonly redisUrl: string | undefined;
  /** How status changes reach other gateway processes. */
  readonly pubsub: "memory" | "postgres" | "redis";
  readonly webhooks: {
    /** Secrets a webhook signature may be made with (several while rotating) for businesses without their own. */
    readonly secrets: readonly string[];
    /** Each business's own secrets (several while rotating); a business listed here verifies with these only. */
    readonly businessSecrets: ReadonlyMap<string, readonly string[]>;
    readonly maxBytes: number;
  };
  /** OpenTelemetry export; undefined: tracing off. */
  readonly tracing: { readonly endpoint: string; readonly serviceName: string } | undefined;
  /** Bearer-token verification; undefined: GraphQL is open (sandbox mode on 127.0.0.1 only). */
  readonly auth: AuthConfig | undefined;
  /** What a scraper must send to read /metrics while auth is on; undefined: /metrics refused then. */
  readonly metricsToken: string | undefined;
  readonly graphql: {
    readonly introspection: boolean;
    readonly landingPage: boolean;
    readonly limits: GraphQLLimits;
    readonly bodyLimitBytes: number;
    readonly queryTimeoutMs: number;
    /** NODE_ENV=production, as read; the introspection and landing-page defaults above follow from it. */
    readonly production: boolean;
  };
  readonly http: {
    /** Per token (or address) requests per window. */
    readonly requestRate: { readonly max: number; readonly windowMs: number };
    /** Exact origins allowed cross-origin; empty: none. */
    readonly corsOrigins: readonly string[];
  };
  /** Bounds on what one WebSocket client may hold. */
  readonly ws: {
    readonly maxSubscriptionsPerConnection: number;
    readonly maxConnectionsPerPrincipal: number;
    readonly maxPendingChanges: number;
  };
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function read(env: Env, name: VariableName): string | undefined {
  const value = env[name];
  return value == null || value.trim() === "" ? undefined : value.trim();
}

function integer(env: Env, name: VariableName, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw == null) return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, but is "${raw}".`);
  }
  return n;
}

function httpUrl(env: Env, name: VariableName, fallback: string): string {
  const raw = read(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, but is "${raw}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(`${name} must be an http(s) URL, but is "${raw}".`);
  return url.toString();
}

function databaseUrl(env: Env): string | undefined {
  const raw = read(env, "DATABASE_URL");
  if (raw == null) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL must be a PostgreSQL URL such as postgresql://postgres@127.0.0.1:5432/gateway.");
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError(`DATABASE_URL must start with postgresql:// or postgres://, but starts with ${url.protocol}//.`);
  }
  if (url.pathname.length <= 1) throw new ConfigError("DATABASE_URL must name a database, as in postgresql://postgres@127.0.0.1:5432/gateway.");
  return raw;
}

/** businessId=value pairs separated by commas, in order; `what` names the value in the error. */
function businessPairs(env: Env, name: VariableName, what: string): [business: string, value: string][] {
  const raw = read(env, name);
  if (raw == null) return [];
  return raw.split(",").map((pair, i) => {
    const at = pair.indexOf("=");
    const business = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at <= 0 || business === "" || value === "" || !/^[A-Za-z0-9_-]{1,128}$/.test(business)) {
      // The value itself is never echoed.
      throw new ConfigError(`${name} must be businessId=${what} pairs separated by commas; entry ${i + 1} is not.`);
    }
    return [business, value];
  });
}

function businessKeys(env: Env): Map<string, string> {
  return new Map(businessPairs(env, "CONNECTLY_BUSINESS_API_KEYS", "key"));
}

/** A business may appear more than once (its old and new secret while rotating). */
function businessWebhookSecrets(env: Env): Map<string, string[]> {
  const secrets = new Map<string, string[]>();
  for (const [i, [business, secret]] of businessPairs(env, "CONNECTLY_BUSINESS_WEBHOOK_SECRETS", "secret").entries()) {
    // The secret itself is never echoed.
    if (secret.length < 8) throw new ConfigError(`CONNECTLY_BUSINESS_WEBHOOK_SECRETS must hold secrets of at least 8 characters; entry ${i + 1} is shorter.`);
    secrets.set(business, [...(secrets.get(business) ?? []), secret]);
  }
  return secrets;
}

function ratio(env: Env, name: VariableName, fallback: number): number {
  const raw = read(env, name);
  if (raw == null) return fallback;
  const n = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || n < 0 || n > 1) throw new ConfigError(`${name} must be a number from 0 to 1, but is "${raw}".`);
  return n;
}

function oneOf<T extends string>(env: Env, name: VariableName, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name)?.toLowerCase();
  if (raw == null) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be ${allowed.join(" or ")}, but is "${raw}".`);
  return raw as T;
}

function flag(env: Env, name: VariableName, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw == null) return fallback;
  if (["true", "1", "yes", "on"].includes(raw)) return true;
  if (["false", "0", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, but is "${raw}".`);
}

function pubsubKind(env: Env, redisUrl: string | undefined, dbUrl: string | undefined): Config["pubsub"] {
  const raw = read(env, "PUBSUB") ?? "auto";
  if (raw === "auto") return redisUrl != null ? "redis" : dbUrl != null ? "postgres" : "memory";
  if (raw === "redis" && redisUrl == null) throw new ConfigError("PUBSUB is redis but REDIS_URL is not set.");
  if (raw === "postgres" && dbUrl == null) throw new ConfigError("PUBSUB is postgres but DATABASE_URL is not set (the embedded database serves one process only).");
  if (raw !== "memory" && raw !== "redis" && raw !== "postgres") throw new ConfigError(`PUBSUB must be auto, memory, postgres or redis, but is "${raw}".`);
  return raw;
}

function webhookSecrets(env: Env): string[] {
  const raw = read(env, "CONNECTLY_WEBHOOK_SECRET");
  if (raw == null) return [];
  const secrets = raw.split(",").map((s) => s.trim());
  // The secret itself is never echoed.
  if (secrets.some((s) => s.length < 8)) throw new ConfigError("CONNECTLY_WEBHOOK_SECRET must hold secrets of at least 8 characters, separated by commas.");
  return secrets;
}

function metricsToken(env: Env): string | undefined {
  const token = read(env, "METRICS_TOKEN");
  // The token itself is never echoed.
  if (token != null && !/^[A-Za-z0-9._~+/=-]{32,}$/.test(token)) throw new ConfigError("METRICS_TOKEN must be at least 32 characters of letters, digits or . _ ~ + / = -.");
  return token;
}

function claimName(env: Env, name: VariableName, fallback: string): string {
  const raw = read(env, name) ?? fallback;
  if (!/^[A-Za-z0-9_:./-]{1,128}$/.test(raw)) throw new ConfigError(`${name} must be a claim name (letters, digits, _ : . / -), but is "${raw}".`);
  return raw;
}

/** The bearer-token settings alone (also read by `npm run token`); undefined when auth is off. */
export function loadAuthConfig(env: Env = process.env): AuthConfig | undefined {
  const secret = read(env, "AUTH_JWT_SECRET");
  // The secret itself is never echoed.
  if (secret != null && secret.length < 32) throw new ConfigError("AUTH_JWT_SECRET must be at least 32 characters long.");
  const jwksUrl = read(env, "AUTH_JWKS_URL") == null ? undefined : httpUrl(env, "AUTH_JWKS_URL", "");
  const issuer = read(env, "AUTH_ISSUER");
  const audience = read(env, "AUTH_AUDIENCE");
  if (jwksUrl != null && issuer == null) throw new ConfigError("AUTH_ISSUER must be set with AUTH_JWKS_URL: tokens from the identity provider are checked against it.");
  if (jwksUrl != null && audience == null) throw new ConfigError("AUTH_AUDIENCE must be set with AUTH_JWKS_URL: without it a token minted for another app would be accepted.");
  const businessClaim = claimName(env, "AUTH_BUSINESS_CLAIM", "businessIds");
  const scopeClaim = claimName(env, "AUTH_SCOPE_CLAIM", "scope");
  const clockToleranceS = integer(env, "AUTH_CLOCK_TOLERANCE_S", 5, 0, 300);
  if (secret == null && jwksUrl == null) {
    for (const name of ["AUTH_ISSUER", "AUTH_AUDIENCE"] as const) {
      if (read(env, name) != null) throw new ConfigError(`${name} is set but neither AUTH_JWKS_URL nor AUTH_JWT_SECRET is: set one, or unset ${name}.`);
    }
    return undefined;
  }
  return { secret, jwksUrl, issuer, audience, businessClaim, scopeClaim, clockToleranceS };
}

function origins(env: Env): string[] {
  const raw = read(env, "CORS_ORIGINS");
  if (raw == null) return [];
  return raw.split(",").map((entry) => {
    const value = entry.trim();
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== value.replace(/\/$/, "")) {
      throw new ConfigError(`CORS_ORIGINS must list origins such as https://app.example.com separated by commas; "${value}" is not one.`);
    }
    return url.origin;
  });
}

/**
 * Reads and validates the configuration; throws ConfigError naming the first bad variable.
 * `server: false` is for command-line tools that talk to Connectly but serve nothing, and so need
 * no auth configuration.
 */
export function loadConfig(env: Env = process.env, options: { server: boolean } = { server: true }): Config {
  const logLevel = read(env, "LOG_LEVEL") ?? "info";
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, but is "${logLevel}".`);
  const dbUrl = databaseUrl(env);
  const poolSize = integer(env, "DATABASE_POOL_SIZE", 10, 1, 500);
  const apiKey = read(env, "CONNECTLY_API_KEY");
  const keys = businessKeys(env);
  const live = apiKey != null || keys.size > 0;
  if (!live && read(env, "CONNECTLY_BASE_URL") != null) {
    throw new ConfigError("CONNECTLY_BASE_URL is set but CONNECTLY_API_KEY is not: set the key too, or unset the URL to use the sandbox.");
  }
  const timeout = integer(env, "CONNECTLY_TIMEOUT_MS", 15_000, 100, 600_000);
  const perSecond = integer(env, "CONNECTLY_RATE_LIMIT", 200, 1, 100_000);
  const burst = integer(env, "CONNECTLY_RATE_BURST", 5, 1, 100_000);
  if (burst > perSecond) throw new ConfigError(`CONNECTLY_RATE_BURST must not exceed CONNECTLY_RATE_LIMIT (${perSecond}), but is ${burst}.`);
  const baseUrl = live ? httpUrl(env, "CONNECTLY_BASE_URL", "https://api.connectly.ai") : "";
  const auth = loadAuthConfig(env);
  if (live && auth == null && options.server) {
    throw new ConfigError(
      `${apiKey != null ? "CONNECTLY_API_KEY" : "CONNECTLY_BUSINESS_API_KEYS"} is set but neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is: set one, so that only your apps can send messages in your businesses' name.`,
    );
  }
  const production = read(env, "NODE_ENV") === "production";
  const requestedHost = read(env, "HOST") ?? "127.0.0.1";
  const redisUrl = read(env, "REDIS_URL");
  if (redisUrl != null && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) throw new ConfigError("REDIS_URL must be a redis:// or rediss:// URL.");
  return {
    port: integer(env, "PORT", 4000, 0, 65_535),
    // Without auth anyone who reaches the port could send and read: only this machine may.
    host: auth == null ? "127.0.0.1" : requestedHost,
    ...(auth == null && requestedHost !== "127.0.0.1" ? { refusedHost: requestedHost } : {}),
    logLevel,
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_MS", 30_000, 100, 3_600_000),
    database: dbUrl != null ? { kind: "postgres", url: dbUrl, poolSize } : { kind: "embedded", dir: read(env, "EMBEDDED_DATABASE_DIR") ?? ".data/pglite" },
    connectly: live
      ? { mode: "live", baseUrl, defaultApiKey: apiKey, businessApiKeys: keys }
      : {
          mode: "sandbox",
          sandboxPort: integer(env, "SANDBOX_PORT", 0, 0, 65_535),
          statusEvents: flag(env, "SANDBOX_STATUS_EVENTS", true),
          failureRate: ratio(env, "SANDBOX_FAILURE_RATE", 0.1),
          statusDelayMs: integer(env, "SANDBOX_STATUS_DELAY_MS", 500, 0, 600_000),
        },
    connectlyHttp: {
      connectTimeoutMs: integer(env, "CONNECTLY_CONNECT_TIMEOUT_MS", 5_000, 100, 600_000),
      headersTimeoutMs: timeout,
      bodyTimeoutMs: timeout,
      connections: integer(env, "CONNECTLY_CONNECTIONS", 64, 1, 1024),
    },
    outbound: {
      perSecond,
      burst,
      marginMs: integer(env, "CONNECTLY_RATE_MARGIN_MS", 1, 0, 1000),
      countUntil: oneOf(env, "CONNECTLY_RATE_COUNT_UNTIL", ["answer", "start"] as const, "answer"),
      maxQueue: integer(env, "CONNECTLY_QUEUE_MAX", 2000, 1, 1_000_000),
      retry: {
        maxAttempts: integer(env, "CONNECTLY_MAX_ATTEMPTS", 5, 1, 100),
        deadlineMs: integer(env, "CONNECTLY_DEADLINE_MS", 15_000, 100, 3_600_000),
        minBackoffMs: 100,
        maxBackoffMs: 5_000,
      },
    },
    redisUrl,
    pubsub: pubsubKind(env, redisUrl, dbUrl),
    webhooks: { secrets: webhookSecrets(env), businessSecrets: businessWebhookSecrets(env), maxBytes: integer(env, "WEBHOOK_MAX_BYTES", 262_144, 1024, 10_485_760) },
    auth,
    metricsToken: metricsToken(env),
    tracing:
      read(env, "OTEL_EXPORTER_OTLP_ENDPOINT") == null
        ? undefined
        : {
            // The generic OTLP endpoint: traces go to its /v1/traces (as the OpenTelemetry SDKs do).
            endpoint: ((url) => (url.endsWith("/v1/traces") ? url : `${url.replace(/\/+$/, "")}/v1/traces`))(httpUrl(env, "OTEL_EXPORTER_OTLP_ENDPOINT", "")),
            serviceName: read(env, "OTEL_SERVICE_NAME") ?? "connectly-graphql-gateway",
          },
    graphql: {
      introspection: flag(env, "GRAPHQL_INTROSPECTION", !production),
      landingPage: flag(env, "GRAPHQL_LANDING_PAGE", !production),
      limits: {
        maxDepth: integer(env, "GRAPHQL_MAX_DEPTH", 15, 1, 1000),
        maxCost: integer(env, "GRAPHQL_MAX_COST", 100_000, 1, 1_000_000_000),
        maxAliases: integer(env, "GRAPHQL_MAX_ALIASES", 15, 0, 10_000),
        maxDirectives: integer(env, "GRAPHQL_MAX_DIRECTIVES", 50, 0, 10_000),
        maxTokens: integer(env, "GRAPHQL_MAX_TOKENS", 5_000, 10, 1_000_000),
      },
      bodyLimitBytes: integer(env, "GRAPHQL_BODY_LIMIT_BYTES", 1_048_576, 1024, 104_857_600),
      queryTimeoutMs: integer(env, "QUERY_TIMEOUT_MS", 10_000, 10, 3_600_000),
      production,
    },
    http: {
      requestRate: { max: integer(env, "REQUEST_RATE_LIMIT", 600, 1, 10_000_000), windowMs: integer(env, "REQUEST_RATE_WINDOW_MS", 1000, 100, 86_400_000) },
      corsOrigins: origins(env),
    },
    ws: {
      maxSubscriptionsPerConnection: integer(env, "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", 100, 1, 100_000),
      maxConnectionsPerPrincipal: integer(env, "WS_MAX_CONNECTIONS_PER_PRINCIPAL", 20, 1, 1_000_000),
      maxPendingChanges: integer(env, "WS_MAX_PENDING_CHANGES", 1_000, 1, 1_000_000),
    },
  };
}
