/**
 * Every environment variable the gateway and the standalone sandbox read, declared once, in the
 * groups docs/configuration.md shows them in (`npm run docs:config` renders it from GROUPS).
 */
import { boolean, ConfigError, custom, decimal, integer, oneOf, secret, text, url, type Variable } from "./variable.js";

export interface Group {
  readonly title: string;
  /** A sentence under the group's heading in the docs. */
  readonly about?: string;
  readonly variables: readonly Variable<unknown>[];
}

const BUSINESS_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** businessId=value pairs separated by commas, in order; `what` names the value in the error, which never echoes it. */
function businessPairs(name: string, what: string, raw: string): [business: string, value: string][] {
  return raw.split(",").map((pair, i) => {
    const at = pair.indexOf("=");
    const business = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at <= 0 || value === "" || !BUSINESS_ID.test(business)) {
      throw new ConfigError(`${name} must be businessId=${what} pairs separated by commas; entry ${i + 1} is not.`);
    }
    return [business, value];
  });
}

/** A business may appear more than once (its old and new secret while rotating). */
function businessSecrets(raw: string): Map<string, string[]> {
  const secrets = new Map<string, string[]>();
  for (const [i, [business, value]] of businessPairs("CONNECTLY_BUSINESS_WEBHOOK_SECRETS", "secret", raw).entries()) {
    if (value.length < 8) throw new ConfigError(`CONNECTLY_BUSINESS_WEBHOOK_SECRETS must hold secrets of at least 8 characters; entry ${i + 1} is shorter.`);
    secrets.set(business, [...(secrets.get(business) ?? []), value]);
  }
  return secrets;
}

function databaseUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // The URL may carry a password: it is not echoed.
    throw new ConfigError("DATABASE_URL must be a PostgreSQL URL such as postgresql://postgres@127.0.0.1:5432/gateway.");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new ConfigError(`DATABASE_URL must start with postgresql:// or postgres://, but starts with ${parsed.protocol}//.`);
  }
  if (parsed.pathname.length <= 1) throw new ConfigError("DATABASE_URL must name a database, as in postgresql://postgres@127.0.0.1:5432/gateway.");
  return raw;
}

function corsOrigin(entry: string): string {
  const value = entry.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:") || parsed.origin !== value.replace(/\/$/, "")) {
    throw new ConfigError(`CORS_ORIGINS must list origins such as https://app.example.com separated by commas; "${value}" is not one.`);
  }
  return parsed.origin;
}

// Server

export const PORT = integer({ name: "PORT", default: 4000, min: 0, max: 65_535, description: "TCP port of the HTTP server (GraphQL at /graphql)." });
export const HOST = text({
  name: "HOST",
  default: "127.0.0.1",
  description:
    "Interface to listen on; set 0.0.0.0 to accept connections from other machines (as in Docker). Honoured only with auth on: without it the gateway binds to 127.0.0.1.",
});
export const LOG_LEVEL = oneOf({
  name: "LOG_LEVEL",
  values: ["fatal", "error", "warn", "info", "debug", "trace", "silent"],
  default: "info",
  description: "pino log level.",
});
export const SHUTDOWN_TIMEOUT_MS = integer({
  name: "SHUTDOWN_TIMEOUT_MS",
  default: 30_000,
  min: 100,
  max: 3_600_000,
  description:
    "On SIGTERM or SIGINT the gateway stops taking requests, finishes in-flight sends (which CONNECTLY_DEADLINE_MS bounds), closes subscriptions with 1001 and exits 0; if that takes longer than this, it exits 1.",
});

// Database

export const DATABASE_URL = custom({
  name: "DATABASE_URL",
  shownDefault: "(unset: embedded)",
  shownValues: "postgresql:// URL",
  whenUnset: () => undefined,
  parse: databaseUrl,
  description:
    "PostgreSQL URL (postgresql://user@host:5432/db). Unset: an embedded PostgreSQL (PGlite) in EMBEDDED_DATABASE_DIR. Migrations are applied at start-up; a missing database is created.",
});
export const DATABASE_POOL_SIZE = integer({ name: "DATABASE_POOL_SIZE", default: 10, min: 1, max: 500, description: "Connections in the PostgreSQL pool." });
export const EMBEDDED_DATABASE_DIR = text({
  name: "EMBEDDED_DATABASE_DIR",
  default: ".data/pglite",
  description: "Data directory of the embedded database, used when DATABASE_URL is unset. One gateway process at a time.",
});

