import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, VARIABLES } from "../src/config/config.js";
import { loadStandaloneSandboxConfig } from "../src/config/sandbox.js";
import { configurationTable } from "../src/config/table.js";

/** Runs `load`, which must throw one ConfigError sentence starting with the variable's name; returns the sentence. */
function refusedInOneSentence(load: () => unknown, name: string): string {
  let error: unknown;
  try {
    load();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as ConfigError).message;
  expect(message.startsWith(name)).toBe(true);
  expect(message.trim().split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
  return message;
}
describe("loadConfig", () => {
  it("runs on embedded defaults and the sandbox with nothing set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.database).toEqual({ kind: "embedded", dir: ".data/pglite" });
    expect(config.connectly).toEqual({ mode: "sandbox", sandboxPort: 0, statusEvents: true, failureRate: 0.1, statusDelayMs: 500 });
    expect(config.pubsub).toBe("memory");
    expect(config.webhooks).toEqual({ secrets: [], businessSecrets: new Map(), maxBytes: 262_144 });
  });

  it("uses DATABASE_URL and the real API with a key", () => {
    const config = loadConfig({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gw",
      CONNECTLY_API_KEY: "secret-key",
      CONNECTLY_BUSINESS_API_KEYS: "biz-a=key-a, biz-b=key-b",
      AUTH_JWT_SECRET: "a-service-secret-of-32-characters!",
    });
    expect(config.database).toEqual({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:5432/gw", poolSize: 10 });
    expect(config.connectly).toMatchObject({ mode: "live", baseUrl: "https://api.connectly.ai/", defaultApiKey: "secret-key" });
    if (config.connectly.mode !== "live") throw new Error("expected live mode");
    expect([...config.connectly.businessApiKeys]).toEqual([
      ["biz-a", "key-a"],
      ["biz-b", "key-b"],
    ]);
  });

  it.each([
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "1.5" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgresql://127.0.0.1:5432" }, "DATABASE_URL"],
    [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
    [{ CONNECTLY_API_KEY: "k", CONNECTLY_BASE_URL: "ftp://x" }, "CONNECTLY_BASE_URL"],
    [{ CONNECTLY_BASE_URL: "https://x" }, "CONNECTLY_BASE_URL"],
    [{ CONNECTLY_BUSINESS_API_KEYS: "biz=" }, "CONNECTLY_BUSINESS_API_KEYS"],
    [{ CONNECTLY_TIMEOUT_MS: "fast" }, "CONNECTLY_TIMEOUT_MS"],
    [{ CONNECTLY_CONNECTIONS: "0" }, "CONNECTLY_CONNECTIONS"],
    [{ SANDBOX_PORT: "-1" }, "SANDBOX_PORT"],
    [{ CONNECTLY_RATE_COUNT_UNTIL: "forever" }, "CONNECTLY_RATE_COUNT_UNTIL"],
    [{ CONNECTLY_RATE_MARGIN_MS: "2000" }, "CONNECTLY_RATE_MARGIN_MS"],
    [{ CONNECTLY_RATE_BURST: "500" }, "CONNECTLY_RATE_BURST"],
    [{ PUBSUB: "kafka" }, "PUBSUB"],
    [{ PUBSUB: "redis" }, "PUBSUB"],
    [{ PUBSUB: "postgres" }, "PUBSUB"],
    [{ CONNECTLY_WEBHOOK_SECRET: "short" }, "CONNECTLY_WEBHOOK_SECRET"],
    [{ CONNECTLY_WEBHOOK_SECRET: "long-enough-secret,x" }, "CONNECTLY_WEBHOOK_SECRET"],
    [{ CONNECTLY_BUSINESS_WEBHOOK_SECRETS: "biz=" }, "CONNECTLY_BUSINESS_WEBHOOK_SECRETS"],
    [{ CONNECTLY_BUSINESS_WEBHOOK_SECRETS: "long-enough-secret" }, "CONNECTLY_BUSINESS_WEBHOOK_SECRETS"],
    [{ CONNECTLY_BUSINESS_WEBHOOK_SECRETS: "a b=long-enough-secret" }, "CONNECTLY_BUSINESS_WEBHOOK_SECRETS"],
    [{ CONNECTLY_BUSINESS_WEBHOOK_SECRETS: "biz=long-enough-secret,biz=short" }, "CONNECTLY_BUSINESS_WEBHOOK_SECRETS"],
    [{ WEBHOOK_MAX_BYTES: "10" }, "WEBHOOK_MAX_BYTES"],
    [{ SANDBOX_STATUS_EVENTS: "maybe" }, "SANDBOX_STATUS_EVENTS"],
    [{ SANDBOX_FAILURE_RATE: "1.5" }, "SANDBOX_FAILURE_RATE"],
    [{ SANDBOX_FAILURE_RATE: "-0.1" }, "SANDBOX_FAILURE_RATE"],
    [{ SANDBOX_STATUS_DELAY_MS: "soon" }, "SANDBOX_STATUS_DELAY_MS"],
    [{ CONNECTLY_API_KEY: "k" }, "CONNECTLY_API_KEY"],
    [{ CONNECTLY_BUSINESS_API_KEYS: "biz=key" }, "CONNECTLY_BUSINESS_API_KEYS"],
    [{ AUTH_JWT_SECRET: "too-short" }, "AUTH_JWT_SECRET"],
    [{ AUTH_JWKS_URL: "not a url" }, "AUTH_JWKS_URL"],
    [{ AUTH_JWKS_URL: "https://id.example.com/jwks.json" }, "AUTH_ISSUER"],
    [{ AUTH_JWKS_URL: "https://id.example.com/jwks.json", AUTH_ISSUER: "https://id.example.com/" }, "AUTH_AUDIENCE"],
    [{ AUTH_ISSUER: "https://id.example.com/" }, "AUTH_ISSUER"],
    [{ AUTH_AUDIENCE: "gateway" }, "AUTH_AUDIENCE"],
    [{ AUTH_BUSINESS_CLAIM: "business ids" }, "AUTH_BUSINESS_CLAIM"],
    [{ AUTH_SCOPE_CLAIM: "" + "x".repeat(129) }, "AUTH_SCOPE_CLAIM"],
    [{ AUTH_CLOCK_TOLERANCE_S: "3600" }, "AUTH_CLOCK_TOLERANCE_S"],
    [{ GRAPHQL_INTROSPECTION: "maybe" }, "GRAPHQL_INTROSPECTION"],
    [{ GRAPHQL_LANDING_PAGE: "2" }, "GRAPHQL_LANDING_PAGE"],
    [{ GRAPHQL_MAX_DEPTH: "0" }, "GRAPHQL_MAX_DEPTH"],
    [{ GRAPHQL_MAX_COST: "cheap" }, "GRAPHQL_MAX_COST"],
    [{ GRAPHQL_MAX_ALIASES: "-1" }, "GRAPHQL_MAX_ALIASES"],
    [{ GRAPHQL_MAX_DIRECTIVES: "1.5" }, "GRAPHQL_MAX_DIRECTIVES"],
    [{ GRAPHQL_MAX_TOKENS: "5" }, "GRAPHQL_MAX_TOKENS"],
    [{ GRAPHQL_BODY_LIMIT_BYTES: "100" }, "GRAPHQL_BODY_LIMIT_BYTES"],
    [{ QUERY_TIMEOUT_MS: "0" }, "QUERY_TIMEOUT_MS"],
    [{ REQUEST_RATE_LIMIT: "0" }, "REQUEST_RATE_LIMIT"],
    [{ REQUEST_RATE_WINDOW_MS: "10" }, "REQUEST_RATE_WINDOW_MS"],
    [{ CORS_ORIGINS: "app.example.com" }, "CORS_ORIGINS"],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" }, "OTEL_EXPORTER_OTLP_ENDPOINT"],
    [{ SHUTDOWN_TIMEOUT_MS: "0" }, "SHUTDOWN_TIMEOUT_MS"],
    [{ CORS_ORIGINS: "https://app.example.com/path" }, "CORS_ORIGINS"],
  ])("refuses %o with one sentence naming %s", (env, name) => {
    refusedInOneSentence(() => loadConfig(env), name);
  });

  const SECRET = "a-service-secret-of-32-characters!";

  it("refuses a Connectly API key without auth, and takes it with an HS256 secret or a JWKS", () => {
    expect(() => loadConfig({ CONNECTLY_API_KEY: "k" })).toThrow(/neither AUTH_JWT_SECRET nor AUTH_JWKS_URL/);
    expect(loadConfig({ CONNECTLY_API_KEY: "k", AUTH_JWT_SECRET: SECRET }).auth).toEqual({
      secret: SECRET,
      jwksUrl: undefined,
      issuer: undefined,
      audience: undefined,
      businessClaim: "businessIds",
      scopeClaim: "scope",
      clockToleranceS: 5,
    });
    const jwks = loadConfig({
      CONNECTLY_API_KEY: "k",
      AUTH_JWKS_URL: "https://id.example.com/jwks.json",
      AUTH_ISSUER: "https://id.example.com/",
      AUTH_AUDIENCE: "gw",
      AUTH_BUSINESS_CLAIM: "https://example.com/businesses",
    });
    expect(jwks.auth).toMatchObject({
      jwksUrl: "https://id.example.com/jwks.json",
      issuer: "https://id.example.com/",
      audience: "gw",
      businessClaim: "https://example.com/businesses",
    });
    // Command-line tools that serve nothing need no auth.
    expect(loadConfig({ CONNECTLY_API_KEY: "k" }, { server: false }).auth).toBeUndefined();
    // The secret is never echoed.
    expect(() => loadConfig({ AUTH_JWT_SECRET: "short-secret-value" })).toThrow(ConfigError);
    try {
      loadConfig({ AUTH_JWT_SECRET: "short-secret-value" });
    } catch (e) {
      expect((e as Error).message).not.toContain("short-secret-value");
    }
  });

  it("binds to 127.0.0.1 only while auth is off, whatever HOST says", () => {
    expect(loadConfig({ HOST: "0.0.0.0" })).toMatchObject({ host: "127.0.0.1", refusedHost: "0.0.0.0" });
    expect(loadConfig({})).not.toHaveProperty("refusedHost");
    const withAuth = loadConfig({ HOST: "0.0.0.0", AUTH_JWT_SECRET: SECRET });
    expect(withAuth.host).toBe("0.0.0.0");
    expect(withAuth).not.toHaveProperty("refusedHost");
  });

  it("turns introspection and the landing page off in production unless asked", () => {
    expect(loadConfig({}).graphql).toMatchObject({ introspection: true, landingPage: true, production: false });
    expect(loadConfig({ NODE_ENV: "production" }).graphql).toMatchObject({ introspection: false, landingPage: false, production: true });
    expect(loadConfig({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true", GRAPHQL_LANDING_PAGE: "on" }).graphql).toMatchObject({
      introspection: true,
      landingPage: true,
    });
  });

  it("turns tracing on with an OTLP endpoint, sending to its /v1/traces", () => {
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }).tracing).toEqual({
      endpoint: "http://collector:4318/v1/traces",
      serviceName: "connectly-graphql-gateway",
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/v1/traces", OTEL_SERVICE_NAME: "gw-eu" }).tracing).toEqual({
      endpoint: "http://collector:4318/v1/traces",
      serviceName: "gw-eu",
    });
  });

  it("reads abuse limits, the request rate and CORS origins", () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: "8",
      REQUEST_RATE_LIMIT: "50",
      REQUEST_RATE_WINDOW_MS: "60000",
      CORS_ORIGINS: "https://app.example.com, http://localhost:5173",
    });
    expect(config.graphql.limits).toEqual({ maxDepth: 8, maxCost: 100_000, maxAliases: 15, maxDirectives: 50, maxTokens: 5_000 });
    expect(config.graphql).toMatchObject({ bodyLimitBytes: 1_048_576, queryTimeoutMs: 10_000 });
    expect(config.http).toEqual({ requestRate: { max: 50, windowMs: 60_000 }, corsOrigins: ["https://app.example.com", "http://localhost:5173"] });
  });

  it("counts each outbound request until a window after its answer by default, with a 1 ms margin; learned and start on request", () => {
    expect(loadConfig({}).outbound).toMatchObject({ countUntil: "answer", marginMs: 1 });
    expect(loadConfig({ CONNECTLY_RATE_COUNT_UNTIL: "learned" }).outbound).toMatchObject({ countUntil: "learned" });
    expect(loadConfig({ CONNECTLY_RATE_COUNT_UNTIL: "start", CONNECTLY_RATE_MARGIN_MS: "40" }).outbound).toMatchObject({ countUntil: "start", marginMs: 40 });
  });

  it("picks the pub/sub transport from what is configured", () => {
    expect(loadConfig({}).pubsub).toBe("memory");
    expect(loadConfig({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gw" }).pubsub).toBe("postgres");
    expect(loadConfig({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gw", REDIS_URL: "redis://127.0.0.1:6379" }).pubsub).toBe("redis");
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", PUBSUB: "memory" }).pubsub).toBe("memory");
  });

  it("reads webhook secrets, several while rotating, and never echoes one", () => {
    expect(loadConfig({ CONNECTLY_WEBHOOK_SECRET: "first-secret, second-secret" }).webhooks.secrets).toEqual(["first-secret", "second-secret"]);
    try {
      loadConfig({ CONNECTLY_WEBHOOK_SECRET: "tiny" });
    } catch (e) {
      expect((e as Error).message).not.toContain("tiny");
    }
  });

  it("reads per-business webhook secrets (a business twice while rotating) and never echoes one", () => {
    const config = loadConfig({ CONNECTLY_BUSINESS_WEBHOOK_SECRETS: "biz-a=secret-a-old, biz-b=secret-b-only,biz-a=secret-a-new" });
    expect([...config.webhooks.businessSecrets]).toEqual([
      ["biz-a", ["secret-a-old", "secret-a-new"]],
      ["biz-b", ["secret-b-only"]],
    ]);
    expect(config.webhooks.secrets).toEqual([]);
    for (const env of [{ CONNECTLY_BUSINESS_WEBHOOK_SECRETS: "biz-a=tiny7" }, { CONNECTLY_BUSINESS_WEBHOOK_SECRETS: "bad business!=super-secret" }]) {
      let message = "";
      try {
        loadConfig(env);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^CONNECTLY_BUSINESS_WEBHOOK_SECRETS .*entry 1/);
      expect(message).not.toMatch(/tiny7|super-secret/);
    }
  });

  it("never echoes an API key in a configuration error", () => {
    expect(() => loadConfig({ CONNECTLY_BUSINESS_API_KEYS: "bad business!=super-secret" })).toThrow(ConfigError);
    try {
      loadConfig({ CONNECTLY_BUSINESS_API_KEYS: "bad business!=super-secret" });
    } catch (e) {
      expect((e as Error).message).not.toContain("super-secret");
    }
  });

  it("names each variable once", () => {
    const names = VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("docs/configuration.md holds exactly the table the declarations render (npm run docs:config)", async () => {
    const doc = await readFile(path.resolve(import.meta.dirname, "../docs/configuration.md"), "utf8");
    const between = doc.split("<!-- config-table")[1]!.split("<!-- /config-table -->")[0]!;
    expect(between.slice(between.indexOf("\n") + 1)).toBe(configurationTable());
    for (const variable of VARIABLES) expect(between).toContain(`| \`${variable.name}\` |`);
  });

  it("reads the environment only through the declarations", async () => {
    const root = path.resolve(import.meta.dirname, "../src");
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".ts") && !f.startsWith("config/") && !f.includes("generated"));
    for (const file of files) {
      const source = await readFile(path.join(root, file), "utf8");
      expect(source, file).not.toMatch(/process\.env(\.|\[)|\benv\.[A-Z_]{2,}/);
    }
  });
});

describe("loadStandaloneSandboxConfig", () => {
  it("shares SANDBOX_PORT's default with the gateway's built-in sandbox, and posts no webhooks without a secret", () => {
    const builtIn = loadConfig({}).connectly;
    expect(builtIn.mode).toBe("sandbox");
    expect(loadStandaloneSandboxConfig({})).toEqual({
      port: 0,
      apiKey: undefined,
      rateLimitPerSecond: 200,
      network: { delayMs: 0, jitterMs: 0 },
      webhooks: undefined,
      webhookUrl: undefined,
    });
    expect(builtIn.mode === "sandbox" && builtIn.sandboxPort).toBe(0);
  });

  it("posts status webhooks with the shared SANDBOX_* settings once SANDBOX_WEBHOOK_SECRET is set", () => {
    const config = loadStandaloneSandboxConfig({
      SANDBOX_PORT: "4010",
      SANDBOX_API_KEY: "bench-key",
      SANDBOX_RATE_LIMIT: "500",
      SANDBOX_WEBHOOK_SECRET: "sandbox-webhook-secret",
      SANDBOX_WEBHOOK_URL: "http://127.0.0.1:4000/webhooks/connectly",
      SANDBOX_FAILURE_RATE: "0.25",
      SANDBOX_ANSWER_DELAY_MS: "40",
      SANDBOX_ANSWER_JITTER_MS: "5",
    });
    expect(config).toEqual({
      port: 4010,
      apiKey: "bench-key",
      rateLimitPerSecond: 500,
      network: { delayMs: 40, jitterMs: 5 },
      webhooks: { secret: "sandbox-webhook-secret", statusEvents: true, failureRate: 0.25, delayMs: 500 },
      webhookUrl: "http://127.0.0.1:4000/webhooks/connectly",
    });
  });

  it.each([
    [{ SANDBOX_PORT: "4010.5" }, "SANDBOX_PORT"],
    [{ SANDBOX_RATE_LIMIT: "fast" }, "SANDBOX_RATE_LIMIT"],
    [{ SANDBOX_API_KEY: "two words" }, "SANDBOX_API_KEY"],
    [{ SANDBOX_WEBHOOK_SECRET: "tiny7" }, "SANDBOX_WEBHOOK_SECRET"],
    [{ SANDBOX_WEBHOOK_URL: "http://127.0.0.1:4000/webhooks/connectly" }, "SANDBOX_WEBHOOK_URL"],
    [{ SANDBOX_WEBHOOK_SECRET: "sandbox-webhook-secret", SANDBOX_WEBHOOK_URL: "127.0.0.1:4000" }, "SANDBOX_WEBHOOK_URL"],
    [{ SANDBOX_STATUS_EVENTS: "maybe" }, "SANDBOX_STATUS_EVENTS"],
  ])("refuses %o with one sentence naming %s", (env, name) => {
    const message = refusedInOneSentence(() => loadStandaloneSandboxConfig(env), name);
    // A secret is never echoed.
    expect(message).not.toContain("tiny7");
  });
});
