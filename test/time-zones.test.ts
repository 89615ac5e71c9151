/**
 * Times are instants whatever the time zones: the gateway process runs in New York, and (on a real
 * PostgreSQL) the database's sessions default to Kolkata (+05:30). A message's createdAt, a status
 * event's occurredAt and receivedAt, and the stored columns (timestamps without a time zone, in UTC)
 * must all be the true instants. Covers both write paths: pg's prepared statements on PostgreSQL
 * and Prisma's on the embedded database.
 */
process.env.TZ = "America/New_York";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { SIGNATURE_HEADER, signWebhookBody } from "../src/webhooks/signature.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { testConfig, TEST_WEBHOOK_SECRET } from "./support/gateway.js";
import { DeliveredMessageDocument } from "./generated/graphql.js";
import { execute, sendAccepted } from "./support/send.js";

const SECONDS = 1000;

describe("time zones of the process and of the database's sessions", () => {
  let database: TestDatabase;
  let gateway: Gateway;

  beforeAll(async () => {
    database = await createTestDatabase("time_zones");
    if (database.config.kind === "postgres") {
      // Create the database first, so that its sessions' default time zone is not UTC.
      const url = new URL(database.config.url);
      const name = url.pathname.slice(1);
      url.pathname = "/postgres";
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
        await admin.query(`ALTER DATABASE "${name}" SET timezone = 'Asia/Kolkata'`);
      } finally {
        await admin.end();
      }
    }
    gateway = await startGateway(testConfig(database.config));
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  it("the process really is in New York (the test would prove nothing in UTC)", () => {
    expect(new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset()).toBe(300);
  });

  it("createdAt, occurredAt, receivedAt and deliveryStatusAt are the true instants, and so are the stored columns", async () => {
    const before = Date.now();
    const sent = await sendAccepted(gateway, { businessId: "biz-tz", recipient: { id: "+16045550142" }, content: { text: "What time is it?" } });
    const createdAt = Date.parse(sent.createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(before - 1);
    expect(createdAt).toBeLessThanOrEqual(Date.now() + 1);

    const occurredAt = Math.floor(Date.now() / SECONDS) - 90; // whole seconds, as Connectly sends them
    const body = JSON.stringify({
      topic: "delivery_status",
      timestamp: String(occurredAt),
      sender: { id: "+15550000000", channelType: "whatsapp" },
      recipient: { id: "+16045550142", channelType: "whatsapp" },
      statusUpdate: { id: sent.connectlyId, status: "delivered", error: null },
    });
    const posted = await fetch(`${gateway.url}/webhooks/connectly?businessId=biz-tz`, {
      method: "POST",
      headers: { "content-type": "text/plain", [SIGNATURE_HEADER]: signWebhookBody(body, TEST_WEBHOOK_SECRET) },
      body,
    });
    expect(posted.status).toBe(200);
    const receivedBy = Date.now();

    const read = await execute(gateway, DeliveredMessageDocument, { id: sent.id });
    expect(read.errors).toBeUndefined();
    const message = read.data!.message!;
    expect(message.createdAt).toBe(sent.createdAt);
    expect(message.deliveryStatusAt).toBe(new Date(occurredAt * SECONDS).toISOString());
    expect(message.statusHistory).toHaveLength(1);
    expect(message.statusHistory[0]!.occurredAt).toBe(new Date(occurredAt * SECONDS).toISOString());
    const receivedAt = Date.parse(message.statusHistory[0]!.receivedAt);
    expect(receivedAt).toBeGreaterThanOrEqual(createdAt);
    expect(receivedAt).toBeLessThanOrEqual(receivedBy + 1);

    // The columns themselves hold UTC wall-clock times.
    const [row] = await gateway.database.prisma.$queryRaw<{ created: string; occurred: string; received: string }[]>`
      SELECT to_char(m."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS created,
        to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS occurred,
        to_char(e."receivedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS received
      FROM "Message" m JOIN "MessageStatusEvent" e ON e."connectlyId" = m."connectlyId" WHERE m."id" = ${sent.id}`;
    expect(`${row!.created}Z`).toBe(sent.createdAt);
    expect(`${row!.occurred}Z`).toBe(new Date(occurredAt * SECONDS).toISOString());
    expect(`${row!.received}Z`).toBe(message.statusHistory[0]!.receivedAt);
  });
});
