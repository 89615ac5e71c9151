/**
 * The way out to Connectly: its HTTP client, the account rate limit (in-process, or in Redis to hold
 * across replicas) and delivery with retries, measured and, with tracing on, traced.
 */
import type { Redis } from "ioredis";
import type { Config } from "../config/config.js";
import { createConnectlyClient, type ConnectlyClient } from "../connectly/client.js";
import { createDelivery, type Delivery } from "../connectly/delivery.js";
import { instrumentConnectly, instrumentLimiter, type Metrics } from "../metrics/metrics.js";
import { createRateLimiter, type RateLimiter } from "../ratelimit/limiter.js";
import { accountRules } from "../ratelimit/sliding-log.js";
import { createMemoryStore, createRedisStore } from "../ratelimit/stores.js";
import { traceConnectly, traceLimiter } from "../tracing/tracing.js";
import type { Shutdown } from "./shutdown.js";

export interface Outbound {
  readonly connectly: ConnectlyClient;
  readonly limiter: RateLimiter;
  /** The one Redis connection, when configured: the limiter's store (which closes it) and the HTTP request rate share it. */
  readonly redis: Redis | undefined;
}

export async function openOutbound(config: Config, baseUrl: string, shutdown: Shutdown): Promise<Outbound> {
  const connectly = createConnectlyClient({ baseUrl, ...config.connectlyHttp });
  shutdown.opened("connectly", () => connectly.close());
  const { outbound, connectlyHttp } = config;
  const rules = accountRules(outbound.perSecond, outbound.burst, outbound.marginMs);
  // A hold lapses once no attempt could still be waiting for its answer.
  const storeOptions = {
    countUntil: outbound.countUntil,
    holdMs: connectlyHttp.connectTimeoutMs + connectlyHttp.headersTimeoutMs + connectlyHttp.bodyTimeoutMs,
  };
  // ioredis is loaded only when configured: a single gateway does without it.
  const redis = config.redisUrl ? new (await import("ioredis")).Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: false }) : undefined;
  const store = redis ? createRedisStore(redis, rules, undefined, storeOptions) : createMemoryStore(rules, undefined, storeOptions);
  const limiter = createRateLimiter({ store, perSecond: outbound.perSecond, maxQueue: outbound.maxQueue });
  shutdown.opened("limiter", () => limiter.close());
  return { connectly, limiter, redis };
}

/** The client and the limiter wrapped with their metrics (and spans), and delivery over them; catalog reads use the same two. */
export function measuredDelivery(
  opened: Outbound,
  config: Config,
  metrics: Metrics,
  traced: boolean,
): { readonly connectly: ConnectlyClient; readonly limiter: RateLimiter; readonly delivery: Delivery } {
  const measuredConnectly = instrumentConnectly(opened.connectly, metrics);
  const measuredLimiter = instrumentLimiter(opened.limiter, metrics);
  const connectly = traced ? traceConnectly(measuredConnectly) : measuredConnectly;
  const limiter = traced ? traceLimiter(measuredLimiter) : measuredLimiter;
  return { connectly, limiter, delivery: createDelivery(connectly, limiter, config.outbound.retry, config.outbound.templateBudget) };
}
