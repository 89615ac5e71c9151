/**
 * The cached template catalogs, one row per business: the copy every gateway process reads. A
 * fetched copy replaces the stored one unless that one was fetched later, so two processes that
 * fetch at once cannot roll the catalog back to the older answer (in the same millisecond, the
 * last write wins).
 */
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";
import type { CatalogTemplate } from "../domain/templates.js";

/** A business's catalog as stored: its templates and when they were fetched from Connectly. */
export interface StoredCatalog {
  readonly businessId: string;
  readonly templates: readonly CatalogTemplate[];
  readonly fetchedAt: Date;
}

export interface TemplateCatalogStore {
  /** The business's stored catalog, or null when none was ever fetched. */
  read(businessId: string): Promise<StoredCatalog | null>;
  /** Stores a fetched copy unless one fetched later is stored already; returns the copy stored now. */
  write(catalog: StoredCatalog): Promise<StoredCatalog>;
}

export function createTemplateCatalogStore(prisma: PrismaClient): TemplateCatalogStore {
  const read = async (businessId: string): Promise<StoredCatalog | null> => {
    const row = await prisma.templateCatalog.findUnique({ where: { businessId } });
    // Written only by write() below, from connectly/templates.ts's parser: it has that shape.
    return row && { businessId: row.businessId, templates: row.templates as unknown as CatalogTemplate[], fetchedAt: row.fetchedAt };
  };
  return {
    read,
    async write(catalog) {
      const written = await prisma.$queryRaw<{ one: number }[]>(Prisma.sql`
        INSERT INTO "TemplateCatalog" ("businessId", "templates", "fetchedAt")
        VALUES (${catalog.businessId}, CAST(${JSON.stringify(catalog.templates)} AS jsonb), ${catalog.fetchedAt})
        ON CONFLICT ("businessId") DO UPDATE SET "templates" = EXCLUDED."templates", "fetchedAt" = EXCLUDED."fetchedAt"
          WHERE "TemplateCatalog"."fetchedAt" <= EXCLUDED."fetchedAt"
        RETURNING 1 AS "one"`);
      if (written.length === 1) return catalog;
      return (await read(catalog.businessId)) ?? catalog;
    },
  };
}
