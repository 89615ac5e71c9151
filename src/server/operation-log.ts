/**
 * One record per GraphQL operation over HTTP: a pino line (request id, operation name and type,
 * businesses, outcome, duration) and the operation metrics. The outcome is the first GraphQL error's
 * code, else the first error result's (a send that failed as data), else ok. Successful operations log
 * at debug (at 200 sends a second one line each would drown the rest), failed ones at info.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { FastifyBaseLogger } from "fastify";
import type { GraphQLContext } from "../graphql/context.js";
import type { Metrics } from "../metrics/metrics.js";

/** pino's level values (Fastify's logger type does not expose pino's isLevelEnabled). */
const LEVEL_VALUES: Readonly<Record<string, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };
const enabled = (log: FastifyBaseLogger, level: "debug" | "info"): boolean => (LEVEL_VALUES[log.level] ?? 30) <= LEVEL_VALUES[level]!;

const countCodes = (codes: readonly string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
};

/** Operation names are chosen by clients: only so many distinct ones become metric labels. */
const MAX_OPERATION_LABELS = 200;

export function operationObserver(log: FastifyBaseLogger, metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  const names = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return name ? "other" : "anonymous";
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_LABELS) return "other";
    names.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors, response, contextValue }) {
          const seconds = (performance.now() - started) / 1000;
          const type = operation?.operation ?? "unknown";
          const resultErrors = errors ?? (response.body.kind === "single" ? response.body.singleResult.errors : undefined);
          const code = resultErrors?.[0]?.extensions?.code;
          const failedResults = contextValue.operation.resultErrors;
          const outcome = resultErrors && resultErrors.length > 0 ? (typeof code === "string" ? code : "ERROR") : (failedResults[0] ?? "ok");
          metrics.graphqlOperations.inc({ operation: label(operationName), type, outcome });
          for (const failed of failedResults) metrics.sendErrors.inc({ code: failed });
          metrics.graphqlDuration.observe({ type }, seconds);
          const level = outcome === "ok" ? "debug" : "info";
          // Built only when written: at the default level successful operations are not.
          if (!enabled(log, level)) return;
          const record = {
            reqId: contextValue.operation.requestId,
            operation: operationName ?? null,
            type,
            businessIds: [...contextValue.operation.businesses],
            principal: contextValue.principal.id,
            outcome,
            ...(failedResults.length > 0 ? { errorResults: countCodes(failedResults) } : {}),
            durationMs: Math.round(seconds * 10_000) / 10,
          };
          log[level](record, outcome === "ok" ? "graphql operation" : "graphql operation failed");
        },
      };
    },
  };
}