// Connectly

export const CONNECTLY_API_KEY = secret({
  name: "CONNECTLY_API_KEY",
  unset: "sandbox",
  description:
    "Connectly API key sent as X-API-Key for every business without its own key. With neither this nor CONNECTLY_BUSINESS_API_KEYS set, the gateway runs against its built-in Connectly sandbox.",
});
export const CONNECTLY_BUSINESS_API_KEYS = custom({
  name: "CONNECTLY_BUSINESS_API_KEYS",
  shownDefault: "(unset)",
  shownValues: "businessId=key, ...",
  whenUnset: () => new Map<string, string>(),
  parse: (raw) => new Map(businessPairs("CONNECTLY_BUSINESS_API_KEYS", "key", raw)),
  description: "Per-business API keys: businessId=key pairs separated by commas. A business without its own key uses CONNECTLY_API_KEY.",
});
export const CONNECTLY_BASE_URL = url({
  name: "CONNECTLY_BASE_URL",
  default: "https://api.connectly.ai",
  description: "Base URL of Connectly's REST API (only with an API key).",
});
export const CONNECTLY_CONNECT_TIMEOUT_MS = integer({
  name: "CONNECTLY_CONNECT_TIMEOUT_MS",
  default: 5_000,
  min: 100,
  max: 600_000,
  description: "Time allowed to open a connection to Connectly, in ms.",
});
export const CONNECTLY_TIMEOUT_MS = integer({
  name: "CONNECTLY_TIMEOUT_MS",
  default: 15_000,
  min: 100,
  max: 600_000,
  description: "Time allowed for Connectly's answer to start, and between chunks of it, in ms.",
});
export const CONNECTLY_CONNECTIONS = integer({
  name: "CONNECTLY_CONNECTIONS",
  default: 64,
  min: 1,
  max: 1024,
  description: "Keep-alive connections to Connectly.",
});

// Outbound rate limit and retries

export const CONNECTLY_RATE_LIMIT = integer({
  name: "CONNECTLY_RATE_LIMIT",
  default: 200,
  min: 1,
  max: 100_000,
  description:
    "Requests per second allowed per API key (Connectly's account limit), enforced as a strict sliding window shared by every business using the key.",
});
export const CONNECTLY_RATE_BURST = integer({
  name: "CONNECTLY_RATE_BURST",
  default: 5,
  min: 1,
  max: 100_000,
  description:
    "Burst allowance, at most CONNECTLY_RATE_LIMIT: requests that may start back to back; after it, requests are paced a little faster than the rate (a token bucket), so they reach Connectly spread out rather than in bunches.",
});
export const CONNECTLY_RATE_COUNT_UNTIL = oneOf({
  name: "CONNECTLY_RATE_COUNT_UNTIL",
  values: ["answer", "learned", "start"],
  default: "answer",
  description:
    "How long a request counts in the limiter's window. answer: from its start until a window after Connectly's answer, so no network delay can put more than the limit in Connectly's window (the rate falls a little as the round trip grows). learned: held the same way, then counted from its answer less the least round trip observed (less a margin growing with the round trips' spread and at least a tenth of the least one), for nearly the full rate over a steady network; it counts until the answer while few round trips are known, when they are widely spread, and for a minute after a 429. It assumes the round trip's floor does not fall by more than the margin at once: a sudden faster route can let a few requests over the limit (answered 429 and retried). start: from its start only, for the full rate when the network's jitter is known to stay under CONNECTLY_RATE_MARGIN_MS.",
});
export const CONNECTLY_RATE_MARGIN_MS = integer({
  name: "CONNECTLY_RATE_MARGIN_MS",
  default: 1,
  min: 0,
  max: 1000,
  description: "Added to the limiter's 1-second window, in ms; with CONNECTLY_RATE_COUNT_UNTIL=start, set it above the network's jitter.",
});
export const CONNECTLY_QUEUE_MAX = integer({
  name: "CONNECTLY_QUEUE_MAX",
  default: 2000,
  min: 1,
  max: 1_000_000,
  description: "Requests per API key that may wait for the rate limit in one gateway process; past it a send fails at once with RATE_LIMIT_QUEUE_FULL.",
});
export const CONNECTLY_DEADLINE_MS = integer({
  name: "CONNECTLY_DEADLINE_MS",
  default: 15_000,
  min: 100,
  max: 3_600_000,
  description: "Time one message may spend waiting for the rate limit and being retried before it fails, in ms.",
});
export const CONNECTLY_MAX_ATTEMPTS = integer({
  name: "CONNECTLY_MAX_ATTEMPTS",
  default: 5,
  min: 1,
  max: 100,
  description: "Calls to Connectly per message at most (429, 5xx, resets and timeouts are retried with backoff).",
});

