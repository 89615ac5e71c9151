/** Token claims to a principal, and the verifier's failures that are not the caller's fault. */
import { createServer } from "node:net";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { generateKeyPair, SignJWT } from "jose";
import { AuthError, bearerToken, createTokenVerifier, principalFromClaims } from "../src/auth/tokens.js";
import { hasScope, mayActFor } from "../src/auth/principal.js";
import { hs256Auth } from "./support/auth.js";

const claims = { businessClaim: "businessIds", scopeClaim: "scope" };

describe("principalFromClaims", () => {
  it("reads an array of businesses and a space-separated scope string", () => {
    const p = principalFromClaims({ sub: "svc", businessIds: ["a", "b"], scope: "send read openid", exp: 2_000_000_000 }, claims, "t");
    expect(p.id).toBe("sub:svc");
    expect(mayActFor(p, "a")).toBe(true);
    expect(mayActFor(p, "c")).toBe(false);
    expect([...p.scopes]).toEqual(["send", "read"]);
    expect(p.expiresAt).toBe(2_000_000_000_000);
  });

  it("reads one business as a string, scopes as an array (scp style), and * as every business", () => {
    const one = principalFromClaims({ businessIds: "a", scp: ["read"] }, { businessClaim: "businessIds", scopeClaim: "scp" }, "t");
    expect(mayActFor(one, "a")).toBe(true);
    expect(hasScope(one, "read")).toBe(true);
    expect(hasScope(one, "send")).toBe(false);
    const all = principalFromClaims({ businessIds: ["*"], scope: "send" }, claims, "t");
    expect(mayActFor(all, "anything")).toBe(true);
  });

  it("names a token without a subject by a digest of it, never by the token itself", () => {
    const p = principalFromClaims({ businessIds: ["a"] }, claims, "header.payload.signature");
    expect(p.id).toMatch(/^token:[A-Za-z0-9_-]{22}$/);
    expect(p.id).not.toContain("signature");
  });

  it.each([[{}], [{ businessIds: [] }], [{ businessIds: [1] }], [{ businessIds: [""] }], [{ businessIds: ["x".repeat(129)] }], [{ businessIds: { a: true } }]])(
    "refuses business claim %o",
    (payload) => {
      expect(() => principalFromClaims(payload, claims, "t")).toThrow(AuthError);
    },
  );
});

describe("bearerToken", () => {
  it("takes Bearer in any case and nothing else", () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(() => bearerToken("Basic abc")).toThrow(AuthError);
    expect(() => bearerToken("Bearer a b")).toThrow(AuthError);
  });
});

describe("createTokenVerifier", () => {
  it("answers KEYS_UNAVAILABLE (503, the gateway's problem) when the identity provider cannot be reached", async () => {
    // A port that refuses connections: listen, note it, close.
    const server = createServer().listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    server.close();
    await once(server, "close");
    const verify = createTokenVerifier({
      secret: undefined,
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
      issuer: "https://id.example.test/",
      audience: "gw",
      businessClaim: "businessIds",
      scopeClaim: "scope",
      clockToleranceS: 0,
    });
    const { privateKey } = await generateKeyPair("ES256");
    const token = await new SignJWT({ businessIds: ["a"] })
      .setProtectedHeader({ alg: "ES256", kid: "k" })
      .setIssuer("https://id.example.test/")
      .setAudience("gw")
      .setExpirationTime("5m")
      .sign(privateKey);
    const error = await verify(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).reason).toBe("KEYS_UNAVAILABLE");
    expect((error as AuthError).status).toBe(503);
  });

  it("remembers a verified token only until it expires", async () => {
    let clock = Date.now();
    const config = hs256Auth("s".repeat(32));
    const verify = createTokenVerifier(config, () => clock);
    const exp = Math.floor(clock / 1000) + 60;
    const token = await new SignJWT({ businessIds: ["a"], scope: "read" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(config.secret));
    const first = await verify(token);
    expect(await verify(token)).toBe(first); // the remembered principal
    clock = exp * 1000 + 1_000;
    const error = await verify(token).catch((e: unknown) => e);
    expect((error as AuthError).reason).toBe("TOKEN_EXPIRED");
  });

  it("refuses an HS256 token when only a JWKS is configured, and an RS256 one when only a secret is", async () => {
    const onlySecret = createTokenVerifier(hs256Auth("s".repeat(32)));
    const { privateKey } = await generateKeyPair("RS256");
    const rs = await new SignJWT({ businessIds: ["a"] }).setProtectedHeader({ alg: "RS256" }).setExpirationTime("5m").sign(privateKey);
    expect(((await onlySecret(rs).catch((e: unknown) => e)) as AuthError).reason).toBe("TOKEN_ALGORITHM_NOT_ALLOWED");
    const onlyJwks = createTokenVerifier({
      secret: undefined,
      jwksUrl: "http://127.0.0.1:9/jwks.json",
      issuer: "i",
      audience: "a",
      businessClaim: "businessIds",
      scopeClaim: "scope",
      clockToleranceS: 0,
    });
    const hs = await new SignJWT({ businessIds: ["a"] })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("s".repeat(32)));
    expect(((await onlyJwks(hs).catch((e: unknown) => e)) as AuthError).reason).toBe("TOKEN_ALGORITHM_NOT_ALLOWED");
  });
});
