/**
 * /readyz's checks against databases that misbehave for real: a server that accepts connections and
 * never answers (bounded by the timeout, told apart from other failures by type), and an address
 * where nothing listens.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/persistence/generated/prisma/client.js";
import { directQuery } from "../src/persistence/postgres-database.js";
import { createReadiness, type ReadinessDeps } from "../src/server/health.js";

const poolAt = (port: number) => new pg.Pool({ connectionString: `postgresql://probe@127.0.0.1:${port}/probe` });
const clientAt = (port: number) => new PrismaClient({ adapter: new PrismaPg(poolAt(port)) });

/** The database side of the probe, as on the embedded database (Prisma) or on a real PostgreSQL (pg, as the reads run). */
const PATHS: readonly [string, (port: number) => Pick<ReadinessDeps, "prisma" | "direct">][] = [
  ["through Prisma", (port) => ({ prisma: clientAt(port) })],
  ["through pg directly", (port) => ({ prisma: clientAt(port), direct: directQuery(poolAt(port), undefined) })],
];

describe("readiness", () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let silentPort: number;
  let closedPort: number;
  beforeAll(async () => {
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentPort = (silent.address() as { port: number }).port;
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it.each(PATHS)("a database that never answers fails the probe within its bound, as a timeout (%s)", async (_path, depsAt) => {
    const { ready, checks } = await createReadiness({ ...depsAt(silentPort), shuttingDown: () => false, timeoutMs: 200 }, ["m1"])();
    expect(ready).toBe(false);
    expect(checks.database).toEqual({ ok: false, detail: "no answer within 200 ms" });
    expect(checks.migrations).toEqual({ ok: false, detail: "unknown (database unreachable)" });
    expect(checks.lifecycle).toEqual({ ok: true, detail: "serving" });
  });

  it.each(PATHS)("a database that refuses the connection is unreachable, whatever its error says (%s)", async (_path, depsAt) => {
    const { ready, checks } = await createReadiness({ ...depsAt(closedPort), shuttingDown: () => true, timeoutMs: 5_000 }, ["m1"])();
    expect(ready).toBe(false);
    expect(checks.database).toEqual({ ok: false, detail: "unreachable" });
    expect(checks.lifecycle).toEqual({ ok: false, detail: "shutting down" });
    expect(Object.keys(checks).sort()).toEqual(["database", "lifecycle", "migrations"]);
  });
});