export const CONNECTLY_TEMPLATE_RATE_LIMIT = oneOf({
  name: "CONNECTLY_TEMPLATE_RATE_LIMIT",
  values: ["shared", "separate"],
  default: "shared",
  description:
    "Whether template sends count against the same CONNECTLY_RATE_LIMIT per API key as session sends (shared: can never cause a 429, whichever way Connectly counts) or have a budget of their own of the same size (separate: twice the combined rate, if Connectly counts the endpoints apart).",
});

// Templates

export const TEMPLATE_CATALOG_TTL_SECONDS = integer({
  name: "TEMPLATE_CATALOG_TTL_SECONDS",
  default: 300,
  min: 0,
  max: 86_400,
  description:
    "How long a business's template catalog, fetched from Connectly and stored in the database for every gateway process, is used before it is fetched again, in seconds (0: fetched for every send). refreshTemplates fetches it at once.",
});
export const TEMPLATE_CATALOG_UNREADABLE = oneOf({
  name: "TEMPLATE_CATALOG_UNREADABLE",
  values: ["refuse", "send-unchecked"],
  default: "refuse",
  description:
    "What a template send does when the catalog cannot be read from Connectly and no copy is held (an older copy is used when there is one). refuse: a TemplateCatalogUnavailableError, nothing sent. send-unchecked: sent after the rules that need no catalog, Connectly checks the template itself (content.template.checkedAgainstCatalog is false).",
});

// Redis and pub/sub

export const REDIS_URL = secret({
  name: "REDIS_URL",
  pattern: /^rediss?:\/\/[^\s]+$/,
  expected: "a redis:// or rediss:// URL",
  unset: "in-process",
  description:
    "Redis URL (redis://127.0.0.1:6379). Set, the outbound rate limit and the request rate limit are shared through Redis by every gateway process, and status changes reach other processes through it (see PUBSUB).",
});
export const PUBSUB = oneOf({
  name: "PUBSUB",
  values: ["auto", "memory", "postgres", "redis"],
  default: "auto",
  description:
    "How status changes reach subscribers of other gateway processes: redis (needs REDIS_URL), postgres (LISTEN/NOTIFY, needs DATABASE_URL) or memory (this process only). auto: redis with REDIS_URL, else postgres with DATABASE_URL, else memory.",
});

// Webhooks

export const CONNECTLY_WEBHOOK_SECRET = custom({
  name: "CONNECTLY_WEBHOOK_SECRET",
  shownDefault: "(unset)",
  shownValues: "secrets of 8 characters or more, separated by commas",
  whenUnset: (): string[] => [],
  parse: (raw) => {
    const secrets = raw.split(",").map((s) => s.trim());
    // The secret itself is never echoed.
    if (secrets.some((s) => s.length < 8)) throw new ConfigError("CONNECTLY_WEBHOOK_SECRET must hold secrets of at least 8 characters, separated by commas.");
    return secrets;
  },
  description:
    "Secret of Connectly's webhook signatures (x-connectly-hmac-sha256) for every business without its own in CONNECTLY_BUSINESS_WEBHOOK_SECRETS. Several, separated by commas, while rotating. Unset: such businesses' events are refused, except the built-in sandbox's.",
});
export const CONNECTLY_BUSINESS_WEBHOOK_SECRETS = custom({
  name: "CONNECTLY_BUSINESS_WEBHOOK_SECRETS",
  shownDefault: "(unset)",
  shownValues: "businessId=secret, ... (secrets of 8 characters or more)",
  whenUnset: () => new Map<string, string[]>(),
  parse: businessSecrets,
  description:
    "Per-business webhook secrets: businessId=secret pairs separated by commas (a business twice while rotating). A business listed here verifies with its own secrets only, never with CONNECTLY_WEBHOOK_SECRET.",
});
export const WEBHOOK_MAX_BYTES = integer({
  name: "WEBHOOK_MAX_BYTES",
  default: 262_144,
  min: 1024,
  max: 10_485_760,
  description: "Largest webhook body accepted, in bytes; larger ones get 413.",
});

