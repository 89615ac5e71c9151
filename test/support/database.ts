/**
 * A database of its own for each test file: with DATABASE_URL set, a fresh database on that
 * PostgreSQL server (dropped afterwards); without it, an embedded PGlite in a temporary directory.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseConfig } from "../../src/persistence/database.js";

export interface TestDatabase {
  readonly config: DatabaseConfig;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `gwtest_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      config: { kind: "postgres", url: url.toString(), poolSize: 10 },
      drop: async () => {
        const admin = new URL(base);
        admin.pathname = "/postgres";
        const client = new pg.Client({ connectionString: admin.toString() });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), `gwtest-${label}-`));
  return {
    config: { kind: "embedded", dir: path.join(dir, "pglite") },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}
