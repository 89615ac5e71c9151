/**
 * A real PostgreSQL (DATABASE_URL): the database created when the server lacks it, migrations
 * applied on a connection of their own, then one pool for Prisma, the hot-path statements and
 * LISTEN/NOTIFY.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Prisma, PrismaClient } from "./generated/prisma/client.js";
import { applyMigrations } from "./migrate.js";
import { createPrismaClient, type OnQuery } from "./prisma-client.js";
import { parseTimestamptz } from "./timestamps.js";

export interface PostgresDatabase {
  readonly prisma: PrismaClient;
  readonly appliedMigrations: readonly string[];
  /** The pool and the address (for LISTEN/NOTIFY). */
  readonly postgres: { readonly pool: pg.Pool; readonly connectionString: string };
  readonly direct: DirectQuery;
  close(): Promise<void>;
}

/**
 * Runs a statement as a named prepared statement, bypassing Prisma: parsed and planned once per
 * connection, and without Prisma's per-query work (on the send path and per webhook event, the
 * larger part of a write's cost; see the benchmarks). `name` must always go with
 * the same statement text. Rows come back as pg parses them, but with Prisma's conventions for
 * what differs: timestamps as UTC instants (a \`timestamp\` without a time zone, as in Prisma's own
 * _prisma_migrations, read as UTC).
 */
export type DirectQuery = (name: string, statement: Prisma.Sql) => Promise<Record<string, unknown>[]>;

const TIMESTAMP_OID = 1114;
const TIMESTAMPTZ_OID = 1184;
/**
 * pg's type parsers, but `timestamp` (without time zone) read as UTC rather than the process's local
 * time, and timestamptz read by position in the form a session in UTC writes (timestamps.ts).
 */
const directTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : oid === TIMESTAMPTZ_OID
        ? parseTimestamptz
        : (pg.types.getTypeParser(oid, format) as (text: string) => unknown)) as typeof pg.types.getTypeParser,
};

/**
 * pg sends a Date as local time with an offset, which a `timestamp` (without time zone) column
 * drops: send instants as UTC text instead, as Prisma does.
 */
const utcValue = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.map(utcValue) : value);

export function directQuery(pool: pg.Pool, onQuery: OnQuery | undefined): DirectQuery {
  return async (name, statement) => {
    onQuery?.(statement.text);
    const result = await pool.query({ name, text: statement.text, values: statement.values.map(utcValue), types: directTypes });
    return result.rows as Record<string, unknown>[];
  };
}

/** `?schema=` is Prisma's syntax, not libpq's: hand it to the adapter instead. */
function splitSchema(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), ...(schema ? { schema } : {}) };
}

/** Creates the database named in the URL when the server does not have it yet. */
async function ensurePostgresDatabase(connectionString: string): Promise<void> {
  const probe = new pg.Client({ connectionString });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
  } finally {
    await probe.end().catch(() => {});
  }
  const target = new URL(connectionString);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42P04") throw error; // created meanwhile by another process
  } finally {
    await admin.end();
  }
}

/** adapter-pg splits scripts on ';', which breaks $$-quoted bodies: send a migration as one query. */
function wholeScriptFactory(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const client = (adapter as unknown as { client: pg.Pool | pg.PoolClient }).client;
      return Object.assign(adapter, {
        executeScript: async (script: string) => {
          await client.query(script);
        },
      });
    },
    connectToShadowDb: () => Promise.reject(new Error("The gateway only applies committed migrations; it needs no shadow database.")),
  };
}

export async function openPostgres(url: string, poolSize: number, onQuery: OnQuery | undefined): Promise<PostgresDatabase> {
  const { connectionString, schema } = splitSchema(url);
  await ensurePostgresDatabase(connectionString);
  // Raw statements name tables unqualified: the search path makes them find the schema Prisma uses.
  // Timestamps are stored without a time zone, in UTC: sessions in UTC make now(), CURRENT_TIMESTAMP
  // defaults and timestamptz values agree with that whatever the server's TimeZone setting.
  const searchPath = schema ? ` -c search_path="${schema.replace(/"/g, '""')}"` : "";
  const poolOptions = { connectionString, options: `-c TimeZone=UTC${searchPath}` };
  const options = schema ? { schema } : undefined;
  // Migrations run on a connection of their own: the schema engine takes a session advisory lock
  // (so concurrent gateways migrate one at a time) and must release it on the same session. On the
  // shared pool the unlock could land on another connection, leaving the lock held for the life of
  // the process and making every other gateway's start-up wait out the engine's 10-second timeout.
  const migrationPool = new pg.Pool({ ...poolOptions, max: 1 });
  migrationPool.on("error", () => {});
  const appliedMigrations = await applyMigrations(wholeScriptFactory(new PrismaPg(migrationPool, options))).finally(() => migrationPool.end());
  const pool = new pg.Pool({ ...poolOptions, max: poolSize });
  // An idle connection that drops (a server restart, a failover, a terminated backend) makes the pool
  // emit "error"; unheard, that would end the process. Prisma listens only while connected (its
  // $disconnect removes its listener before the pool ends), so the pool gets a listener of its own.
  // pg has already discarded the connection and the next query opens another: nothing else to do.
  pool.on("error", () => {});
  const prisma = createPrismaClient(new PrismaPg(pool, options), onQuery);
  return {
    prisma,
    appliedMigrations,
    postgres: { pool, connectionString },
    direct: directQuery(pool, onQuery),
    close: async () => {
      await prisma.$disconnect();
      await endPool(pool);
    },
  };
}

/**
 * Ends a pool and waits until its connections have closed: pool.end() resolves as soon as it has
 * asked them to, and a database dropped (or a server stopped) in between would end them mid-goodbye.
 */
async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed =
    open === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          pool.on("remove", () => {
            if (--open <= 0) resolve();
          });
          // Never hang a shutdown on a connection that does not say goodbye.
          setTimeout(resolve, 2_000).unref();
        });
  await pool.end();
  await closed;
}
