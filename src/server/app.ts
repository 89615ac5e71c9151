/**
 * The Fastify instance the edges are registered on: its logger (secrets redacted) and body limit,
 * and what every route meets whichever edge it belongs to: the protections, the caller's slot on
 * the request, WebSocket upgrades, and `connection: close` once shutting down.
 */
import fastifyWebsocket from "@fastify/websocket";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import type { Config } from "../config/config.js";
import type { Core } from "../core/core.js";
import { registerHttpProtections, type RateLimitRouteConfig } from "./http-protections.js";
import { requestLog } from "./request-log.js";

/** What every edge plugin is registered with. */
export type EdgeOptions = { readonly core: Core; readonly config: Config };

/** Log fields that must never be written, wherever they appear. */
const REDACTED_PATHS = [
  'req.headers["x-api-key"]',
  "req.headers.authorization",
  "req.headers.cookie",
  'headers["x-api-key"]',
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "connectionParams",
];

export function createApp(config: Config, logStream: { write(line: string): void } | undefined): FastifyInstance {
  return Fastify({
    logger: { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, ...(logStream ? { stream: logStream } : {}) },
    bodyLimit: config.graphql.bodyLimitBytes,
    // One line per request only when debugging: at 200 messages/s it would drown everything else.
    logController: new LogController({ disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace" }),
    childLoggerFactory: requestLog,
  });
}

/** Registers on the root what applies to every route; returns the request rate GraphQL's routes opt into. */
export async function registerCommon(app: FastifyInstance, { core, config }: EdgeOptions): Promise<RateLimitRouteConfig> {
  app.decorateRequest("principal", null);
  const rateLimit = await registerHttpProtections(app, config, core.redis);
  // On the root, not in GraphQL's plugin: an upgrade request that reaches any other route (or none)
  // is answered over HTTP and its socket closed by this plugin's hooks, or it would hold shutdown open.
  await app.register(fastifyWebsocket, {
    options: { maxPayload: config.graphql.bodyLimitBytes },
    // 1001 Going Away: subscribers reconnect (to another replica) and catch up.
    preClose: async () => {
      for (const client of app.websocketServer.clients) client.close(1001, "The gateway is shutting down.");
    },
  });
  // Once shutting down, a keep-alive connection closes after its in-flight answer, so the server can close.
  // (A callback hook: it runs on every answer, and an async one costs a promise each time.)
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (core.shutdown.closing) void reply.header("connection", "close");
    done(null, payload);
  });
  return rateLimit;
}
