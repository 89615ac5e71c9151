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
import { createReadiness } from "../src/server/health.js";

const clientAt = (port: number) => new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: `postgresql://probe@127.0.0.1:${port}/probe` })) });

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

  it("a database that never answers fails the probe within its bound, as a timeout", async () => {
    const prisma = clientAt(silentPort);
    const started = Date.now();
    const { ready, checks } = await createReadiness({ prisma, shuttingDown: () => false, timeoutMs: 200 }, ["m1"])();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(ready).toBe(false);
    expect(checks.database).toEqual({ ok: false, detail: "no answer within 200 ms" });
    expect(checks.migrations).toEqual({ ok: false, detail: "unknown (database unreachable)" });
    expect(checks.lifecycle).toEqual({ ok: true, detail: "serving" });
  });

  it("a database that refuses the connection is unreachable, whatever its error says", async () => {
    const prisma = clientAt(closedPort);
    const { ready, checks } = await createReadiness({ prisma, shuttingDown: () => true, timeoutMs: 5_000 }, ["m1"])();
    expect(ready).toBe(false);
    expect(checks.database).toEqual({ ok: false, detail: "unreachable" });
    expect(checks.lifecycle).toEqual({ ok: false, detail: "shutting down" });
    expect(Object.keys(checks).sort()).toEqual(["database", "lifecycle", "migrations"]);
  });
});
