/**
 * Reading Connectly's get-templates answer (src/connectly/templates.ts): the sandbox's built-in
 * catalog in Connectly's format, the older GitBook format, the parameters derived from the
 * components (header, body_1..body_n by the highest {{n}}, button_<i>_url counting every button),
 * the status mapping, and leniency: any JSON never throws, and what comes out can be stored and
 * named in a send. Then the catalog service (src/templates/catalog.ts) over an in-memory store:
 * the TTL, refresh, the stale copy, single flight, and the limiter held around each fetch.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConnectlyClient, TemplatesResult } from "../src/connectly/client.js";
import { limiterKey } from "../src/connectly/delivery.js";
import type { UpstreamFailure } from "../src/connectly/errors.js";
import { parseTemplateCatalog } from "../src/connectly/templates.js";
import type { CatalogTemplate, TemplateParameterSpec } from "../src/domain/templates.js";
import type { StoredCatalog, TemplateCatalogStore } from "../src/persistence/template-catalogs.js";
import { RateLimitQueueFullError, type RateLimiter } from "../src/ratelimit/limiter.js";
import { DEFAULT_TEMPLATE_GROUPS } from "../src/sandbox/templates.js";
import { createTemplateCatalog } from "../src/templates/catalog.js";
import { parameterKind } from "../src/validation/template.js";

const FC_RUNS = Number(process.env.FC_RUNS ?? 300);

const spec = (name: string, kind: TemplateParameterSpec["kind"], example: string | null = null): TemplateParameterSpec => ({ name, kind, example });
const answerOf = (templateGroups: unknown): unknown => ({ entity: { templateGroups } });
const parsed = (templateGroups: unknown): CatalogTemplate[] => {
  const templates = parseTemplateCatalog(answerOf(templateGroups));
  if (templates == null) throw new Error("not read as a catalog");
  return templates;
};
const one = (variant: Record<string, unknown>, group: Record<string, unknown> = { name: "t" }): CatalogTemplate => {
  const [template] = parsed([{ ...group, templates: [{ language: { code: "en" }, status: "MESSAGE_TEMPLATE_STATUS_APPROVED", ...variant }] }]);
  if (!template) throw new Error("no template read");
  return template;
};
const connectly = (...templateComponents: unknown[]) => one({ templateComponents });
const whatsapp = (...components: unknown[]) => one({ templateComponents: [], externalTemplate: { whatsapp: { components } } });

describe("the sandbox's built-in catalog, in Connectly's format", () => {
  const catalog = parsed(DEFAULT_TEMPLATE_GROUPS);
  const byKey = new Map(catalog.map((t) => [`${t.name}/${t.language}`, t]));

  it("reads every name and language, in the answer's order", () => {
    expect([...byKey.keys()]).toEqual([
      "order_ready/pt_BR",
      "order_ready/en_US",
      "welcome_back/en",
      "appointment_video/en",
      "invoice_ready/en",
      "thanks/en",
      "summer_sale/en",
      "spam_offer/en",
    ]);
  });

  it.each([
    [
      "order_ready/pt_BR",
      [
        spec("header_image", "HEADER_IMAGE", "https://cdn.example.com/p.png"),
        spec("body_1", "BODY_TEXT", "Ana"),
        spec("body_2", "BODY_TEXT", "A1B2"),
        spec("button_1_url", "BUTTON_URL", "A1B2"),
      ],
    ],
    [
      "order_ready/en_US",
      [
        spec("header_image", "HEADER_IMAGE", "https://cdn.example.com/p.png"),
        spec("body_1", "BODY_TEXT", "Ann"),
        spec("body_2", "BODY_TEXT", "A1B2"),
        spec("button_1_url", "BUTTON_URL", "A1B2"),
      ],
    ],
    ["welcome_back/en", [spec("header_text", "HEADER_TEXT", "Ann"), spec("body_1", "BODY_TEXT", "Ann")]],
    ["appointment_video/en", [spec("header_video", "HEADER_VIDEO", "https://cdn.example.com/visit.mp4"), spec("body_1", "BODY_TEXT", "May 3 at 10:00")]],
    [
      "invoice_ready/en",
      [
        spec("header_document", "HEADER_DOCUMENT", "https://cdn.example.com/invoice.pdf"),
        spec("body_1", "BODY_TEXT", "INV-1"),
        spec("body_2", "BODY_TEXT", "$20.00"),
        // The URL button is the second button: the phone-number button before it counts.
        spec("button_2_url", "BUTTON_URL", "INV-1"),
      ],
    ],
    ["thanks/en", []],
    ["summer_sale/en", [spec("body_1", "BODY_TEXT", "20%")]],
    ["spam_offer/en", [spec("body_1", "BODY_TEXT", "$1000")]],
  ])("%s expects exactly its parameters", (key, parameters) => {
    expect(byKey.get(key)?.parameters).toEqual(parameters);
  });

  it("keeps the components in order, with their texts, formats and buttons", () => {
    expect(byKey.get("order_ready/pt_BR")).toEqual({
      name: "order_ready",
      language: "pt_BR",
      id: "1029384756001",
      category: "UTILITY",
      status: "APPROVED",
      connectlyStatus: "MESSAGE_TEMPLATE_STATUS_APPROVED",
      rejectionReason: null,
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
      parameters: expect.any(Array),
      updatedAt: "2026-01-05T10:00:00.000Z",
    });
    expect(byKey.get("invoice_ready/en")?.components.at(-1)?.buttons).toEqual([
      { type: "PHONE_NUMBER", text: "Call us", url: null, phoneNumber: "+15550001111" },
      { type: "URL", text: "Pay", url: "https://pay.example.com/i/{{1}}", phoneNumber: null },
    ]);
    expect(byKey.get("welcome_back/en")?.components[0]).toEqual({ type: "HEADER", format: "TEXT", text: "Hi {{1}}", buttons: null });
  });

  it("maps the statuses and keeps Connectly's words", () => {
    expect(byKey.get("summer_sale/en")).toMatchObject({ status: "PENDING", connectlyStatus: "MESSAGE_TEMPLATE_STATUS_PENDING", rejectionReason: null });
    expect(byKey.get("spam_offer/en")).toMatchObject({
      status: "REJECTED",
      connectlyStatus: "MESSAGE_TEMPLATE_STATUS_REJECTED",
      rejectionReason: "INVALID_FORMAT",
      category: "MARKETING",
    });
  });
});

describe("the older GitBook format (externalTemplate.whatsapp.components)", () => {
  it("reads the same template as Connectly's format, with the same parameters", () => {
    const older = whatsapp(
      { type: "HEADER", format: "DOCUMENT", example: { headerHandle: ["https://cdn.example.com/invoice.pdf"] } },
      { type: "BODY", text: "Invoice {{1}} for {{2}} is attached.", example: { bodyText: [["INV-1", "$20.00"]] } },
      { type: "FOOTER", text: "Example Shop" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "PHONE_NUMBER", text: "Call us", phoneNumber: "+15550001111" },
          { type: "URL", text: "Pay", url: "https://pay.example.com/i/{{1}}", example: ["INV-1"] },
        ],
      },
    );
    const newer = connectly(
      { header: { media: { type: "TYPE_DOCUMENT", example: ["https://cdn.example.com/invoice.pdf"] } } },
      { body: { text: { text: "Invoice {{1}} for {{2}} is attached.", example: ["INV-1", "$20.00"] } } },
      { footer: { text: { text: "Example Shop" } } },
      {
        buttons: {
          buttons: [
            { phoneNumber: { text: "Call us", phoneNumber: "+15550001111" } },
            { url: { text: "Pay", url: "https://pay.example.com/i/{{1}}", example: ["INV-1"] } },
          ],
        },
      },
    );
    expect(older.components).toEqual(newer.components);
    expect(older.parameters).toEqual(newer.parameters);
    expect(older.parameters.map((p) => p.name)).toEqual(["header_document", "body_1", "body_2", "button_2_url"]);
  });

  it("reads the reference's GitBook sample: name, language, status and reason from the raw WhatsApp template", () => {
    const [template] = parsed([
      {
        id: "spring_promo",
        templates: [
          {
            channel: { id: "c1", externalId: "e1", channelType: "CHANNEL_TYPE_WHATSAPP_CLOUD" },
            components: [],
            externalTemplate: {
              whatsapp: {
                id: "987",
                name: "spring_promo",
                language: "en_US",
                status: "REJECTED",
                category: "MARKETING",
                lastUpdatedTime: "2025-03-01T08:00:00Z",
                rejectedReason: "INVALID_FORMAT",
                qualityScore: { score: "UNKNOWN" },
                components: [
                  { type: "HEADER", format: "TEXT", text: "Hello {{1}}", example: { headerText: ["Ann"] } },
                  { type: "BODY", text: "Spring sale: {{1}} off", example: { bodyText: [["20%"]] } },
                  {
                    type: "BUTTONS",
                    buttons: [
                      { type: "QUICK_REPLY", text: "Stop" },
                      { type: "COPY_CODE", text: "Copy" },
                    ],
                  },
                ],
              },
            },
          },
        ],
      },
    ]);
    expect(template).toEqual({
      name: "spring_promo",
      language: "en_US",
      id: "987",
      category: "MARKETING",
      status: "REJECTED",
      connectlyStatus: "REJECTED",
      rejectionReason: "INVALID_FORMAT",
      components: [
        { type: "HEADER", format: "TEXT", text: "Hello {{1}}", buttons: null },
        { type: "BODY", format: null, text: "Spring sale: {{1}} off", buttons: null },
        {
          type: "BUTTONS",
          format: null,
          text: null,
          buttons: [
            { type: "QUICK_REPLY", text: "Stop", url: null, phoneNumber: null },
            { type: "OTHER", text: "Copy", url: null, phoneNumber: null },
          ],
        },
      ],
      parameters: [spec("header_text", "HEADER_TEXT", "Ann"), spec("body_1", "BODY_TEXT", "20%")],
      updatedAt: "2025-03-01T08:00:00.000Z",
    });
  });

  it("is read only when templateComponents is empty or absent", () => {
    const both = one({
      templateComponents: [{ body: { text: { text: "Connectly {{1}}" } } }],
      externalTemplate: { whatsapp: { components: [{ type: "BODY", text: "WhatsApp {{1}} {{2}}" }] } },
    });
    expect(both.components.map((c) => c.text)).toEqual(["Connectly {{1}}"]);
    const absent = one({ externalTemplate: { whatsapp: { components: [{ type: "BODY", text: "WhatsApp {{1}} {{2}}" }] } } });
    expect(absent.parameters.map((p) => p.name)).toEqual(["body_1", "body_2"]);
  });
});

describe("parameters derived from the components", () => {
  it("body_1..body_n by the highest {{n}}, even when some are skipped or repeated", () => {
    expect(connectly({ body: { text: { text: "{{3}} then {{1}} and {{1}} again, {{ 2 }}" } } }).parameters.map((p) => p.name)).toEqual([
      "body_1",
      "body_2",
      "body_3",
    ]);
    expect(connectly({ body: { text: { text: "No variables, not even {{x}} or {1}." } } }).parameters).toEqual([]);
  });

  it("a huge {{n}} derives no more than body_100 (the last name a send can give)", () => {
    const names = connectly({ body: { text: { text: "{{99999999999999999999}}" } } }).parameters.map((p) => p.name);
    expect(names).toHaveLength(100);
    expect(names.at(-1)).toBe("body_100");
  });

  it("a text header without {{1}} and a URL button without {{1}} expect nothing", () => {
    const t = connectly(
      { header: { text: { text: "Fixed title" } } },
      { body: { text: { text: "Hi" } } },
      { buttons: { buttons: [{ url: { text: "Site", url: "https://example.com/" } }, { url: { text: "Order", url: "https://example.com/{{1}}" } }] } },
    );
    expect(t.parameters).toEqual([spec("button_2_url", "BUTTON_URL")]);
  });

  it("counts buttons across every BUTTONS component and through kinds it does not model", () => {
    const t = connectly(
      { buttons: { buttons: [{ quickReply: { text: "A" } }, { copyCode: { text: "Code" } }] } },
      { buttons: { buttons: [{ url: { text: "Go", url: "https://example.com/{{1}}" } }] } },
    );
    expect(t.components.flatMap((c) => c.buttons ?? []).map((b) => b.type)).toEqual(["QUICK_REPLY", "OTHER", "URL"]);
    expect(t.parameters.map((p) => p.name)).toEqual(["button_3_url"]);
  });

  it("orders them header, body, buttons as the components come, and names each once", () => {
    const t = connectly(
      { header: { media: { type: "TYPE_VIDEO" } } },
      { body: { text: { text: "{{1}}" } } },
      { header: { media: { type: "TYPE_IMAGE" } } },
      { body: { text: { text: "{{2}}" } } },
    );
    expect(t.parameters).toEqual([
      spec("header_video", "HEADER_VIDEO"),
      spec("body_1", "BODY_TEXT"),
      spec("header_image", "HEADER_IMAGE"),
      spec("body_2", "BODY_TEXT"),
    ]);
    const twice = connectly({ body: { text: { text: "{{1}}", example: ["first"] } } }, { body: { text: { text: "{{1}}", example: ["second"] } } });
    expect(twice.parameters).toEqual([spec("body_1", "BODY_TEXT", "first")]);
  });

  it("a media header of a type the gateway does not model expects nothing", () => {
    const t = connectly({ header: { media: { type: "TYPE_LOCATION" } } }, { body: { text: { text: "Here" } } });
    expect(t.components[0]).toEqual({ type: "HEADER", format: null, text: null, buttons: null });
    expect(t.parameters).toEqual([]);
  });
});

describe("statuses", () => {
  it.each([
    ["MESSAGE_TEMPLATE_STATUS_APPROVED", "APPROVED"],
    ["APPROVED", "APPROVED"],
    ["approved", "APPROVED"],
    ["MESSAGE_TEMPLATE_STATUS_PENDING", "PENDING"],
    ["MESSAGE_TEMPLATE_STATUS_REJECTED", "REJECTED"],
    ["MESSAGE_TEMPLATE_STATUS_PAUSED", "UNKNOWN"],
    ["MESSAGE_TEMPLATE_STATUS_PENDING_DELETION", "UNKNOWN"],
    ["MESSAGE_TEMPLATE_STATUS_UNSPECIFIED", "UNKNOWN"],
  ])("%s is %s, with the raw text kept", (raw, status) => {
    expect(one({ status: raw })).toMatchObject({ status, connectlyStatus: raw });
  });

  it("a template without a status is UNKNOWN (never sendable)", () => {
    expect(one({ status: undefined })).toMatchObject({ status: "UNKNOWN", connectlyStatus: "" });
  });
});

describe("leniency", () => {
  it.each([
    ["null", null],
    ["a list", []],
    ["a string", "<html>busy</html>"],
    ["an object without entity", { templateGroups: [] }],
    ["an entity that is no object", { entity: [] }],
    ["templateGroups that is no list", { entity: { templateGroups: {} } }],
  ])("an answer that is no catalog (%s) reads as null, not as an empty catalog", (_what, body) => {
    expect(parseTemplateCatalog(body)).toBeNull();
  });

  it("an entity without templateGroups is a catalog without templates", () => {
    expect(parseTemplateCatalog({ entity: {} })).toEqual([]);
  });

  it("skips what it cannot read and keeps the rest", () => {
    const templates = parsed([
      null,
      "group",
      { templates: [{ language: { code: "en" }, status: "APPROVED" }] }, // no name
      { name: "no_language", templates: [{ status: "APPROVED" }] },
      { name: "ok", templates: [7, { language: { code: "en" }, status: "APPROVED", templateComponents: [null, 3, { body: "Hi" }, { body: { text: 9 } }] }] },
      { name: "ok", templates: [{ language: { code: "en" }, status: "PENDING" }] }, // the same name and language again: the first wins
      { id: "by_id", templates: [{ language: "es", status: "APPROVED", updatedAt: "yesterday" }] },
    ]);
    expect(templates.map((t) => [t.name, t.language, t.status, t.updatedAt])).toEqual([
      ["ok", "en", "APPROVED", null],
      ["by_id", "es", "APPROVED", null],
    ]);
    expect(templates[0]!.components).toEqual([{ type: "BODY", format: null, text: "9", buttons: null }]);
  });

  it("drops NUL and replaces unpaired surrogates, which PostgreSQL's jsonb cannot store", () => {
    const t = one({ templateComponents: [{ body: { text: { text: "A\u0000B {{1}} \ud800", example: ["x\u0000"] } } }] }, { name: "n\u0000ame" });
    expect(t.name).toBe("name");
    expect(t.components[0]!.text).toBe("AB {{1}} \ufffd");
    expect(t.parameters).toEqual([spec("body_1", "BODY_TEXT", "x")]);
  });

  /** Every string in a value, keys included. */
  const strings = (v: unknown): string[] =>
    typeof v === "string"
      ? [v]
      : Array.isArray(v)
        ? v.flatMap(strings)
        : v && typeof v === "object"
          ? Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)])
          : [];

  /** What any catalog read must satisfy: storable as it is, and only names a send can give. */
  const wellFormed = (templates: CatalogTemplate[] | null): void => {
    if (templates == null) return;
    expect(JSON.parse(JSON.stringify(templates))).toEqual(templates);
    for (const s of strings(templates)) {
      expect(s).not.toContain("\u0000");
      expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(new Set(templates.map((t) => `${t.name}\n${t.language}`)).size).toBe(templates.length);
    for (const t of templates) {
      expect(["APPROVED", "PENDING", "REJECTED", "UNKNOWN"]).toContain(t.status);
      expect(new Set(t.parameters.map((p) => p.name)).size).toBe(t.parameters.length);
      for (const p of t.parameters) expect(parameterKind(p.name)).toBe(p.kind);
    }
  };

  it("any JSON value never throws, and what it reads is well formed (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        wellFormed(parseTemplateCatalog(body));
        wellFormed(parseTemplateCatalog(answerOf([{ name: "t", templates: [{ language: { code: "en" }, templateComponents: body }] }])));
      }),
      { numRuns: FC_RUNS },
    );
  });

  // Shapes near the real ones, with any value in any place: the parser meets the branches, not just the first check.
  const near = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom("header", "body", "footer", "buttons", "text", "media", "url", "{{1}}", "https://x.example/{{1}}", "TYPE_IMAGE", "BUTTONS", "URL"),
      fc.string({ unit: "binary" }),
      fc.integer(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(
        fc.constantFrom(
          "header",
          "body",
          "footer",
          "buttons",
          "text",
          "example",
          "media",
          "type",
          "format",
          "url",
          "quickReply",
          "phoneNumber",
          "name",
          "language",
          "code",
        ),
        tie("value"),
        { maxKeys: 4 },
      ),
    ),
  }));

  it("values of any kind in the places the parser reads never throw (property)", () => {
    fc.assert(
      fc.property(near.value, near.value, fc.array(near.value, { maxLength: 4 }), (name, language, components) => {
        wellFormed(
          parseTemplateCatalog(
            answerOf([
              { name, templates: [{ language, status: name, templateComponents: components }] },
              { name: "x", templates: [{ language: { code: "en" }, externalTemplate: { whatsapp: { components } } }] },
            ]),
          ),
        );
      }),
      { numRuns: FC_RUNS },
    );
  });
});

