/**
 * webhookTrust, the one decision of whom a webhook speaks for: the business the address names (path
 * or query, once), proved by a signature made with that business's own secret or, for a business
 * without one, the generic secret; the sandbox's per-process secret for any business; an address
 * naming no business only when exactly one business is configured. And webhookKeys, which reads
 * those keys from the configuration.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.js";
import { signWebhookBody } from "../src/webhooks/signature.js";
import { addressedBusiness, webhookKeys, webhookTrust, type WebhookKeys, type WebhookRequest } from "../src/webhooks/trust.js";

const GENERIC = "generic-secret-0001";
const SECRET_A = "secret-of-a-0001";
const SECRET_A_NEXT = "secret-of-a-0002";
const SECRET_B = "secret-of-b-0001";
const SANDBOX = "sandbox-secret-0001";

const keys = (over: Partial<WebhookKeys> = {}): WebhookKeys => ({
  secrets: [GENERIC],
  businessSecrets: new Map([
    ["biz-a", [SECRET_A, SECRET_A_NEXT]],
    ["biz-b", [SECRET_B]],
  ]),
  businesses: ["biz-a", "biz-b"],
  ...over,
});

const body = Buffer.from('{"topic":"delivery_status"}');
const request = (secret: string | null, queryBusinessIds: string[], pathBusinessId: string | null = null): WebhookRequest => ({
  queryBusinessIds,
  pathBusinessId,
  body,
  signature: secret === null ? undefined : signWebhookBody(body, secret),
});
const codeOf = (trust: ReturnType<typeof webhookTrust>) => (trust.trusted ? `trusted:${trust.businessId}` : `${trust.status}:${trust.code}`);

describe("webhookTrust", () => {
  it("a business with its own secrets verifies with them (either while rotating), never with the generic one or another's", () => {
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, ["biz-a"])))).toBe("trusted:biz-a");
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A_NEXT, ["biz-a"])))).toBe("trusted:biz-a");
    expect(codeOf(webhookTrust(keys(), null, request(GENERIC, ["biz-a"])))).toBe("401:INVALID_SIGNATURE");
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_B, ["biz-a"])))).toBe("401:INVALID_SIGNATURE");
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, ["biz-b"])))).toBe("401:INVALID_SIGNATURE");
    expect(codeOf(webhookTrust(keys(), null, request(null, ["biz-a"])))).toBe("401:INVALID_SIGNATURE");
  });

  it("a business without its own secrets verifies with the generic one only", () => {
    expect(codeOf(webhookTrust(keys(), null, request(GENERIC, ["biz-other"])))).toBe("trusted:biz-other");
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, ["biz-other"])))).toBe("401:INVALID_SIGNATURE");
    // No generic secret: nothing could verify it.
    expect(codeOf(webhookTrust(keys({ secrets: [] }), null, request(GENERIC, ["biz-other"])))).toBe("401:WEBHOOK_SECRET_NOT_CONFIGURED");
    expect(codeOf(webhookTrust(keys({ secrets: [] }), null, request(SECRET_A, ["biz-a"])))).toBe("trusted:biz-a");
  });

  it("the sandbox's per-process secret speaks for any business, also with no secret configured", () => {
    const none = keys({ secrets: [], businessSecrets: new Map(), businesses: [] });
    expect(codeOf(webhookTrust(none, SANDBOX, request(SANDBOX, ["biz-x"])))).toBe("trusted:biz-x");
    expect(codeOf(webhookTrust(keys(), SANDBOX, request(SANDBOX, ["biz-a"])))).toBe("trusted:biz-a");
    expect(codeOf(webhookTrust(none, SANDBOX, request("not-the-sandbox", ["biz-x"])))).toBe("401:WEBHOOK_SECRET_NOT_CONFIGURED");
    expect(codeOf(webhookTrust(none, null, request(SANDBOX, ["biz-x"])))).toBe("401:WEBHOOK_SECRET_NOT_CONFIGURED");
  });

  it("the path form names the business like the query; both agreeing is fine", () => {
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, [], "biz-a")))).toBe("trusted:biz-a");
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, ["biz-a"], "biz-a")))).toBe("trusted:biz-a");
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, [], "biz-b")))).toBe("401:INVALID_SIGNATURE");
  });

  it("an address that names two businesses, or one twice, is refused before the signature is looked at", () => {
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, ["biz-a", "biz-b"])))).toBe("400:AMBIGUOUS_BUSINESS");
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, ["biz-a", "biz-a"])))).toBe("400:AMBIGUOUS_BUSINESS");
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, ["biz-b"], "biz-a")))).toBe("400:AMBIGUOUS_BUSINESS");
    expect(codeOf(webhookTrust(keys(), null, request(null, ["biz-b"], "biz-a")))).toBe("400:AMBIGUOUS_BUSINESS");
  });

  it("a malformed business id is refused 400 BAD_REQUEST, in either form", () => {
    for (const bad of ["", "a b", "b".repeat(129), "a/b", "ä"]) {
      expect(codeOf(webhookTrust(keys(), null, request(GENERIC, [bad])))).toBe("400:BAD_REQUEST");
      expect(codeOf(webhookTrust(keys(), null, request(GENERIC, [], bad)))).toBe("400:BAD_REQUEST");
    }
  });

  it("no business in the address: 400 BUSINESS_REQUIRED unless exactly one business is configured, whose it then is", () => {
    expect(codeOf(webhookTrust(keys(), null, request(SECRET_A, [])))).toBe("400:BUSINESS_REQUIRED");
    expect(codeOf(webhookTrust(keys({ businesses: [] }), null, request(GENERIC, [])))).toBe("400:BUSINESS_REQUIRED");
    const one = keys({ businessSecrets: new Map([["solo", [SECRET_A]]]), businesses: ["solo"] });
    expect(codeOf(webhookTrust(one, null, request(SECRET_A, [])))).toBe("trusted:solo");
    expect(codeOf(webhookTrust(one, null, request(GENERIC, [])))).toBe("401:INVALID_SIGNATURE");
    // Configured by its API key only: the generic secret proves it.
    const byKey = keys({ businessSecrets: new Map(), businesses: ["keyed"] });
    expect(codeOf(webhookTrust(byKey, null, request(GENERIC, [])))).toBe("trusted:keyed");
  });

  it("refusals carry a message that names no secret", () => {
    for (const trust of [
      webhookTrust(keys(), null, request(GENERIC, ["biz-a"])),
      webhookTrust(keys({ secrets: [] }), null, request(GENERIC, ["biz-x"])),
      webhookTrust(keys(), null, request(GENERIC, [])),
    ]) {
      expect(trust.trusted).toBe(false);
      if (trust.trusted) continue;
      expect(trust.message.length).toBeGreaterThan(0);
      for (const secret of [GENERIC, SECRET_A, SECRET_A_NEXT, SECRET_B]) expect(trust.message).not.toContain(secret);
    }
  });
});

describe("addressedBusiness", () => {
  it("reads none, the query's, the path's, or both when they agree", () => {
    expect(addressedBusiness([], null)).toEqual({ businessId: null });
    expect(addressedBusiness(["a"], null)).toEqual({ businessId: "a" });
    expect(addressedBusiness([], "a")).toEqual({ businessId: "a" });
    expect(addressedBusiness(["a"], "a")).toEqual({ businessId: "a" });
  });
});

describe("webhookKeys", () => {
  const AUTH = "a-service-secret-of-32-characters!";

  it("reads CONNECTLY_BUSINESS_WEBHOOK_SECRETS (a business twice while rotating) beside the generic secrets", () => {
    const config = loadConfig({
      CONNECTLY_WEBHOOK_SECRET: GENERIC,
      CONNECTLY_BUSINESS_WEBHOOK_SECRETS: `biz-a=${SECRET_A}, biz-b=${SECRET_B},biz-a=${SECRET_A_NEXT}`,
    });
    const read = webhookKeys(config);
    expect(read.secrets).toEqual([GENERIC]);
    expect([...read.businessSecrets]).toEqual([
      ["biz-a", [SECRET_A, SECRET_A_NEXT]],
      ["biz-b", [SECRET_B]],
    ]);
    expect(read.businesses).toEqual(["biz-a", "biz-b"]);
  });

  it("the businesses configured are those with own webhook secrets and, in live mode, own API keys, each once", () => {
    const config = loadConfig({
      CONNECTLY_BUSINESS_API_KEYS: "biz-b=key-b,biz-c=key-c",
      CONNECTLY_BUSINESS_WEBHOOK_SECRETS: `biz-a=${SECRET_A},biz-b=${SECRET_B}`,
      AUTH_JWT_SECRET: AUTH,
    });
    expect(webhookKeys(config).businesses).toEqual(["biz-a", "biz-b", "biz-c"]);
    expect(webhookKeys(loadConfig({})).businesses).toEqual([]);
  });
});
