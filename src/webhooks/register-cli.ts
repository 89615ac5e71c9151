/**
 * `npm run webhooks:register -- --business ID --url https://gateway.example.com`
 * Registers the gateway's public URL with Connectly for delivery_status and messages, using the
 * same configuration as the gateway (CONNECTLY_API_KEY or CONNECTLY_BUSINESS_API_KEYS, CONNECTLY_BASE_URL).
 */
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config/config.js";
import { registerWebhooks, TOPICS, webhookAddress, type WebhookTopic } from "./register.js";

const USAGE = "usage: npm run webhooks:register -- --business ID --url https://your-gateway.example.com [--topics delivery_status,messages]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ options: { business: { type: "string" }, url: { type: "string" }, topics: { type: "string" } }, strict: true }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const businessId = args.business;
if (!businessId || !/^[A-Za-z0-9_-]{1,128}$/.test(businessId)) fail(`--business must be a Connectly business id (letters, digits, '_' or '-').\n${USAGE}`);
if (!args.url) fail(`--url is required: the gateway's public base URL.\n${USAGE}`);
try {
  webhookAddress(args.url, businessId);
} catch (error) {
  fail(error instanceof TypeError ? `--url must be an absolute URL such as https://gateway.example.com.\n${USAGE}` : (error as Error).message);
}
const topics = (args.topics?.split(",").map((t) => t.trim()) ?? [...TOPICS]) as WebhookTopic[];
if (topics.length === 0 || topics.some((t) => !TOPICS.includes(t))) fail(`--topics must list ${TOPICS.join(" and/or ")}.`);

let config;
try {
  config = loadConfig(process.env, { server: false });
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
if (config.connectly.mode !== "live") fail("CONNECTLY_API_KEY is not set: registering a webhook needs the business's Connectly API key.");
const apiKey = config.connectly.businessApiKeys.get(businessId) ?? config.connectly.defaultApiKey;
if (!apiKey) fail(`No Connectly API key for business ${businessId}: set CONNECTLY_API_KEY or add it to CONNECTLY_BUSINESS_API_KEYS.`);

try {
  const results = await registerWebhooks({ baseUrl: config.connectly.baseUrl, apiKey, businessId, publicUrl: args.url, topics });
  let ok = true;
  for (const r of results) {
    if (r.outcome === "registered") console.log(`${r.topic}: registered ${r.address}`);
    else if (r.outcome === "exists") {
      ok = false;
      console.error(
        `${r.topic}: a webhook is already registered for this topic (${r.detail}); Connectly keeps one address per topic, so update or delete it in Connectly first.`,
      );
    } else {
      ok = false;
      console.error(`${r.topic}: Connectly answered ${r.status} (${r.detail}).`);
    }
  }
  if (ok) console.log("Set CONNECTLY_WEBHOOK_SECRET to the webhook secret Connectly shows for this business, so the gateway can verify the events.");
  process.exit(ok ? 0 : 1);
} catch (error) {
  fail(`Could not reach Connectly: ${(error as Error).message}`);
}
