/**
 * Connectly signs each webhook request: header x-connectly-hmac-sha256 is the Base64 HMAC-SHA256
 * of the raw body keyed with the webhook secret. Verified before the body is parsed, in constant time.
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";

export const SIGNATURE_HEADER = "x-connectly-hmac-sha256";

/** The signature Connectly sends for `body` under `secret`. */
export function signWebhookBody(body: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/** Each secret's key, imported once: creating an HMAC from a string secret imports it every time. */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, "utf8"));
    // A handful of secrets in practice (several during a rotation); never grows without bound.
    if (keys.size >= 64) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/**
 * Whether `header` is the signature of `body` under one of `secrets` (several during a rotation).
 * Every secret is tried, so the time taken does not tell which one matched, or how much of it.
 */
export function verifyWebhookSignature(body: Buffer, header: string | string[] | undefined, secrets: readonly string[]): boolean {
  if (typeof header !== "string" || header.length === 0 || header.length > 128 || secrets.length === 0) return false;
  const given = Buffer.from(header.trim(), "base64");
  let ok = false;
  for (const secret of secrets) {
    const expected = createHmac("sha256", keyOf(secret)).update(body).digest();
    // timingSafeEqual needs equal lengths; a wrong length is wrong whatever the secret.
    const match = given.length === expected.length && timingSafeEqual(given, expected);
    ok = ok || match;
  }
  return ok;
}
