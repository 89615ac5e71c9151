/** `npm start`: read the configuration once, start the gateway, stop cleanly on SIGINT/SIGTERM. */
import { ConfigError, loadConfig } from "./config/config.js";
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

const gateway = await startGateway(config).catch((error: unknown) => {
  process.stderr.write(`The gateway could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

const stop = (signal: string) => {
  gateway.app.log.info(`${signal}: shutting down`);
  gateway.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
