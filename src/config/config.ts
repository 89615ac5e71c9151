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
  { name: "CONNECTLY_WEBHOOK_SECRET", default: "(unset)", description: "Secret of Connectly's webhook signatures (x-connectly-hmac-sha256). Several, separated by commas, while rotating. Unset: POST /webhooks/connectly refuses every event, except the built-in sandbox's." },
  { name: "WEBHOOK_MAX_BYTES", default: "262144", description: "Largest webhook body accepted, in bytes (1024 to 10485760); larger ones get 413." },
  { name: "SANDBOX_PORT", default: "0", description: "Port of the built-in Connectly sandbox (sandbox mode only); 0 picks a free port." },
  { name: "SANDBOX_STATUS_EVENTS", default: "true", description: "Whether the sandbox posts sent, delivered and read (or delivery_failed) webhooks after accepting a message (sandbox mode only)." },
  { name: "SANDBOX_FAILURE_RATE", default: "0.1", description: "Share of sandbox messages that end in delivery_failed, from 0 to 1 (sandbox mode only)." },
  { name: "SANDBOX_STATUS_DELAY_MS", default: "500", description: "Typical delay between one sandbox status webhook and the next, in ms (sandbox mode only)." },
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

export interface Config {
  readonly port: number;
  readonly host: string;
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
    /** Secrets a webhook signature may be made with (several while rotating); empty refuses webhooks. */
    readonly secrets: readonly string[];
    readonly maxBytes: number;
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

function businessKeys(env: Env): Map<string, string> {
  const raw = read(env, "CONNECTLY_BUSINESS_API_KEYS");
  const keys = new Map<string, string>();
  if (raw == null) return keys;
  for (const [i, pair] of raw.split(",").entries()) {
    const at = pair.indexOf("=");
    const business = pair.slice(0, at).trim();
    const key = pair.slice(at + 1).trim();
    if (at <= 0 || business === "" || key === "" || !/^[A-Za-z0-9_-]{1,128}$/.test(business)) {
      // The key itself is never echoed.
      throw new ConfigError(`CONNECTLY_BUSINESS_API_KEYS must be businessId=key pairs separated by commas; entry ${i + 1} is not.`);
    }
    keys.set(business, key);
  }
  return keys;
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

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
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
  const redisUrl = read(env, "REDIS_URL");
  if (redisUrl != null && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) throw new ConfigError("REDIS_URL must be a redis:// or rediss:// URL.");
  return {
    port: integer(env, "PORT", 4000, 0, 65_535),
    host: read(env, "HOST") ?? "127.0.0.1",
    logLevel,
    database: dbUrl != null ? { kind: "postgres", url: dbUrl, poolSize } : { kind: "embedded", dir: read(env, "EMBEDDED_DATABASE_DIR") ?? ".data/pglite" },
    connectly: live
      ? { mode: "live", baseUrl: httpUrl(env, "CONNECTLY_BASE_URL", "https://api.connectly.ai"), defaultApiKey: apiKey, businessApiKeys: keys }
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
    webhooks: { secrets: webhookSecrets(env), maxBytes: integer(env, "WEBHOOK_MAX_BYTES", 262_144, 1024, 10_485_760) },
  };
}
