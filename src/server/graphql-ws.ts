/**
 * GraphQL over WebSocket (graphql-ws): the token from connection_init authenticates the connection
 * (4403 with the reason when it fails, and again when the token expires); documents are parsed and
 * validated once per distinct text with the same limits as HTTP; events are executed once per
 * distinct operation; unexpected errors are masked like over HTTP.
 */
import { CloseCode } from "graphql-ws";
import { makeHandler } from "graphql-ws/use/@fastify/websocket";
import type { GraphQLFormattedError, GraphQLError, GraphQLSchema, ParseOptions, ValidationRule } from "graphql";
import { LOCAL_DEVELOPER, type Principal } from "../auth/principal.js";
import { AuthError } from "../auth/tokens.js";
import { createContext, type GraphQLContext, type GraphQLServices } from "../graphql/context.js";
import { createSharedParse, createSharedValidate, subscribeShared } from "../graphql/subscriptions.js";
import { connectionAuthorization, type Authenticate } from "./http-auth.js";

export interface GraphQLWsOptions {
  readonly schema: GraphQLSchema;
  readonly services: GraphQLServices;
  readonly authenticate: Authenticate;
  readonly parseOptions: ParseOptions;
  readonly validationRules: readonly ValidationRule[];
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export function createGraphQLWsHandler(options: GraphQLWsOptions): ReturnType<typeof makeHandler> {
  const { formatError } = options;
  const mask = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
  // One principal and one context per connection: subscription contexts hold only stores and uncached loaders.
  const principals = new WeakMap<object, Principal>();
  const contexts = new WeakMap<object, GraphQLContext>();
  const expiryTimers = new WeakMap<object, NodeJS.Timeout>();
  return makeHandler({
    schema: options.schema,
    parse: createSharedParse(options.parseOptions),
    validate: createSharedValidate(options.validationRules),
    subscribe: subscribeShared,
    onConnect: async (ctx) => {
      try {
        const principal = await options.authenticate(connectionAuthorization(ctx.connectionParams, ctx.extra.request));
        principals.set(ctx, principal);
        if (principal.expiresAt != null) {
          // A connection lives no longer than its token: the client reconnects with a fresh one.
          const timer = setTimeout(() => ctx.extra.socket.close(CloseCode.Forbidden, "Forbidden: the access token has expired."), Math.max(0, principal.expiresAt - Date.now()));
          timer.unref();
          expiryTimers.set(ctx, timer);
        }
        return true;
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        // A close reason holds at most 123 bytes.
        ctx.extra.socket.close(error.status === 503 ? CloseCode.InternalServerError : CloseCode.Forbidden, `Forbidden: ${error.reason}`.slice(0, 123));
        return false;
      }
    },
    onClose: (ctx) => clearTimeout(expiryTimers.get(ctx)),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: mask(result.errors) } : result),
    onError: (_ctx, _id, _payload, errors) => mask(errors),
    context: (ctx) => {
      let context = contexts.get(ctx);
      if (!context) contexts.set(ctx, (context = createContext(options.services, principals.get(ctx) ?? LOCAL_DEVELOPER, { subscription: true })));
      return context;
    },
  });
}
