/**
 * Opens the database: a real PostgreSQL when DATABASE_URL is set (postgres-database.ts), otherwise
 * the embedded PostgreSQL (PGlite) in a local data directory (embedded-database.ts). Both run the
 * same schema, client and migrations.
 */
import type pg from "pg";
import { openEmbedded } from "./embedded-database.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { openPostgres, type DirectQuery } from "./postgres-database.js";
import type { OnQuery } from "./prisma-client.js";

export type { DirectQuery } from "./postgres-database.js";

export type DatabaseConfig = (
  { readonly kind: "postgres"; readonly url: string; readonly poolSize: number } | { readonly kind: "embedded"; readonly dir: string }
) & {
  /** Called with each SQL statement the client runs (tests count round trips with it). */
  readonly onQuery?: OnQuery;
};

export interface Database {
  readonly kind: DatabaseConfig["kind"];
  readonly prisma: PrismaClient;
  /** Names of the migrations applied while opening. */
  readonly appliedMigrations: readonly string[];
  /** The real PostgreSQL's pool and address (for LISTEN/NOTIFY); absent for the embedded database. */
  readonly postgres?: { readonly pool: pg.Pool; readonly connectionString: string };
  /** Runs a hot-path statement as a named prepared statement on the real PostgreSQL's pool; absent for the embedded database. */
  readonly direct?: DirectQuery;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") return { kind: "postgres", ...(await openPostgres(config.url, config.poolSize, config.onQuery)) };
  return { kind: "embedded", ...(await openEmbedded(config.dir, config.onQuery)) };
}
