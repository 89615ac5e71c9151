/**
 * Opens the database: a real PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * PostgreSQL (PGlite) in a local data directory. Both run the same schema, client and migrations.
 */
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient, type Prisma } from "./generated/prisma/client.js";
import { applyMigrations } from "./migrate.js";

export type DatabaseConfig = (
  | { readonly kind: "postgres"; readonly url: string; readonly poolSize: number }
  | { readonly kind: "embedded"; readonly dir: string }
) & {
  /** Called with each SQL statement the client runs (tests count round trips with it). */
  readonly onQuery?: (sql: string) => void;
};

function createClient(adapter: SqlDriverAdapterFactory, onQuery: DatabaseConfig["onQuery"]): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client as unknown as PrismaClient;
}

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
  return config.kind === "postgres" ? openPostgres(config.url, config.poolSize, config.onQuery) : openEmbedded(config.dir, config.onQuery);
}

// ---- real PostgreSQL

/**
 * Runs a statement as a named prepared statement, bypassing Prisma: parsed and planned once per
 * connection, and without Prisma's per-query work (about half of each write's time on the send
 * path, and a fifth of PostgreSQL's CPU per webhook event, measured). `name` must always go with
 * the same statement text. Rows come back as pg parses them, but with Prisma's conventions for
 * what differs: timestamps (stored without a time zone, in UTC) as UTC instants.
 */
export type DirectQuery = (name: string, statement: Prisma.Sql) => Promise<Record<string, unknown>[]>;

const TIMESTAMP_OID = 1114;
/** pg's type parsers, but `timestamp` (without time zone) read as UTC rather than the process's local time. */
const directTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * pg sends a Date as local time with an offset, which a `timestamp` (without time zone) column
 * drops: send instants as UTC text instead, as Prisma does.
 */
const utcValue = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.map(utcValue) : value);

function directQuery(pool: pg.Pool, onQuery: DatabaseConfig["onQuery"]): DirectQuery {
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

async function openPostgres(url: string, poolSize: number, onQuery: DatabaseConfig["onQuery"]): Promise<Database> {
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
  const prisma = createClient(new PrismaPg(pool, options), onQuery);
  return {
    kind: "postgres",
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

// ---- embedded PostgreSQL (PGlite)

/**
 * PGlite is one backend in this process: a second process opening the same directory would
 * corrupt it. A lock file with our pid keeps it to one; a stale lock (dead pid) is taken over.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const pid = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The embedded database at ${dir} is in use by process ${pid}; stop it, or set DATABASE_URL to share a PostgreSQL between gateway processes.`,
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

async function openEmbedded(dir: string, onQuery: DatabaseConfig["onQuery"]): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const absolute = path.resolve(dir);
  await mkdir(path.dirname(absolute), { recursive: true });
  const unlock = await lockDataDir(absolute);
  try {
    const db = await PGlite.create(absolute);
    const factory = new PrismaPGlite(db);
    // pglite-prisma-adapter 0.7.2's executeScript does not await PGlite's exec: wrap it.
    const migrationFactory: SqlMigrationAwareDriverAdapterFactory = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async (): Promise<SqlDriverAdapter> =>
        Object.assign(await factory.connect(), {
          executeScript: async (script: string) => {
            await db.exec(script);
          },
        }),
      connectToShadowDb: () => factory.connectToShadowDb(),
    };
    const appliedMigrations = await applyMigrations(migrationFactory);
    const prisma = createClient(new PrismaPGlite(db), onQuery);
    return {
      kind: "embedded",
      prisma,
      appliedMigrations,
      close: async () => {
        await prisma.$disconnect();
        await db.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
