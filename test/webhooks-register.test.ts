/**
 * `npm run webhooks:register`: registers the gateway's address with Connectly (here the sandbox
 * standing in for it, reached as a live upstream) for both topics, then Connectly's events reach
 * the gateway at that address and move the message to READ.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type PostedWebhook, type Sandbox } from "../src/sandbox/sandbox.js";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { webhookAddress } from "../src/webhooks/register.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { testConfig, TEST_WEBHOOK_SECRET } from "./support/gateway.js";
import { CustomerWindowDocument, DeliveredMessageDocument } from "./generated/graphql.js";
import { execute, sendAccepted } from "./support/send.js";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

async function register(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ["src/webhooks/register-cli.ts", ...args], {
      cwd: ROOT,
      // Only what the command needs: no inherited DATABASE_URL or keys.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("webhookAddress", () => {
  it("adds the webhook path and the business to the gateway's public URL", () => {
    expect(webhookAddress("https://gw.example.com", "biz-1")).toBe("https://gw.example.com/webhooks/connectly?businessId=biz-1");
    expect(webhookAddress("https://gw.example.com/base/", "b")).toBe("https://gw.example.com/base/webhooks/connectly?businessId=b");
    expect(webhookAddress("https://gw.example.com/webhooks/connectly", "b")).toBe("https://gw.example.com/webhooks/connectly?businessId=b");
  });
  it("refuses plain http except for a local gateway", () => {
    expect(() => webhookAddress("http://gw.example.com", "b")).toThrow(/https/);
    expect(webhookAddress("http://127.0.0.1:4000", "b")).toBe("http://127.0.0.1:4000/webhooks/connectly?businessId=b");
  });
});

describe("npm run webhooks:register", () => {
  let sandbox: Sandbox;
  let gateway: Gateway;
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    // The sandbox plays Connectly: it knows the webhook secret and posts only to registered addresses.
    sandbox = await startSandbox({ webhooks: { secret: TEST_WEBHOOK_SECRET, statusEvents: true, failureRate: 0, delayMs: 5 } });
    database = await createTestDatabase("register");
    gateway = await startGateway(
      testConfig(database.config, { connectly: { mode: "live", baseUrl: sandbox.url, defaultApiKey: sandbox.apiKey, businessApiKeys: new Map() } }),
    );
    env = { CONNECTLY_API_KEY: sandbox.apiKey, CONNECTLY_BASE_URL: sandbox.url };
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await sandbox?.close();
    await database?.drop();
  });

  it("registers both topics, and Connectly's events then reach the gateway and move the message to READ", async () => {
    const result = await register(["--business", "biz-reg", "--url", gateway.url], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`delivery_status: registered ${gateway.url}/webhooks/connectly?businessId=biz-reg`);
    expect(result.stdout).toContain(`messages: registered ${gateway.url}/webhooks/connectly?businessId=biz-reg`);

    // The sandbox posts sent, delivered and read one after another, but each post's answer may come
    // back in any order: wait until all three have been answered.
    const lifecycle = new Promise<PostedWebhook[]>((resolve) => {
      const answered = new Map<string, PostedWebhook>();
      const onWebhook = (posted: PostedWebhook) => {
        const update = posted.body.statusUpdate as { status?: string } | undefined;
        if (update?.status) answered.set(update.status, posted);
        if (answered.size === 3) {
          sandbox.events.off("webhook", onWebhook);
          resolve(["sent", "delivered", "read"].map((s) => answered.get(s)!));
        }
      };
      sandbox.events.on("webhook", onWebhook);
    });
    const sent = await sendAccepted(gateway, { businessId: "biz-reg", recipient: { id: "+14155550123" }, content: { text: "Registered." } });
    const posted = await lifecycle;
    expect(posted.map((p) => p.status)).toEqual([200, 200, 200]);
    const after = await execute(gateway, DeliveredMessageDocument, { id: sent.id });
    expect(after.data?.message?.deliveryStatus).toBe("READ");
    expect(after.data?.message?.statusHistory.map((e) => e.status)).toEqual(["SENT", "DELIVERED", "READ"]);

    // An inbound message goes to the registered messages address and opens the window.
    const inbound = await sandbox.postInbound("biz-reg", { id: "+14155550123", name: "Ann" }, "Thanks!");
    expect(inbound?.status).toBe(200);
    const customer = await execute(gateway, CustomerWindowDocument, { businessId: "biz-reg", id: "+14155550123" });
    expect(customer.data?.customer.sessionWindow.open).toBe(true);
  }, 60_000);

  it("says so, and fails, when a topic already has a webhook", async () => {
    await register(["--business", "biz-twice", "--url", "https://gw.example.com"], env);
    const again = await register(["--business", "biz-twice", "--url", "https://gw.example.com"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/delivery_status: a webhook is already registered/);
    expect(again.stderr).toMatch(/messages: a webhook is already registered/);
  }, 60_000);

  it.each([
    [["--url", "https://gw.example.com"], /--business/],
    [["--business", "b"], /--url is required/],
    [["--business", "bad id", "--url", "https://gw.example.com"], /--business must be/],
    [["--business", "b", "--url", "http://gw.example.com"], /https/],
    [["--business", "b", "--url", "https://gw.example.com", "--topics", "statuses"], /--topics/],
    [["--business", "b", "--url", "https://gw.example.com", "--unknown"], /usage/],
  ])(
    "refuses %j with a clear message",
    async (args, message) => {
      const result = await register(args, env);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    },
    60_000,
  );

  it("refuses to run without an API key, and never prints one", async () => {
    const result = await register(["--business", "b", "--url", "https://gw.example.com"], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/CONNECTLY_API_KEY is not set/);
    const wrong = await register(["--business", "b", "--url", "https://gw.example.com"], { ...env, CONNECTLY_API_KEY: "wrong-key-123456" });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/answered 401/);
    expect(wrong.stderr + wrong.stdout).not.toContain("wrong-key-123456");
  }, 60_000);
});
