/**
 * The template catalog as the gateway reads it: the business's row in the database (the copy every
 * process shares) while younger than the TTL; otherwise, or when a refresh is asked for, fetched
 * from Connectly through the outbound limiter (catalog reads spend the API key's budget like a
 * send), parsed and stored. Reads of one business in one process share one fetch. When Connectly
 * cannot be read, the stored copy is answered as stale, or the failure when there is none.
 */
import type { ConnectlyClient } from "../connectly/client.js";
import { budgetKey } from "../connectly/delivery.js";
import { parseTemplateCatalog } from "../connectly/templates.js";
import type { CatalogFailure, CatalogRead, ReadCatalog } from "../domain/templates.js";
import type { StoredCatalog, TemplateCatalogStore } from "../persistence/template-catalogs.js";
import type { RateLimiter, Release } from "../ratelimit/limiter.js";

export interface TemplateCatalogOptions {
  readonly store: TemplateCatalogStore;
  readonly connectly: Pick<ConnectlyClient, "getTemplates">;
  /** The outbound limiter; absent, catalog reads are not counted (tests of the service alone). */
  readonly limiter?: Pick<RateLimiter, "acquire"> | undefined;
  /** How long a catalog read may wait for the limiter (default 10 s). */
  readonly limiterWaitMs?: number;
  /** How long a stored copy is answered without asking Connectly; 0 asks every time. */
  readonly ttlMs: number;
  readonly now: () => number;
}

const DEFAULT_LIMITER_WAIT_MS = 10_000;

const answer = (stored: StoredCatalog, stale: boolean): CatalogRead => ({
  ok: true,
  catalog: { businessId: stored.businessId, templates: stored.templates, fetchedAt: stored.fetchedAt, stale },
});

const NOT_A_CATALOG: CatalogFailure = {
  message: "Connectly's template catalog answer holds no entity.templateGroups.",
  upstream: {},
};

/** Waits for the limiter; a refusal (queue full, shutting down, its store unreachable) is the read's failure. */
async function admitted(options: TemplateCatalogOptions, apiKey: string): Promise<{ release: Release } | { failure: CatalogFailure }> {
  if (!options.limiter) return { release: () => {} };
  try {
    // Catalog reads count in the session endpoint's budget of the key, whatever the template budget.
    const key = budgetKey(apiKey, "session", "shared");
    return { release: await options.limiter.acquire(key, options.now() + (options.limiterWaitMs ?? DEFAULT_LIMITER_WAIT_MS)) };
  } catch (error) {
    return { failure: { message: error instanceof Error ? error.message : String(error), upstream: {} } };
  }
}

/** One catalog read from Connectly: parsed, or why not. */
async function fetchTemplates(options: TemplateCatalogOptions, businessId: string, apiKey: string): Promise<StoredCatalog | { failure: CatalogFailure }> {
  const admission = await admitted(options, apiKey);
  if ("failure" in admission) return admission;
  const fetchedAt = new Date(options.now());
  // The read holds its place in the limiter's window until Connectly has answered.
  const result = await options.connectly.getTemplates(businessId, apiKey).finally(admission.release);
  if (!result.ok) return { failure: { message: result.failure.message, upstream: result.failure.upstream } };
  const templates = parseTemplateCatalog(result.body);
  return templates ? { businessId, templates, fetchedAt } : { failure: NOT_A_CATALOG };
}

async function fetchAndStore(options: TemplateCatalogOptions, businessId: string, apiKey: string): Promise<CatalogRead> {
  const fetched = await fetchTemplates(options, businessId, apiKey);
  if ("failure" in fetched) {
    const stored = await options.store.read(businessId);
    return stored ? answer(stored, true) : { ok: false, failure: fetched.failure };
  }
  // Another process may have stored a copy fetched later still: that one is answered.
  return answer(await options.store.write(fetched), false);
}

export function createTemplateCatalog(options: TemplateCatalogOptions): ReadCatalog {
  const inFlight = new Map<string, Promise<CatalogRead>>();
  const fetchShared = (businessId: string, apiKey: string): Promise<CatalogRead> => {
    let flight = inFlight.get(businessId);
    if (!flight) {
      flight = fetchAndStore(options, businessId, apiKey).finally(() => inFlight.delete(businessId));
      inFlight.set(businessId, flight);
    }
    return flight;
  };
  return async (businessId, apiKey, { refresh = false } = {}) => {
    // A fetch under way is the freshest copy there will be: join it rather than read the row.
    if (refresh || inFlight.has(businessId)) return fetchShared(businessId, apiKey);
    const stored = await options.store.read(businessId);
    if (stored && options.now() - stored.fetchedAt.getTime() < options.ttlMs) return answer(stored, false);
    return fetchShared(businessId, apiKey);
  };
}
