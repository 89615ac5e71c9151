/**
 * The Connectly REST client: one keep-alive undici pool per base URL, timeouts on connect, headers
 * and body, and the API key only ever in the X-API-Key header (never in errors or logs).
 * Rate limiting and retries wrap `sendMessage` (see the outbound issue); it makes one attempt.
 */
import { Pool } from "undici";
import { classifyHttpFailure, classifyNetworkFailure, invalidSuccess, type UpstreamFailure } from "./errors.js";
import type { RestSendMessageBody } from "./rest-body.js";

export interface ConnectlyClientOptions {
  readonly baseUrl: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  /** Sockets kept open to the upstream. */
  readonly connections: number;
}

export type SendResult = { readonly ok: true; readonly id: string; readonly status: number } | { readonly ok: false; readonly failure: UpstreamFailure };

export interface ConnectlyClient {
  sendMessage(businessId: string, apiKey: string, body: RestSendMessageBody): Promise<SendResult>;
  close(): Promise<void>;
}

const MAX_ERROR_BODY = 64 * 1024;

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

  return {
    async sendMessage(businessId, apiKey, body) {
      let response: Awaited<ReturnType<Pool["request"]>>;
      try {
        response = await pool.request({
          method: "POST",
          path: `${prefix}/v1/businesses/${encodeURIComponent(businessId)}/send/messages`,
          headers: { "content-type": "application/json", accept: "application/json", "x-api-key": apiKey },
          body: JSON.stringify(body),
        });
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
    close: () => pool.close(),
  };
}

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
