/**
 * The worked example's operations (examples/operations/*.graphql, typed by codegen's client preset)
 * through the example client (urql + graphql-ws) against a running gateway with auth on: send,
 * read the history, receive a live status change; the template catalog, a template send, and a
 * closed window answered by the fallback template. Also: the example page still bundles, and
 * docs/templates.md's curls run against the gateway and its documents validate against the SDL.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createGatewayClient, describeFailure, type GatewayClient, type StatusChange } from "../examples/client/gateway-client.js";
import { bundle } from "../examples/web/serve.js";
import { sdlSchema } from "../src/graphql/error-tables.js";
import { hs256Auth, tokenFor } from "./support/auth.js";
import { startTestGateway, subscriptionsReach, type TestGateway } from "./support/gateway.js";
import { deliveryStatusEvent, expectAcknowledged, inboundMessageEvent, nowSeconds, postSignedEvent } from "./support/webhooks.js";
import { orderReadyTemplate } from "./support/templates.js";

const auth = hs256Auth("example-test-secret-of-32-characters");

/** The built-in sandbox's order_ready (pt_BR), as the examples send it. */
const ORDER_READY = orderReadyTemplate();

/** What the sandbox accepted for one customer: template sends by template name, session sends as "session". */
function upstreamSends(t: TestGateway, businessId: string, customer: string): string[] {
  return t.sandbox.requests.flatMap((r) => {
    if (r.businessId !== businessId || r.status !== 200 || r.endpoint === "templates") return [];
    const body = r.body as { number?: string; templateName?: string; recipient?: { id?: string } };
    if (r.endpoint === "template") return body.number === customer ? [body.templateName ?? "?"] : [];
    return body.recipient?.id === customer ? ["session"] : [];
  });
}

/** Makes the gateway's record say the customer last wrote 25 hours ago: their window is closed. */
async function closeWindow(t: TestGateway, businessId: string, customer: string): Promise<void> {
  expectAcknowledged(await postSignedEvent(t.url, businessId, inboundMessageEvent(customer, nowSeconds() - 25 * 3600)), "messages");
}

describe("the example client", () => {
  let t: TestGateway;
  let client: GatewayClient;
  beforeAll(async () => {
    t = await startTestGateway("example-client", { auth });
    const token = await tokenFor(auth, ["biz-example"], { subject: "example" });
    client = createGatewayClient({ url: `${t.url}/graphql`, token, webSocketImpl: WebSocket });
  });
  afterAll(async () => {
    await client?.close();
    await t?.close();
  });

  it("sends, reads the history, and hears a live status change", async () => {
    const changes: StatusChange[] = [];
    let heard!: () => void;
    const delivered = new Promise<void>((resolve) => (heard = resolve));
    const stop = client.watch("biz-example", (change) => {
      changes.push(change);
      if (change.deliveryStatus === "DELIVERED") heard();
    });
    await subscriptionsReach(t.gateway, 1);

    const result = await client.sendText("biz-example", "+16044448888", "Your order is on its way!");
    if (result.__typename !== "Message") throw new Error(`expected a sent message, got ${describeFailure(result)}`);
    const sent = result;
    expect(sent).toMatchObject({ status: "ACCEPTED", connectlyId: expect.any(String) });

    const page = await client.history("biz-example", 10);
    expect(page.edges.map((e) => e.node.id)).toContain(sent.id);

    const event = deliveryStatusEvent(sent.connectlyId!, "delivered", "+16044448888");
    expect((await postSignedEvent(t.url, "biz-example", event)).status).toBe(200);
    await delivered;
    stop();
    const last = changes.at(-1)!;
    expect(last).toMatchObject({ deliveryStatus: "DELIVERED", message: { id: sent.id }, event: { status: "DELIVERED" } });

    const after = await client.history("biz-example", 10);
    const node = after.edges.find((e) => e.node.id === sent.id)!.node;
    expect(node.statusHistory.map((e) => e.status)).toEqual(["DELIVERED"]);
  });

  it("reports the gateway's refusal as an error (a business the token does not cover)", async () => {
    await expect(client.sendText("biz-not-mine", "+16044448888", "Hi")).rejects.toThrow(/may not act for business biz-not-mine/);
  });

  it("lists the template catalog with the parameters each template expects", async () => {
    const catalog = await client.templates("biz-example", { name: "order_ready" });
    if (catalog.__typename !== "TemplateCatalog") throw new Error(`expected the catalog, got ${describeFailure(catalog)}`);
    expect(catalog.stale).toBe(false);
    expect(catalog.templates.map((t) => [t.name, t.language, t.status])).toEqual([
      ["order_ready", "en_US", "APPROVED"],
      ["order_ready", "pt_BR", "APPROVED"],
    ]);
    expect(catalog.templates[1]!.parameters.map((p) => [p.name, p.kind])).toEqual([
      ["header_image", "HEADER_IMAGE"],
      ["body_1", "BODY_TEXT"],
      ["body_2", "BODY_TEXT"],
      ["button_1_url", "BUTTON_URL"],
    ]);
    const approved = await client.templates("biz-example", { status: "APPROVED" });
    if (approved.__typename !== "TemplateCatalog") throw new Error(describeFailure(approved));
    expect(approved.templates.map((t) => t.name)).not.toContain("summer_sale");
  });

  it("sends a template message, and refuses one whose parameters do not fit the catalog", async () => {
    const sent = await client.sendTemplate({ businessId: "biz-example", recipient: { id: "+5511988887001" }, template: ORDER_READY });
    if (sent.__typename !== "Message") throw new Error(`expected a sent template, got ${describeFailure(sent)}`);
    expect(sent).toMatchObject({
      status: "ACCEPTED",
      connectlyId: expect.any(String),
      content: { __typename: "TemplateContent", template: { name: "order_ready", language: "pt_BR", checkedAgainstCatalog: true } },
    });
    expect(upstreamSends(t, "biz-example", "+5511988887001")).toEqual(["order_ready"]);

    const parameters = ORDER_READY.parameters.filter((p) => p.name !== "body_2");
    const refused = await client.sendTemplate({ businessId: "biz-example", recipient: { id: "+5511988887002" }, template: { ...ORDER_READY, parameters } });
    if (refused.__typename !== "InvalidInputError") throw new Error(`expected an input error, got ${refused.__typename}`);
    expect(refused).toMatchObject({ code: "BAD_USER_INPUT", rule: "TEMPLATE_PARAMETER_MISSING" });
    expect(describeFailure(refused)).toMatch(/^BAD_USER_INPUT \(input\.template\.parameters.*: TEMPLATE_PARAMETER_MISSING\): /);
    expect(upstreamSends(t, "biz-example", "+5511988887002")).toEqual([]);
  });

  it("answers a closed window with the fallback template, and an open one with the text", async () => {
    await closeWindow(t, "biz-example", "+5511977770001");
    const closed = await client.sendWithFallback("biz-example", "+5511977770001", "Seu pedido chegou!", ORDER_READY);
    if (closed.__typename !== "Message") throw new Error(`expected a sent message, got ${describeFailure(closed)}`);
    expect(closed).toMatchObject({
      status: "ACCEPTED",
      content: { __typename: "TemplateContent", template: { name: "order_ready", language: "pt_BR" } },
      fallback: { reason: "SESSION_WINDOW_CLOSED", message: expect.any(String), sessionContent: { __typename: "TextContent" } },
    });
    // The session content never left: one call, to the template endpoint.
    expect(upstreamSends(t, "biz-example", "+5511977770001")).toEqual(["order_ready"]);

    const open = await client.sendWithFallback("biz-example", "+5511977770002", "Seu pedido chegou!", ORDER_READY);
    expect(open).toMatchObject({ __typename: "Message", status: "ACCEPTED", content: { __typename: "TextContent" }, fallback: null });
    expect(upstreamSends(t, "biz-example", "+5511977770002")).toEqual(["session"]);

    const page = await client.history("biz-example", 50);
    const rows = new Map(page.edges.map((e) => [e.node.id, e.node]));
    expect(rows.get(closed.id)).toMatchObject({
      content: { __typename: "TemplateContent", template: { name: "order_ready" } },
      fallback: { reason: "SESSION_WINDOW_CLOSED" },
    });
    expect(rows.get(open.__typename === "Message" ? open.id : "")).toMatchObject({ content: { __typename: "TextContent" }, fallback: null });
  });

  it("bundles the example page for browsers", async () => {
    const js = await bundle();
    expect(js).toContain("messageStatusChanged");
    expect(js.length).toBeGreaterThan(10_000);
  });
});

