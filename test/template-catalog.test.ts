/**
 * The template catalog end to end: real HTTP GraphQL requests, with auth on, to gateways in live
 * mode against one sandbox (a real HTTP server answering get/templates in Connectly's format), the
 * catalog cached in the database. Within the TTL one fetch serves every query; TTL 0 fetches each
 * time; refreshTemplates fetches now and a second gateway on the same database (PostgreSQL) reads
 * its copy without fetching; a failing fetch answers the stored copy as stale, or
 * TemplateCatalogUnavailableError; filters; no API key; bad arguments; another business's token.
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Config } from "../src/config/config.js";
import { startSandbox, type Sandbox, type TemplateGroup } from "../src/sandbox/sandbox.js";
import { DEFAULT_TEMPLATE_GROUPS } from "../src/sandbox/templates.js";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { hs256Auth, tokenFor } from "./support/auth.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { testConfig, type GraphQLResponse } from "./support/gateway.js";

const SECRET = "template-catalog-secret-with-at-least-32-chars";
const auth = hs256Auth(SECRET);
const FC_RUNS = Number(process.env.FC_RUNS ?? 40);
const suffix = randomBytes(3).toString("hex");

/** The businesses the gateways have API keys for, one per test so fetch counts never mix. */
const BIZ = Object.fromEntries(
  ["ttl", "zero", "refresh", "shared", "stale", "staleZero", "none", "invalid", "filter", "auth", "other"].map((label) => [label, `cat-${label}-${suffix}`]),
) as Record<"ttl" | "zero" | "refresh" | "shared" | "stale" | "staleZero" | "none" | "invalid" | "filter" | "auth" | "other", string>;
const UNCONFIGURED = `cat-unconfigured-${suffix}`;

const TEMPLATES = `
  query Templates($businessId: ID!, $filter: TemplateFilter) {
    templates(businessId: $businessId, filter: $filter) { ...Result }
  }
  mutation Refresh($businessId: ID!) {
    refreshTemplates(businessId: $businessId) { ...Result }
  }
  fragment Result on TemplatesResult {
    __typename
    ... on TemplateCatalog {
      businessId fetchedAt stale
      templates {
        name language id category status connectlyStatus rejectionReason updatedAt
        components { type format text buttons { type text url phoneNumber } }
        parameters { name kind example }
      }
    }
    ... on ErrorResult { code message }
    ... on BusinessNotConfiguredError { businessId }
    ... on TemplateCatalogUnavailableError { businessId upstream { status type code message } }
  }`;

interface TemplateFields {
  name: string;
  language: string;
  id: string | null;
  category: string | null;
  status: string;
  connectlyStatus: string;
  rejectionReason: string | null;
  updatedAt: string | null;
  components: {
    type: string;
    format: string | null;
    text: string | null;
    buttons: { type: string; text: string; url: string | null; phoneNumber: string | null }[] | null;
  }[];
  parameters: { name: string; kind: string; example: string | null }[];
}
type Result =
  | { __typename: "TemplateCatalog"; businessId: string; fetchedAt: string; stale: boolean; templates: TemplateFields[] }
  | { __typename: "BusinessNotConfiguredError"; code: string; message: string; businessId: string }
  | {
      __typename: "TemplateCatalogUnavailableError";
      code: string;
      message: string;
      businessId: string;
      upstream: { status: number | null; type: string | null; code: string | null; message: string | null };
    };
type Catalog = Extract<Result, { __typename: "TemplateCatalog" }>;

let sandbox: Sandbox;
let database: TestDatabase;
let zeroDatabase: TestDatabase;
/** TTL one minute. */
let gw: Gateway;
/** TTL 0: fetches on every read. */
let zero: Gateway;
/** A token for every configured business (and the unconfigured one), with both scopes. */
let token: string;

function gatewayConfig(db: TestDatabase, catalogTtlMs: number): Config {
  const base = testConfig(db.config);
  const businessApiKeys = new Map(Object.values(BIZ).map((b) => [b, sandbox.apiKey]));
  return {
    ...base,
    auth,
    connectly: { mode: "live", baseUrl: sandbox.url, defaultApiKey: undefined, businessApiKeys },
    templates: { ...base.templates, catalogTtlMs },
  };
}

async function call<T = Record<string, Result>>(
  target: Gateway,
  bearer: string | null,
  operationName: "Templates" | "Refresh",
  variables: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${target.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer != null ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query: TEMPLATES, operationName, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, "status">) };
}