describe("both formats derive the parameters the model says (property)", () => {
  type Header = { kind: "none" } | { kind: "text"; variable: boolean } | { kind: "IMAGE" | "VIDEO" | "DOCUMENT" };
  type Button = { kind: "quickReply" } | { kind: "phoneNumber" } | { kind: "url"; variable: boolean };
  const header: fc.Arbitrary<Header> = fc.oneof(
    fc.constant({ kind: "none" as const }),
    fc.record({ kind: fc.constant("text" as const), variable: fc.boolean() }),
    fc.record({ kind: fc.constantFrom("IMAGE" as const, "VIDEO" as const, "DOCUMENT" as const) }),
  );
  const buttonArb: fc.Arbitrary<Button> = fc.oneof(
    fc.constant({ kind: "quickReply" as const }),
    fc.constant({ kind: "phoneNumber" as const }),
    fc.record({ kind: fc.constant("url" as const), variable: fc.boolean() }),
  );
  const shape = fc.record({ header, variables: fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 6 }), buttons: fc.array(buttonArb, { maxLength: 10 }) });

  it("header, body_1..body_max, button_<i>_url: the same from Connectly's format and WhatsApp's", () => {
    fc.assert(
      fc.property(shape, ({ header: h, variables, buttons }) => {
        const bodyText = `Hi ${variables.map((n) => `{{${n}}}`).join(" ")}.`;
        const newer: unknown[] = [];
        const older: unknown[] = [];
        if (h.kind === "text") {
          newer.push({ header: { text: { text: h.variable ? "Hi {{1}}" : "Hi" } } });
          older.push({ type: "HEADER", format: "TEXT", text: h.variable ? "Hi {{1}}" : "Hi" });
        } else if (h.kind !== "none") {
          newer.push({ header: { media: { type: `TYPE_${h.kind}` } } });
          older.push({ type: "HEADER", format: h.kind });
        }
        newer.push({ body: { text: { text: bodyText } } });
        older.push({ type: "BODY", text: bodyText });
        const url = (variable: boolean) => (variable ? "https://example.com/o/{{1}}" : "https://example.com/o");
        newer.push({
          buttons: {
            buttons: buttons.map((b) =>
              b.kind === "url" ? { url: { text: "Go", url: url(b.variable) } } : { [b.kind]: { text: "B", phoneNumber: "+15550001111" } },
            ),
          },
        });
        older.push({
          type: "BUTTONS",
          buttons: buttons.map((b) =>
            b.kind === "url"
              ? { type: "URL", text: "Go", url: url(b.variable) }
              : { type: b.kind === "quickReply" ? "QUICK_REPLY" : "PHONE_NUMBER", text: "B", phoneNumber: "+15550001111" },
          ),
        });

        const expected = [
          ...(h.kind === "text" && h.variable ? ["header_text"] : h.kind === "none" || h.kind === "text" ? [] : [`header_${h.kind.toLowerCase()}`]),
          ...Array.from({ length: Math.max(0, ...variables) }, (_, i) => `body_${i + 1}`),
          ...buttons.flatMap((b, i) => (b.kind === "url" && b.variable ? [`button_${i + 1}_url`] : [])),
        ];
        const fromNewer = connectly(...newer);
        const fromOlder = whatsapp(...older);
        expect(fromNewer.parameters.map((p) => p.name)).toEqual(expected);
        expect(fromOlder.parameters).toEqual(fromNewer.parameters);
        expect(fromOlder.components).toEqual(fromNewer.components);
      }),
      { numRuns: FC_RUNS },
    );
  });
});

