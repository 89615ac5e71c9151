/**
 * GraphQL on /graphql: over HTTP with Apollo (GET and POST) and over WebSocket with graphql-ws on
 * the same path, both running on the core's services with the same limits and error masking.
 */
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from "fastify";
import type { GraphQLFormattedError, GraphQLSchema, ParseOptions, ValidationRule } from "graphql";
import { createTokenVerifier } from "../../auth/tokens.js";
import type { Config } from "../../config/config.js";
import type { Core } from "../../core/core.js";
import { createContext, type GraphQLContext } from "../../graphql/context.js";
import { createFormatError } from "../../graphql/errors.js";
import { limitRules, parseOptions } from "../../graphql/limits.js";
import { buildSchema } from "../../graphql/schema.js";
import type { EdgeOptions } from "../app.js";
import { coalesceFrames } from "../coalesce-frames.js";
import { graphqlHandler, operationTypePlugin, subscriptionOverHttpPlugin } from "../graphql-http.js";
import { createGraphQLWsHandler } from "../graphql-ws.js";
import { authenticateRequest, createAuthenticate, originAllowed, requirePrincipal, type Authenticate } from "../http-auth.js";
import { HttpGraphQLError } from "../http-errors.js";
import { GRAPHQL_PATH, type RateLimitRouteConfig } from "../http-protections.js";
import { operationObserver } from "../operation-log.js";

export type GraphQLPluginOptions = EdgeOptions & { readonly rateLimit: RateLimitRouteConfig };

/** What HTTP and graphql-ws share: one schema, one set of limits, one way of masking errors. */
interface Shared {
  readonly schema: GraphQLSchema;
  readonly parseOptions: ParseOptions;
  readonly validationRules: readonly ValidationRule[];
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export const graphqlPlugin: FastifyPluginAsync<GraphQLPluginOptions> = async (scope, { core, config, rateLimit }) => {
  const shared: Shared = {
    schema: buildSchema(),
    parseOptions: parseOptions(config.graphql.limits),
    validationRules: limitRules(config.graphql.limits),
    formatError: createFormatError(scope.log),
  };
  const apollo = await startApollo(scope, core, config, shared);
  const authenticate = createAuthenticate(config.auth ? createTokenVerifier(config.auth) : undefined);
  const httpHandler = graphqlHandler(apollo, {
    // The request id goes into the operation's log line.
    context: (request) => createContext(core.services, requirePrincipal(request), { requestId: request.id }),
    queryTimeoutMs: config.graphql.queryTimeoutMs,
    traced: core.traced,
  });
  const graphqlHttp: typeof httpHandler = function (request, reply) {
    requirePrincipal(request);
    return httpHandler.call(this, request, reply);
  };
  const graphqlWs = createGraphQLWsHandler({ ...shared, services: core.services, authenticate, limits: config.ws, log: scope.log });
  const onRequest = authenticateGraphQL(authenticate, config.http.corsOrigins);
  scope.route({
    method: "GET",
    url: GRAPHQL_PATH,
    onRequest,
    config: { rateLimit },
    handler: graphqlHttp,
    wsHandler: (socket, request) => {
      coalesceFrames(socket);
      void graphqlWs.call(scope, socket, request);
    },
  });
  scope.route({ method: "POST", url: GRAPHQL_PATH, onRequest, config: { rateLimit }, handler: graphqlHttp });
};

async function startApollo(scope: FastifyInstance, core: Core, config: Config, shared: Shared): Promise<ApolloServer<GraphQLContext>> {
  const apollo = new ApolloServer<GraphQLContext>({
    schema: shared.schema,
    plugins: [
      operationObserver(scope.log, core.metrics),
      operationTypePlugin,
      subscriptionOverHttpPlugin,
      ...(config.graphql.landingPage ? [] : [ApolloServerPluginLandingPageDisabled()]),
      // Apollo's default cache-control plugin wraps every field resolver to collect cache hints the
      // gateway never uses (its answers are per caller and live).
      ApolloServerPluginCacheControlDisabled(),
    ],
    introspection: config.graphql.introspection,
    validationRules: [...shared.validationRules],
    parseOptions: shared.parseOptions,
    // Apollo's CSRF prevention: a request a browser would send without a preflight needs a
    // non-simple content type or an apollo-require-preflight / x-apollo-operation-name header.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handlers would re-raise the signal mid-shutdown.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: shared.formatError,
  });
  await apollo.start();
  // onClose runs once the HTTP server has closed and its in-flight requests are answered: Fastify
  // drains, so Apollo gets no drain plugin (that one calls fastify.close(), which would wait on itself here).
  scope.addHook("onClose", () => apollo.stop());
  return apollo;
}

/**
 * The one decision of trust for GraphQL over HTTP. Only a request that really upgraded (the
 * server's upgrade event, not a header) is left to connection_init; everything else needs a token.
 */
function authenticateGraphQL(authenticate: Authenticate, corsOrigins: readonly string[]) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.ws) {
      // Browsers do not apply CORS to WebSockets: refuse other sites' pages here.
      if (!originAllowed(request, corsOrigins)) {
        throw new HttpGraphQLError(403, "WebSocket connections from this origin are not allowed (CORS_ORIGINS).", { code: "FORBIDDEN" });
      }
      return;
    }
    await authenticateRequest(authenticate, request);
  };
}
