/**
 * Status changes: published here and delivered to subscribers of every gateway process, through
 * Redis or PostgreSQL LISTEN/NOTIFY when configured (in-process otherwise).
 */
import type { Config } from "../config/config.js";
import type { Database } from "../persistence/database.js";
import { createPostgresTransport } from "../pubsub/postgres.js";
import { createPubSub, type ChangeRef, type Hydrate, type PubSub, type StatusChange, type Transport } from "../pubsub/pubsub.js";
import { reportError, type CoreLog } from "./log.js";
import type { Shutdown } from "./shutdown.js";
import type { Stores } from "./stores.js";

/** Reads back the messages and events of changes another process published by id. */
function hydrateFrom(stores: Pick<Stores, "messages" | "statusEvents">): Hydrate {
  return async (refs: readonly ChangeRef[]): Promise<StatusChange[]> => {
    const rows = await stores.messages.findByIds([...new Set(refs.map((r) => r.messageId))]);
    const eventIds = refs.flatMap((r) => (r.eventId == null ? [] : [BigInt(r.eventId)]));
    const events = await stores.statusEvents.eventsById(eventIds);
    const byId = new Map(rows.map((m) => [m.id, m]));
    const eventById = new Map(events.map((e) => [String(e.id), e]));
    return refs.flatMap((r) => {
      const message = byId.get(r.messageId);
      return message ? [{ message, event: r.eventId == null ? null : (eventById.get(r.eventId) ?? null) }] : [];
    });
  };
}

async function transportFor(config: Config, database: Database, log: CoreLog): Promise<Transport | undefined> {
  if (config.pubsub === "redis" && config.redisUrl) {
    const { createRedisTransport } = await import("../pubsub/redis.js");
    return createRedisTransport(config.redisUrl, reportError(log, "Redis pub/sub failed"));
  }
  if (config.pubsub === "postgres" && database.postgres) {
    return createPostgresTransport(database.postgres.connectionString, database.postgres.pool, reportError(log, "PostgreSQL LISTEN/NOTIFY failed"));
  }
  return undefined;
}

export async function openPubSub(config: Config, database: Database, stores: Stores, log: CoreLog, shutdown: Shutdown): Promise<PubSub> {
  const transport = await transportFor(config, database, log);
  const pubsub = await createPubSub({
    ...(transport ? { transport } : {}),
    hydrate: hydrateFrom(stores),
    onError: reportError(log, "status change could not be published"),
    maxPending: config.ws.maxPendingChanges,
  });
  shutdown.opened("pubsub", () => pubsub.close());
  return pubsub;
}
