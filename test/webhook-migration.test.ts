/**
 * The migration that binds webhook rows to a business (20261124030000_webhook_business), on a
 * database holding rows written before it: status events stored without a business take their
 * message's, so existing history stays visible under the per-business join; an event stored under
 * another business (the old spoof) stays that business's; an event whose message never came stays
 * without one. Inbound messages are then unique per (business, body). The committed SQL files are
 * applied in order on PGlite, and on the real PostgreSQL too when DATABASE_URL is set.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrationNames } from "../src/persistence/migrate.js";
import { createTestDatabase } from "./support/database.js";

const THIS_MIGRATION = "20261124030000_webhook_business";

interface Sql {
  exec(script: string): Promise<void>;
  rows<T>(query: string): Promise<T[]>;
  close(): Promise<void>;
}

const pglite = async (): Promise<Sql> => {
  const db = new PGlite();
  return { exec: async (s) => void (await db.exec(s)), rows: async <T>(q: string) => (await db.query<T>(q)).rows, close: () => db.close() };
};

const postgres = async (): Promise<Sql> => {
  const database = await createTestDatabase("webhook_migration");
  if (database.config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
  const url = new URL(database.config.url);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${url.pathname.slice(1)}"`).finally(() => admin.end());
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    exec: async (s) => void (await client.query(s)),
    rows: async <T>(q: string) => (await client.query(q)).rows as T[],
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
};

const script = (name: string) => readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");

const LEGACY_ROWS = `
  INSERT INTO "Message" ("id", "businessId", "messageId", "connectlyId", "status", "recipientId", "contentType", "content", "requestBody", "updatedAt")
  VALUES ('m-a', 'biz-a', 'm-a', 'c-a', 'ACCEPTED', '+16045550000', 'TEXT', '{}', '{}', now());
  INSERT INTO "MessageStatusEvent" ("connectlyId", "status", "occurredAt", "businessId", "raw") VALUES
    ('c-a', 'SENT', '2026-11-01T10:00:00Z', NULL, '{}'),
    ('c-a', 'DELIVERED', '2026-11-01T10:00:01Z', 'biz-a', '{}'),
    ('c-a', 'READ', '2026-11-01T10:00:02Z', 'biz-b', '{}'),
    ('c-unknown', 'SENT', '2026-11-01T10:00:00Z', NULL, '{}');
  INSERT INTO "InboundMessage" ("bodyHash", "businessId", "businessNumber", "customerId", "occurredAt", "raw")
    VALUES ('h-1', NULL, '+15550000000', '+16045550001', '2026-11-01T10:00:00Z', '{}');
`;

describe.each([["PGlite", pglite], ...(process.env.DATABASE_URL ? [["PostgreSQL", postgres] as const] : [])] as const)("%s", (_name, open) => {
  it("backfills events' business from their message before the per-business unique keys", async () => {
    const names = await migrationNames();
    const at = names.indexOf(THIS_MIGRATION);
    expect(at).toBeGreaterThan(0);
    const db = await open();
    try {
      for (const name of names.slice(0, at)) await db.exec(await script(name));
      await db.exec(LEGACY_ROWS);
      await db.exec(await script(THIS_MIGRATION));

      const events = await db.rows<{ connectlyId: string; status: string; businessId: string | null }>(
        `SELECT "connectlyId", "status"::text AS "status", "businessId" FROM "MessageStatusEvent" ORDER BY "connectlyId", "occurredAt"`,
      );
      expect(events).toEqual([
        { connectlyId: "c-a", status: "SENT", businessId: "biz-a" },
        { connectlyId: "c-a", status: "DELIVERED", businessId: "biz-a" },
        { connectlyId: "c-a", status: "READ", businessId: "biz-b" },
        { connectlyId: "c-unknown", status: "SENT", businessId: null },
      ]);
      // The same event for another business is another row; for the same business, a conflict.
      await db.exec(
        `INSERT INTO "MessageStatusEvent" ("connectlyId", "status", "occurredAt", "businessId", "raw") VALUES ('c-a', 'SENT', '2026-11-01T10:00:00Z', 'biz-c', '{}')`,
      );
      await expect(
        db.exec(
          `INSERT INTO "MessageStatusEvent" ("connectlyId", "status", "occurredAt", "businessId", "raw") VALUES ('c-a', 'SENT', '2026-11-01T10:00:00Z', 'biz-a', '{}')`,
        ),
      ).rejects.toThrow(/unique|duplicate/i);
      // An inbound body kept without a business no longer blocks the same body for one, once per business.
      const inbound = (business: string) =>
        `INSERT INTO "InboundMessage" ("bodyHash", "businessId", "businessNumber", "customerId", "occurredAt", "raw") VALUES ('h-1', '${business}', '+15550000000', '+16045550001', now(), '{}')`;
      await db.exec(inbound("biz-a"));
      await db.exec(inbound("biz-b"));
      await expect(db.exec(inbound("biz-a"))).rejects.toThrow(/unique|duplicate/i);
    } finally {
      await db.close();
    }
  }, 30_000);
});
