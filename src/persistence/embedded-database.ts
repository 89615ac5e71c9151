/** The embedded PostgreSQL (PGlite) in a local data directory, one process at a time (lock-file.ts). */
import { mkdir } from "node:fs/promises";
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

export async function openEmbedded(dir: string, onQuery: OnQuery | undefined): Promise<EmbeddedDatabase> {
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
