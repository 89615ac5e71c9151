/**
 * Registers the gateway's webhook address with Connectly for both topics
 * (POST /v1/businesses/{businessId}/create/webhooks). The address carries ?businessId= so events
 * that do not name their business (inbound messages) are placed under the right one.
 */
import { request } from "undici";
import { WEBHOOK_PATH } from "./route.js";

export const TOPICS = ["delivery_status", "messages"] as const;
export type WebhookTopic = (typeof TOPICS)[number];

export type RegistrationResult =
  | { readonly topic: WebhookTopic; readonly outcome: "registered"; readonly address: string }
  | { readonly topic: WebhookTopic; readonly outcome: "exists"; readonly address: string; readonly detail: string }
  | { readonly topic: WebhookTopic; readonly outcome: "failed"; readonly address: string; readonly status: number; readonly detail: string };

/** The address Connectly should post to: the gateway's public URL, its webhook path, the business. */
export function webhookAddress(publicUrl: string, businessId: string): string {
  const url = new URL(publicUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("--url must be an http(s) URL.");
  if (url.protocol === "http:" && !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
    throw new Error("--url must use https (Connectly posts to public addresses; http is only for a local gateway).");
  }
  if (!url.pathname.endsWith(WEBHOOK_PATH)) url.pathname = `${url.pathname.replace(/\/+$/, "")}${WEBHOOK_PATH}`;
  url.searchParams.set("businessId", businessId);
  return url.toString();
}

const detailOf = (body: string): string => {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown; code?: unknown } };
    const message = parsed.error?.message;
    const code = parsed.error?.code;
    if (typeof message === "string") return typeof code === "string" ? `${code}: ${message}` : message;
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200);
};

export async function registerWebhooks(options: {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly businessId: string;
  readonly publicUrl: string;
  readonly topics?: readonly WebhookTopic[];
}): Promise<RegistrationResult[]> {
  const address = webhookAddress(options.publicUrl, options.businessId);
  const endpoint = new URL(
    `v1/businesses/${encodeURIComponent(options.businessId)}/create/webhooks`,
    options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`,
  );
  const results: RegistrationResult[] = [];
  for (const topic of options.topics ?? TOPICS) {
    const response = await request(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": options.apiKey },
      body: JSON.stringify({ topic, address, type: "custom" }),
      headersTimeout: 15_000,
      bodyTimeout: 15_000,
    });
    const text = await response.body.text();
    if (response.statusCode >= 200 && response.statusCode < 300) results.push({ topic, outcome: "registered", address });
    else if (response.statusCode === 409) results.push({ topic, outcome: "exists", address, detail: detailOf(text) });
    else results.push({ topic, outcome: "failed", address, status: response.statusCode, detail: detailOf(text) });
  }
  return results;
}
