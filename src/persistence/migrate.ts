/**
 * Applies the committed migrations (prisma/migrations) in-process with Prisma's own WebAssembly
 * schema engine, over the same driver adapter the application uses. One code path for the
 * embedded database and a real PostgreSQL; the same `_prisma_migrations` bookkeeping as
 * `prisma migrate deploy`, and no native engine to download.
 */
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

type EngineModule = typeof import("@prisma/schema-engine-wasm");

// Node has WebAssembly; TypeScript's Node lib does not declare it. Only what is used here:
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
};

let engineModule: Promise<EngineModule> | undefined;

/** Loads the engine's wasm once (its package entry would need --experimental-wasm-modules). */
function loadEngine(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    globals.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: () => {} };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(gluePath)) as EngineModule & { __wbg_set_wasm(exports: Record<string, unknown>): void };
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })();
  return engineModule;
}

/** The committed migrations' names (their folders), in the order they apply. */
export async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Reads prisma/migrations the way the Prisma CLI hands it to the engine. */
async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const folders = await migrationNames(dir);
  const migrationDirectories = await Promise.all(
    folders.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockContent = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every committed migration not applied yet; returns the names applied now. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { SchemaEngine } = await loadEngine();
  const engineLog: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: undefined }, (line: string) => engineLog.push(line), bindMigrationAwareSqlAdapterFactory(factory));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(dir),
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Applying the database migrations failed: ${detail}`, { cause: error });
  } finally {
    engine.free();
  }
}
