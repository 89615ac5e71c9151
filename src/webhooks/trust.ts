/**
 * Whom a webhook request speaks for, decided in one place. The address names the business
 * (/webhooks/connectly/:businessId, or ?businessId= as `npm run webhooks:register` writes it), and
 * the signature proves it: it must be made with that business's own secret, or, for a business
 * without one, with the generic secret. Pure: the route hands over the address, the raw body and
 * the header, and acts on the answer before the body is parsed.
 */
import type { Config } from "../config/config.js";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./signature.js";

export interface WebhookKeys {
  /** CONNECTLY_WEBHOOK_SECRET: for every business without secrets of its own. */
  readonly secrets: readonly string[];
  /** CONNECTLY_BUSINESS_WEBHOOK_SECRETS: a business listed here verifies with these only. */
  readonly businessSecrets: ReadonlyMap<string, readonly string[]>;
  /** The businesses configured by name (own webhook secret or own API key). */
  readonly businesses: readonly string[];
}

export interface WebhookRequest {
  /** Every ?businessId= value, in order (a repeated parameter gives several). */
  readonly queryBusinessIds: readonly string[];
  /** The path's :businessId, when the path form was used. */
  readonly pathBusinessId: string | null;
  readonly body: Buffer;
  readonly signature: string | string[] | undefined;
}

export type TrustRefusalCode = "BAD_REQUEST" | "AMBIGUOUS_BUSINESS" | "BUSINESS_REQUIRED" | "WEBHOOK_SECRET_NOT_CONFIGURED" | "INVALID_SIGNATURE";

export type Trust =
  | { readonly trusted: true; readonly businessId: string }
  | { readonly trusted: false; readonly status: 400 | 401; readonly code: TrustRefusalCode; readonly message: string };

const BUSINESS_ID = /^[A-Za-z0-9_-]{1,128}$/;

const refusal = (status: 400 | 401, code: TrustRefusalCode, message: string): Trust => ({ trusted: false, status, code, message });

/** The keys of a gateway's configuration: per-business secrets, generic ones, and the businesses it names. */
export function webhookKeys(config: Pick<Config, "webhooks" | "connectly">): WebhookKeys {
  const apiKeyBusinesses = config.connectly.mode === "live" ? [...config.connectly.businessApiKeys.keys()] : [];
  return {
    secrets: config.webhooks.secrets,
    businessSecrets: config.webhooks.businessSecrets,
    businesses: [...new Set([...config.webhooks.businessSecrets.keys(), ...apiKeyBusinesses])],
  };
}

/** The business the address names: null when it names none; a refusal when it is malformed or says two things. */
export function addressedBusiness(queryIds: readonly string[], pathId: string | null): { readonly businessId: string | null } | Trust {
  if (queryIds.length > 1) return refusal(400, "AMBIGUOUS_BUSINESS", "businessId is given more than once; the address must name one business.");
  const named = pathId === null ? queryIds : [pathId, ...queryIds];
  if (named.some((id) => !BUSINESS_ID.test(id))) return refusal(400, "BAD_REQUEST", "businessId must be 1 to 128 letters, digits, '_' or '-'.");
  if (named.length === 2 && named[0] !== named[1]) return refusal(400, "AMBIGUOUS_BUSINESS", "The path and ?businessId= name different businesses.");
  return { businessId: named[0] ?? null };
}

/**
 * Whether the request is trusted, and for which business; checks the address, then the signature.
 * `sandboxSecret` is the built-in sandbox's per-process secret: only that sandbox knows it, so it
 * may speak for any business.
 */
export function webhookTrust(keys: WebhookKeys, sandboxSecret: string | null, request: WebhookRequest): Trust {
  const address = addressedBusiness(request.queryBusinessIds, request.pathBusinessId);
  if ("trusted" in address) return address;
  // With one business configured, an address naming none is that one's; otherwise it is anyone's guess.
  const businessId = address.businessId ?? (keys.businesses.length === 1 ? keys.businesses[0]! : null);
  if (businessId === null) {
    return refusal(
      400,
      "BUSINESS_REQUIRED",
      "The address names no business: post to /webhooks/connectly/<businessId> (or ?businessId=), as npm run webhooks:register registers it.",
    );
  }
  if (sandboxSecret !== null && verifyWebhookSignature(request.body, request.signature, [sandboxSecret])) return { trusted: true, businessId };
  // A business with its own secrets never verifies with the generic ones.
  const secrets = keys.businessSecrets.get(businessId) ?? keys.secrets;
  if (secrets.length === 0) {
    return refusal(
      401,
      "WEBHOOK_SECRET_NOT_CONFIGURED",
      "No webhook secret is configured for this business (CONNECTLY_BUSINESS_WEBHOOK_SECRETS or CONNECTLY_WEBHOOK_SECRET), so the gateway cannot verify its webhooks and refuses them.",
    );
  }
  if (!verifyWebhookSignature(request.body, request.signature, secrets)) {
    return refusal(401, "INVALID_SIGNATURE", `The ${SIGNATURE_HEADER} header is missing or does not match the body under this business's webhook secret.`);
  }
  return { trusted: true, businessId };
}
