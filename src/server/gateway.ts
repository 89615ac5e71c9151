/**
 * The composition root: the core, then the Fastify server with the edges registered on it as
 * plugins (GraphQL over HTTP and WebSocket, webhooks, probes and metrics), then listen.
 * `startGateway` is what `npm start` and the tests run; `close` releases everything in the one
 * shutdown order (core/shutdown.ts).
 */
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { Config } from "../config/config.js";
import { createCore, type Core } from "../core/core.js";
import type { Database } from "../persistence/database.js";
import type { PubSub } from "../pubsub/pubsub.js";
import type { ActivityPubSub } from "../pubsub/activity.js";
import type { RateLimiter } from "../ratelimit/limiter.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import type { Ingest } from "../webhooks/ingest.js";
import type { Metrics } from "../metrics/metrics.js";
import { WEBHOOK_PATH } from "../webhooks/route.js";
import { createApp, registerCommon } from "./app.js";
import { graphqlPlugin } from "./plugins/graphql.js";
import { probesPlugin } from "./plugins/probes.js";
import { webhooksPlugin } from "./plugins/webhooks.js";

export interface Gateway {
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly database: Database;
  /** The built-in sandbox, when no API key is configured. */
  readonly sandbox: Sandbox | undefined;
  readonly limiter: RateLimiter;
  readonly pubsub: PubSub;
  /** Customer activity's pub/sub (customerActivity's subscriptions). */
  readonly activity: ActivityPubSub;
  readonly ingest: Ingest;
  readonly metrics: Metrics;
  /** Resolves messages left PENDING by a process that died (also run at start-up and every minute). */
  recover(staleBefore?: Date): Promise<{ recovered: number; accepted: number; failed: number }>;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Where log lines go (stdout by default); tests read them from here. */
  readonly logStream?: { write(line: string): void };
  /** Receives finished spans instead of the OTLP exporter, and turns tracing on (tests). */
  readonly spanProcessor?: SpanProcessor;
  /**
   * false: crash recovery runs only when `recover()` is called, not at start-up and every minute
   * (tests that make stale rows themselves and must not have a sweep claim them mid-test).
   */
  readonly recoverOnSchedule?: boolean;
}

export async function startGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const app = createApp(config, options.logStream);
  const core = await createCore(config, { log: app.log, spanProcessor: options.spanProcessor });
  core.shutdown.opened("http", () => app.close());
  try {
    const edge = { core, config };
    const rateLimit = await registerCommon(app, edge);
    await app.register(graphqlPlugin, { ...edge, rateLimit });
    await app.register(probesPlugin, edge);
    await app.register(webhooksPlugin, edge);
    const url = await app.listen({ host: config.host, port: config.port });
    core.upstream.sandbox?.server.setWebhookAddress(`${url}${WEBHOOK_PATH}`);
    if (options.recoverOnSchedule !== false) core.recovery.start();
    logStartup(app.log, config, core, url);
    return {
      url,
      app,
      database: core.database,
      sandbox: core.upstream.sandbox?.server,
      limiter: core.limiter,
      pubsub: core.pubsub,
      activity: core.activity,
      ingest: core.ingest,
      metrics: core.metrics,
      recover: core.recovery.recover,
      // /readyz turns 503 at once, so load balancers stop sending while in-flight work finishes.
      close: () => core.shutdown.close(),
    };
  } catch (error) {
    await core.shutdown.close().catch(() => {});
    throw error;
  }
}

/** What an operator needs to know at start-up: what is open to whom, where messages go, where it listens. */
function logStartup(log: FastifyBaseLogger, config: Config, core: Core, url: string): void {
  const { sandbox } = core.upstream;
  if (!config.auth) {
    log.warn(
      `AUTH OFF: neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is set, so anyone who reaches the port may send and read; listening on ${config.host} only${config.refusedHost ? ` (HOST=${config.refusedHost} is not honoured without auth)` : ""}.`,
    );
  }
  if (sandbox) {
    log.warn(
      `SANDBOX MODE: no CONNECTLY_API_KEY is set, so messages go to the built-in Connectly sandbox at ${sandbox.server.url}, not to Connectly. Nothing reaches WhatsApp. Drive it (a customer writes, taps a button, a window closes, a send fails; docs/sandbox.md) after: export SANDBOX_URL=${sandbox.server.url} SANDBOX_KEY=${sandbox.server.apiKey}`,
    );
  } else {
    log.info({ upstream: core.upstream.baseUrl }, "sending to Connectly");
  }
  const db = config.database;
  log.info(`database: ${db.kind === "embedded" ? `embedded PostgreSQL (PGlite) in ${db.dir}` : "PostgreSQL (DATABASE_URL)"}`);
  if (config.webhooks.secrets.length === 0 && config.webhooks.businessSecrets.size === 0) {
    log.warn(
      sandbox
        ? "CONNECTLY_WEBHOOK_SECRET is not set: /webhooks/connectly takes only the built-in sandbox's events."
        : "CONNECTLY_WEBHOOK_SECRET is not set: /webhooks/connectly refuses every event, so no delivery status will arrive.",
    );
  }
  log.info(`status changes reach other gateway processes through: ${core.pubsub.transport}`);
  log.info(`GraphQL ready at ${url}/graphql (subscriptions over graphql-ws on the same path); webhooks at ${url}${WEBHOOK_PATH}`);
}
