/**
 * Assembles the gateway from its configuration: database (migrated), Connectly client (or the
 * built-in sandbox), the GraphQL server on Fastify. `startGateway` is what `npm start` and the
 * tests run; `close` releases everything in reverse order.
 */
import { randomBytes } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import fastifyWebsocket from "@fastify/websocket";
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from "fastify";
import { Redis } from "ioredis";
import type { Config } from "../config/config.js";
import { createConnectlyClient } from "../connectly/client.js";
import { createDelivery } from "../connectly/delivery.js";
import { createRateLimiter, type RateLimiter } from "../ratelimit/limiter.js";
import { accountRules } from "../ratelimit/sliding-log.js";
import { createMemoryStore, createRedisStore } from "../ratelimit/stores.js";
import { newMessageId } from "../sending/ids.js";
import { recoverInterrupted } from "../sending/recover.js";
import type { Principal } from "../auth/principal.js";
import { createTokenVerifier } from "../auth/tokens.js";
import { createContext, type GraphQLContext, type GraphQLServices } from "../graphql/context.js";
import { createFormatError } from "../graphql/errors.js";
import { limitRules, parseOptions } from "../graphql/limits.js";
import { buildSchema } from "../graphql/schema.js";
import { openDatabase, type Database } from "../persistence/database.js";
import { migrationNames } from "../persistence/migrate.js";
import { createCustomerStore } from "../persistence/customers.js";
import { createMessageStore } from "../persistence/messages.js";
import { createRejectedWebhookStore } from "../persistence/rejected-webhooks.js";
import { createStatusEventStore } from "../persistence/status-events.js";
import { createPostgresTransport } from "../pubsub/postgres.js";
import { createPubSub, type ChangeRef, type PubSub, type StatusChange, type Transport } from "../pubsub/pubsub.js";
import { createRedisTransport } from "../pubsub/redis.js";
import { startSandbox, type Sandbox } from "../sandbox/sandbox.js";
import { createIngest, type Ingest } from "../webhooks/ingest.js";
import { registerWebhookRoute, WEBHOOK_PATH } from "../webhooks/route.js";
import { webhookKeys } from "../webhooks/trust.js";
import { coalesceFrames } from "./coalesce-frames.js";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { otlpProcessor, startTracing, traceConnectly, traceLimiter, traceStore } from "../tracing/tracing.js";
import { operationObserver } from "./operation-log.js";
import { createMetrics, instrumentConnectly, instrumentIngest, instrumentLimiter } from "../metrics/metrics.js";
import { createReadiness } from "./health.js";
import { graphqlHandler, operationTypePlugin, subscriptionOverHttpPlugin } from "./graphql-http.js";
import { authenticateRequest, createAuthenticate, metricsAccess, originAllowed, requirePrincipal } from "./http-auth.js";
import { createGraphQLWsHandler } from "./graphql-ws.js";
import { registerHttpProtections } from "./http-protections.js";
import { HttpGraphQLError } from "./http-errors.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller of a GraphQL request, set by the authentication hook. */
    principal: Principal | null;
  }
}

export interface Gateway {
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly database: Database;
  /** The built-in sandbox, when no API key is configured. */
  readonly sandbox: Sandbox | undefined;
  readonly limiter: RateLimiter;
  readonly pubsub: PubSub;
  readonly ingest: Ingest;
  /** Resolves messages left PENDING by a process that died (also run at start-up and every minute). */
  recover(staleBefore?: Date): Promise<{ recovered: number; accepted: number; failed: number }>;
  close(): Promise<void>;
}

/** Log fields that must never be written, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers["x-api-key"]',
  "req.headers.authorization",
  "req.headers.cookie",
  'headers["x-api-key"]',
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "connectionParams",
];

export interface GatewayOptions {
  /** Where log lines go (stdout by default); tests read them from here. */
  readonly logStream?: { write(line: string): void };
  /** Receives finished spans instead of the OTLP exporter, and turns tracing on (tests). */
  readonly spanProcessor?: SpanProcessor;
}

