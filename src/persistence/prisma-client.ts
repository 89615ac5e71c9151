/** The Prisma client over a driver adapter, with the statement hook tests count round trips with. */
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client.js";

/** Called with each SQL statement the client runs. */
export type OnQuery = (sql: string) => void;

export function createPrismaClient(adapter: SqlDriverAdapterFactory, onQuery: OnQuery | undefined): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}