/** templates(businessId, filter) through `target`, expecting no GraphQL error. */
async function templates(target: Gateway, businessId: string, filter?: Record<string, unknown>): Promise<Result> {
  const response = await call(target, token, "Templates", { businessId, ...(filter ? { filter } : {}) });
  expect(response.errors).toBeUndefined();
  return response.data!.templates!;
}

async function refresh(target: Gateway, businessId: string): Promise<Result> {
  const response = await call(target, token, "Refresh", { businessId });
  expect(response.errors).toBeUndefined();
  return response.data!.refreshTemplates!;
}

function catalog(result: Result): Catalog {
  expect(result.__typename).toBe("TemplateCatalog");
  return result as Catalog;
}

const keys = (result: Result): string[] => catalog(result).templates.map((t) => `${t.name}/${t.language}`);

/** get/templates requests the sandbox answered for the business. */
const fetches = (businessId: string): number => sandbox.requests.filter((r) => r.endpoint === "templates" && r.businessId === businessId).length;

/** The catalog the sandbox answers from now until the test ends (then the built-in one again). */
function useTemplates(groups: readonly TemplateGroup[]): void {
  sandbox.setTemplates(groups);
  onTestFinished(() => sandbox.setTemplates(DEFAULT_TEMPLATE_GROUPS));
}

const group = (name: string, status = "MESSAGE_TEMPLATE_STATUS_APPROVED"): TemplateGroup => ({
  id: name,
  name,
  category: "UTILITY",
  templates: [{ id: `id-${name}`, language: { code: "en" }, status, templateComponents: [{ body: { text: { text: `${name} {{1}}`, example: ["x"] } } }] }],
});

const ALL_KEYS = [
  "appointment_video/en",
  "invoice_ready/en",
  "order_ready/en_US",
  "order_ready/pt_BR",
  "spam_offer/en",
  "summer_sale/en",
  "thanks/en",
  "welcome_back/en",
];

beforeAll(async () => {
  sandbox = await startSandbox();
  database = await createTestDatabase("template_catalog");
  zeroDatabase = await createTestDatabase("template_catalog_zero");
  gw = await startGateway(gatewayConfig(database, 60_000));
  zero = await startGateway(gatewayConfig(zeroDatabase, 0));
  token = await tokenFor(auth, [...Object.values(BIZ), UNCONFIGURED]);
});

afterAll(async () => {
  await Promise.all([gw?.close(), zero?.close()]);
  await Promise.all([database?.drop(), zeroDatabase?.drop(), sandbox?.close()]);
});

