/**
 * POST /webhooks/connectly: Connectly's delivery_status and messages topics. The raw body is read
 * whatever the content type (Connectly sends JSON as text/plain), its signature checked before it
 * is parsed, and 200 is answered only once the event is stored. `?businessId=` names the business
 * the address was registered for (`npm run webhooks:register` adds it).
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Ingest } from "./ingest.js";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./signature.js";

export const WEBHOOK_PATH = "/webhooks/connectly";

export interface WebhookRouteOptions {
  readonly ingest: Ingest;
  /** CONNECTLY_WEBHOOK_SECRET's values; empty refuses every event not signed by the sandbox. */
  readonly secrets: readonly string[];
  /** The built-in sandbox's per-process secret, when the sandbox runs in this process. */
  readonly sandboxSecret?: string | null;
  readonly maxBytes: number;
  /** Told every answer's status (for metrics), refusals included. */
  readonly onAnswered?: (statusCode: number) => void;
}

const BUSINESS_ID = /^[A-Za-z0-9_-]{1,128}$/;

const refuse = (reply: FastifyReply, status: number, code: string, message: string) => reply.code(status).send({ error: { code, message } });

export async function registerWebhookRoute(app: FastifyInstance, options: WebhookRouteOptions): Promise<void> {
  await app.register(async (scope) => {
    // Only this route sees bodies as raw bytes.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: options.maxBytes }, (_request, body, done) => done(null, body));
    const { onAnswered } = options;
    // On this route only: GraphQL requests do not pay for a hook they never use.
    if (onAnswered) {
      scope.addHook("onResponse", (_request, reply, done) => {
        onAnswered(reply.statusCode);
        done();
      });
    }
    scope.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
      if (error.statusCode === 413) return refuse(reply, 413, "BODY_TOO_LARGE", `The body exceeds ${options.maxBytes} bytes.`);
      if (error.statusCode !== undefined && error.statusCode < 500) return refuse(reply, error.statusCode, "BAD_REQUEST", error.message);
      request.log.error({ err: error }, "webhook could not be stored");
      // Connectly redelivers what was not acknowledged: a 503 asks it to.
      return refuse(reply, 503, "NOT_STORED", "The event could not be stored; send it again.");
    });

    scope.post<{ Querystring: { businessId?: string } }>(WEBHOOK_PATH, async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers[SIGNATURE_HEADER];
      const fromSandbox = options.sandboxSecret != null && verifyWebhookSignature(body, signature, [options.sandboxSecret]);
      if (!fromSandbox && options.secrets.length === 0) {
        return refuse(reply, 401, "WEBHOOK_SECRET_NOT_CONFIGURED", "CONNECTLY_WEBHOOK_SECRET is not set, so the gateway cannot verify webhooks and refuses them.");
      }
      if (!fromSandbox && !verifyWebhookSignature(body, signature, options.secrets)) {
        return refuse(reply, 401, "INVALID_SIGNATURE", `The ${SIGNATURE_HEADER} header is missing or does not match the body.`);
      }
      const businessId = request.query.businessId ?? null;
      if (businessId !== null && !BUSINESS_ID.test(businessId)) {
        return refuse(reply, 400, "BAD_REQUEST", "businessId must be 1 to 128 letters, digits, '_' or '-'.");
      }
      const outcome = await options.ingest.ingest(body, businessId, request.headers["content-type"] ?? null);
      if (outcome.status === 400) {
        request.log.warn({ reason: outcome.reason }, "webhook event refused and kept for inspection");
        return refuse(reply, 400, outcome.code, outcome.reason);
      }
      return reply.code(200).send({ ok: true, topic: outcome.topic, duplicate: outcome.duplicate });
    });
  });
}
