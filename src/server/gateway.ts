/**
 * Assembles the gateway from its configuration: database (migrated), Connectly client (or the
 * built-in sandbox), the GraphQL server on Fastify. `startGateway` is what `npm start` and the
 * tests run; `close` releases everything in reverse order.
 */
import { ApolloServer } from "@apollo/server";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import type { Config } from "../config/config.js";
import { createConnectlyClient } from "../connectly/client.js";
import { createDelivery } from "../connectly/delivery.js";
import { createRateLimiter, type RateLimiter } from "../ratelimit/limiter.js";
import { accountRules } from "../ratelimit/sliding-log.js";
import { createMemoryStore, createRedisStore } from "../ratelimit/stores.js";
import { newMessageId } from "../sending/ids.js";
import { recoverInterrupted } from "../sending/recover.js";
import type { GraphQLContext } from "../graphql/context.js";
import { formatError } from "../graphql/errors.js";
import { buildSchema } from "../graphql/schema.js";
import { openDatabase, type Database } from "../persistence/database.js";
import { createMessageStore } from "../persistence/messages.js";
import { startSandbox, type Sandbox } from "../sandbox/sandbox.js";

export interface Gateway {
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly database: Database;
  /** The built-in sandbox, when no API key is configured. */
  readonly sandbox: Sandbox | undefined;
  readonly limiter: RateLimiter;
  /** Resolves messages left PENDING by a process that died (also run at start-up and every minute). */
  recover(staleBefore?: Date): Promise<{ recovered: number; accepted: number; failed: number }>;
  close(): Promise<void>;
}

/** Log fields that must never be written, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers["x-api-key"]',
  "req.headers.authorization",
  "req.headers.cookie",
  'headers["x-api-key"]',
  "apiKey",
  "*.apiKey",
];

export async function startGateway(config: Config): Promise<Gateway> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } },
    bodyLimit: 1024 * 1024,
    // One line per request only when debugging: at 200 messages/s it would drown everything else.
    logController: new LogController({ disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace" }),
  });
  const log = app.log;

  const database = await openDatabase(config.database);
  const sandbox = config.connectly.mode === "sandbox" ? await startSandbox({ port: config.connectly.sandboxPort }) : undefined;
  const closeAll: (() => Promise<void>)[] = [() => database.close()];
  if (sandbox) closeAll.unshift(() => sandbox.close());

  try {
    if (database.appliedMigrations.length > 0) log.info({ migrations: database.appliedMigrations }, "applied database migrations");
    const connectlyConfig = config.connectly;
    const baseUrl = connectlyConfig.mode === "sandbox" ? sandbox!.url : connectlyConfig.baseUrl;
    const apiKeyFor =
      connectlyConfig.mode === "sandbox"
        ? () => sandbox!.apiKey
        : (businessId: string) => connectlyConfig.businessApiKeys.get(businessId) ?? connectlyConfig.defaultApiKey;
    const connectly = createConnectlyClient({ baseUrl, ...config.connectlyHttp });
    closeAll.unshift(() => connectly.close());

    const { outbound } = config;
    const rules = accountRules(outbound.perSecond, outbound.burst, outbound.marginMs);
    const store = config.redisUrl ? createRedisStore(new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: false }), rules) : createMemoryStore(rules);
    const limiter = createRateLimiter({ store, perSecond: outbound.perSecond, maxQueue: outbound.maxQueue });
    closeAll.unshift(() => limiter.close());
    const delivery = createDelivery(connectly, limiter, outbound.retry);

    const messages = createMessageStore(database.prisma);
    const sending = { store: messages, delivery, apiKeyFor, newId: newMessageId };
    const context: GraphQLContext = { messages, sending };

    // A PENDING row is stale once no live process can still be working on it: after the send deadline
    // plus the HTTP timeouts. With the embedded database (one process, by its lock) every row older
    // than this process's start is stale at start-up.
    const startedAt = new Date();
    const staleAfterMs = outbound.retry.deadlineMs + config.connectlyHttp.headersTimeoutMs + config.connectlyHttp.bodyTimeoutMs + 10_000;
    const recover = async (staleBefore = new Date(Date.now() - staleAfterMs)) => {
      const report = await recoverInterrupted(sending, staleBefore);
      if (report.recovered > 0) log.warn(report, "resolved messages left PENDING by an interrupted gateway");
      return report;
    };

    const apollo = new ApolloServer<GraphQLContext>({
      schema: buildSchema(),
      plugins: [fastifyApolloDrainPlugin(app)],
      includeStacktraceInErrorResponses: false,
      formatError,
    });
    await apollo.start();
    closeAll.unshift(() => apollo.stop());
    await app.register(fastifyApollo(apollo), { context: async () => context, path: "/graphql" });
    app.get("/healthz", async () => ({ status: "ok" }));

    const url = await app.listen({ host: config.host, port: config.port });
    closeAll.unshift(() => app.close());
    const startupRecovery = recover(database.kind === "embedded" ? startedAt : undefined).catch((error: unknown) => log.error({ err: error }, "crash recovery failed"));
    const sweep = setInterval(() => void recover().catch((error: unknown) => log.error({ err: error }, "crash recovery failed")), 60_000);
    sweep.unref();
    closeAll.unshift(async () => {
      clearInterval(sweep);
      await startupRecovery;
    });
    if (sandbox) {
      log.warn(
        `SANDBOX MODE: no CONNECTLY_API_KEY is set, so messages go to the built-in Connectly sandbox at ${sandbox.url}, not to Connectly. Nothing reaches WhatsApp.`,
      );
    } else {
      log.info({ upstream: baseUrl }, "sending to Connectly");
    }
    log.info(`database: ${database.kind === "embedded" ? `embedded PostgreSQL (PGlite) in ${config.database.kind === "embedded" ? config.database.dir : ""}` : "PostgreSQL (DATABASE_URL)"}`);
    log.info(`GraphQL ready at ${url}/graphql`);

    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      database,
      sandbox,
      limiter,
      recover,
      close: () =>
        (closing ??= (async () => {
          for (const close of closeAll) await close();
        })()),
    };
  } catch (error) {
    for (const close of closeAll) await close().catch(() => {});
    throw error;
  }
}
