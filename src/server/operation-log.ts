/**
 * One record per GraphQL operation over HTTP: a pino line (request id, operation name and type,
 * businesses, outcome, duration) and the operation metrics. Successful operations log at debug
 * (at 200 sends a second one line each would drown the rest), failed ones at info.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { FastifyBaseLogger } from "fastify";
import type { GraphQLContext } from "../graphql/context.js";
import type { Metrics } from "../metrics/metrics.js";

/** Operation names are chosen by clients: only so many distinct ones become metric labels. */
const MAX_OPERATION_LABELS = 200;

export function operationObserver(log: FastifyBaseLogger, metrics: Metrics, requestIdOf: (context: GraphQLContext) => string | undefined): ApolloServerPlugin<GraphQLContext> {
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
          const outcome = resultErrors && resultErrors.length > 0 ? (typeof code === "string" ? code : "ERROR") : "ok";
          metrics.graphqlOperations.inc({ operation: label(operationName), type, outcome });
          metrics.graphqlDuration.observe({ type }, seconds);
          const record = {
            reqId: requestIdOf(contextValue),
            operation: operationName ?? null,
            type,
            businessIds: [...contextValue.operation.businesses],
            principal: contextValue.principal.id,
            outcome,
            durationMs: Math.round(seconds * 10_000) / 10,
          };
          if (outcome === "ok") log.debug(record, "graphql operation");
          else log.info(record, "graphql operation failed");
        },
      };
    },
  };
}