/** A fenced block of a Markdown file, with the templates-curl marker just before it, if any. */
interface DocBlock {
  readonly lang: string;
  readonly text: string;
  readonly curl?: string;
}

function docBlocks(markdown: string): DocBlock[] {
  return [...markdown.matchAll(/(?:<!-- templates-curl: ([\w-]+) -->\n)?```(\w*)\n([\s\S]*?)```/g)].map(([, curl, lang, text]) => ({
    lang: lang ?? "",
    text: text ?? "",
    ...(curl ? { curl } : {}),
  }));
}

/** The doc's sample answer without what differs from run to run (ids, times). */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value == null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !["id", "connectlyId", "fetchedAt", "createdAt"].includes(key))
      .map(([key, v]) => [key, stable(v)]),
  );
}

describe("docs/templates.md", () => {
  let t: TestGateway;
  let markdown: string;
  let token: string;
  beforeAll(async () => {
    markdown = await readFile(path.resolve(import.meta.dirname, "../docs/templates.md"), "utf8");
    t = await startTestGateway("example-docs", { auth });
    token = await tokenFor(auth, ["demo-business"], { subject: "docs" });
  });
  afterAll(() => t?.close());

  const post = async (body: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> => {
    const response = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };

  it("has GraphQL documents that validate against the schema", () => {
    const documents = docBlocks(markdown).filter((b) => b.lang === "graphql");
    expect(documents.length).toBeGreaterThanOrEqual(4);
    const schema = sdlSchema();
    for (const { text } of documents) expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });

  it("runs every curl against the gateway with the answer the doc shows", async () => {
    // The fallback example's customer, whose window the doc closes with a signed inbound webhook.
    await closeWindow(t, "demo-business", "+5511977776666");
    const blocks = docBlocks(markdown);
    const ran: string[] = [];
    for (const [i, block] of blocks.entries()) {
      if (!block.curl) continue;
      const body = /-d '([^']+)'/.exec(block.text)?.[1];
      if (!body) throw new Error(`no -d body in the ${block.curl} curl`);
      expect(block.text).toContain("http://127.0.0.1:4000/graphql");
      const answer = await post(body);
      expect(answer.errors, block.curl).toBeUndefined();
      const shown = blocks[i + 1]?.lang === "json" ? blocks[i + 1]!.text : undefined;
      if (shown) expect(answer, block.curl).toMatchObject(stable(JSON.parse(shown)) as object);
      else expect(JSON.stringify(answer.data), block.curl).not.toMatch(/"code":/);
      ran.push(block.curl);
    }
    expect(ran).toEqual(["catalog", "refresh", "send-template", "campaign", "fallback"]);
  });
});
