/**
 * The example page in a real browser (Chromium, driven by playwright-core): connect with a token,
 * send a message from the page, and watch its row move to READ live through the subscription, as
 * the built-in sandbox posts sent, delivered and read; then send with the fallback template to a
 * customer whose window is closed and see the row show the template; then open a conversation, send
 * a reply-button message, make the customer tap a button through the page's own server (which
 * holds the sandbox's key) and see the answer appear live. Skipped where no Chromium is installed
 * (Debian: `apt-get install chromium`; or set CHROMIUM_PATH). The page server's own refusals of a
 * tap need no browser.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { servePage, TAP_PATH } from "../examples/web/serve.js";
import { hs256Auth, tokenFor } from "./support/auth.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";
import { expectAcknowledged, inboundMessageEvent, nowSeconds, postSignedEvent } from "./support/webhooks.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
const auth = hs256Auth("example-web-secret-of-32-characters!");

describe.skipIf(!CHROMIUM)("the example page in Chromium", () => {
  let t: TestGateway;
  let page: Awaited<ReturnType<typeof servePage>>;
  let browser: Browser;
  beforeAll(async () => {
    // The page's server forwards taps to the sandbox, which starts after it (CORS needs the page's address first).
    page = await servePage(0, "127.0.0.1", {
      sandbox: {
        get url() {
          return t.sandbox.url;
        },
        get apiKey() {
          return t.sandbox.apiKey;
        },
      },
    });
    t = await startTestGateway("example-web", {
      auth,
      http: { requestRate: { max: 100_000, windowMs: 1000 }, corsOrigins: [page.url] },
      // The sandbox posts sent, delivered and read for every message, as Connectly would.
      connectly: { mode: "sandbox", sandboxPort: 0, statusEvents: true, failureRate: 0, statusDelayMs: 50 },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ["--no-sandbox"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await page?.close();
  });

  /** A new tab on the page, connected to the gateway for biz-web; page errors are collected in `errors`. */
  async function connectedTab(errors: string[]): Promise<Page> {
    const tab = await browser.newPage();
    tab.on("pageerror", (error) => errors.push(error.message));
    await tab.goto(page.url);
    await tab.fill('input[name="url"]', `${t.url}/graphql`);
    await tab.fill('input[name="businessId"]', "biz-web");
    await tab.fill('input[name="token"]', await tokenFor(auth, ["biz-web"], { subject: "web" }));
    await tab.click("#connect button");
    await tab.locator("#state", { hasText: "Showing biz-web, live." }).waitFor();
    return tab;
  }

  it("sends from the page and shows the message reach READ live", async () => {
    const errors: string[] = [];
    const tab = await connectedTab(errors);
    await tab.fill('input[name="text"]', "Sent from the page");
    await tab.click("#send button");
    const row = tab.locator("#rows tr");
    // The delivery cell carries the status as its class: READ once the last webhook has been pushed.
    await row.locator("td.READ").waitFor();
    const cells = await row.locator("td").allTextContents();
    expect(cells[2]).toBe("+16044441111");
    expect(cells[3]).toBe("text");
    expect(cells[4]).toBe("ACCEPTED");
    expect(cells[5]).toBe("READ");
    expect(cells[6]).toBe("SENT → DELIVERED → READ");
    expect(errors).toEqual([]);
    await tab.close();
  }, 60_000);

  it("answers a customer whose window is closed with the fallback template, and shows it", async () => {
    const customer = "+5511977779999";
    // The gateway's record: the customer last wrote 25 hours ago.
    expectAcknowledged(await postSignedEvent(t.url, "biz-web", inboundMessageEvent(customer, nowSeconds() - 25 * 3600)), "messages");
    const errors: string[] = [];
    const tab = await connectedTab(errors);
    await tab.fill('input[name="to"]', customer);
    await tab.check('input[name="fallback"]');
    await tab.fill('input[name="order"]', "B7C8");
    await tab.click("#send button");
    await tab.locator("#state", { hasText: "Window closed (SESSION_WINDOW_CLOSED): sent the template instead." }).waitFor();
    const row = tab.locator("#rows tr", { has: tab.locator("td", { hasText: customer }) });
    await row.locator("td.content", { hasText: "template order_ready (pt_BR) for a closed window" }).waitFor();
    await row.locator("td.READ").waitFor();
    const cells = await row.locator("td").allTextContents();
    expect(cells[4]).toBe("ACCEPTED");
    expect(cells[6]).toBe("SENT → DELIVERED → READ");
    const template = t.sandbox.requests.filter((r) => r.endpoint !== "templates" && (r.body as { number?: string }).number === customer).map((r) => r.body);
    expect(template).toEqual([expect.objectContaining({ templateName: "order_ready", language: "pt_BR" })]);
    expect(template[0]).toMatchObject({ parameters: expect.arrayContaining([{ name: "button_1_url", value: "B7C8" }]) });
    expect(errors).toEqual([]);
    await tab.close();
  }, 60_000);

  it("shows a conversation, and the customer's button answer arrives live", async () => {
    const customer = "+16044442222";
    const errors: string[] = [];
    const tab = await connectedTab(errors);
    await tab.fill('#open-conversation input[name="customer"]', customer);
    await tab.click("#open-conversation button");
    await tab.locator("#conversation-state", { hasText: `${customer}: ` }).waitFor();
    await tab.fill('#send-buttons input[name="body"]', "Deliver tomorrow?");
    await tab.fill('#send-buttons input[name="buttons"]', "Yes, Later, No");
    await tab.click("#send-buttons button");
    const sent = tab.locator("#conversation li.OUTBOUND", { hasText: "Deliver tomorrow? [Yes | Later | No]" });
    await sent.waitFor();
    const messageId = await sent.getAttribute("data-id");
    // The tap goes page → page's server → the sandbox's control → signed webhook → gateway → subscription.
    await tab.selectOption('#simulate select[name="button"]', { label: "Later" });
    await tab.click("#simulate button");
    const answer = tab.locator("#conversation li.INBOUND", { hasText: 'tapped "Later" (later)' });
    await answer.waitFor();
    expect(await answer.locator(".meta").textContent()).toContain(`answers ${messageId}`);
    await tab.locator("#conversation-state", { hasText: `${customer}: window open until` }).waitFor();

    // Read back from the gateway (conversation(last: 20)): the question, then its answer (in the same second, the sent one first).
    await tab.click("#open-conversation button");
    await tab.locator("#conversation li.INBOUND", { hasText: 'tapped "Later"' }).waitFor();
    const items = await tab.locator("#conversation li .what").allTextContents();
    const question = items.indexOf("Deliver tomorrow? [Yes | Later | No]");
    expect(question).toBeGreaterThanOrEqual(0);
    expect(items.indexOf('tapped "Later" (later)')).toBeGreaterThan(question);
    expect(errors).toEqual([]);
    await tab.close();
  }, 60_000);
});

