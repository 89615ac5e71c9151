/** `npm start`: read the configuration once, start the gateway, stop cleanly on SIGINT/SIGTERM. */
import { ConfigError, loadConfig } from "./config/config.js";
import { startIdleCollection } from "./core/idle-collection.js";
import { startGateway } from "./server/gateway.js";

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

// Heard from before start-up: a signal that comes while the gateway starts (migrations, the first
// connections) stops it once it has started, instead of killing it mid-way by node's default.
let signalledDuringStart: string | undefined;
let onSignal = (signal: string) => {
  signalledDuringStart ??= signal;
  process.stderr.write(`${signal} while starting: the gateway stops once it has started (send it again to stop at once).\n`);
};
process.once("SIGINT", () => onSignal("SIGINT"));
process.once("SIGTERM", () => onSignal("SIGTERM"));

const gateway = await startGateway(config).catch((error: unknown) => {
  process.stderr.write(`The gateway could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

// The start scripts pass --expose-gc for this; run otherwise, V8 alone decides when to collect.
const idle = globalThis.gc
  ? startIdleCollection({
      gc: globalThis.gc,
      onCollected: (before, after, ms) => {
        gateway.metrics.idleCollections.observe(ms / 1000);
        gateway.app.log.debug({ oldGenerationBytesBefore: before, oldGenerationBytesAfter: after, durationMs: Math.round(ms) }, "collected while idle");
      },
      onError: (error) => gateway.app.log.warn({ err: error }, "the idle collection failed"),
    })
  : undefined;

/**
 * Graceful shutdown: stop taking requests, let in-flight sends reach their outcome, close
 * subscriptions with 1001 (clients reconnect elsewhere), flush webhooks, then exit 0, within
 * SHUTDOWN_TIMEOUT_MS or exit 1.
 */
const stop = (signal: string) => {
  const log = gateway.app.log;
  idle?.stop();
  log.info(`${signal}: shutting down (in-flight requests finish; at most ${config.shutdownTimeoutMs} ms)`);
  const bound = setTimeout(() => {
    log.error(`shutdown took longer than SHUTDOWN_TIMEOUT_MS (${config.shutdownTimeoutMs} ms); exiting anyway`);
    process.exit(1);
  }, config.shutdownTimeoutMs);
  bound.unref();
  gateway.close().then(
    () => {
      log.info("shut down cleanly");
      process.exit(0);
    },
    (error: unknown) => {
      log.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
};
onSignal = stop;
if (signalledDuringStart) stop(signalledDuringStart);
