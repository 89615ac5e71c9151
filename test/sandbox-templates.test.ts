/**
 * The sandbox's template side over real HTTP: the templated-messages endpoint (each refusal by code
 * and status, the success id and its status webhooks, no deduplication, no window), get/templates
 * in Connectly's format, setTemplates and the opted-out set, the shared or separate rate window,
 * the session endpoint's no-conversation-initiation refusal, and SANDBOX_TEMPLATES_FILE.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config/config.js";
import { loadStandaloneSandboxConfig } from "../src/config/sandbox.js";
import { startSandbox, type PostedWebhook, type Sandbox, type SandboxOptions } from "../src/sandbox/sandbox.js";
import { DEFAULT_TEMPLATE_GROUPS, expectedParameters, findTemplate, type TemplateGroup } from "../src/sandbox/templates.js";
import { orderReadyParameters } from "./support/templates.js";

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const customer = (() => {
  let n = 0;
  return () => `+5511977${String(100000 + n++).padStart(6, "0")}`;
})();

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

async function call(sandbox: Sandbox, path: string, body?: unknown, apiKey: string | null = sandbox.apiKey): Promise<Answer> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: "POST",
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(apiKey != null ? { "x-api-key": apiKey } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
const sendTemplate = (sandbox: Sandbox, body: unknown, businessId = "biz-tpl", apiKey?: string | null) =>
  call(sandbox, `/v1/businesses/${businessId}/send/whatsapp_templated_messages`, body, apiKey);
const sendSession = (sandbox: Sandbox, to: string, businessId = "biz-tpl") =>
  call(sandbox, `/v1/businesses/${businessId}/send/messages`, { recipient: { id: to, channelType: "whatsapp" }, message: { text: "Hello" } });
const getTemplates = (sandbox: Sandbox, businessId = "biz-tpl", apiKey?: string | null) =>
  call(sandbox, `/v1/businesses/${businessId}/get/templates`, undefined, apiKey);

/** order_ready (pt_BR) with every parameter it takes. */
const orderReady = (extra: Record<string, unknown> = {}) => ({
  number: customer(),
  templateName: "order_ready",
  language: "pt_BR",
  parameters: orderReadyParameters(),
  ...extra,
});
const withParameters = (parameters: unknown[], extra: Record<string, unknown> = {}) => ({ ...orderReady(), parameters, ...extra });
const errorOf = (answer: Answer) => answer.body.error as { type: string; code: string; message: string };