// Authentication

const CLAIM = /^[A-Za-z0-9_:./-]{1,128}$/;
const CLAIM_EXPECTED = "a claim name (letters, digits, _ : . / -)";

export const AUTH_JWT_SECRET = secret({
  name: "AUTH_JWT_SECRET",
  minLength: 32,
  description:
    "Shared secret (32 characters or more) of HS256 bearer tokens, for services and local work; `npm run token` mints them. With neither this nor AUTH_JWKS_URL, GraphQL is open to anyone who reaches the port, so the gateway binds to 127.0.0.1 only, and refuses to start with a Connectly API key.",
});
export const AUTH_JWKS_URL = url({
  name: "AUTH_JWKS_URL",
  description:
    "JWKS URL of the identity provider whose tokens (RS256, PS256, ES256, EdDSA, ...) apps sign in with; needs AUTH_ISSUER and AUTH_AUDIENCE. May be set together with AUTH_JWT_SECRET.",
});
export const AUTH_ISSUER = text({
  name: "AUTH_ISSUER",
  description: "Required `iss` of every token (required with AUTH_JWKS_URL; checked for HS256 tokens when set, and written by `npm run token`).",
});
export const AUTH_AUDIENCE = text({
  name: "AUTH_AUDIENCE",
  description: "Required `aud` of every token (required with AUTH_JWKS_URL; checked for HS256 tokens when set, and written by `npm run token`).",
});
export const AUTH_BUSINESS_CLAIM = text({
  name: "AUTH_BUSINESS_CLAIM",
  default: "businessIds",
  pattern: CLAIM,
  expected: CLAIM_EXPECTED,
  description: 'Claim listing the businesses a token may act for (an array of ids, or one id; "*" for every business).',
});
export const AUTH_SCOPE_CLAIM = text({
  name: "AUTH_SCOPE_CLAIM",
  default: "scope",
  pattern: CLAIM,
  expected: CLAIM_EXPECTED,
  description: "Claim holding the token's scopes (a space-separated string or an array): `send` allows the mutations, `read` the queries and subscriptions.",
});
export const AUTH_CLOCK_TOLERANCE_S = integer({
  name: "AUTH_CLOCK_TOLERANCE_S",
  default: 5,
  min: 0,
  max: 300,
  description: "Clock skew allowed when checking a token's exp and nbf, in seconds.",
});
export const METRICS_TOKEN = secret({
  name: "METRICS_TOKEN",
  pattern: /^[A-Za-z0-9._~+/=-]{32,}$/,
  expected: "at least 32 characters of letters, digits or . _ ~ + / = -",
  description:
    "Bearer token (32 characters or more) a Prometheus scraper sends to read /metrics while auth is on; with auth on and no METRICS_TOKEN, /metrics answers 403. With auth off, /metrics is open on 127.0.0.1.",
});

// GraphQL

