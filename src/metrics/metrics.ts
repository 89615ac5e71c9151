/**
 * Prometheus metrics (prom-client), served at /metrics. The instruments are plain data here; the
 * core (src/core) wraps the Connectly client, the limiter and the webhook ingestion with
 * `instrument*` so the modules they measure stay free of metrics code.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ConnectlyClient, SendResult, TemplatesResult, UpstreamRequest } from "../connectly/client.js";
import type { RateLimiter } from "../ratelimit/limiter.js";
import type { Ingest } from "../webhooks/ingest.js";

export interface Metrics {
  readonly registry: Registry;
  readonly graphqlOperations: Counter<"operation" | "type" | "outcome">;
  readonly graphqlDuration: Histogram<"type">;
  readonly sendErrors: Counter<"code">;
  readonly upstreamRequests: Counter<"endpoint" | "status">;
  readonly upstreamDuration: Histogram<"endpoint" | "status">;
  readonly limiterWait: Histogram;
  readonly webhookEvents: Counter<"topic" | "outcome">;
  readonly webhookRequests: Counter<"status">;
  readonly idleCollections: Histogram;
}

export interface Observed {
  /** Requests waiting for Connectly's rate limit. */
  readonly queued: () => number;
  readonly subscriptions: () => number;
  /** The PostgreSQL pool, when there is one. */
  readonly pool?: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number } | undefined;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(observed: Observed): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics: Metrics = {
    registry,
    graphqlOperations: new Counter({
      name: "gateway_graphql_operations_total",
      help: "GraphQL operations by operation name, type and outcome (ok, the first GraphQL error's code, or the first error result's code).",
      labelNames: ["operation", "type", "outcome"],
      registers: [registry],
    }),
    sendErrors: new Counter({
      name: "gateway_send_errors_total",
      help: "Sends that returned an error result (not a GraphQL error), by ErrorCode.",
      labelNames: ["code"],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: "gateway_graphql_operation_duration_seconds",
      help: "Time from a GraphQL request's start to its response, by operation type.",
      labelNames: ["type"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    upstreamRequests: new Counter({
      name: "gateway_connectly_requests_total",
      help: "Requests to Connectly by endpoint (session, template, templates) and HTTP status (or the gateway's code when there was none: a timeout, a reset).",
      labelNames: ["endpoint", "status"],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: "gateway_connectly_request_duration_seconds",
      help: "Time of each request to Connectly, by endpoint and HTTP status.",
      labelNames: ["endpoint", "status"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    limiterWait: new Histogram({
      name: "gateway_ratelimit_wait_seconds",
      help: "Time a request to Connectly waited for the rate limit.",
      buckets: [0, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers: [registry],
    }),
    webhookEvents: new Counter({
      name: "gateway_webhook_events_total",
      help: "Webhook events received, by topic and outcome (stored, duplicate, or the rejection's code).",
      labelNames: ["topic", "outcome"],
      registers: [registry],
    }),
    webhookRequests: new Counter({
      name: "gateway_webhook_requests_total",
      help: "Webhook POSTs answered, by HTTP status (401: bad signature, 413: too large, 400: not an event).",
      labelNames: ["status"],
      registers: [registry],
    }),
    idleCollections: new Histogram({
      name: "gateway_idle_collection_seconds",
      help: "Full garbage collections run while the gateway was idle (started with --expose-gc), by duration: the event loop waits for each.",
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
  registerGauges(registry, observed);
  return metrics;
}

/** Gauges read what they report when scraped. */
function registerGauges(registry: Registry, observed: Observed): void {
  new Gauge({
    name: "gateway_ratelimit_queue_depth",
    help: "Requests waiting for Connectly's rate limit in this process.",
    registers: [registry],
    collect() {
      this.set(observed.queued());
    },
  });
  new Gauge({
    name: "gateway_subscriptions_active",
    help: "GraphQL subscriptions open on this process.",
    registers: [registry],
    collect() {
      this.set(observed.subscriptions());
    },
  });
  const pool = observed.pool;
  if (pool) {
    new Gauge({
      name: "gateway_db_pool_connections",
      help: "PostgreSQL pool connections: total, idle, and requests waiting for one.",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }
}

export function instrumentConnectly(client: ConnectlyClient, metrics: Metrics): ConnectlyClient {
  const observe = async <R extends SendResult | TemplatesResult>(endpoint: UpstreamRequest["endpoint"] | "templates", call: () => Promise<R>): Promise<R> => {
    const end = metrics.upstreamDuration.startTimer();
    const result = await call();
    const status = result.ok ? String(result.status) : String(result.failure.upstream.status ?? result.failure.code);
    end({ endpoint, status });
    metrics.upstreamRequests.inc({ endpoint, status });
    return result;
  };
  return {
    sendMessage: (businessId, apiKey, request) => observe(request.endpoint, () => client.sendMessage(businessId, apiKey, request)),
    getTemplates: (businessId, apiKey) => observe("templates", () => client.getTemplates(businessId, apiKey)),
    close: () => client.close(),
  };
}

export function instrumentLimiter(limiter: RateLimiter, metrics: Metrics): RateLimiter {
  return {
    async acquire(key, deadline) {
      const end = metrics.limiterWait.startTimer();
      try {
        return await limiter.acquire(key, deadline);
      } finally {
        end();
      }
    },
    queued: () => limiter.queued(),
    close: () => limiter.close(),
  };
}

export function instrumentIngest(ingest: Ingest, metrics: Metrics): Ingest {
  return {
    async ingest(body, businessId, contentType) {
      const outcome = await ingest.ingest(body, businessId, contentType);
      if (outcome.status === 200) metrics.webhookEvents.inc({ topic: outcome.topic, outcome: outcome.duplicate ? "duplicate" : "stored" });
      else metrics.webhookEvents.inc({ topic: "unknown", outcome: outcome.code });
      return outcome;
    },
    accepted: (businessId, connectlyId) => ingest.accepted(businessId, connectlyId),
    close: () => ingest.close(),
  };
}
