/** The embedded PostgreSQL (PGlite) in a local data directory, one process at a time (lock-file.ts). */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { access, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { PrismaClient } from "./generated/prisma/client.js";
import { lockDataDir } from "./lock-file.js";
import { applyMigrations } from "./migrate.js";
import { createPrismaClient, type OnQuery } from "./prisma-client.js";

export interface EmbeddedDatabase {
  readonly prisma: PrismaClient;
  readonly appliedMigrations: readonly string[];
  close(): Promise<void>;
}

/**
 * Settings PGlite starts PostgreSQL with, beyond its defaults. Its WebAssembly memory only grows,
 * and PostgreSQL's shared buffers (128MB by default) are part of it; the data files stay in the
 * operating system's page cache whatever this is, so a small pool costs little for this database.
 */
const START_SETTINGS = ["shared_buffers=16MB"];

/**
 * Creates the data directory (initdb) in a child process when it has none. PGlite runs initdb in
 * an instance of its own whose WebAssembly memory lingers until a major collection happens to
 * free it; in a child it is gone when the child exits, and this process only ever opens an
 * existing directory.
 */
async function initDataDir(dir: string): Promise<void> {
  const exists = await access(path.join(dir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
  if (exists) return;
  const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const script = `require(${JSON.stringify(pglite)}).PGlite.create(process.argv[1]).then((db) => db.close())`;
  const child = spawn(process.execPath, ["-e", script, dir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`Creating the embedded database at ${dir} failed (initdb exited with ${signal ?? code}): ${stderr.trim()}`);
}

export async function openEmbedded(dir: string, onQuery: OnQuery | undefined): Promise<EmbeddedDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const absolute = path.resolve(dir);
  await mkdir(path.dirname(absolute), { recursive: true });
  const unlock = await lockDataDir(absolute);
  try {
    await initDataDir(absolute);
    const db = await PGlite.create(absolute, { startParams: [...PGlite.defaultStartParams, ...START_SETTINGS.flatMap((s) => ["-c", s])] });
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
    const prisma = createPrismaClient(new PrismaPGlite(db), onQuery);
    return {
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