export async function startGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: config.graphql.bodyLimitBytes,
    // One line per request only when debugging: at 200 messages/s it would drown everything else.
    logController: new LogController({ disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace" }),
  });
  const log = app.log;

  const database = await openDatabase(config.database);
  const spanProcessor = options.spanProcessor ?? (config.tracing ? otlpProcessor(config.tracing.endpoint) : undefined);
  const tracing = spanProcessor ? startTracing(config.tracing?.serviceName ?? "connectly-graphql-gateway", spanProcessor) : undefined;
  const traced = tracing !== undefined;
  // The sandbox signs its webhooks with a secret only this process knows: that is how the gateway
  // takes the sandbox's events without a configured secret, and nobody else's.
  const sandboxWebhookSecret = randomBytes(32).toString("base64url");
  const sandbox =
    config.connectly.mode === "sandbox"
      ? await startSandbox({
          port: config.connectly.sandboxPort,
          webhooks: {
            secret: sandboxWebhookSecret,
            statusEvents: config.connectly.statusEvents,
            failureRate: config.connectly.failureRate,
            delayMs: config.connectly.statusDelayMs,
          },
        })
      : undefined;
  const closeAll: (() => Promise<void>)[] = [() => database.close()];
  if (tracing) closeAll.push(() => tracing.shutdown());
  if (sandbox) closeAll.unshift(() => sandbox.close());

  try {
    if (database.appliedMigrations.length > 0) log.info({ migrations: database.appliedMigrations }, "applied database migrations");
    const connectlyConfig = config.connectly;
    const baseUrl = connectlyConfig.mode === "sandbox" ? sandbox!.url : connectlyConfig.baseUrl;
    const apiKeyFor =
      connectlyConfig.mode === "sandbox"
        ? () => sandbox!.apiKey
        : (businessId: string) => connectlyConfig.businessApiKeys.get(businessId) ?? connectlyConfig.defaultApiKey;
    // Metrics read the limiter, pub/sub and pool when scraped; those are assigned below.
    let observedLimiter: RateLimiter | undefined;
    let observedPubsub: PubSub | undefined;
    const metrics = createMetrics({
      queued: () => observedLimiter?.queued() ?? 0,
      subscriptions: () => observedPubsub?.subscriptions ?? 0,
      pool: database.postgres?.pool,
    });
    const measuredConnectly = instrumentConnectly(createConnectlyClient({ baseUrl, ...config.connectlyHttp }), metrics);
    const connectly = traced ? traceConnectly(measuredConnectly) : measuredConnectly;
    closeAll.unshift(() => connectly.close());

    const { outbound } = config;
    const rules = accountRules(outbound.perSecond, outbound.burst, outbound.marginMs);
    // A hold lapses once no attempt could still be waiting for its answer.
    const storeOptions = {
      countUntil: outbound.countUntil,
      holdMs: config.connectlyHttp.connectTimeoutMs + config.connectlyHttp.headersTimeoutMs + config.connectlyHttp.bodyTimeoutMs,
    };
    // One connection serves both rate limits in Redis: Connectly's (the store, which closes it) and the per-token request rate.
    const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: false }) : undefined;
    const store = redis ? createRedisStore(redis, rules, undefined, storeOptions) : createMemoryStore(rules, undefined, storeOptions);
    const measuredLimiter = instrumentLimiter(createRateLimiter({ store, perSecond: outbound.perSecond, maxQueue: outbound.maxQueue }), metrics);
    const limiter = traced ? traceLimiter(measuredLimiter) : measuredLimiter;
    observedLimiter = limiter;
    closeAll.unshift(() => limiter.close());
    const delivery = createDelivery(connectly, limiter, outbound.retry);

    const traceIf = <T extends object>(name: string, store: T): T => (traced ? traceStore(name, store) : store);
    const messages = traceIf("messages", createMessageStore(database.prisma, database.direct));
    const statusEvents = traceIf("status_events", createStatusEventStore(database.prisma, database.direct));
    const customers = traceIf("customers", createCustomerStore(database.prisma));
    const reportError = (what: string) => (error: unknown) => log.error({ err: error }, what);

    // Status changes: published here, delivered to subscribers of every gateway process.
    const hydrate = async (refs: readonly ChangeRef[]): Promise<StatusChange[]> => {
      const rows = await messages.findByIds([...new Set(refs.map((r) => r.messageId))]);
      const eventIds = refs.flatMap((r) => (r.eventId == null ? [] : [BigInt(r.eventId)]));
      const events = await statusEvents.eventsById(eventIds);
      const byId = new Map(rows.map((m) => [m.id, m]));
      const eventById = new Map(events.map((e) => [String(e.id), e]));
      return refs.flatMap((r) => {
        const message = byId.get(r.messageId);
        return message ? [{ message, event: r.eventId == null ? null : (eventById.get(r.eventId) ?? null) }] : [];
      });
    };
    let transport: Transport | undefined;
    if (config.pubsub === "redis" && config.redisUrl) transport = createRedisTransport(config.redisUrl, reportError("Redis pub/sub failed"));
    if (config.pubsub === "postgres" && database.postgres) {
      transport = createPostgresTransport(database.postgres.connectionString, database.postgres.pool, reportError("PostgreSQL LISTEN/NOTIFY failed"));
    }
    const pubsub = await createPubSub({ ...(transport ? { transport } : {}), hydrate, onError: reportError("status change could not be published"), maxPending: config.ws.maxPendingChanges });
    observedPubsub = pubsub;
    closeAll.unshift(() => pubsub.close());

    const ingest = instrumentIngest(createIngest({
      statusEvents,
      messages,
      customers,
      rejected: createRejectedWebhookStore(database.prisma),
      pubsub,
      onError: reportError("webhook events could not be applied"),
    }), metrics);
    closeAll.unshift(() => ingest.close());

    const sending = {
      store: messages,
      delivery,
      apiKeyFor,
      newId: newMessageId,
      onOutcome: (message: StatusChange["message"]) => {
        pubsub.publish([{ message, event: null }]);
        // Events that beat the send's answer here are told to subscribers now, after the outcome.
        if (message.connectlyId != null) ingest.accepted(message.businessId, message.connectlyId);
      },
    };
    const services: GraphQLServices = { messages, statusEvents, customers, sending, pubsub, now: Date.now };

    // A PENDING row is stale once no live process can still be working on it: after the send deadline
    // plus the HTTP timeouts. With the embedded database (one process, by its lock) every row older
    // than this process's start is stale at start-up.
    const startedAt = new Date();
    const staleAfterMs = outbound.retry.deadlineMs + config.connectlyHttp.headersTimeoutMs + config.connectlyHttp.bodyTimeoutMs + 10_000;
    const recover = async (staleBefore = new Date(Date.now() - staleAfterMs)) => {
      const report = await recoverInterrupted(sending, staleBefore);
      if (report.recovered > 0) log.warn(report, "resolved messages left PENDING by an interrupted gateway");
      return report;
    };

    const schema = buildSchema();
    const formatError = createFormatError(log);
    const validationRules = limitRules(config.graphql.limits);
    const apollo = new ApolloServer<GraphQLContext>({
      schema,
      plugins: [
        fastifyApolloDrainPlugin(app),
        operationObserver(log, metrics),
        operationTypePlugin,
        subscriptionOverHttpPlugin,
        ...(config.graphql.landingPage ? [] : [ApolloServerPluginLandingPageDisabled()]),
        // Apollo's default cache-control plugin wraps every field resolver to collect cache hints the
        // gateway never uses (its answers are per caller and live): about 1 ms on a message, 3 ms on a
        // page of 50 (bench/graphql-overhead).
        ApolloServerPluginCacheControlDisabled(),
      ],
      introspection: config.graphql.introspection,
      validationRules,
      parseOptions: parseOptions(config.graphql.limits),
      // Apollo's CSRF prevention: a request a browser would send without a preflight needs a
      // non-simple content type or an apollo-require-preflight / x-apollo-operation-name header.
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // main.ts owns SIGTERM/SIGINT: Apollo's own handlers would re-raise the signal mid-shutdown.
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      formatError,
    });
    await apollo.start();
    closeAll.unshift(() => apollo.stop());

    const authenticate = createAuthenticate(config.auth ? createTokenVerifier(config.auth) : undefined);
    app.decorateRequest("principal", null);
    const rateLimit = await registerHttpProtections(app, config, redis);

    // GraphQL over HTTP (Apollo) and over WebSocket (graphql-ws) on the same path.
    await app.register(fastifyWebsocket, {
      options: { maxPayload: config.graphql.bodyLimitBytes },
      // 1001 Going Away: subscribers reconnect (to another replica) and catch up.
      preClose: async () => {
        for (const client of app.websocketServer.clients) client.close(1001, "The gateway is shutting down.");
      },
    });
    const httpHandler = graphqlHandler(apollo, {
      // The request id goes into the operation's log line.
      context: (request) => createContext(services, requirePrincipal(request), { requestId: request.id }),
      queryTimeoutMs: config.graphql.queryTimeoutMs,
      traced,
    });
    // The one decision of trust for GraphQL over HTTP. Only a request that really upgraded (the
    // server's upgrade event, not a header) is left to connection_init; everything else needs a token.
    const authenticateHttp = async (request: FastifyRequest) => {
      if (request.ws) {
        // Browsers do not apply CORS to WebSockets: refuse other sites' pages here.
        if (!originAllowed(request, config.http.corsOrigins)) {
          throw new HttpGraphQLError(403, "WebSocket connections from this origin are not allowed (CORS_ORIGINS).", { code: "FORBIDDEN" });
        }
        return;
      }
      await authenticateRequest(authenticate, request);
    };
    const graphqlHttp: typeof httpHandler = function (request, reply) {
      requirePrincipal(request);
      return httpHandler.call(this, request, reply);
    };
    const graphqlWs = createGraphQLWsHandler({
      schema,
      services,
      authenticate,
      parseOptions: parseOptions(config.graphql.limits),
      validationRules,
      formatError,
      limits: config.ws,
      log,
    });
    app.route({
      method: "GET",
      url: "/graphql",
      onRequest: authenticateHttp,
      config: { rateLimit },
      handler: graphqlHttp,
      wsHandler: (socket, request) => {
        coalesceFrames(socket);
        graphqlWs.call(app, socket, request);
      },
    });
    app.route({ method: "POST", url: "/graphql", onRequest: authenticateHttp, config: { rateLimit }, handler: graphqlHttp });
    // Probes: /healthz while the process runs, /readyz while it should get traffic.
    let shuttingDown = false;
    const readiness = createReadiness(
      { prisma: database.prisma, upstream: { mode: connectlyConfig.mode, baseUrl }, shuttingDown: () => shuttingDown },
      await migrationNames(),
    );
    // Once shutting down, a keep-alive connection closes after its in-flight answer, so the server can close.
    // (A callback hook: it runs on every answer, and an async one costs a promise each time.)
    app.addHook("onSend", (_request, reply, payload, done) => {
      if (shuttingDown) void reply.header("connection", "close");
      done(null, payload);
    });
    app.get("/healthz", async () => ({ status: "ok" }));
    const mayReadMetrics = metricsAccess({ authOn: config.auth !== undefined, metricsToken: config.metricsToken });
    app.get("/metrics", async (request, reply) => {
      const access = mayReadMetrics(request.headers.authorization);
      if (access !== true) throw access;
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
    app.get("/readyz", async (_request, reply) => {
      const { ready, checks } = await readiness();
      return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", checks });
    });

    await registerWebhookRoute(app, {
      ingest,
      keys: webhookKeys(config),
      sandboxSecret: sandbox ? sandboxWebhookSecret : null,
      maxBytes: config.webhooks.maxBytes,
      onAnswered: (statusCode) => metrics.webhookRequests.inc({ status: String(statusCode) }),
    });

    const url = await app.listen({ host: config.host, port: config.port });
    closeAll.unshift(() => app.close());
    sandbox?.setWebhookAddress(`${url}${WEBHOOK_PATH}`);
    const startupRecovery = recover(database.kind === "embedded" ? startedAt : undefined).catch((error: unknown) => log.error({ err: error }, "crash recovery failed"));
    const sweep = setInterval(() => void recover().catch((error: unknown) => log.error({ err: error }, "crash recovery failed")), 60_000);
    sweep.unref();
    closeAll.unshift(async () => {
      clearInterval(sweep);
      await startupRecovery;
    });
    if (!config.auth) {
      log.warn(
        `AUTH OFF: neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is set, so anyone who reaches the port may send and read; listening on ${config.host} only${config.refusedHost ? ` (HOST=${config.refusedHost} is not honoured without auth)` : ""}.`,
      );
    }
    if (sandbox) {
      log.warn(
        `SANDBOX MODE: no CONNECTLY_API_KEY is set, so messages go to the built-in Connectly sandbox at ${sandbox.url}, not to Connectly. Nothing reaches WhatsApp.`,
      );
    } else {
      log.info({ upstream: baseUrl }, "sending to Connectly");
    }
    log.info(`database: ${database.kind === "embedded" ? `embedded PostgreSQL (PGlite) in ${config.database.kind === "embedded" ? config.database.dir : ""}` : "PostgreSQL (DATABASE_URL)"}`);
    if (config.webhooks.secrets.length === 0 && config.webhooks.businessSecrets.size === 0) {
      log.warn(
        sandbox
          ? "CONNECTLY_WEBHOOK_SECRET is not set: /webhooks/connectly takes only the built-in sandbox's events."
          : "CONNECTLY_WEBHOOK_SECRET is not set: /webhooks/connectly refuses every event, so no delivery status will arrive.",
      );
    }
    log.info(`status changes reach other gateway processes through: ${pubsub.transport}`);
    log.info(`GraphQL ready at ${url}/graphql (subscriptions over graphql-ws on the same path); webhooks at ${url}${WEBHOOK_PATH}`);

    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      database,
      sandbox,
      limiter,
      pubsub,
      ingest,
      recover,
      close: () =>
        (closing ??= (async () => {
          // /readyz turns 503 at once, so load balancers stop sending while in-flight work finishes.
          shuttingDown = true;
          for (const close of closeAll) await close();
        })()),
    };
  } catch (error) {
    for (const close of closeAll) await close().catch(() => {});
    throw error;
  }
}