/** A local address that takes every webhook with 200. */
async function startReceiver(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The delivery-status webhooks of message `id` once `count` of them were posted (already, or when they are). */
function statusWebhooks(sandbox: Sandbox, id: string, count: number): Promise<PostedWebhook[]> {
  const of = () => sandbox.webhooks.filter((w) => w.topic === "delivery_status" && (w.body.statusUpdate as { id: string }).id === id);
  return new Promise((resolve) => {
    if (of().length >= count) return resolve(of());
    const listener = () => {
      if (of().length < count) return;
      sandbox.events.off("webhook", listener);
      resolve(of());
    };
    sandbox.events.on("webhook", listener);
  });
}

describe("the built-in catalog", () => {
  it("holds exactly the templates docs/sandbox.md lists, by name, language, status and category", () => {
    const rows = DEFAULT_TEMPLATE_GROUPS.flatMap((g) => g.templates.map((t) => [g.name, t.language.code, t.status, g.category]));
    expect(rows).toEqual([
      ["order_ready", "pt_BR", "MESSAGE_TEMPLATE_STATUS_APPROVED", "UTILITY"],
      ["order_ready", "en_US", "MESSAGE_TEMPLATE_STATUS_APPROVED", "UTILITY"],
      ["welcome_back", "en", "MESSAGE_TEMPLATE_STATUS_APPROVED", "MARKETING"],
      ["appointment_video", "en", "MESSAGE_TEMPLATE_STATUS_APPROVED", "UTILITY"],
      ["invoice_ready", "en", "MESSAGE_TEMPLATE_STATUS_APPROVED", "UTILITY"],
      ["thanks", "en", "MESSAGE_TEMPLATE_STATUS_APPROVED", "UTILITY"],
      ["summer_sale", "en", "MESSAGE_TEMPLATE_STATUS_PENDING", "MARKETING"],
      ["spam_offer", "en", "MESSAGE_TEMPLATE_STATUS_REJECTED", "MARKETING"],
    ]);
    expect(findTemplate(DEFAULT_TEMPLATE_GROUPS, "spam_offer", "en")?.rejectionReason).toBe("INVALID_FORMAT");
  });

  it.each([
    ["order_ready", "pt_BR", ["header_image", "body_1", "body_2", "button_1_url"]],
    ["order_ready", "en_US", ["header_image", "body_1", "body_2", "button_1_url"]],
    ["welcome_back", "en", ["header_text", "body_1"]],
    ["appointment_video", "en", ["header_video", "body_1"]],
    // Buttons count from 1 across all of them: the URL button is the second.
    ["invoice_ready", "en", ["header_document", "body_1", "body_2", "button_2_url"]],
    ["thanks", "en", []],
    ["summer_sale", "en", ["body_1"]],
    ["spam_offer", "en", ["body_1"]],
  ])("%s (%s) expects %j", (name, language, names) => {
    expect(expectedParameters(findTemplate(DEFAULT_TEMPLATE_GROUPS, name, language)!)).toEqual(names);
  });

  it("is the table docs/sandbox.md shows: names, languages, statuses, categories and parameters", async () => {
    const doc = await readFile(path.resolve(import.meta.dirname, "../docs/sandbox.md"), "utf8");
    const rows = [...doc.matchAll(/^\| `(\w+)` \/ `(\w+)` \| (\w+)[^|]* \| (\w+) \| [^|]+ \| ([^|]+) \|$/gm)].map(
      ([, name, language, status, category, parameters]) => [
        name,
        language,
        `MESSAGE_TEMPLATE_STATUS_${status!.toUpperCase()}`,
        category,
        parameters!.trim() === "none" ? [] : parameters!.split(",").map((p) => p.trim().replaceAll("`", "")),
      ],
    );
    expect(rows).toEqual(
      DEFAULT_TEMPLATE_GROUPS.flatMap((g) => g.templates.map((t) => [g.name, t.language.code, t.status, g.category, expectedParameters(t)])),
    );
  });

  it("reads the older externalTemplate.whatsapp.components format when templateComponents is empty", () => {
    const older = {
      language: { code: "en" },
      status: "APPROVED",
      templateComponents: [],
      externalTemplate: {
        whatsapp: {
          components: [
            { type: "HEADER", format: "TEXT", text: "Hello {{1}}" },
            { type: "BODY", text: "Order {{1}} ships {{3}} via {{2}}." },
            {
              type: "BUTTONS",
              buttons: [
                { type: "QUICK_REPLY", text: "OK" },
                { type: "URL", text: "Track", url: "https://t.example.com/{{1}}" },
              ],
            },
          ],
        },
      },
    };
    expect(expectedParameters(older)).toEqual(["header_text", "body_1", "body_2", "body_3", "button_2_url"]);
  });

  it("asks for nothing where it cannot read a component, and never throws", () => {
    const odd = { language: { code: "en" }, status: "APPROVED", templateComponents: [null, 3, { header: "x" }, { body: { text: 5 } }, { buttons: {} }] };
    expect(expectedParameters(odd as never)).toEqual([]);
  });
});

describe("the templated-messages endpoint", () => {
  let sandbox: Sandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const optedOutAtStart = customer();
  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ webhooks: { secret: "sandbox-templates-secret", failureRate: 0, delayMs: 5 }, optedOut: [optedOutAtStart] });
    sandbox.setWebhookAddress(receiver.url);
  });
  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  it("accepts a send with a ULID, records it, and posts sent, delivered and read echoing callbackData, the campaign and the numbers", async () => {
    const arrived = new Promise<unknown[]>((resolve) => sandbox.events.once("arrived", (...args: unknown[]) => resolve(args)));
    const body = orderReady({ sender: "+15550001111", callbackData: { ticket: "T-9" }, campaignName: "pickup_notice" });
    const answer = await sendTemplate(sandbox, body, "biz-accept");
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(["id"]);
    const id = answer.body.id as string;
    expect(id).toMatch(ULID);
    expect(await arrived).toEqual(["biz-accept", body, "template"]);
    expect(sandbox.requests.at(-1)).toMatchObject({ endpoint: "template", businessId: "biz-accept", authorized: true, status: 200, id, body });

    const posted = await statusWebhooks(sandbox, id, 3);
    expect(posted.map((w) => (w.body.statusUpdate as { status: string }).status)).toEqual(["sent", "delivered", "read"]);
    for (const w of posted) {
      expect(w.status).toBe(200);
      expect(w.address).toBe(`${receiver.url}?businessId=biz-accept`);
      expect(w.body).toMatchObject({
        topic: "delivery_status",
        recipient: { id: body.number, channelType: "whatsapp" },
        sender: { id: "+15550001111", channelType: "whatsapp" },
        callbackData: { ticket: "T-9" },
        metadata: { campaign_name: "pickup_notice" },
        statusUpdate: { id, error: null },
      });
    }
  });

  it("posts a session message's webhooks as before, from its recipient and sender objects", async () => {
    const to = customer();
    const body = {
      sender: { id: "+14151111234", channelType: "whatsapp" },
      recipient: { id: to, channelType: "whatsapp" },
      message: { id: "m-session-1", text: "Hello" },
      callbackData: "cb-1",
      campaignName: "spring",
    };
    const answer = await call(sandbox, "/v1/businesses/biz-session/send/messages", body);
    expect(answer.status).toBe(200);
    expect(sandbox.requests.at(-1)).toMatchObject({ endpoint: "session", status: 200, id: answer.body.id });
    const posted = await statusWebhooks(sandbox, answer.body.id as string, 3);
    for (const w of posted) {
      expect(w.body).toMatchObject({
        recipient: { id: to },
        sender: { id: "+14151111234" },
        callbackData: "cb-1",
        metadata: { campaign_name: "spring" },
      });
    }
    // Session sends are still deduplicated by message.id.
    expect((await call(sandbox, "/v1/businesses/biz-session/send/messages", body)).body.id).toBe(answer.body.id);
  });

  it("posts no callbackData or metadata when the send had none", async () => {
    const answer = await sendTemplate(sandbox, { number: customer(), templateName: "thanks", language: "en" });
    expect(answer.status).toBe(200);
    const [sent] = await statusWebhooks(sandbox, answer.body.id as string, 1);
    expect(sent!.body).not.toHaveProperty("callbackData");
    expect(sent!.body).not.toHaveProperty("metadata");
    expect(sent!.body.sender).toEqual({ id: "+15550000000", channelType: "whatsapp" });
  });

  it("does not deduplicate: the same body twice is two messages", async () => {
    const body = orderReady();
    const first = await sendTemplate(sandbox, body);
    const second = await sendTemplate(sandbox, body);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.id).not.toBe(second.body.id);
  });

  it("needs no open window: a customer whose window closed still gets a template", async () => {
    const to = customer();
    sandbox.closeWindow("biz-tpl", to);
    expect(errorOf(await sendSession(sandbox, to)).code).toBe("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
    expect((await sendTemplate(sandbox, orderReady({ number: to }))).status).toBe(200);
  });

  // [what, body, code, message pattern]
  const refusals: [string, unknown, string, RegExp][] = [
    ["a body missing templateName", { number: customer(), language: "en" }, "ERROR_CODE_INVALID_REQUEST", /^templateName is required\.$/],
    ["an unknown field", orderReady({ recipient: { id: "+5511900000000" } }), "ERROR_CODE_INVALID_REQUEST", /^body\.recipient /],
    ["a number that is not E.164", orderReady({ number: "11977000000" }), "ERROR_CODE_INVALID_REQUEST", /^number must be .*E\.164/],
    ["a sender object", orderReady({ sender: { id: "+15550001111" } }), "ERROR_CODE_INVALID_REQUEST", /^sender must be a string\.$/],
    ["callbackData over 1024 bytes", orderReady({ callbackData: "x".repeat(1100) }), "ERROR_CODE_CALLBACK_DATA_TOO_LARGE", /^callbackData exceeds 1024 bytes/],
    [
      "a name no template has",
      orderReady({ templateName: "no_such_template" }),
      "ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND",
      /^No template no_such_template \(pt_BR\)/,
    ],
    ["a language the template lacks", orderReady({ language: "en" }), "ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND", /^No template order_ready \(en\)/],
    ["a language in another case", orderReady({ language: "pt_br" }), "ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND", /^No template/],
    [
      "a pending template",
      { number: customer(), templateName: "summer_sale", language: "en", parameters: [{ name: "body_1", value: "20%" }] },
      "ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND",
      /not approved \(status MESSAGE_TEMPLATE_STATUS_PENDING\)/,
    ],
    [
      "a rejected template",
      { number: customer(), templateName: "spam_offer", language: "en", parameters: [{ name: "body_1", value: "$1000" }] },
      "ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND",
      /not approved \(status MESSAGE_TEMPLATE_STATUS_REJECTED\)/,
    ],
    [
      "a missing parameter",
      withParameters([
        { name: "header_image", value: "https://cdn.example.com/p.png" },
        { name: "body_1", value: "Ana" },
      ]),
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /needs the parameters body_2, button_1_url: it takes header_image, body_1, body_2, button_1_url\.$/,
    ],
    [
      "no parameters at all",
      withParameters([]),
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /needs the parameters header_image, body_1, body_2, button_1_url/,
    ],
    [
      "an extra parameter",
      withParameters([...orderReady().parameters, { name: "body_3", value: "x" }]),
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /^parameters\[4\] body_3 is not a parameter of template order_ready \(pt_BR\)/,
    ],
    [
      "a repeated parameter",
      withParameters([...orderReady().parameters, { name: "body_1", value: "Bia" }]),
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /^parameters\[4\] repeats the parameter body_1\.$/,
    ],
    [
      "a media header value that is not an http(s) URL",
      withParameters([{ name: "header_image", value: "cdn.example.com/p.png" }, ...orderReady().parameters.slice(1)]),
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /^parameters\[0\] header_image must be an http\(s\) URL/,
    ],
    [
      "an ftp media URL",
      withParameters([{ name: "header_image", value: "ftp://cdn.example.com/p.png" }, ...orderReady().parameters.slice(1)]),
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /header_image must be an http\(s\) URL/,
    ],
    [
      "a filename on an image",
      withParameters([{ name: "header_image", value: "https://cdn.example.com/p.png", filename: "p.png" }, ...orderReady().parameters.slice(1)]),
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /header_image takes no filename/,
    ],
    [
      "a parameter for a template that takes none",
      { number: customer(), templateName: "thanks", language: "en", parameters: [{ name: "body_1", value: "x" }] },
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /it takes no parameters\.$/,
    ],
    [
      "the URL button counted among URL buttons only",
      {
        number: customer(),
        templateName: "invoice_ready",
        language: "en",
        parameters: [
          { name: "header_document", value: "https://cdn.example.com/i.pdf" },
          { name: "body_1", value: "INV-1" },
          { name: "body_2", value: "$20" },
          { name: "button_1_url", value: "INV-1" },
        ],
      },
      "ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID",
      /button_1_url is not a parameter/,
    ],
    ["a customer opted out at start", orderReady({ number: optedOutAtStart }), "ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT", /opted out/],
  ];

  // A refused send schedules nothing: no webhook ever goes to its business (accepted ones post within milliseconds).
  const refusedWebhooks = () => sandbox.webhooks.filter((w) => w.address.endsWith("businessId=biz-refused"));

  it.each(refusals)("refuses %s with 400 %s, no id and no webhook", async (_what, body, code, message) => {
    const answer = await sendTemplate(sandbox, body, "biz-refused");
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body)).toEqual(["error"]);
    expect(errorOf(answer)).toEqual({ type: "ERROR_TYPE_INVALID_REQUEST", code, message: expect.stringMatching(message) });
    const recorded = sandbox.requests.at(-1)!;
    expect(recorded).toMatchObject({ endpoint: "template", businessId: "biz-refused", status: 400 });
    expect(recorded).not.toHaveProperty("id");
    expect(refusedWebhooks()).toEqual([]);
  });

  it("takes a document with its filename, and a video", async () => {
    const invoice = {
      number: customer(),
      templateName: "invoice_ready",
      language: "en",
      parameters: [
        { name: "header_document", value: "https://cdn.example.com/i.pdf", filename: "invoice.pdf" },
        { name: "body_1", value: "INV-1" },
        { name: "body_2", value: "$20" },
        { name: "button_2_url", value: "INV-1" },
      ],
    };
    const video = {
      number: customer(),
      templateName: "appointment_video",
      language: "en",
      parameters: [
        { name: "body_1", value: "May 3" },
        { name: "header_video", value: "http://cdn.example.com/v.mp4" },
      ],
    };
    expect((await sendTemplate(sandbox, invoice)).status).toBe(200);
    // Parameters are matched by name, in any order.
    expect((await sendTemplate(sandbox, video)).status).toBe(200);
  });

  it("refuses an opted-out customer from optOut on, and only that customer", async () => {
    const to = customer();
    expect((await sendTemplate(sandbox, orderReady({ number: to }))).status).toBe(200);
    sandbox.optOut(to);
    const refused = await sendTemplate(sandbox, orderReady({ number: to }));
    expect([refused.status, errorOf(refused).code]).toEqual([400, "ERROR_CODE_MESSAGE_CUSTOMER_OPTED_OUT"]);
    expect((await sendTemplate(sandbox, orderReady())).status).toBe(200);
    // Opting out is of templates: a session message within the window still goes.
    expect((await sendSession(sandbox, to)).status).toBe(200);
  });

  it("checks X-API-Key first, recording the request", async () => {
    for (const key of [null, "wrong-key"]) {
      const answer = await sendTemplate(sandbox, orderReady(), "biz-key", key);
      expect([answer.status, errorOf(answer).code]).toEqual([401, "ERROR_CODE_INVALID_API_KEY"]);
      expect(sandbox.requests.at(-1)).toMatchObject({ endpoint: "template", authorized: false, status: 401 });
    }
  });

  it("plays injected faults on templated sends and catalog reads alike", async () => {
    sandbox.injectFaults({ kind: "status", status: 503 }, { kind: "status", status: 500, body: { error: { code: "X" } } });
    expect((await sendTemplate(sandbox, orderReady())).status).toBe(503);
    const read = await getTemplates(sandbox);
    expect([read.status, read.body]).toEqual([500, { error: { code: "X" } }]);
    sandbox.injectFaults({ kind: "reset" });
    await expect(getTemplates(sandbox)).rejects.toThrow();
    expect(sandbox.requests.at(-1)).toMatchObject({ endpoint: "templates", status: 0 });
    expect((await getTemplates(sandbox)).status).toBe(200);
  });
});