describe("templates(businessId)", () => {
  it("two queries within the TTL make one get/templates request, and read the stored copy", async () => {
    const first = catalog(await templates(gw, BIZ.ttl));
    expect(fetches(BIZ.ttl)).toBe(1);
    const second = catalog(await templates(gw, BIZ.ttl));
    expect(fetches(BIZ.ttl)).toBe(1);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ businessId: BIZ.ttl, stale: false });

    const row = await gw.database.prisma.templateCatalog.findUnique({ where: { businessId: BIZ.ttl } });
    expect(row?.fetchedAt.toISOString()).toBe(first.fetchedAt);
    expect((row?.templates as unknown[]).length).toBe(ALL_KEYS.length);
  });

  it("answers the catalog sorted by name then language, with the parameters each template expects", async () => {
    const result = catalog(await templates(gw, BIZ.ttl));
    expect(keys(result)).toEqual(ALL_KEYS);
    const byKey = new Map(result.templates.map((t) => [`${t.name}/${t.language}`, t]));
    expect(Object.fromEntries(result.templates.map((t) => [`${t.name}/${t.language}`, t.parameters.map((p) => p.name)]))).toEqual({
      "appointment_video/en": ["header_video", "body_1"],
      "invoice_ready/en": ["header_document", "body_1", "body_2", "button_2_url"],
      "order_ready/en_US": ["header_image", "body_1", "body_2", "button_1_url"],
      "order_ready/pt_BR": ["header_image", "body_1", "body_2", "button_1_url"],
      "spam_offer/en": ["body_1"],
      "summer_sale/en": ["body_1"],
      "thanks/en": [],
      "welcome_back/en": ["header_text", "body_1"],
    });
    expect(byKey.get("order_ready/pt_BR")).toEqual({
      name: "order_ready",
      language: "pt_BR",
      id: "1029384756001",
      category: "UTILITY",
      status: "APPROVED",
      connectlyStatus: "MESSAGE_TEMPLATE_STATUS_APPROVED",
      rejectionReason: null,
      updatedAt: "2026-01-05T10:00:00.000Z",
      components: [
        { type: "HEADER", format: "IMAGE", text: null, buttons: null },
        { type: "BODY", format: null, text: "Oi {{1}}, seu pedido {{2}} chegou.", buttons: null },
        { type: "FOOTER", format: null, text: "Loja Exemplo", buttons: null },
        {
          type: "BUTTONS",
          format: null,
          text: null,
          buttons: [{ type: "URL", text: "Acompanhar", url: "https://shop.example.com/orders/{{1}}", phoneNumber: null }],
        },
      ],
      parameters: [
        { name: "header_image", kind: "HEADER_IMAGE", example: "https://cdn.example.com/p.png" },
        { name: "body_1", kind: "BODY_TEXT", example: "Ana" },
        { name: "body_2", kind: "BODY_TEXT", example: "A1B2" },
        { name: "button_1_url", kind: "BUTTON_URL", example: "A1B2" },
      ],
    });
    expect(byKey.get("spam_offer/en")).toMatchObject({ status: "REJECTED", rejectionReason: "INVALID_FORMAT", category: "MARKETING" });
    expect(byKey.get("summer_sale/en")).toMatchObject({ status: "PENDING", connectlyStatus: "MESSAGE_TEMPLATE_STATUS_PENDING" });
  });

  it("with TTL 0 fetches on every query", async () => {
    const fetchedAt: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const result = catalog(await templates(zero, BIZ.zero));
      expect(result.stale).toBe(false);
      expect(fetches(BIZ.zero)).toBe(i);
      fetchedAt.push(result.fetchedAt);
    }
    expect([...fetchedAt].sort()).toEqual(fetchedAt);
  });

  it("narrows by name, language, status and category; every field given must match", async () => {
    const by = async (filter: Record<string, unknown>) => keys(await templates(gw, BIZ.filter, filter));
    expect(await by({ name: "order_ready" })).toEqual(["order_ready/en_US", "order_ready/pt_BR"]);
    expect(await by({ language: "en" })).toEqual(ALL_KEYS.filter((k) => k.endsWith("/en")));
    expect(await by({ status: "APPROVED" })).toEqual(ALL_KEYS.filter((k) => !["spam_offer/en", "summer_sale/en"].includes(k)));
    expect(await by({ status: "PENDING" })).toEqual(["summer_sale/en"]);
    expect(await by({ status: "REJECTED" })).toEqual(["spam_offer/en"]);
    expect(await by({ status: "UNKNOWN" })).toEqual([]);
    expect(await by({ category: "MARKETING" })).toEqual(["spam_offer/en", "summer_sale/en", "welcome_back/en"]);
    expect(await by({ category: "MARKETING", status: "APPROVED" })).toEqual(["welcome_back/en"]);
    expect(await by({ name: "order_ready", language: "pt_BR" })).toEqual(["order_ready/pt_BR"]);
    expect(await by({ name: "order_ready", language: "pt-BR" })).toEqual([]);
    expect(await by({ name: "no_such_template" })).toEqual([]);
    expect(await by({})).toEqual(ALL_KEYS);
    // Filters narrow the one stored copy: one fetch for all of them.
    expect(fetches(BIZ.filter)).toBe(1);
  });
});

describe("refreshTemplates(businessId)", () => {
  it("fetches now, within the TTL, and later queries read what it stored", async () => {
    await templates(gw, BIZ.refresh);
    expect(fetches(BIZ.refresh)).toBe(1);
    useTemplates([group("brand_new"), ...DEFAULT_TEMPLATE_GROUPS]);
    expect(keys(await templates(gw, BIZ.refresh))).not.toContain("brand_new/en");

    const refreshed = catalog(await refresh(gw, BIZ.refresh));
    expect(fetches(BIZ.refresh)).toBe(2);
    expect(refreshed.stale).toBe(false);
    expect(keys(refreshed)).toEqual(["appointment_video/en", "brand_new/en", ...ALL_KEYS.slice(1)]);
    expect(catalog(await templates(gw, BIZ.refresh, { name: "brand_new" })).templates[0]?.parameters).toEqual([
      { name: "body_1", kind: "BODY_TEXT", example: "x" },
    ]);
    expect(fetches(BIZ.refresh)).toBe(2);
  });

  describe.skipIf(!process.env.DATABASE_URL)("two gateways on one PostgreSQL database", () => {
    let second: Gateway;
    beforeAll(async () => {
      second = await startGateway(gatewayConfig(database, 60_000));
    });
    afterAll(() => second?.close());

    it("what one gateway's refreshTemplates stored, the other reads within its TTL without fetching, both ways", async () => {
      useTemplates([group("first_version")]);
      const fromFirst = catalog(await refresh(gw, BIZ.shared));
      expect(keys(fromFirst)).toEqual(["first_version/en"]);
      expect(fetches(BIZ.shared)).toBe(1);

      const readBySecond = catalog(await templates(second, BIZ.shared));
      expect(readBySecond).toEqual(fromFirst);
      expect(fetches(BIZ.shared)).toBe(1);

      sandbox.setTemplates([group("second_version", "MESSAGE_TEMPLATE_STATUS_PENDING")]);
      const fromSecond = catalog(await refresh(second, BIZ.shared));
      expect(fetches(BIZ.shared)).toBe(2);
      expect(fromSecond.templates.map((t) => [t.name, t.status])).toEqual([["second_version", "PENDING"]]);
      expect(new Date(fromSecond.fetchedAt).getTime()).toBeGreaterThanOrEqual(new Date(fromFirst.fetchedAt).getTime());

      expect(catalog(await templates(gw, BIZ.shared))).toEqual(fromSecond);
      expect(fetches(BIZ.shared)).toBe(2);
    });
  });
});