// ---- the catalog service --------------------------------------------------------------------------

/** An in-memory store with the database's rule: a copy replaces the stored one unless that was fetched later. */
function memoryStore(): TemplateCatalogStore & { rows: Map<string, StoredCatalog> } {
  const rows = new Map<string, StoredCatalog>();
  return {
    rows,
    read: async (businessId) => rows.get(businessId) ?? null,
    write: async (catalog) => {
      const stored = rows.get(catalog.businessId);
      if (stored && stored.fetchedAt > catalog.fetchedAt) return stored;
      rows.set(catalog.businessId, catalog);
      return catalog;
    },
  };
}

const FAILURE: UpstreamFailure = {
  code: "UPSTREAM_UNAVAILABLE",
  message: "Connectly answered HTTP 503.",
  upstream: { status: 503, type: "ERROR_TYPE_INTERNAL" },
  retryable: true,
  ambiguous: false,
};

/** A client whose answers the test gives, one per call, recording the calls. */
function scriptedClient(...answers: TemplatesResult[]): Pick<ConnectlyClient, "getTemplates"> & { calls: string[]; gate?: Promise<void> } {
  const client: Pick<ConnectlyClient, "getTemplates"> & { calls: string[]; gate?: Promise<void> } = {
    calls: [],
    async getTemplates(businessId) {
      client.calls.push(businessId);
      await client.gate;
      const next = answers.shift();
      if (!next) throw new Error("no answer scripted");
      return next;
    },
  };
  return client;
}

