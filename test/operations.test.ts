/**
 * What the people who run the gateway look at: /healthz, /readyz (database, migrations,
 * lifecycle), Prometheus metrics at /metrics after real traffic, and the per-operation log line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { SendSessionMessagesDocument, SendTemplateMessageDocument } from "./generated/graphql.js";
import { SEND_MUTATION as SEND, subscriptionsReach, testConfig } from "./support/gateway.js";
import { execute, sendAccepted } from "./support/send.js";
import { deliveryStatusEvent, postSignedEvent } from "./support/webhooks.js";
import { SIGNATURE_HEADER } from "../src/webhooks/signature.js";

describe("operations", () => {
  let db: TestDatabase;
  let gateway: Gateway;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    db = await createTestDatabase("operations");
    gateway = await startGateway(testConfig(db.config, { logLevel: "debug" }), {
      logStream: { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await db?.drop();
  });

  const input = (text: string) => ({ businessId: "biz-ops", recipient: { id: "+16044447777" }, content: { text } });
  /** An operation that fails once its businesses are known: a batch of more than 1000 inputs. */
  const sendRefused = async () => {
    const response = await execute(gateway, SendSessionMessagesDocument, { inputs: Array.from({ length: 1001 }, () => input("x")) });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "BATCH_SIZE" });
  };
  const metric = async (pattern: RegExp): Promise<number> => {
    const text = await (await fetch(`${gateway.url}/metrics`)).text();
    const line = text.split("\n").find((l) => pattern.test(l));
    return line ? Number(line.split(" ").at(-1)) : NaN;
  };

  it("/healthz answers while the process runs", async () => {
    const response = await fetch(`${gateway.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/readyz reports each check", async () => {
    const response = await fetch(`${gateway.url}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; detail: string }> };
    expect(body.status).toBe("ready");
    expect(body.checks.database).toEqual({ ok: true, detail: "reachable" });
    expect(body.checks.migrations!.detail).toMatch(/^\d+ applied$/);
    expect(body.checks.lifecycle).toEqual({ ok: true, detail: "serving" });
    // Connectly is not a check: its outage would take every replica out of service at once.
    expect(Object.keys(body.checks).sort()).toEqual(["database", "lifecycle", "migrations"]);
  });

  it("counts operations, Connectly requests, limiter waits, webhook events, subscriptions and the pool at /metrics", async () => {
    const message = await sendAccepted(gateway, input("Hello"));
    await sendRefused();

    expect(await metric(/^gateway_graphql_operations_total\{operation="SendSessionMessage",type="mutation",outcome="ok"\}/)).toBe(1);
    expect(await metric(/^gateway_graphql_operations_total\{operation="SendSessionMessages",type="mutation",outcome="BAD_USER_INPUT"\}/)).toBe(1);
    expect(await metric(/^gateway_graphql_operation_duration_seconds_count\{type="mutation"\}/)).toBe(2);
    expect(await metric(/^gateway_connectly_requests_total\{endpoint="session",status="200"\}/)).toBe(1);
    expect(await metric(/^gateway_connectly_request_duration_seconds_count\{endpoint="session",status="200"\}/)).toBe(1);
    expect(await metric(/^gateway_ratelimit_wait_seconds_count/)).toBe(1);
    expect(await metric(/^gateway_ratelimit_queue_depth/)).toBe(0);

    // A subscriber is counted while it is open.
    const client = createClient({ url: `${gateway.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const iterator = client.iterate({ query: `subscription { messageStatusChanged(businessId: "biz-ops") { status deliveryStatus } }` });
    const change = iterator.next();
    await subscriptionsReach(gateway, 1);
    expect(await metric(/^gateway_subscriptions_active/)).toBe(1);

    // One stored event, one forged POST.
    const event = deliveryStatusEvent(message.connectlyId!, "delivered", "+16044447777");
    expect((await postSignedEvent(gateway.url, "biz-ops", event)).status).toBe(200);
    await change;
    const forged = await fetch(`${gateway.url}/webhooks/connectly?businessId=biz-ops`, {
      method: "POST",
      headers: { "content-type": "text/plain", [SIGNATURE_HEADER]: "forged" },
      body: JSON.stringify(event),
    });
    expect(forged.status).toBe(401);
    expect(await metric(/^gateway_webhook_events_total\{topic="delivery_status",outcome="stored"\}/)).toBe(1);
    expect(await metric(/^gateway_webhook_requests_total\{status="200"\}/)).toBe(1);
    expect(await metric(/^gateway_webhook_requests_total\{status="401"\}/)).toBe(1);
    await iterator.return?.();
    await client.dispose();

    if (gateway.database.postgres) expect(await metric(/^gateway_db_pool_connections\{state="total"\}/)).toBeGreaterThan(0);
    expect(await metric(/^process_resident_memory_bytes/)).toBeGreaterThan(0);
  });

  it("labels Connectly requests by endpoint: a template send reads the catalog once, then sends", async () => {
    const response = await execute(gateway, SendTemplateMessageDocument, {
      input: { businessId: "biz-ops-templates", recipient: { id: "+16044447778" }, template: { name: "thanks", language: "en" } },
    });
    expect(response.data?.sendTemplateMessage).toMatchObject({ __typename: "Message", status: "ACCEPTED" });
    expect(await metric(/^gateway_connectly_requests_total\{endpoint="templates",status="200"\}/)).toBe(1);
    expect(await metric(/^gateway_connectly_requests_total\{endpoint="template",status="200"\}/)).toBe(1);
    expect(await metric(/^gateway_connectly_request_duration_seconds_count\{endpoint="template",status="200"\}/)).toBe(1);
  });

  it("says what the gateway spent on each operation in a Server-Timing header", async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: SEND, variables: { input: input("Timed") } }),
    });
    expect(response.status).toBe(200);
    const header = response.headers.get("server-timing") ?? "";
    const metrics = Object.fromEntries(
      header
        .split(",")
        .map((m) => m.trim().split(";dur="))
        .map(([name, dur]) => [name, Number(dur)]),
    );
    expect(Object.keys(metrics)).toEqual(["graphql", "total"]);
    // A send writes two rows and calls Connectly: it cannot take no time; the total includes Apollo's part.
    expect(metrics.graphql).toBeGreaterThan(0);
    expect(metrics.total).toBeGreaterThanOrEqual(metrics.graphql);
  });

  it("writes one line per operation: request id, name, type, businesses, caller, outcome, duration", async () => {
    lines.length = 0;
    await sendAccepted(gateway, input("Logged"));
    await sendRefused();
    const ok = lines.find((l) => l.msg === "graphql operation");
    const failed = lines.find((l) => l.msg === "graphql operation failed");
    expect(ok).toMatchObject({
      level: 20,
      reqId: expect.any(String),
      operation: "SendSessionMessage",
      type: "mutation",
      businessIds: ["biz-ops"],
      principal: "local",
      outcome: "ok",
      durationMs: expect.any(Number),
    });
    expect(failed).toMatchObject({ level: 30, operation: "SendSessionMessages", type: "mutation", businessIds: ["biz-ops"], outcome: "BAD_USER_INPUT" });
    expect(ok!.reqId).not.toBe(failed!.reqId);
  });

  it("counts and logs a send that failed as data (an error result, no GraphQL error) by its code", async () => {
    lines.length = 0;
    const operations = /^gateway_graphql_operations_total\{operation="SendSessionMessages",type="mutation",outcome="BAD_USER_INPUT"\}/;
    const before = await metric(operations);
    const blank = { ...input("x"), content: { text: "   " } };
    const response = await execute(gateway, SendSessionMessagesDocument, { inputs: [input("fine"), blank, blank] });
    expect(response.data?.sendSessionMessages.results.map((r) => r.__typename)).toEqual(["Message", "InvalidInputError", "InvalidInputError"]);
    expect(await metric(/^gateway_send_errors_total\{code="BAD_USER_INPUT"\}/)).toBe(2);
    expect(await metric(operations)).toBe(before + 1);
    const line = lines.find((l) => l.msg === "graphql operation failed");
    expect(line).toMatchObject({ level: 30, operation: "SendSessionMessages", outcome: "BAD_USER_INPUT", errorResults: { BAD_USER_INPUT: 2 } });
  });

  it("/readyz turns 503 when a committed migration is not applied", async () => {
    const [row] = await gateway.database.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
    );
    await gateway.database.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${row!.migration_name}'`);
    const response = await fetch(`${gateway.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; detail: string }> };
    expect(body.status).toBe("not ready");
    expect(body.checks.migrations).toEqual({ ok: false, detail: `not applied: ${row!.migration_name}` });
    await gateway.database.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = '${row!.migration_name}'`);
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
  });
});
