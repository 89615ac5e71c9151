/**
 * Runs the Connectly sandbox on its own: `npm run sandbox`. Its settings (SANDBOX_*) are declared in
 * src/config/variables.ts and listed in docs/configuration.md.
 */
import { ConfigError } from "../config/config.js";
import { loadStandaloneSandboxConfig, type StandaloneSandboxConfig } from "../config/sandbox.js";
import { startSandbox } from "./sandbox.js";

let config: StandaloneSandboxConfig;
try {
  config = loadStandaloneSandboxConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const sandbox = await startSandbox({
  port: config.port,
  rateLimitPerSecond: config.rateLimitPerSecond,
  network: config.network,
  apiKey: config.apiKey,
  webhooks: config.webhooks,
  ...(config.templates ? { templates: config.templates } : {}),
});
if (config.webhookUrl != null) sandbox.setWebhookAddress(config.webhookUrl);
console.log(`Connectly SANDBOX (not Connectly) listening at ${sandbox.url}, ${config.rateLimitPerSecond} requests/s per key.`);
console.log(`Templates: ${config.templates ? `${config.templates.length} groups from SANDBOX_TEMPLATES_FILE` : "the built-in catalog (docs/sandbox.md)"}.`);
console.log(`Use CONNECTLY_BASE_URL=${sandbox.url} with the sandbox's API key${config.apiKey != null ? " (SANDBOX_API_KEY)" : `: ${sandbox.apiKey}`}.`);
console.log(`Controls (a customer writes, taps a button, a window closes, a send fails): GET ${sandbox.url}/sandbox lists them; docs/sandbox.md.`);
console.log(
  config.webhooks != null
    ? `Webhooks signed with SANDBOX_WEBHOOK_SECRET go to ${config.webhookUrl ?? "addresses registered through npm run webhooks:register"}.`
    : "No webhooks: set SANDBOX_WEBHOOK_SECRET (and SANDBOX_WEBHOOK_URL) to have the sandbox post delivery statuses.",
);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
