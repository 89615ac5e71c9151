/**
 * The Connectly REST client: one keep-alive undici pool per base URL, timeouts on connect, headers
 * and body, and the API key only ever in the X-API-Key header (never in errors or logs).
 * Rate limiting and retries wrap `sendMessage` (connectly/delivery.ts); it makes one attempt, to the
 * session endpoint or the templated one. `getTemplates` reads the business's template catalog.
 */
import { Pool } from "undici";
import { classifyHttpFailure, classifyNetworkFailure, invalidSuccess, type UpstreamFailure } from "./errors.js";
import type { RestSendMessageBody } from "./rest-body.js";
import type { RestSendTemplateBody } from "./template-body.js";

/** One send: the body and the endpoint it goes to. */
export type UpstreamRequest =
  { readonly endpoint: "session"; readonly body: RestSendMessageBody } | { readonly endpoint: "template"; readonly body: RestSendTemplateBody };

const SEND_PATH: Record<UpstreamRequest["endpoint"], string> = { session: "send/messages", template: "send/whatsapp_templated_messages" };

export interface ConnectlyClientOptions {
  readonly baseUrl: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  /** Sockets kept open to the upstream. */
  readonly connections: number;
}

export type SendResult = { readonly ok: true; readonly id: string; readonly status: number } | { readonly ok: false; readonly failure: UpstreamFailure };

/** The catalog's answer, parsed as JSON but not yet read (connectly/templates.ts reads it). */
export type TemplatesResult =
  { readonly ok: true; readonly status: number; readonly body: unknown } | { readonly ok: false; readonly failure: UpstreamFailure };

export interface ConnectlyClient {
  sendMessage(businessId: string, apiKey: string, request: UpstreamRequest): Promise<SendResult>;
  /** POST /v1/businesses/{businessId}/get/templates (a read, though a POST, with no body). */
  getTemplates(businessId: string, apiKey: string): Promise<TemplatesResult>;
  close(): Promise<void>;
}

const MAX_ERROR_BODY = 64 * 1024;
// A catalog of a few hundred templates with their components stays far below this.
const MAX_CATALOG_BODY = 16 * 1024 * 1024;

export function createConnectlyClient(options: ConnectlyClientOptions): ConnectlyClient {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  const pool = new Pool(base.origin, {
    connections: options.connections,
    connectTimeout: options.connectTimeoutMs,
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    keepAliveTimeout: 30_000,
  });

  const post = (businessId: string, apiKey: string, path: string, body: string | undefined) =>
    pool.request({
      method: "POST",
      path: `${prefix}/v1/businesses/${encodeURIComponent(businessId)}/${path}`,
      headers: { ...(body != null ? { "content-type": "application/json" } : {}), accept: "application/json", "x-api-key": apiKey },
      body,
    });

  return {
    async sendMessage(businessId, apiKey, request) {
      let response: Awaited<ReturnType<Pool["request"]>>;
      try {
        response = await post(businessId, apiKey, SEND_PATH[request.endpoint], JSON.stringify(request.body));
      } catch (error) {
        return { ok: false, failure: classifyNetworkFailure(error) };
      }
      const { statusCode, headers } = response;
      let text: string;
      try {
        text = await readLimited(response.body, MAX_ERROR_BODY);
      } catch (error) {
        return { ok: false, failure: classifyNetworkFailure(error) };
      }
      if (statusCode >= 200 && statusCode < 300) {
        const id = parseId(text);
        return id ? { ok: true, id, status: statusCode } : { ok: false, failure: invalidSuccess(statusCode) };
      }
      const retryAfter = headers["retry-after"];
      return { ok: false, failure: classifyHttpFailure(statusCode, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, text) };
    },
    async getTemplates(businessId, apiKey) {
      let response: Awaited<ReturnType<Pool["request"]>>;
      let text: string;
      try {
        response = await post(businessId, apiKey, "get/templates", undefined);
        text = await readLimited(response.body, MAX_CATALOG_BODY + 1);
      } catch (error) {
        return { ok: false, failure: classifyNetworkFailure(error) };
      }
      const { statusCode, headers } = response;
      if (statusCode < 200 || statusCode >= 300) {
        const retryAfter = headers["retry-after"];
        return { ok: false, failure: classifyHttpFailure(statusCode, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, text.slice(0, MAX_ERROR_BODY)) };
      }
      if (text.length > MAX_CATALOG_BODY) return { ok: false, failure: invalidCatalog(statusCode, "is larger than 16 MiB") };
      try {
        return { ok: true, status: statusCode, body: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, failure: invalidCatalog(statusCode, "is not JSON") };
      }
    },
    close: () => pool.close(),
  };
}

const invalidCatalog = (status: number, what: string): UpstreamFailure => ({
  code: "UPSTREAM_INVALID_RESPONSE",
  message: `Connectly's template catalog answer (HTTP ${status}) ${what}.`,
  upstream: { status },
  retryable: false,
  ambiguous: false,
});

function parseId(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown } | null)?.id;
    return typeof id === "string" && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

async function readLimited(body: AsyncIterable<Buffer> & { destroy(): unknown }, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      break;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8").slice(0, max);
}