export const NODE_ENV = text({
  name: "NODE_ENV",
  description: "production turns introspection and the landing page off unless GRAPHQL_INTROSPECTION or GRAPHQL_LANDING_PAGE turn them on.",
});
export const GRAPHQL_INTROSPECTION = boolean({
  name: "GRAPHQL_INTROSPECTION",
  unset: "on; off in production",
  description: "Whether the schema can be introspected.",
});
export const GRAPHQL_LANDING_PAGE = boolean({
  name: "GRAPHQL_LANDING_PAGE",
  unset: "on; off in production",
  description: "Whether GET /graphql from a browser shows Apollo's landing page.",
});
export const GRAPHQL_MAX_DEPTH = integer({
  name: "GRAPHQL_MAX_DEPTH",
  default: 15,
  min: 1,
  max: 1000,
  description:
    "Deepest nesting an operation may have (fields, inline fragments and fragment spreads each count a level). The dashboard query in test/fixtures has 11.",
});
export const GRAPHQL_MAX_COST = integer({
  name: "GRAPHQL_MAX_COST",
  default: 100_000,
  min: 1,
  max: 1_000_000_000,
  description:
    "Highest cost an operation may have (graphql-armor's estimate: objects 2, scalars 1, each level 1.5 times the one above; fragments flattened). The dashboard query in test/fixtures costs about 46,000.",
});
export const GRAPHQL_MAX_ALIASES = integer({ name: "GRAPHQL_MAX_ALIASES", default: 15, min: 0, max: 10_000, description: "Aliases an operation may use." });
export const GRAPHQL_MAX_DIRECTIVES = integer({
  name: "GRAPHQL_MAX_DIRECTIVES",
  default: 50,
  min: 0,
  max: 10_000,
  description: "Directives an operation may use.",
});
export const GRAPHQL_MAX_TOKENS = integer({
  name: "GRAPHQL_MAX_TOKENS",
  default: 5_000,
  min: 10,
  max: 1_000_000,
  description: "Lexical tokens an operation's text may hold; parsing stops past it.",
});
export const GRAPHQL_BODY_LIMIT_BYTES = integer({
  name: "GRAPHQL_BODY_LIMIT_BYTES",
  default: 1_048_576,
  min: 1024,
  max: 104_857_600,
  description: "Largest GraphQL request body (and WebSocket message) accepted, in bytes; larger ones get 413.",
});
export const QUERY_TIMEOUT_MS = integer({
  name: "QUERY_TIMEOUT_MS",
  default: 10_000,
  min: 10,
  max: 3_600_000,
  description:
    "Time a query may take before it is answered with 504 and QUERY_TIMEOUT, in ms (mutations are bounded by CONNECTLY_DEADLINE_MS instead, so a send's outcome is never cut off).",
});

// HTTP and WebSocket limits

export const REQUEST_RATE_LIMIT = integer({
  name: "REQUEST_RATE_LIMIT",
  default: 600,
  min: 1,
  max: 10_000_000,
  description:
    "GraphQL requests one token (or, without auth, one address) may make per REQUEST_RATE_WINDOW_MS; more are answered with 429 and RATE_LIMITED. Shared through Redis when REDIS_URL is set.",
});
export const REQUEST_RATE_WINDOW_MS = integer({
  name: "REQUEST_RATE_WINDOW_MS",
  default: 1000,
  min: 100,
  max: 86_400_000,
  description: "Window of REQUEST_RATE_LIMIT, in ms.",
});
export const CORS_ORIGINS = custom({
  name: "CORS_ORIGINS",
  shownDefault: "(unset: none)",
  shownValues: "origins, separated by commas",
  whenUnset: (): string[] => [],
  parse: (raw) => raw.split(",").map(corsOrigin),
  description:
    "Browser origins allowed to call the API from other sites, separated by commas (https://app.example.com). Unset: no cross-origin browser access.",
});
export const WS_MAX_SUBSCRIPTIONS_PER_CONNECTION = integer({
  name: "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION",
  default: 100,
  min: 1,
  max: 100_000,
  description:
    "Operations one graphql-ws connection may have running at once; one more gets an error TOO_MANY_SUBSCRIPTIONS for its id (the connection stays up).",
});
export const WS_MAX_CONNECTIONS_PER_PRINCIPAL = integer({
  name: "WS_MAX_CONNECTIONS_PER_PRINCIPAL",
  default: 20,
  min: 1,
  max: 1_000_000,
  description:
    "graphql-ws connections one token subject (with auth off: everyone, as local) may hold open at once in one gateway process; one more is closed with 4430 (Too many connections).",
});
export const WS_MAX_PENDING_CHANGES = integer({
  name: "WS_MAX_PENDING_CHANGES",
  default: 1_000,
  min: 1,
  max: 1_000_000,
  description:
    "Changes (status changes, customer activity) a subscription may have waiting for a slow subscriber; past it the subscription ends with SUBSCRIBER_TOO_SLOW (re-read with updatedAfter or the conversation, and subscribe again).",
});

