/**
 * Runs the Connectly sandbox on its own: `npm run sandbox`.
 * SANDBOX_PORT (default 4010), SANDBOX_API_KEY, SANDBOX_RATE_LIMIT (requests/s, default 200);
 * webhooks: SANDBOX_WEBHOOK_SECRET (set it to enable them; give the gateway the same value as
 * CONNECTLY_WEBHOOK_SECRET), SANDBOX_WEBHOOK_URL (where to post for businesses that registered no
 * address, e.g. http://127.0.0.1:4000/webhooks/connectly), SANDBOX_STATUS_EVENTS, SANDBOX_FAILURE_RATE,
 * SANDBOX_STATUS_DELAY_MS (as for the gateway's built-in sandbox).
 */
import { startSandbox } from "./sandbox.js";

const env = process.env;
const port = Number(env.SANDBOX_PORT ?? 4010); // 0: any free port
const rate = Number(env.SANDBOX_RATE_LIMIT ?? 200);
const secret = env.SANDBOX_WEBHOOK_SECRET;
const sandbox = await startSandbox({
  port,
  rateLimitPerSecond: rate,
  ...(env.SANDBOX_API_KEY ? { apiKey: env.SANDBOX_API_KEY } : {}),
  ...(secret
    ? {
        webhooks: {
          secret,
          statusEvents: !["false", "0", "no", "off"].includes((env.SANDBOX_STATUS_EVENTS ?? "true").toLowerCase()),
          failureRate: Number(env.SANDBOX_FAILURE_RATE ?? 0.1),
          delayMs: Number(env.SANDBOX_STATUS_DELAY_MS ?? 500),
        },
      }
    : {}),
});
if (secret && env.SANDBOX_WEBHOOK_URL) sandbox.setWebhookAddress(env.SANDBOX_WEBHOOK_URL);
console.log(`Connectly SANDBOX (not Connectly) listening at ${sandbox.url}, ${rate} requests/s per key.`);
console.log(`Use CONNECTLY_BASE_URL=${sandbox.url} with the sandbox's API key${env.SANDBOX_API_KEY ? " (SANDBOX_API_KEY)" : `: ${sandbox.apiKey}`}.`);
console.log(
  secret
    ? `Webhooks signed with SANDBOX_WEBHOOK_SECRET go to ${env.SANDBOX_WEBHOOK_URL ?? "addresses registered through npm run webhooks:register"}.`
    : "No webhooks: set SANDBOX_WEBHOOK_SECRET (and SANDBOX_WEBHOOK_URL) to have the sandbox post delivery statuses.",
);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