describe("when Connectly cannot be read", () => {
  it("refreshTemplates answers the stored copy with stale true, as it was", async () => {
    const stored = catalog(await templates(gw, BIZ.stale));
    sandbox.injectFaults({ kind: "status", status: 503 });
    const stale = catalog(await refresh(gw, BIZ.stale));
    expect(fetches(BIZ.stale)).toBe(2);
    expect(stale).toEqual({ ...stored, stale: true });
    // The failed fetch stored nothing: the next query within the TTL reads the same copy, fresh.
    expect(catalog(await templates(gw, BIZ.stale))).toEqual(stored);
    expect(fetches(BIZ.stale)).toBe(2);
  });

  it("past the TTL a query answers the stored copy with stale true, then the next good fetch replaces it", async () => {
    const stored = catalog(await templates(zero, BIZ.staleZero));
    sandbox.injectFaults({ kind: "reset" });
    expect(catalog(await templates(zero, BIZ.staleZero))).toEqual({ ...stored, stale: true });
    sandbox.injectFaults({ kind: "status", status: 200, body: { unexpected: "shape" } });
    expect(catalog(await templates(zero, BIZ.staleZero))).toEqual({ ...stored, stale: true });
    const fresh = catalog(await templates(zero, BIZ.staleZero));
    expect(fresh.stale).toBe(false);
    expect(fresh.fetchedAt > stored.fetchedAt).toBe(true);
    expect(fetches(BIZ.staleZero)).toBe(4);
  });

  it("with no stored copy: TemplateCatalogUnavailableError with Connectly's words, and nothing stored", async () => {
    sandbox.injectFaults({
      kind: "status",
      status: 503,
      body: { error: { type: "ERROR_TYPE_INTERNAL", code: "ERROR_CODE_UNSPECIFIED", message: "Catalog service down." } },
    });
    const result = await templates(gw, BIZ.none);
    expect(result).toEqual({
      __typename: "TemplateCatalogUnavailableError",
      code: "TEMPLATE_CATALOG_UNAVAILABLE",
      message: expect.stringMatching(new RegExp(`^The template catalog of business ${BIZ.none} could not be read from Connectly \\(.*503.*\\)`)),
      businessId: BIZ.none,
      upstream: { status: 503, type: "ERROR_TYPE_INTERNAL", code: "ERROR_CODE_UNSPECIFIED", message: "Catalog service down." },
    });
    sandbox.injectFaults({ kind: "reset" });
    expect(await refresh(gw, BIZ.none)).toMatchObject({
      __typename: "TemplateCatalogUnavailableError",
      businessId: BIZ.none,
      upstream: { status: null, type: null, code: null, message: null },
    });
    expect(await gw.database.prisma.templateCatalog.count({ where: { businessId: BIZ.none } })).toBe(0);
    // Once Connectly answers, the catalog is there.
    expect(keys(await templates(gw, BIZ.none))).toEqual(ALL_KEYS);
    expect(fetches(BIZ.none)).toBe(3);
  });

  it("an answer that is no catalog is unavailable too, not an empty catalog", async () => {
    sandbox.injectFaults({ kind: "status", status: 200, body: { entity: { templateGroups: "none" } } });
    expect(await templates(gw, BIZ.invalid)).toMatchObject({
      __typename: "TemplateCatalogUnavailableError",
      message: expect.stringContaining("entity.templateGroups"),
      upstream: { status: null, type: null, code: null, message: null },
    });
    expect(await gw.database.prisma.templateCatalog.count({ where: { businessId: BIZ.invalid } })).toBe(0);
  });
});