// Tracing

export const OTEL_EXPORTER_OTLP_ENDPOINT = url({
  name: "OTEL_EXPORTER_OTLP_ENDPOINT",
  unset: "tracing off",
  description:
    "OpenTelemetry collector (OTLP over HTTP, e.g. http://collector:4318): traces follow each GraphQL request through the rate limiter, the call to Connectly and the database. Unset: no tracing.",
});
export const OTEL_SERVICE_NAME = text({ name: "OTEL_SERVICE_NAME", default: "connectly-graphql-gateway", description: "service.name of the traces." });

// The sandbox: the gateway's built-in one and `npm run sandbox`

export const SANDBOX_PORT = integer({
  name: "SANDBOX_PORT",
  default: 0,
  min: 0,
  max: 65_535,
  description: "Port of the sandbox (the built-in one in sandbox mode, or `npm run sandbox`'s); 0 picks a free port, and the sandbox prints its URL.",
});
export const SANDBOX_STATUS_EVENTS = boolean({
  name: "SANDBOX_STATUS_EVENTS",
  default: true,
  description: "Whether the sandbox posts sent, delivered and read (or delivery_failed) webhooks after accepting a message.",
});
export const SANDBOX_FAILURE_RATE = decimal({
  name: "SANDBOX_FAILURE_RATE",
  default: 0.1,
  min: 0,
  max: 1,
  description: "Share of sandbox messages that end in delivery_failed.",
});
export const SANDBOX_STATUS_DELAY_MS = integer({
  name: "SANDBOX_STATUS_DELAY_MS",
  default: 500,
  min: 0,
  max: 600_000,
  description: "Typical delay between one sandbox status webhook and the next, in ms.",
});

// The standalone sandbox only

export const SANDBOX_TEMPLATES_FILE = text({
  name: "SANDBOX_TEMPLATES_FILE",
  unset: "the built-in catalog",
  description:
    'A JSON file holding the sandbox\'s template catalog, in Connectly\'s get-templates answer format ({"entity":{"templateGroups":[...]}} or the templateGroups array); the built-in one has approved, pending and rejected templates (docs/sandbox.md).',
});
export const SANDBOX_API_KEY = text({
  name: "SANDBOX_API_KEY",
  pattern: /^[\x21-\x7e]{1,512}$/,
  expected: "printable ASCII without spaces, as an X-API-Key header carries",
  unset: "a random key, printed at start",
  description: "The API key the sandbox accepts in X-API-Key; give the gateway the same value as CONNECTLY_API_KEY.",
});
export const SANDBOX_RATE_LIMIT = integer({
  name: "SANDBOX_RATE_LIMIT",
  default: 200,
  min: 1,
  max: 1_000_000,
  description: "Requests per second the sandbox allows per API key (a strict sliding window, like Connectly's), then 429 with Retry-After.",
});
export const SANDBOX_ANSWER_DELAY_MS = integer({
  name: "SANDBOX_ANSWER_DELAY_MS",
  default: 0,
  min: 0,
  max: 60_000,
  description:
    "A simulated network round trip, in ms: each request waits half of it before the sandbox's strict window counts it, and its answer the other half (each way ± SANDBOX_ANSWER_JITTER_MS). The faults control changes it while running.",
});
export const SANDBOX_ANSWER_JITTER_MS = integer({
  name: "SANDBOX_ANSWER_JITTER_MS",
  default: 0,
  min: 0,
  max: 60_000,
  description: "Jitter of each way of SANDBOX_ANSWER_DELAY_MS, in ms: each way varies uniformly by up to this much either side.",
});
export const SANDBOX_WEBHOOK_SECRET = secret({
  name: "SANDBOX_WEBHOOK_SECRET",
  minLength: 8,
  unset: "no webhooks",
  description:
    "Secret the sandbox signs its webhooks with; set it to have the sandbox post them (status events as SANDBOX_STATUS_EVENTS, SANDBOX_FAILURE_RATE and SANDBOX_STATUS_DELAY_MS say), and give the gateway the same value as CONNECTLY_WEBHOOK_SECRET.",
});
export const SANDBOX_WEBHOOK_URL = url({
  name: "SANDBOX_WEBHOOK_URL",
  unset: "registered addresses only",
  description:
    "Where the sandbox posts webhooks for businesses that registered no address through `npm run webhooks:register`, e.g. http://127.0.0.1:4000/webhooks/connectly; needs SANDBOX_WEBHOOK_SECRET.",
});

