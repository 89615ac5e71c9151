/**
 * GraphQL over WebSocket (graphql-ws): the token from connection_init authenticates the connection
 * (4403 with the reason when it fails, and again when the token expires); documents are parsed and
 * validated once per distinct text with the same limits as HTTP; events are executed once per
 * distinct operation; unexpected errors are masked like over HTTP. A bad operation (syntax, limits,
 * validation, variables, too many running) gets an `error` message for its id with HTTP's code, and
 * the socket and its other operations stay up; close codes are kept for what is fatal.
 */
import { CloseCode } from "graphql-ws";
import { makeHandler } from "graphql-ws/use/@fastify/websocket";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema, type ParseOptions, type ValidationRule } from "graphql";
import type { Principal } from "../auth/principal.js";
import { AuthError } from "../auth/tokens.js";
import { createContext, type GraphQLContext, type GraphQLServices } from "../graphql/context.js";
import { requestError } from "../graphql/errors.js";
import { createSharedParse, createSharedValidate, prepareOperation, subscribeShared } from "../graphql/subscriptions.js";
import { connectionAuthorization, type Authenticate } from "./http-auth.js";

export interface GraphQLWsOptions {
  readonly schema: GraphQLSchema;
  readonly services: GraphQLServices;
  readonly authenticate: Authenticate;
  readonly parseOptions: ParseOptions;
  readonly validationRules: readonly ValidationRule[];
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  readonly limits: { readonly maxSubscriptionsPerConnection: number; readonly maxConnectionsPerPrincipal: number };
  /** Refused operations are the client's mistake: logged at debug, never as errors. */
  readonly log?: { debug(details: object, message: string): void };
}

/**
 * Closes a connection over WS_MAX_CONNECTIONS_PER_PRINCIPAL: in the application range, distinct from
 * graphql-ws's own codes, and not one its client treats as fatal (it retries with back-off).
 */
export const TOO_MANY_CONNECTIONS = 4430;

/** setTimeout's longest delay (2^31-1 ms, about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Calls `expire` at `at` (ms since the epoch), however far off: timers longer than setTimeout
 * allows are re-armed. `cancel` stops it.
 */
export function atTime(at: number, expire: () => void, now: () => number = Date.now): { cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = at - now();
    if (left <= 0) return expire();
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return { cancel: () => clearTimeout(timer) };
}

/** Open connections per principal id, in this process; each connection counts against the id it took. */
function connectionsPerPrincipal(max: number): { take(ctx: object, id: string): boolean; release(ctx: object): void } {
  const open = new Map<string, number>();
  const held = new WeakMap<object, string>();
  return {
    take: (ctx, id) => {
      const count = open.get(id) ?? 0;
      if (count >= max) return false;
      open.set(id, count + 1);
      held.set(ctx, id);
      return true;
    },
    release: (ctx) => {
      const id = held.get(ctx);
      if (id === undefined) return;
      held.delete(ctx);
      const left = (open.get(id) ?? 1) - 1;
      if (left > 0) open.set(id, left);
      else open.delete(id);
    },
  };
}

export function createGraphQLWsHandler(options: GraphQLWsOptions): ReturnType<typeof makeHandler> {
  const { formatError } = options;
  const mask = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
  // One principal and one context per connection: subscription contexts hold only stores and uncached loaders.
  const principals = new WeakMap<object, Principal>();
  const contexts = new WeakMap<object, GraphQLContext>();
  const expiryTimers = new WeakMap<object, { cancel(): void }>();
  const parse = createSharedParse(options.parseOptions);
  const validate = createSharedValidate(options.validationRules);
  const { maxSubscriptionsPerConnection, maxConnectionsPerPrincipal } = options.limits;
  const connections = connectionsPerPrincipal(maxConnectionsPerPrincipal);
  return makeHandler({
    schema: options.schema,
    parse,
    validate,
    subscribe: subscribeShared,
    onSubscribe: (ctx, id, payload) => {
      // graphql-ws has already entered this id in ctx.subscriptions.
      const running = Object.keys(ctx.subscriptions).length;
      const prepared =
        running > maxSubscriptionsPerConnection
          ? [
              requestError(
                `Too many operations on this connection: at most ${maxSubscriptionsPerConnection} may run at once; complete one first or open another connection.`,
                "TOO_MANY_SUBSCRIPTIONS",
                {
                  limit: maxSubscriptionsPerConnection,
                },
              ),
            ]
          : prepareOperation(options.schema, parse, validate, payload);
      if (Array.isArray(prepared)) options.log?.debug({ id, codes: prepared.map((e) => e.extensions.code) }, "graphql-ws operation refused");
      return prepared;
    },
    onConnect: async (ctx) => {
      try {
        const principal = await options.authenticate(connectionAuthorization(ctx.connectionParams, ctx.extra.request));
        // The client may have gone while its token was checked: nothing to count or to time.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        if (!connections.take(ctx, principal.id)) {
          ctx.extra.socket.close(TOO_MANY_CONNECTIONS, `Too many connections: at most ${maxConnectionsPerPrincipal} per token; close one and retry.`);
          return false;
        }
        principals.set(ctx, principal);
        if (principal.expiresAt != null) {
          // A connection lives no longer than its token: the client reconnects with a fresh one.
          expiryTimers.set(
            ctx,
            atTime(principal.expiresAt, () => ctx.extra.socket.close(CloseCode.Forbidden, "Forbidden: the access token has expired.")),
          );
        }
        return true;
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        // A close reason holds at most 123 bytes.
        ctx.extra.socket.close(error.status === 503 ? CloseCode.InternalServerError : CloseCode.Forbidden, `Forbidden: ${error.reason}`.slice(0, 123));
        return false;
      }
    },
    onClose: (ctx) => {
      expiryTimers.get(ctx)?.cancel();
      connections.release(ctx);
    },
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: mask(result.errors) } : result),
    onError: (_ctx, _id, _payload, errors) => mask(errors),
    context: (ctx) => {
      let context = contexts.get(ctx);
      if (!context) {
        // onConnect refuses every connection it could not authenticate; a context without a principal is never built.
        const principal = principals.get(ctx);
        if (principal === undefined) throw new Error("graphql-ws: an operation arrived on a connection without a principal");
        contexts.set(ctx, (context = createContext(options.services, principal, { subscription: true })));
      }
      return context;
    },
  });
}