describe("the example page's server, for simulated taps", () => {
  let page: Awaited<ReturnType<typeof servePage>>;
  let bare: Awaited<ReturnType<typeof servePage>>;
  beforeAll(async () => {
    // Nothing listens at the sandbox address: only requests that pass the page server's own checks try it.
    page = await servePage(0, "127.0.0.1", { sandbox: { url: "http://127.0.0.1:9", apiKey: "never-sent" } });
    bare = await servePage(0);
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await bare?.close();
  });

  const tap = { businessId: "biz-web", customerId: "+16044442222", replyTo: "01KCONNECTLYID", button: { id: "yes", text: "Yes" } };
  const post = (base: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${TAP_PATH}`, { method: "POST", headers: { "content-type": "application/json", origin: base, ...headers }, body });

  it.each([
    ["a text/plain body (what another site can send without a preflight)", { "content-type": "text/plain" }, 415],
    ["another site's Origin", { origin: "https://evil.example" }, 403],
    ["no Origin", { origin: "" }, 403],
  ])("refuses a tap with %s", async (_, headers, status) => {
    expect((await post(page.url, JSON.stringify(tap), headers)).status).toBe(status);
  });

  it("answers 404 when it was started without the sandbox's URL and key", async () => {
    const response = await post(bare.url, JSON.stringify(tap));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain("SANDBOX_URL");
  });

  it.each([
    ["not JSON", "{"],
    ["no button", JSON.stringify({ ...tap, button: undefined })],
    ["a title over 20 characters", JSON.stringify({ ...tap, button: { id: "yes", text: "x".repeat(21) } })],
    ["an empty replyTo", JSON.stringify({ ...tap, replyTo: "" })],
    ["a field it does not forward", JSON.stringify({ ...tap, text: "anything else" })],
  ])("refuses a tap with %s (400)", async (_, body) => {
    const response = await post(page.url, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(0);
  });

  it("refuses a body over 16 KB (413)", async () => {
    expect((await post(page.url, JSON.stringify({ ...tap, replyTo: "x".repeat(20_000) }))).status).toBe(413);
  });

  it("answers 502 when the sandbox cannot be reached", async () => {
    expect((await post(page.url, JSON.stringify(tap))).status).toBe(502);
  });
});
