/**
 * The gateway without its edges: the database (migrated), tracing, Connectly or the built-in
 * sandbox, the rate limiter and delivery, the stores, pub/sub, webhook ingestion, the send path,
 * crash recovery and the metrics. Nothing here knows HTTP: server/ registers the edges on it.
 */
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { Config } from "../config/config.js";
import type { GraphQLServices } from "../graphql/context.js";
import { createMetrics, instrumentIngest, type Metrics } from "../metrics/metrics.js";
import { openDatabase, type Database } from "../persistence/database.js";
import type { PubSub } from "../pubsub/pubsub.js";
import type { ActivityPubSub } from "../pubsub/activity.js";
import type { RateLimiter } from "../ratelimit/limiter.js";
import { createTemplateCatalog } from "../templates/catalog.js";
import { createIngest, type Ingest } from "../webhooks/ingest.js";
import type { Redis } from "ioredis";
import { reportError, type CoreLog } from "./log.js";
import { measuredDelivery, openOutbound } from "./outbound.js";
import { createRecovery, type Recovery } from "./recovery.js";
import { createSending } from "./sending.js";
import { createShutdown, type Shutdown } from "./shutdown.js";
import { openPubSub } from "./status-changes.js";
import { announcingClosures, openActivity } from "./activity.js";
import { createStores } from "./stores.js";
import { followSandboxWindows, openUpstream, type Upstream } from "./upstream.js";

export interface CoreOptions {
  readonly log: CoreLog;
  /** Receives finished spans instead of the OTLP exporter, and turns tracing on (tests). */
  readonly spanProcessor?: SpanProcessor | undefined;
}

export interface Core {
  readonly log: CoreLog;
  readonly database: Database;
  /** Where messages go; the built-in sandbox in sandbox mode. */
  readonly upstream: Upstream;
  /** The Redis connection the limiter uses, for the HTTP request rate to share. */
  readonly redis: Redis | undefined;
  /** Whether tracing is on (the wrappers are installed only then). */
  readonly traced: boolean;
  readonly metrics: Metrics;
  readonly limiter: RateLimiter;
  readonly pubsub: PubSub;
  /** Customer activity (inbound messages, windows closing) for customerActivity's subscribers. */
  readonly activity: ActivityPubSub;
  readonly ingest: Ingest;
  /** What GraphQL's resolvers run on. */
  readonly services: GraphQLServices;
  readonly recovery: Recovery;
  /** Everything opened, closed in one order; the edges add theirs. */
  readonly shutdown: Shutdown;
}

/** Builds the core; a failure closes what was opened, in the shutdown order, and is thrown. */
export async function createCore(config: Config, options: CoreOptions): Promise<Core> {
  const shutdown = createShutdown();
  try {
    return await assemble(config, options, shutdown);
  } catch (error) {
    await shutdown.close().catch(() => {});
    throw error;
  }
}

async function assemble(config: Config, { log, spanProcessor }: CoreOptions, shutdown: Shutdown): Promise<Core> {
  const database = await openDatabase(config.database);
  shutdown.opened("database", () => database.close());
  if (database.appliedMigrations.length > 0) log.info({ migrations: database.appliedMigrations }, "applied database migrations");
  const traced = await openTracing(config, spanProcessor, shutdown);
  const upstream = await openUpstream(config, shutdown);
  const outbound = await openOutbound(config, upstream.baseUrl, shutdown);
  const stored = createStores(database, traced);
  const activity = await openActivity(config, database, stored, log, shutdown);
  // Every closing recorded (the send path's, the sandbox's) reaches customerActivity's subscribers.
  const stores = { ...stored, customers: announcingClosures(stored.customers, activity) };
  followSandboxWindows(upstream, stores.customers);
  const pubsub = await openPubSub(config, database, stores, log, shutdown);
  // Built once what it reads when scraped exists: the limiter's queue, the subscriptions, the pool.
  const metrics = createMetrics({
    queued: () => outbound.limiter.queued(),
    subscriptions: () => pubsub.subscriptions + activity.subscriptions,
    pool: database.postgres?.pool,
  });
  const { connectly, limiter, delivery } = measuredDelivery(outbound, config, metrics, traced);
  const ingest = instrumentIngest(createIngest({ ...stores, pubsub, activity, onError: reportError(log, "webhook events could not be applied") }), metrics);
  shutdown.opened("ingest", () => ingest.close());
  // Catalog reads go through the same measured client and limiter as sends: they spend the key's budget too.
  const catalog = createTemplateCatalog({
    store: stores.templateCatalogs,
    connectly,
    limiter,
    limiterWaitMs: config.outbound.retry.deadlineMs,
    ttlMs: config.templates.catalogTtlMs,
    now: Date.now,
  });
  const sending = createSending({
    messages: stores.messages,
    delivery,
    apiKeyFor: upstream.apiKeyFor,
    pubsub,
    ingest,
    customers: stores.customers,
    catalog,
    catalogUnreadable: config.templates.unreadable,
    now: Date.now,
    onError: reportError(log, "a closed session window could not be recorded"),
  });
  const services: GraphQLServices = {
    messages: stores.messages,
    statusEvents: stores.statusEvents,
    customers: stores.customers,
    inboundMessages: stores.inboundMessages,
    activity,
    conversations: stores.conversations,
    customerList: stores.customerList,
    messageCounts: stores.messageCounts,
    sending,
    catalog,
    pubsub,
    now: Date.now,
  };
  const recovery = createRecovery(config, sending, { embedded: database.kind === "embedded", log, shutdown });
  return { log, database, upstream, redis: outbound.redis, traced, metrics, limiter, pubsub, activity, ingest, services, recovery, shutdown };
}

/** Tracing is off unless configured (or a test hands a span processor); returns whether it is on. */
async function openTracing(config: Config, given: SpanProcessor | undefined, shutdown: Shutdown): Promise<boolean> {
  if (!given && !config.tracing) return false;
  const { otlpProcessor, startTracing } = await import("../tracing/provider.js");
  const processor = given ?? (config.tracing ? otlpProcessor(config.tracing.endpoint) : undefined);
  if (!processor) return false;
  const tracing = startTracing(config.tracing?.serviceName ?? "connectly-graphql-gateway", processor);
  shutdown.opened("tracing", () => tracing.shutdown());
  return true;
}