describe("arguments and access", () => {
  it("a business the gateway has no API key for: BusinessNotConfiguredError, nothing fetched", async () => {
    const before = sandbox.requests.length;
    for (const result of [await templates(gw, UNCONFIGURED), await refresh(gw, UNCONFIGURED)])
      expect(result).toEqual({
        __typename: "BusinessNotConfiguredError",
        code: "BUSINESS_NOT_CONFIGURED",
        message: `The gateway has no Connectly API key for business ${UNCONFIGURED}.`,
        businessId: UNCONFIGURED,
      });
    expect(sandbox.requests.length).toBe(before);
  });

  it.each([
    ["a name that is not a template name", { filter: { name: "Order Ready" } }, "filter.name", "TEMPLATE_NAME"],
    ["a name over 512 characters", { filter: { name: "a".repeat(513) } }, "filter.name", "TEMPLATE_NAME"],
    ["a name with NUL", { filter: { name: "order\u0000ready" } }, "filter.name", "NO_NUL"],
    ["a language that is no language code", { filter: { language: "english!" } }, "filter.language", "TEMPLATE_LANGUAGE"],
    ["a blank category", { filter: { category: "  " } }, "filter.category", "NOT_BLANK"],
    ["a category over 128 characters", { filter: { category: "C".repeat(129) } }, "filter.category", "MAX_LENGTH"],
    ["a malformed businessId", { businessId: "not a business" }, "businessId", "BUSINESS_ID_FORMAT"],
  ])("refuses %s: BAD_USER_INPUT naming the field and rule, nothing fetched", async (_what, variables, field, rule) => {
    const anyBusiness = await tokenFor(auth, ["*"]);
    const before = sandbox.requests.length;
    const response = await call(gw, anyBusiness, "Templates", { businessId: BIZ.filter, ...variables });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, rule });
    expect(sandbox.requests.length).toBe(before);
  });

  it("refuses a status that is not a TemplateStatus (GraphQL's coercion)", async () => {
    const response = await call(gw, token, "Templates", { businessId: BIZ.filter, filter: { status: "LIVE" } });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("any name filter either narrows to templates of that name or is refused with a template-name rule (property)", async () => {
    await templates(gw, BIZ.filter);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...ALL_KEYS.map((k) => k.split("/")[0]!)), fc.string({ maxLength: 20 }), fc.stringMatching(/^[a-z0-9_]{1,12}$/)),
        async (name) => {
          const response = await call(gw, token, "Templates", { businessId: BIZ.filter, filter: { name } });
          if (response.errors) {
            expect(response.errors[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.name" });
            expect(["TEMPLATE_NAME", "NO_NUL", "UNPAIRED_SURROGATE"]).toContain(response.errors[0]?.extensions?.rule);
            expect(/^[a-z0-9_]{1,512}$/.test(name)).toBe(false);
          } else {
            const names = catalog(response.data!.templates!).templates.map((t) => t.name);
            expect(names).toEqual(ALL_KEYS.map((k) => k.split("/")[0]!).filter((n) => n === name));
          }
        },
      ),
      { numRuns: FC_RUNS },
    );
    expect(fetches(BIZ.filter)).toBe(1);
  });

  it("another business's token is FORBIDDEN for both fields, and nothing is fetched", async () => {
    const otherToken = await tokenFor(auth, [BIZ.other]);
    const before = sandbox.requests.length;
    for (const operation of ["Templates", "Refresh"] as const) {
      const response = await call(gw, otherToken, operation, { businessId: BIZ.auth });
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", businessId: BIZ.auth });
    }
    expect(sandbox.requests.length).toBe(before);
    // The same token reads its own business.
    expect((await call(gw, otherToken, "Templates", { businessId: BIZ.other })).data?.templates?.__typename).toBe("TemplateCatalog");
  });

  it("both need the read scope; a token without one is FORBIDDEN, and no token is 401", async () => {
    const sendOnly = await tokenFor(auth, [BIZ.auth], { scopes: ["send"] });
    for (const operation of ["Templates", "Refresh"] as const) {
      const response = await call(gw, sendOnly, operation, { businessId: BIZ.auth });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", requiredScope: "read" });
    }
    expect((await call(gw, null, "Templates", { businessId: BIZ.auth })).status).toBe(401);
    const readOnly = await tokenFor(auth, [BIZ.auth], { scopes: ["read"] });
    expect((await call(gw, readOnly, "Refresh", { businessId: BIZ.auth })).data?.refreshTemplates?.__typename).toBe("TemplateCatalog");
    expect(fetches(BIZ.auth)).toBe(1);
  });
});
