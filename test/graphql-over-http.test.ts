/**
 * GraphQL-over-HTTP conformance: graphql-http's server audit against the real gateway (with auth on,
 * every audit request carrying a valid token), with no MUST failure and no SHOULD warning.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditServer } from "graphql-http";
import { hs256Auth, tokenFor } from "./support/auth.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";

const auth = hs256Auth("audit-test-secret-of-32-characters!!");

describe("GraphQL over HTTP (graphql-http's server audit)", () => {
  let t: TestGateway;
  let token: string;
  beforeAll(async () => {
    t = await startTestGateway("graphql-over-http", { auth });
    token = await tokenFor(auth, ["biz-audit"], { scopes: ["read"], subject: "audit" });
  });
  afterAll(() => t?.close());

  it("passes every audit: no MUST failure and no SHOULD warning", async () => {
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: `${t.url}/graphql`, fetchFn });
    // "notice" results are MAYs: the ones left are GETs Apollo's CSRF prevention refuses on purpose.
    const problems = await Promise.all(
      results
        .filter((r) => r.status === "error" || r.status === "warn")
        .map(
          async (r) =>
            `${r.status} ${r.id} ${r.name}: ${"reason" in r ? r.reason : ""} ${
              "response" in r
                ? `(${r.response.status} ${await r.response
                    .clone()
                    .text()
                    .catch(() => "")})`
                : ""
            }`,
        ),
    );
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(40);
  });

  it("answers a validation failure with 200 for application/json clients and 400 for application/graphql-response+json", async () => {
    const ask = (accept: string) =>
      fetch(`${t.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ noSuchField }" }),
      });
    const legacy = await ask("application/json");
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await legacy.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const modern = await ask("application/graphql-response+json");
    expect(modern.status).toBe(400);
    expect(modern.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
  });
});