describe("get/templates and setTemplates", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox?.close());

  it("answers the catalog in Connectly's format, the same for every business, recorded as endpoint templates", async () => {
    for (const businessId of ["biz-a", "biz-b"]) {
      const answer = await getTemplates(sandbox, businessId);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(answer.body).toEqual({ entity: { templateGroups: JSON.parse(JSON.stringify(DEFAULT_TEMPLATE_GROUPS)) } });
      expect(sandbox.requests.at(-1)).toMatchObject({ endpoint: "templates", businessId, status: 200 });
      expect(sandbox.requests.at(-1)).not.toHaveProperty("id");
    }
  });

  it("gives each template its one-key components, buttons in the project's shape", async () => {
    const groups = ((await getTemplates(sandbox)).body.entity as { templateGroups: TemplateGroup[] }).templateGroups;
    const invoice = groups.find((g) => g.name === "invoice_ready")!;
    expect(invoice).toMatchObject({ id: "invoice_ready", name: "invoice_ready", category: "UTILITY" });
    const [template] = invoice.templates;
    expect(template).toMatchObject({ language: { code: "en" }, status: "MESSAGE_TEMPLATE_STATUS_APPROVED", rejectionReason: null });
    expect(template!.id).toEqual(expect.any(String));
    expect(template!.templateComponents).toEqual([
      { header: { media: { type: "TYPE_DOCUMENT", example: [expect.stringMatching(/^https:\/\//)] } } },
      { body: { text: { text: "Invoice {{1}} for {{2}} is attached.", example: ["INV-1", "$20.00"] } } },
      {
        buttons: {
          buttons: [
            { phoneNumber: { text: "Call us", phoneNumber: "+15550001111" } },
            { url: { text: "Pay", url: "https://pay.example.com/i/{{1}}", example: ["INV-1"] } },
          ],
        },
      },
    ]);
    for (const g of groups) for (const t of g.templates) for (const c of t.templateComponents ?? []) expect(Object.keys(c)).toHaveLength(1);
  });

  it("refuses a read without the key", async () => {
    const answer = await getTemplates(sandbox, "biz-a", null);
    expect(answer.status).toBe(401);
    expect(sandbox.requests.at(-1)).toMatchObject({ endpoint: "templates", authorized: false, status: 401 });
  });

  it("answers and checks sends against the catalog setTemplates gives, from the next request on", async () => {
    const custom: TemplateGroup[] = [
      {
        id: "shipping_update",
        name: "shipping_update",
        category: "UTILITY",
        templates: [
          {
            id: "9001",
            language: { code: "es" },
            status: "MESSAGE_TEMPLATE_STATUS_APPROVED",
            templateComponents: [{ body: { text: { text: "Tu pedido {{1}} sale hoy.", example: ["A1"] } } }],
          },
        ],
      },
    ];
    sandbox.setTemplates(custom);
    try {
      expect((await getTemplates(sandbox)).body).toEqual({ entity: { templateGroups: custom } });
      const send = (body: Record<string, unknown>) => sendTemplate(sandbox, { number: customer(), ...body });
      expect((await send({ templateName: "shipping_update", language: "es", parameters: [{ name: "body_1", value: "A1" }] })).status).toBe(200);
      expect(errorOf(await send({ templateName: "shipping_update", language: "es" })).code).toBe("ERROR_CODE_MESSAGE_TEMPLATE_INPUT_INVALID");
      expect(errorOf(await send({ templateName: "thanks", language: "en" })).code).toBe("ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND");
    } finally {
      sandbox.setTemplates(DEFAULT_TEMPLATE_GROUPS);
    }
    expect((await sendTemplate(sandbox, { number: customer(), templateName: "thanks", language: "en" })).status).toBe(200);
  });

  it("starts with the catalog SandboxOptions.templates gives", async () => {
    const own = await startSandbox({ templates: [] });
    try {
      expect((await getTemplates(own)).body).toEqual({ entity: { templateGroups: [] } });
      expect(errorOf(await sendTemplate(own, { number: customer(), templateName: "thanks", language: "en" })).code).toBe(
        "ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND",
      );
    } finally {
      await own.close();
    }
  });
});

describe("the rate window: templated sends share the key's window by default", () => {
  /** A sandbox on a clock that stands still: every request falls in the same second. */
  const frozen = (options: SandboxOptions) => startSandbox({ ...options, now: () => 1_800_000_000_000 });

  /** 200 requests at once, mixed: even ones session sends, odd ones templated sends, every 50th a catalog read. */
  const twoHundred = (sandbox: Sandbox) =>
    Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 50 === 49 ? getTemplates(sandbox) : i % 2 === 0 ? sendSession(sandbox, customer()) : sendTemplate(sandbox, orderReady()),
      ),
    );

  it("shared: the 201st request in the second is 429 with Retry-After, whichever endpoint it goes to", async () => {
    const sandbox = await frozen({});
    try {
      expect((await twoHundred(sandbox)).map((a) => a.status)).toEqual(Array.from({ length: 200 }, () => 200));
      for (const send of [() => sendTemplate(sandbox, orderReady()), () => sendSession(sandbox, customer()), () => getTemplates(sandbox)]) {
        const refused = await send();
        expect([refused.status, errorOf(refused).code, refused.headers.get("retry-after")]).toEqual([429, "ERROR_CODE_RATE_LIMIT_EXCEEDED", "1"]);
      }
      expect(sandbox.requests.slice(-3).map((r) => [r.endpoint, r.status])).toEqual([
        ["template", 429],
        ["session", 429],
        ["templates", 429],
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it("separate: templated sends have a window of their own, catalog reads stay in the session one", async () => {
    const sandbox = await frozen({ templateRateLimit: "separate" });
    try {
      expect((await twoHundred(sandbox)).map((a) => a.status)).toEqual(Array.from({ length: 200 }, () => 200));
      // 96 templated sends so far, of 200 their window allows; the session window holds 100 sends and 4 reads.
      const more = await Promise.all(Array.from({ length: 104 }, () => sendTemplate(sandbox, orderReady())));
      expect(more.map((a) => a.status)).toEqual(Array.from({ length: 104 }, () => 200));
      expect((await sendTemplate(sandbox, orderReady())).status).toBe(429);
      const sessions = await Promise.all(Array.from({ length: 96 }, () => sendSession(sandbox, customer())));
      expect(sessions.map((a) => a.status)).toEqual(Array.from({ length: 96 }, () => 200));
      expect((await getTemplates(sandbox)).status).toBe(429);
    } finally {
      await sandbox.close();
    }
  });
});

describe("the session endpoint's window", () => {
  let strict: Sandbox;
  let lenient: Sandbox;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startSandbox({ unknownCustomersInWindow: false }), startSandbox()]);
  });
  afterAll(async () => {
    await strict?.close();
    await lenient?.close();
  });

  it("refuses a customer who never wrote with NO_CONVERSATION_INITIATION when unknown customers are not in the window", async () => {
    const answer = await sendSession(strict, customer());
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ type: "ERROR_TYPE_INVALID_REQUEST", code: "ERROR_CODE_MESSAGE_CUSTOMER_NO_CONVERSATION_INITIATION" });
    expect(strict.requests.at(-1)).toMatchObject({ endpoint: "session", status: 400 });
  });

  it("refuses a customer who wrote more than 24 hours ago with OUTSIDE_OF_ELIGIBILITY_WINDOW, and takes one who wrote within", async () => {
    const old = customer();
    strict.recordInbound("biz-tpl", old, Date.now() - 24 * 3600_000 - 60_000);
    expect(errorOf(await sendSession(strict, old))).toMatchObject({
      type: "ERROR_TYPE_INVALID_REQUEST",
      code: "ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW",
    });
    const recent = customer();
    strict.recordInbound("biz-tpl", recent, Date.now() - 23 * 3600_000);
    expect((await sendSession(strict, recent)).status).toBe(200);
    // Another business's window is its own.
    expect(errorOf(await sendSession(strict, recent, "biz-other")).code).toBe("ERROR_CODE_MESSAGE_CUSTOMER_NO_CONVERSATION_INITIATION");
  });

  it("closeWindow closes a window the sandbox opened, in either mode", async () => {
    for (const sandbox of [strict, lenient]) {
      const to = customer();
      sandbox.recordInbound("biz-tpl", to);
      expect((await sendSession(sandbox, to)).status).toBe(200);
      sandbox.closeWindow("biz-tpl", to);
      expect(errorOf(await sendSession(sandbox, to)).code).toBe("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
    }
  });

  it("counts a customer it never saw as having just written by default, until closeWindow", async () => {
    const to = customer();
    expect((await sendSession(lenient, to)).status).toBe(200);
    lenient.closeWindow("biz-tpl", to);
    expect(errorOf(await sendSession(lenient, to)).code).toBe("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
    const never = customer();
    lenient.closeWindow("biz-tpl", never);
    expect(errorOf(await sendSession(lenient, never)).code).toBe("ERROR_CODE_MESSAGE_OUTSIDE_OF_ELIGIBILITY_WINDOW");
  });
});

describe("SANDBOX_TEMPLATES_FILE", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sandbox-templates-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const file = async (name: string, content: string) => {
    const at = path.join(dir, name);
    await writeFile(at, content);
    return at;
  };
  const custom: TemplateGroup[] = [
    {
      id: "promo",
      name: "promo",
      category: "MARKETING",
      templates: [
        {
          id: "77",
          language: { code: "en" },
          status: "MESSAGE_TEMPLATE_STATUS_APPROVED",
          templateComponents: [{ header: { text: { text: "Hi {{1}}" } } }, { body: { text: { text: "{{1}} off today" } } }],
        },
      ],
    },
  ];

  it("reads Connectly's answer format or the bare array, for the built-in sandbox and the standalone one", async () => {
    const wrapped = await file("wrapped.json", JSON.stringify({ entity: { templateGroups: custom } }));
    const bare = await file("bare.json", JSON.stringify(custom));
    for (const at of [wrapped, bare]) {
      expect(loadStandaloneSandboxConfig({ SANDBOX_TEMPLATES_FILE: at }).templates).toEqual(custom);
      const connectly = loadConfig({ SANDBOX_TEMPLATES_FILE: at }).connectly;
      expect(connectly.mode === "sandbox" && connectly.templates).toEqual(custom);
    }
    expect(loadStandaloneSandboxConfig({})).not.toHaveProperty("templates");
    expect(loadConfig({}).connectly).not.toHaveProperty("templates");
  });

  it("serves and checks against the file's catalog", async () => {
    const templates = loadStandaloneSandboxConfig({ SANDBOX_TEMPLATES_FILE: await file("served.json", JSON.stringify(custom)) }).templates!;
    const sandbox = await startSandbox({ templates });
    try {
      expect((await getTemplates(sandbox)).body).toEqual({ entity: { templateGroups: custom } });
      const parameters = [
        { name: "header_text", value: "Ann" },
        { name: "body_1", value: "20%" },
      ];
      expect((await sendTemplate(sandbox, { number: customer(), templateName: "promo", language: "en", parameters })).status).toBe(200);
      expect(errorOf(await sendTemplate(sandbox, orderReady())).code).toBe("ERROR_CODE_MESSAGE_TEMPLATE_NOT_FOUND");
    } finally {
      await sandbox.close();
    }
  });

  it.each([
    ["a file that does not exist", null, /cannot be read \(ENOENT\)/],
    ["a file that is not JSON", "{entity:", /is not JSON/],
    ["JSON that is no catalog", JSON.stringify({ templates: custom }), /must hold \{"entity":\{"templateGroups":\[\.\.\.\]\}\} or an array/],
    ["a group without templates", JSON.stringify([{ name: "promo" }]), /templateGroups\[0\]\.templates /],
    ["a group without a name or an id", JSON.stringify([{ templates: [] }]), /templateGroups\[0\] needs a name or an id/],
    [
      "a template without a language code",
      JSON.stringify([{ name: "p", templates: [{ status: "MESSAGE_TEMPLATE_STATUS_APPROVED" }] }]),
      /templateGroups\[0\]\.templates\[0\]\.language /,
    ],
    [
      "a component of two keys",
      JSON.stringify([
        {
          name: "p",
          templates: [{ language: { code: "en" }, status: "A", templateComponents: [{ body: { text: { text: "x" } }, footer: { text: { text: "y" } } }] }],
        },
      ]),
      /templateGroups\[0\]\.templates\[0\]\.templateComponents\[0\] must hold exactly one of header, body, footer or buttons\./,
    ],
    [
      "an unknown component",
      JSON.stringify([{ name: "p", templates: [{ language: { code: "en" }, status: "A", templateComponents: [{ carousel: {} }] }] }]),
      /templateComponents\[0\] unrecognized key/,
    ],
    [
      "a button in another shape",
      JSON.stringify([
        { name: "p", templates: [{ language: { code: "en" }, status: "A", templateComponents: [{ buttons: { buttons: [{ type: "URL", text: "Go" }] } }] }] },
      ]),
      /templateComponents\[0\]\.buttons\.buttons\[0\] /,
    ],
  ])("refuses %s at start-up with one sentence naming SANDBOX_TEMPLATES_FILE", async (name, content, why) => {
    const at = content == null ? path.join(dir, "missing.json") : await file(`${name.replace(/\W+/g, "-")}.json`, content);
    for (const load of [() => loadStandaloneSandboxConfig({ SANDBOX_TEMPLATES_FILE: at }), () => loadConfig({ SANDBOX_TEMPLATES_FILE: at })]) {
      let error: unknown;
      try {
        load();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message.startsWith("SANDBOX_TEMPLATES_FILE ")).toBe(true);
      expect(message).toContain(at);
      expect(message).toMatch(why);
      expect(message.endsWith(".")).toBe(true);
      expect(message.trim().split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
    }
  });
});