export const GROUPS: readonly Group[] = [
  { title: "Server", variables: [PORT, HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS] },
  { title: "Database", variables: [DATABASE_URL, DATABASE_POOL_SIZE, EMBEDDED_DATABASE_DIR] },
  {
    title: "Connectly",
    variables: [CONNECTLY_API_KEY, CONNECTLY_BUSINESS_API_KEYS, CONNECTLY_BASE_URL, CONNECTLY_CONNECT_TIMEOUT_MS, CONNECTLY_TIMEOUT_MS, CONNECTLY_CONNECTIONS],
  },
  {
    title: "Outbound rate limit and retries",
    variables: [
      CONNECTLY_RATE_LIMIT,
      CONNECTLY_RATE_BURST,
      CONNECTLY_RATE_COUNT_UNTIL,
      CONNECTLY_RATE_MARGIN_MS,
      CONNECTLY_QUEUE_MAX,
      CONNECTLY_DEADLINE_MS,
      CONNECTLY_MAX_ATTEMPTS,
      CONNECTLY_TEMPLATE_RATE_LIMIT,
    ],
  },
  { title: "Templates", variables: [TEMPLATE_CATALOG_TTL_SECONDS, TEMPLATE_CATALOG_UNREADABLE] },
  { title: "Redis and pub/sub", variables: [REDIS_URL, PUBSUB] },
  { title: "Webhooks", variables: [CONNECTLY_WEBHOOK_SECRET, CONNECTLY_BUSINESS_WEBHOOK_SECRETS, WEBHOOK_MAX_BYTES] },
  {
    title: "Authentication",
    variables: [AUTH_JWT_SECRET, AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_BUSINESS_CLAIM, AUTH_SCOPE_CLAIM, AUTH_CLOCK_TOLERANCE_S, METRICS_TOKEN],
  },
  {
    title: "GraphQL",
    variables: [
      NODE_ENV,
      GRAPHQL_INTROSPECTION,
      GRAPHQL_LANDING_PAGE,
      GRAPHQL_MAX_DEPTH,
      GRAPHQL_MAX_COST,
      GRAPHQL_MAX_ALIASES,
      GRAPHQL_MAX_DIRECTIVES,
      GRAPHQL_MAX_TOKENS,
      GRAPHQL_BODY_LIMIT_BYTES,
      QUERY_TIMEOUT_MS,
    ],
  },
  {
    title: "HTTP and WebSocket limits",
    variables: [
      REQUEST_RATE_LIMIT,
      REQUEST_RATE_WINDOW_MS,
      CORS_ORIGINS,
      WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      WS_MAX_CONNECTIONS_PER_PRINCIPAL,
      WS_MAX_PENDING_CHANGES,
    ],
  },
  { title: "Tracing", variables: [OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME] },
  {
    title: "Sandbox",
    about: "Read by the gateway's built-in sandbox (sandbox mode only: no Connectly API key set) and by the standalone sandbox, `npm run sandbox`.",
    variables: [SANDBOX_PORT, SANDBOX_STATUS_EVENTS, SANDBOX_FAILURE_RATE, SANDBOX_STATUS_DELAY_MS, SANDBOX_TEMPLATES_FILE],
  },
  {
    title: "Standalone sandbox",
    about: "Read by `npm run sandbox` only (src/sandbox/main.ts), which runs the sandbox as its own process, for benchmarks; the gateway ignores them.",
    variables: [SANDBOX_API_KEY, SANDBOX_RATE_LIMIT, SANDBOX_ANSWER_DELAY_MS, SANDBOX_ANSWER_JITTER_MS, SANDBOX_WEBHOOK_SECRET, SANDBOX_WEBHOOK_URL],
  },
];
