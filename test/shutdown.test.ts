/**
 * Graceful shutdown of the real process: SIGTERM while sends are in flight at Connectly (the
 * sandbox holds their answers). The gateway stops taking new connections, every in-flight send
 * reaches its caller and its row as ACCEPTED, a live subscription is closed with 1001 (Going Away),
 * and the process exits 0.
 */
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { startSandbox, type Sandbox } from "../src/sandbox/sandbox.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { hs256Auth, tokenFor } from "./support/auth.js";
import { ready, startProcess } from "./support/process.js";

const SECRET = "shutdown-test-secret-of-32-characters";
const IN_FLIGHT = 5;

describe("SIGTERM", () => {
  let db: TestDatabase;
  let sandbox: Sandbox;
  beforeAll(async () => {
    db = await createTestDatabase("shutdown");
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
    await db?.drop();
  });

  it("finishes in-flight sends, closes subscriptions with 1001, refuses new connections and exits 0", async () => {
    const child = startProcess({
      PORT: "0",
      ...(db.config.kind === "postgres" ? { DATABASE_URL: db.config.url } : { EMBEDDED_DATABASE_DIR: db.config.dir }),
      CONNECTLY_API_KEY: sandbox.apiKey,
      CONNECTLY_BASE_URL: sandbox.url,
      AUTH_JWT_SECRET: SECRET,
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    try {
      const url = await ready(child);
      const token = await tokenFor(hs256Auth(SECRET, 5), ["biz-shutdown"]);

      // A subscriber, connected and acknowledged.
      let closedWith!: (event: { code: number; reason: string }) => void;
      const subscriberClosed = new Promise<{ code: number; reason: string }>((resolve) => (closedWith = resolve));
      const client = createClient({
        url: url.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${token}` },
        on: { closed: (e) => closedWith({ code: (e as { code: number }).code, reason: String((e as { reason: string }).reason) }) },
      });
      const connected = new Promise<void>((resolve) => client.on("connected", () => resolve()));
      void client
        .iterate({ query: `subscription { messageStatusChanged(businessId: "biz-shutdown") { status } }` })
        .next()
        .catch(() => undefined);
      await connected;

      // Sends in flight: Connectly (the sandbox) holds every answer until released.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      sandbox.injectFaults(...Array.from({ length: IN_FLIGHT }, () => ({ kind: "hold" as const, release: released })));
      let arrived = 0;
      const allArrived = new Promise<void>((resolve) => sandbox.events.on("arrived", () => ++arrived === IN_FLIGHT && resolve()));
      const sends = Array.from({ length: IN_FLIGHT }, (_, i) =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `mutation ($input: SendSessionMessageInput!) { sendSessionMessage(input: $input) { __typename ... on Message { id status } } }`,
            variables: { input: { businessId: "biz-shutdown", recipient: { id: `+1604555${String(1000 + i)}` }, content: { text: `Message ${i}` } } },
          }),
        }).then(async (response) => ({
          status: response.status,
          body: (await response.json()) as { data?: { sendSessionMessage: { __typename: string; id: string; status: string } } },
        })),
      );
      await allArrived;

      child.kill("SIGTERM");
      // Subscribers are told to go elsewhere.
      expect(await subscriberClosed).toEqual({ code: 1001, reason: "The gateway is shutting down." });
      // No new connection is taken while the in-flight sends finish.
      await expect(fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' })).rejects.toThrow();

      release();
      const answers = await Promise.all(sends);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.body.data?.sendSessionMessage).toMatchObject({ __typename: "Message", status: "ACCEPTED" });
      }
      const [code] = (await once(child, "exit")) as [number];
      expect(code).toBe(0);
      expect(output).toMatch(/shut down cleanly/);
      await client.dispose();

      // None lost: every row ACCEPTED, as the callers were told.
      const { openDatabase } = await import("../src/persistence/database.js");
      const database = await openDatabase(db.config);
      try {
        const rows = await database.prisma.message.findMany({ where: { businessId: "biz-shutdown" } });
        expect(rows.map((r) => r.status)).toEqual(Array.from({ length: IN_FLIGHT }, () => "ACCEPTED"));
        expect(rows.map((r) => r.id).sort()).toEqual(answers.map((a) => a.body.data!.sendSessionMessage.id).sort());
      } finally {
        await database.close();
      }
    } finally {
      child.kill("SIGKILL");
    }
  }, 60_000);
});
