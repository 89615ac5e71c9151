/**
 * Where messages go: Connectly with the configured API keys, or the built-in sandbox, started here
 * when no API key is configured.
 */
import { randomBytes } from "node:crypto";
import type { Config } from "../config/config.js";
import type { CustomerStore } from "../persistence/customers.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import type { Shutdown } from "./shutdown.js";

export interface BuiltInSandbox {
  readonly server: Sandbox;
  /**
   * The sandbox signs its webhooks with a secret only this process knows: that is how the gateway
   * takes the sandbox's events without a configured secret, and nobody else's.
   */
  readonly webhookSecret: string;
}

export interface Upstream {
  readonly baseUrl: string;
  /** The API key of a business, or undefined when the gateway has none for it. */
  readonly apiKeyFor: (businessId: string) => string | undefined;
  readonly sandbox: BuiltInSandbox | undefined;
}

export async function openUpstream(config: Config, shutdown: Shutdown): Promise<Upstream> {
  const connectly = config.connectly;
  if (connectly.mode === "live") {
    return {
      baseUrl: connectly.baseUrl,
      apiKeyFor: (businessId) => connectly.businessApiKeys.get(businessId) ?? connectly.defaultApiKey,
      sandbox: undefined,
    };
  }
  // Loaded only here: a gateway calling the real API never holds the sandbox's code.
  const { startSandbox } = await import("../sandbox/sandbox.js");
  const webhookSecret = randomBytes(32).toString("base64url");
  const server = await startSandbox({
    port: connectly.sandboxPort,
    webhooks: { secret: webhookSecret, statusEvents: connectly.statusEvents, failureRate: connectly.failureRate, delayMs: connectly.statusDelayMs },
    ...(connectly.templates ? { templates: connectly.templates } : {}),
    // The built-in sandbox counts templated sends as the gateway is told Connectly does.
    templateRateLimit: config.outbound.templateBudget,
    // Playing Connectly's webhooks in full (npm start), a customer's first message reaches the gateway
    // before the send it allowed; tests turn status events off and see only what they provoke.
    unknownCustomersWriteFirst: connectly.statusEvents,
  });
  shutdown.opened("sandbox", () => server.close());
  return { baseUrl: server.url, apiKeyFor: () => server.apiKey, sandbox: { server, webhookSecret } };
}

/** A window a person closes through the built-in sandbox's control is closed in the gateway's record too. */
export function followSandboxWindows(upstream: Upstream, customers: Pick<CustomerStore, "markWindowClosed">): void {
  upstream.sandbox?.server.onWindowClosed((businessId, customerId, at) => customers.markWindowClosed(businessId, customerId, at));
}
