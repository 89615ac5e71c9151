/**
 * Assembles the gateway from its configuration: database (migrated), Connectly client (or the
 * built-in sandbox), the GraphQL server on Fastify. `startGateway` is what `npm start` and the
 * tests run; `close` releases everything in reverse order.
 */
import { ApolloServer } from "@apollo/server";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import { ulid } from "ulid";
import type { Config } from "../config/config.js";
import { createConnectlyClient } from "../connectly/client.js";
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

    const messages = createMessageStore(database.prisma);
    const context: GraphQLContext = { messages, sending: { store: messages, connectly, apiKeyFor, newId: ulid } };

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
