/** SQL pieces the stores' written-out statements share. */
import { Prisma } from "./generated/prisma/client.js";

/**
 * An array parameter the planner cannot see into, as a scalar subquery. PostgreSQL plans a prepared
 * statement for each execution while a plan for the values at hand is estimated cheaper than its
 * generic plan (which assumes some ten elements); a statement that reads its arrays through these
 * keeps one generic plan instead of being planned again for every batch.
 */
export const hiddenArray = (values: readonly unknown[], type: "text[]" | "timestamptz[]" = "text[]"): Prisma.Sql =>
  Prisma.sql`(SELECT CAST(${[...values]} AS ${Prisma.raw(type)}))`;
