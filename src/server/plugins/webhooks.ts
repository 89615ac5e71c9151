/** Connectly's webhooks on the core's ingestion, each answer counted by status. */
import type { FastifyPluginAsync } from "fastify";
import { registerWebhookRoute } from "../../webhooks/route.js";
import { webhookKeys } from "../../webhooks/trust.js";
import type { EdgeOptions } from "../app.js";

export const webhooksPlugin: FastifyPluginAsync<EdgeOptions> = async (scope, { core, config }) => {
  await registerWebhookRoute(scope, {
    ingest: core.ingest,
    keys: webhookKeys(config),
    sandboxSecret: core.upstream.sandbox?.webhookSecret ?? null,
    maxBytes: config.webhooks.maxBytes,
    onAnswered: (statusCode) => core.metrics.webhookRequests.inc({ status: String(statusCode) }),
  });
};