const ok = (names: string[]): TemplatesResult => ({
  ok: true,
  status: 200,
  body: answerOf(names.map((name) => ({ name, templates: [{ language: { code: "en" }, status: "APPROVED" }] }))),
});

describe("the catalog service", () => {
  const clock = (start = 1_000_000) => {
    const c = { t: start, now: () => c.t };
    return c;
  };

  it("answers the stored copy within the TTL, fetches past it, and fetches on refresh", async () => {
    const store = memoryStore();
    const client = scriptedClient(ok(["a"]), ok(["b"]), ok(["c"]));
    const time = clock();
    const read = createTemplateCatalog({ store, connectly: client, ttlMs: 1000, now: time.now });

    const first = await read("biz", "key");
    expect(first).toMatchObject({ ok: true, catalog: { businessId: "biz", stale: false, fetchedAt: new Date(time.t) } });
    time.t += 999;
    const cached = await read("biz", "key");
    expect(cached.ok && cached.catalog.templates.map((t) => t.name)).toEqual(["a"]);
    expect(client.calls).toHaveLength(1);

    time.t += 1;
    const fetched = await read("biz", "key");
    expect(fetched.ok && fetched.catalog.templates.map((t) => t.name)).toEqual(["b"]);
    expect(client.calls).toHaveLength(2);

    const refreshed = await read("biz", "key", { refresh: true });
    expect(refreshed.ok && refreshed.catalog.templates.map((t) => t.name)).toEqual(["c"]);
    expect(store.rows.get("biz")?.templates.map((t) => t.name)).toEqual(["c"]);
    expect(client.calls).toHaveLength(3);
  });

  it("with TTL 0 fetches every time", async () => {
    const client = scriptedClient(ok(["a"]), ok(["a"]), ok(["a"]));
    const read = createTemplateCatalog({ store: memoryStore(), connectly: client, ttlMs: 0, now: clock().now });
    for (let i = 0; i < 3; i++) await read("biz", "key");
    expect(client.calls).toHaveLength(3);
  });

  it("when the fetch fails: the stored copy as stale, or the failure when none is stored", async () => {
    const store = memoryStore();
    const client = scriptedClient(
      { ok: false, failure: FAILURE },
      ok(["a"]),
      { ok: false, failure: FAILURE },
      { ok: true, status: 200, body: { entity: "gone" } },
    );
    const read = createTemplateCatalog({ store, connectly: client, ttlMs: 0, now: clock().now });
    expect(await read("biz", "key")).toEqual({ ok: false, failure: { message: FAILURE.message, upstream: FAILURE.upstream } });
    expect(store.rows.size).toBe(0);
    await read("biz", "key");
    const stale = await read("biz", "key");
    expect(stale).toMatchObject({ ok: true, catalog: { stale: true } });
    expect(stale.ok && stale.catalog.templates.map((t) => t.name)).toEqual(["a"]);
    // An answer that is no catalog does not replace the copy either.
    expect(await read("biz", "key")).toMatchObject({ ok: true, catalog: { stale: true } });
    expect(store.rows.get("biz")?.templates.map((t) => t.name)).toEqual(["a"]);
  });

  it("concurrent reads of one business share one fetch; another business has its own", async () => {
    let open!: () => void;
    const client = scriptedClient(ok(["a"]), ok(["b"]));
    client.gate = new Promise<void>((resolve) => (open = resolve));
    const read = createTemplateCatalog({ store: memoryStore(), connectly: client, ttlMs: 60_000, now: clock().now });
    const reads = [read("biz", "key"), read("biz", "key", { refresh: true }), read("biz", "key"), read("other", "key")];
    // Let every read reach the store and the fetch before Connectly answers.
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.calls).toEqual(["biz", "other"]);
    open();
    const results = await Promise.all(reads);
    expect(results.map((r) => r.ok && r.catalog.templates[0]?.name)).toEqual(["a", "a", "a", "b"]);
    expect(client.calls).toHaveLength(2);
  });

  it("a copy another process fetched later wins over this one's", async () => {
    const store = memoryStore();
    const time = clock();
    const newer = { businessId: "biz", templates: parsed([{ name: "newer", templates: [{ language: { code: "en" } }] }]), fetchedAt: new Date(time.t + 5) };
    const client = scriptedClient(ok(["older"]));
    client.gate = Promise.resolve().then(() => void store.rows.set("biz", newer));
    const read = createTemplateCatalog({ store, connectly: client, ttlMs: 0, now: time.now });
    const result = await read("biz", "key");
    expect(result.ok && result.catalog.templates.map((t) => t.name)).toEqual(["newer"]);
    expect(store.rows.get("biz")).toBe(newer);
  });

  it("holds the limiter's slot under the key's session budget until Connectly answers; a refusal is a failure", async () => {
    const events: string[] = [];
    const limiter: Pick<RateLimiter, "acquire"> = {
      acquire: async (key, deadline) => {
        events.push(`acquire ${key} ${deadline}`);
        return () => events.push("release");
      },
    };
    const client = scriptedClient(ok(["a"]));
    const wrapped: Pick<ConnectlyClient, "getTemplates"> = {
      getTemplates: async (b, k) => {
        events.push("call");
        return client.getTemplates(b, k);
      },
    };
    const time = clock();
    await createTemplateCatalog({ store: memoryStore(), connectly: wrapped, limiter, limiterWaitMs: 500, ttlMs: 0, now: time.now })("biz", "secret-key");
    expect(events).toEqual([`acquire ${limiterKey("secret-key")} ${time.t + 500}`, "call", "release"]);

    const full: Pick<RateLimiter, "acquire"> = { acquire: () => Promise.reject(new RateLimitQueueFullError("The queue is full.", "length")) };
    const refused = await createTemplateCatalog({ store: memoryStore(), connectly: client, limiter: full, ttlMs: 0, now: time.now })("biz", "k");
    expect(refused).toEqual({ ok: false, failure: { message: "The queue is full.", upstream: {} } });
  });
});
