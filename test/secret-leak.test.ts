/**
 * The secret-leak sweep: the gateway as a separate process in production mode with trace logging,
 * configured with a Connectly API key, a per-business key Connectly refuses, a webhook secret and
 * a token secret, taken through a full scenario (sends that succeed and fail upstream, bad input,
 * good and bad tokens over HTTP and WebSocket, signed and forged webhooks, queries, a live
 * subscription). Every configured secret and every token used is then looked for in everything the
 * process wrote and everything it answered: none may appear, nor a stack trace.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "graphql-ws";
import { SignJWT } from "jose";
import WebSocket from "ws";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { mintToken } from "../src/auth/mint.js";
import { startSandbox, type Sandbox } from "../src/sandbox/sandbox.js";
import { SIGNATURE_HEADER, signWebhookBody } from "../src/webhooks/signature.js";
import type { SendSessionMessageMutation } from "./generated/graphql.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { SEND_MUTATION as SEND } from "./support/gateway.js";
import { expectResult, type SentMessage } from "./support/send.js";
import { hs256Auth } from "./support/auth.js";
import { ready, startProcess } from "./support/process.js";
import { deliveryStatusEvent } from "./support/webhooks.js";

const secret = (label: string) => `${label}-${randomBytes(18).toString("base64url")}`;
const API_KEY = secret("apikey");
const REFUSED_BUSINESS_KEY = secret("bizkey");
const WEBHOOK_SECRET = secret("whsec");
const JWT_SECRET = secret("jwtsecret-0123456789");

describe("no secret leaves the process", () => {
  let db: TestDatabase;
  let sandbox: Sandbox;
  let child: ChildProcessWithoutNullStreams;
  let output = "";
  let url: string;
  /** Everything the gateway answered: status lines, headers, bodies, WebSocket frames and close reasons. */
  const answers: string[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("secret-leak");
    sandbox = await startSandbox({ apiKey: API_KEY });
    child = startProcess({
      PORT: "0",
      NODE_ENV: "production",
      LOG_LEVEL: "trace",
      ...(db.config.kind === "postgres" ? { DATABASE_URL: db.config.url } : { EMBEDDED_DATABASE_DIR: db.config.dir }),
      CONNECTLY_API_KEY: API_KEY,
      CONNECTLY_BUSINESS_API_KEYS: `biz-refused=${REFUSED_BUSINESS_KEY}`,
      CONNECTLY_BASE_URL: sandbox.url,
      CONNECTLY_MAX_ATTEMPTS: "1",
      CONNECTLY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      AUTH_JWT_SECRET: JWT_SECRET,
    });
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    url = await ready(child);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    await sandbox?.close();
    await db?.drop();
  });

  async function graphql(token: string | null, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (token) tokens.push(token);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  }

  async function webhook(businessId: string, event: unknown, signWith: string): Promise<number> {
    const body = JSON.stringify(event);
    const response = await fetch(`${url.replace(/\/graphql$/, "")}/webhooks/connectly?businessId=${businessId}`, {
      method: "POST",
      headers: { "content-type": "text/plain", [SIGNATURE_HEADER]: signWebhookBody(body, signWith) },
      body,
    });
    answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
    return response.status;
  }

  it("runs a full scenario, and neither its logs nor its answers hold a secret, a token or a stack trace", async () => {
    const auth = hs256Auth(JWT_SECRET, 5);
    const token = await mintToken(auth, { businessIds: ["biz-leak", "biz-refused"], scopes: ["send", "read"], ttl: "10m", subject: "leak-test" });
    const input = (businessId: string) => ({ businessId, recipient: { id: "+16044446666" }, content: { text: "Your order has shipped." } });

    // A live subscription over graphql-ws, authenticated in connection_init.
    tokens.push(token);
    const client = createClient({
      url: url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const subscription = client.iterate({ query: `subscription { messageStatusChanged(businessId: "biz-leak") { status deliveryStatus } }` });
    const firstChange = subscription.next();

    // Sends Connectly accepts, until the subscriber hears one (the subscription may go live after the
    // first send: this process cannot see when the gateway registered it).
    let heard = false;
    void firstChange.then(() => (heard = true));
    let accepted: SentMessage | undefined;
    for (let i = 0; i < 50 && !heard; i++) {
      const answer = (await graphql(token, SEND, { input: input("biz-leak") })) as { data: SendSessionMessageMutation };
      accepted = expectResult(answer.data.sendSessionMessage, "Message");
      expect(accepted.status).toBe("ACCEPTED");
      await new Promise((resolve) => setImmediate(resolve));
    }
    answers.push(JSON.stringify(await firstChange));
    // One Connectly refuses (the business's own key is wrong), and bad input.
    const refused = await graphql(token, SEND, { input: input("biz-refused") });
    expect(refused).toMatchObject({
      data: { sendSessionMessage: { __typename: "UpstreamError", code: "UPSTREAM_UNAUTHENTICATED", upstream: { status: 401 } } },
    });
    const invalid = await graphql(token, SEND, { input: { ...input("biz-leak"), content: { text: "" } } });
    expect(invalid).toMatchObject({ data: { sendSessionMessage: { __typename: "InvalidInputError", field: "input.content.text" } } });

    // Tokens that fail: forged with another secret, expired, not for this business, garbage.
    const forged = await mintToken({ ...auth, secret: secret("other-secret-0123456789") }, { businessIds: ["*"], scopes: ["send"], ttl: "10m" });
    const expired = await new SignJWT({ businessIds: ["biz-leak"], scope: "read" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(JWT_SECRET));
    const stranger = await mintToken(auth, { businessIds: ["biz-other"], scopes: ["send", "read"], ttl: "10m" });
    for (const bad of [forged, expired, `${token.slice(0, -4)}AAAA`]) await graphql(bad, SEND, { input: input("biz-leak") });
    await graphql(stranger, SEND, { input: input("biz-leak") });
    await graphql(null, "{ __typename }");

    // Reads, and introspection (off in production).
    await graphql(
      token,
      `
        {
          messages(filter: { businessId: "biz-leak" }) {
            edges {
              node {
                id
                status
                error {
                  code
                  message
                  upstreamStatus
                }
              }
            }
          }
        }
      `,
    );
    await graphql(token, "{ __schema { types { name } } }");

    // Webhooks: one signed with the secret, one forged.
    const event = deliveryStatusEvent(accepted!.connectlyId!, "delivered", "+16044446666");
    const delivered = subscription.next();
    expect(await webhook("biz-leak", event, WEBHOOK_SECRET)).toBe(200);
    answers.push(JSON.stringify(await delivered));
    expect(await webhook("biz-leak", event, "not-the-secret-at-all")).toBe(401);
    await subscription.return?.();
    await client.dispose();

    // A WebSocket with a forged token.
    const closed = new Promise<string>((resolve) => {
      const bad = createClient({
        url: url.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${forged}` },
        on: { closed: (e) => resolve(`${(e as { code: number }).code} ${(e as { reason: string }).reason}`) },
      });
      void bad
        .iterate({ query: 'subscription { messageStatusChanged(businessId: "biz-leak") { status } }' })
        .next()
        .catch(() => undefined);
    });
    answers.push(await closed);

    // Stop the process so every log line is flushed.
    child.kill("SIGTERM");
    expect((await once(child, "exit"))[0]).toBe(0);

    const everything = `${output}\n${answers.join("\n")}`;
    expect(output).toMatch(/"msg":"incoming request"/); // request logging is on at trace: the sweep saw the chattiest logs
    for (const [name, value] of Object.entries({ API_KEY, REFUSED_BUSINESS_KEY, WEBHOOK_SECRET, JWT_SECRET })) {
      expect(everything.includes(value), `${name} appears`).toBe(false);
    }
    for (const used of new Set([...tokens, forged, expired, stranger])) {
      // A token's signature is what makes it a credential.
      expect(everything.includes(used.split(".")[2]!), "a bearer token appears").toBe(false);
    }
    expect(answers.join("\n")).not.toMatch(/\n\s+at |stacktrace|node_modules/);
  }, 60_000);
});
