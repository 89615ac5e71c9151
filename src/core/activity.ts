/**
 * Customer activity (the customerActivity subscription): published here and delivered to
 * subscribers of every gateway process, through Redis or PostgreSQL LISTEN/NOTIFY when configured,
 * on a channel of its own beside the status changes' (in-process otherwise).
 */
import type { Config } from "../config/config.js";
import type { CustomerStore } from "../persistence/customers.js";
import type { Database } from "../persistence/database.js";
import type { InboundMessageStore } from "../persistence/inbound-messages.js";
import { createActivityPubSub, type ActivityPubSub } from "../pubsub/activity.js";
import { createPostgresTransport } from "../pubsub/postgres.js";
import type { Transport } from "../pubsub/pubsub.js";
import { reportError, type CoreLog } from "./log.js";
import type { Shutdown } from "./shutdown.js";

const POSTGRES_CHANNEL = "gateway_customer_activity";
const REDIS_CHANNEL = "gateway:customer-activity";

async function transportFor(config: Config, database: Database, log: CoreLog): Promise<Transport | undefined> {
  if (config.pubsub === "redis" && config.redisUrl) {
    const { createRedisTransport } = await import("../pubsub/redis.js");
    return createRedisTransport(config.redisUrl, reportError(log, "Redis pub/sub failed"), REDIS_CHANNEL);
  }
  if (config.pubsub === "postgres" && database.postgres) {
    const { connectionString, pool } = database.postgres;
    return createPostgresTransport(connectionString, pool, reportError(log, "PostgreSQL LISTEN/NOTIFY failed"), POSTGRES_CHANNEL);
  }
  return undefined;
}

export interface ActivityStores {
  readonly customers: CustomerStore;
  readonly inboundMessages: InboundMessageStore;
}

export async function openActivity(config: Config, database: Database, stores: ActivityStores, log: CoreLog, shutdown: Shutdown): Promise<ActivityPubSub> {
  const transport = await transportFor(config, database, log);
  const activity = await createActivityPubSub({
    ...(transport ? { transport } : {}),
    hydrate: (ids) => stores.inboundMessages.findByIds(ids),
    windows: stores.customers,
    onError: reportError(log, "customer activity could not be published"),
    maxPending: config.ws.maxPendingChanges,
  });
  shutdown.opened("activity", () => activity.close());
  return activity;
}

/**
 * The customer store whose markWindowClosed also tells subscribers (every caller's closing, the
 * send path's and the sandbox's, reaches them).
 */
export function announcingClosures(customers: CustomerStore, activity: Pick<ActivityPubSub, "publishWindowClosed">): CustomerStore {
  return {
    ...customers,
    async markWindowClosed(businessId, customerId, at) {
      const closed = await customers.markWindowClosed(businessId, customerId, at);
      if (closed) activity.publishWindowClosed(businessId, customerId);
      return closed;
    },
  };
}
