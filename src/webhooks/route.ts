/**
 * POST /webhooks/connectly: Connectly's delivery_status and messages topics. The raw body is read
 * whatever the content type (Connectly sends JSON as text/plain), its signature checked before it
 * is parsed, and 200 is answered only once the event is stored. The address names the business it
 * was registered for, as `/webhooks/connectly/<businessId>` or `?businessId=` (which
 * `npm run webhooks:register` writes); trust.ts decides whether the signature proves it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ingest } from "./ingest.js";
import { SIGNATURE_HEADER } from "./signature.js";
import { webhookTrust, type WebhookKeys } from "./trust.js";

export const WEBHOOK_PATH = "/webhooks/connectly";

export interface WebhookRouteOptions {
  readonly ingest: Ingest;
  /** The secrets each business's events must be signed with (webhookKeys(config)). */
  readonly keys: WebhookKeys;
  /** The built-in sandbox's per-process secret, when the sandbox runs in this process. */
  readonly sandboxSecret?: string | null;
  readonly maxBytes: number;
  /** Told every answer's status (for metrics), refusals included. */
  readonly onAnswered?: (statusCode: number) => void;
}

type WebhookRequest = FastifyRequest<{ Querystring: { businessId?: string | string[] }; Params: { "*"?: string } }>;

/** Every ?businessId= value: a repeated parameter arrives as an array. */
const queryBusinessIds = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

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

    const handle = async (request: WebhookRequest, reply: FastifyReply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      // Decided before the body is parsed: nothing unverified reaches the parser or the database.
      const trust = webhookTrust(options.keys, options.sandboxSecret ?? null, {
        queryBusinessIds: queryBusinessIds(request.query.businessId),
        pathBusinessId: request.params["*"] ?? null,
        body,
        signature: request.headers[SIGNATURE_HEADER],
      });
      if (!trust.trusted) return refuse(reply, trust.status, trust.code, trust.message);
      const outcome = await options.ingest.ingest(body, trust.businessId, request.headers["content-type"] ?? null);
      if (outcome.status === 400) {
        request.log.warn({ reason: outcome.reason }, "webhook event refused and kept for inspection");
        return refuse(reply, 400, outcome.code, outcome.reason);
      }
      // The same answer whether or not the event matched a message of this business: see ingest.ts.
      return reply.code(200).send({ ok: true, topic: outcome.topic, duplicate: outcome.duplicate });
    };
    scope.post(WEBHOOK_PATH, handle);
    // The path form as a wildcard, not `:businessId`: Fastify caps named parameters at 100
    // characters and business ids run to 128. trust.ts checks it (no '/', the id's pattern).
    scope.post(`${WEBHOOK_PATH}/*`, handle);
  });
}
