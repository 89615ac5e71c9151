/**
 * The gateway's configuration: read from the environment once at start-up and validated here.
 * A bad or missing value stops the process with one sentence naming the variable (ConfigError).
 * Each variable is declared once in variables.ts; this file assembles them into Config and applies
 * the rules that span several variables.
 */
import type { RetryPolicy } from "../connectly/delivery.js";
import type { DatabaseConfig } from "../persistence/database.js";
import { readSandboxSettings, type SandboxSettings } from "./sandbox.js";
import { ConfigError, isSet, read, type Env } from "./variable.js";
import * as v from "./variables.js";

export { ConfigError } from "./variable.js";

/** One row of the configuration table. */
export interface VariableRow {
  readonly name: string;
  readonly default: string;
  readonly values: string;
  readonly description: string;
  /** The heading it is listed under. */
  readonly group: string;
}

/** Every variable that can be set, in the docs' order. */
export const VARIABLES: readonly VariableRow[] = v.GROUPS.flatMap((group) =>
  group.variables.map((variable) => ({
    name: variable.name,
    default: variable.shownDefault,
    values: variable.shownValues,
    description: variable.description,
    group: group.title,
  })),
);

export type ConnectlyConfig =
  | ({ readonly mode: "sandbox" } & SandboxSettings)
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
    readonly countUntil: "learned" | "answer" | "start";
    readonly maxQueue: number;
    readonly retry: RetryPolicy;
    /** Whether template sends share the session sends' budget per API key. */
    readonly templateBudget: "shared" | "separate";
  };
  readonly templates: {
    /** How long a cached catalog is used before it is fetched again, in ms. */
    readonly catalogTtlMs: number;
    /** What a template send does when no catalog can be read. */
    readonly unreadable: "refuse" | "send-unchecked";
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

/** The bearer-token settings alone (also read by `npm run token`); undefined when auth is off. */
export function loadAuthConfig(env: Env = process.env): AuthConfig | undefined {
  const secret = read(env, v.AUTH_JWT_SECRET);
  const jwksUrl = read(env, v.AUTH_JWKS_URL);
  const issuer = read(env, v.AUTH_ISSUER);
  const audience = read(env, v.AUTH_AUDIENCE);
  if (jwksUrl != null && issuer == null)
    throw new ConfigError("AUTH_ISSUER must be set with AUTH_JWKS_URL: tokens from the identity provider are checked against it.");
  if (jwksUrl != null && audience == null)
    throw new ConfigError("AUTH_AUDIENCE must be set with AUTH_JWKS_URL: without it a token minted for another app would be accepted.");
  const businessClaim = read(env, v.AUTH_BUSINESS_CLAIM);
  const scopeClaim = read(env, v.AUTH_SCOPE_CLAIM);
  const clockToleranceS = read(env, v.AUTH_CLOCK_TOLERANCE_S);
  if (secret == null && jwksUrl == null) {
    for (const variable of [v.AUTH_ISSUER, v.AUTH_AUDIENCE]) {
      if (isSet(env, variable))
        throw new ConfigError(`${variable.name} is set but neither AUTH_JWKS_URL nor AUTH_JWT_SECRET is: set one, or unset ${variable.name}.`);
    }
    return undefined;
  }
  return { secret, jwksUrl, issuer, audience, businessClaim, scopeClaim, clockToleranceS };
}

function databaseConfig(env: Env): DatabaseConfig {
  const url = read(env, v.DATABASE_URL);
  const poolSize = read(env, v.DATABASE_POOL_SIZE);
  return url != null ? { kind: "postgres", url, poolSize } : { kind: "embedded", dir: read(env, v.EMBEDDED_DATABASE_DIR) };
}

/** Live with an API key (a default one or per business); the built-in sandbox otherwise. */
function connectlyConfig(env: Env): ConnectlyConfig {
  const defaultApiKey = read(env, v.CONNECTLY_API_KEY);
  const businessApiKeys = read(env, v.CONNECTLY_BUSINESS_API_KEYS);
  if (defaultApiKey != null || businessApiKeys.size > 0) return { mode: "live", baseUrl: read(env, v.CONNECTLY_BASE_URL), defaultApiKey, businessApiKeys };
  if (isSet(env, v.CONNECTLY_BASE_URL)) {
    throw new ConfigError("CONNECTLY_BASE_URL is set but CONNECTLY_API_KEY is not: set the key too, or unset the URL to use the sandbox.");
  }
  return { mode: "sandbox", ...readSandboxSettings(env) };
}

function connectlyHttpConfig(env: Env): Config["connectlyHttp"] {
  const timeout = read(env, v.CONNECTLY_TIMEOUT_MS);
  return {
    connectTimeoutMs: read(env, v.CONNECTLY_CONNECT_TIMEOUT_MS),
    headersTimeoutMs: timeout,
    bodyTimeoutMs: timeout,
    connections: read(env, v.CONNECTLY_CONNECTIONS),
  };
}

function outboundConfig(env: Env): Config["outbound"] {
  const perSecond = read(env, v.CONNECTLY_RATE_LIMIT);
  const burst = read(env, v.CONNECTLY_RATE_BURST);
  if (burst > perSecond) throw new ConfigError(`CONNECTLY_RATE_BURST must not exceed CONNECTLY_RATE_LIMIT (${perSecond}), but is ${burst}.`);
  return {
    perSecond,
    burst,
    marginMs: read(env, v.CONNECTLY_RATE_MARGIN_MS),
    countUntil: read(env, v.CONNECTLY_RATE_COUNT_UNTIL),
    maxQueue: read(env, v.CONNECTLY_QUEUE_MAX),
    retry: { maxAttempts: read(env, v.CONNECTLY_MAX_ATTEMPTS), deadlineMs: read(env, v.CONNECTLY_DEADLINE_MS), minBackoffMs: 100, maxBackoffMs: 5_000 },
    templateBudget: read(env, v.CONNECTLY_TEMPLATE_RATE_LIMIT),
  };
}

function pubsubKind(env: Env, redisUrl: string | undefined, database: DatabaseConfig): Config["pubsub"] {
  const kind = read(env, v.PUBSUB);
  if (kind === "auto") return redisUrl != null ? "redis" : database.kind === "postgres" ? "postgres" : "memory";
  if (kind === "redis" && redisUrl == null) throw new ConfigError("PUBSUB is redis but REDIS_URL is not set.");
  if (kind === "postgres" && database.kind !== "postgres")
    throw new ConfigError("PUBSUB is postgres but DATABASE_URL is not set (the embedded database serves one process only).");
  return kind;
}

function tracingConfig(env: Env): Config["tracing"] {
  const url = read(env, v.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (url == null) return undefined;
  // The generic OTLP endpoint: traces go to its /v1/traces (as the OpenTelemetry SDKs do).
  const endpoint = url.endsWith("/v1/traces") ? url : `${url.replace(/\/+$/, "")}/v1/traces`;
  return { endpoint, serviceName: read(env, v.OTEL_SERVICE_NAME) };
}

function graphqlConfig(env: Env): Config["graphql"] {
  const production = read(env, v.NODE_ENV) === "production";
  return {
    introspection: read(env, v.GRAPHQL_INTROSPECTION) ?? !production,
    landingPage: read(env, v.GRAPHQL_LANDING_PAGE) ?? !production,
    limits: {
      maxDepth: read(env, v.GRAPHQL_MAX_DEPTH),
      maxCost: read(env, v.GRAPHQL_MAX_COST),
      maxAliases: read(env, v.GRAPHQL_MAX_ALIASES),
      maxDirectives: read(env, v.GRAPHQL_MAX_DIRECTIVES),
      maxTokens: read(env, v.GRAPHQL_MAX_TOKENS),
    },
    bodyLimitBytes: read(env, v.GRAPHQL_BODY_LIMIT_BYTES),
    queryTimeoutMs: read(env, v.QUERY_TIMEOUT_MS),
    production,
  };
}

function edgeLimits(env: Env): Pick<Config, "http" | "ws"> {
  return {
    http: { requestRate: { max: read(env, v.REQUEST_RATE_LIMIT), windowMs: read(env, v.REQUEST_RATE_WINDOW_MS) }, corsOrigins: read(env, v.CORS_ORIGINS) },
    ws: {
      maxSubscriptionsPerConnection: read(env, v.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION),
      maxConnectionsPerPrincipal: read(env, v.WS_MAX_CONNECTIONS_PER_PRINCIPAL),
      maxPendingChanges: read(env, v.WS_MAX_PENDING_CHANGES),
    },
  };
}

/**
 * Reads and validates the configuration; throws ConfigError naming the first bad variable.
 * `server: false` is for command-line tools that talk to Connectly but serve nothing, and so need
 * no auth configuration.
 */
export function loadConfig(env: Env = process.env, options: { server: boolean } = { server: true }): Config {
  const logLevel = read(env, v.LOG_LEVEL);
  const database = databaseConfig(env);
  const connectly = connectlyConfig(env);
  const connectlyHttp = connectlyHttpConfig(env);
  const outbound = outboundConfig(env);
  const auth = loadAuthConfig(env);
  if (connectly.mode === "live" && auth == null && options.server) {
    throw new ConfigError(
      `${connectly.defaultApiKey != null ? "CONNECTLY_API_KEY" : "CONNECTLY_BUSINESS_API_KEYS"} is set but neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is: set one, so that only your apps can send messages in your businesses' name.`,
    );
  }
  const requestedHost = read(env, v.HOST);
  const redisUrl = read(env, v.REDIS_URL);
  return {
    port: read(env, v.PORT),
    // Without auth anyone who reaches the port could send and read: only this machine may.
    host: auth == null ? "127.0.0.1" : requestedHost,
    ...(auth == null && requestedHost !== "127.0.0.1" ? { refusedHost: requestedHost } : {}),
    logLevel,
    shutdownTimeoutMs: read(env, v.SHUTDOWN_TIMEOUT_MS),
    database,
    connectly,
    connectlyHttp,
    outbound,
    templates: { catalogTtlMs: read(env, v.TEMPLATE_CATALOG_TTL_SECONDS) * 1000, unreadable: read(env, v.TEMPLATE_CATALOG_UNREADABLE) },
    redisUrl,
    pubsub: pubsubKind(env, redisUrl, database),
    webhooks: {
      secrets: read(env, v.CONNECTLY_WEBHOOK_SECRET),
      businessSecrets: read(env, v.CONNECTLY_BUSINESS_WEBHOOK_SECRETS),
      maxBytes: read(env, v.WEBHOOK_MAX_BYTES),
    },
    auth,
    metricsToken: read(env, v.METRICS_TOKEN),
    tracing: tracingConfig(env),
    graphql: graphqlConfig(env),
    ...edgeLimits(env),
  };
}
