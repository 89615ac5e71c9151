/**
 * The gateway outlives its database connections: when PostgreSQL ends them (a restart, a failover,
 * an administrator's pg_terminate_backend), the pool drops them and the next request opens new ones;
 * the process does not crash on the idle connections' errors; and closing the gateway waits until its
 * connections have really closed. Needs a real PostgreSQL (DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoredMessageDocument, type SendSessionMessageMutation } from "./generated/graphql.js";
import { execute } from "./support/send.js";
import { acceptedMessage, SEND_MUTATION, startTestGateway, type TestGateway } from "./support/gateway.js";

describe.skipIf(!process.env.DATABASE_URL)("database connections ended by the server", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway("db-connections");
  });
  afterAll(() => t?.close());

  it("idle connections terminated by PostgreSQL: no crash, and the next mutation and query work", async () => {
    const send = () =>
      t.graphql<SendSessionMessageMutation>(SEND_MUTATION, {
        input: { businessId: "biz-db-connections", recipient: { id: "+16045550199" }, content: { text: "hello" } },
      });
    acceptedMessage(await send());
    const pool = t.gateway.database.postgres!.pool;
    // The send's notice to other processes may still hold a connection for a moment after its answer.
    const idle = Date.now() + 10_000;
    while (pool.idleCount === 0 && Date.now() < idle) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pool.idleCount).toBeGreaterThan(0);
    // From a connection of another pool: every other backend of the gateway's database.
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const database = (await pool.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
      const ended = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
      expect(ended.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // pg discards each idle connection when its end arrives (through the pool's "error" event).
    const deadline = Date.now() + 10_000;
    while (pool.idleCount > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pool.idleCount).toBe(0);
    const again = acceptedMessage(await send());
    const read = await execute(t, StoredMessageDocument, { id: again.id });
    expect(read.data?.message?.id).toBe(again.id);
  });

  it("after close() no connection of the gateway is left on the server", async () => {
    const other = await startTestGateway("db-connections-close");
    const database = (await other.gateway.database.postgres!.pool.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
    await other.gateway.close();
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const left = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [database]);
      expect(left.rows[0]?.n).toBe(0);
    } finally {
      await admin.end();
      await other.close();
    }
  });
});
