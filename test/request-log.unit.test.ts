/**
 * Each request's logger (request.log): made only when the request writes a line, and then the
 * child Fastify would have made, with the request's id and the redaction paths.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../src/config/config.js";
import { createApp } from "../src/server/app.js";

describe("request.log", () => {
  const lines: Record<string, unknown>[] = [];
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    app = createApp(loadConfig({ LOG_LEVEL: "info" }), { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    app.get("/quiet", async () => "ok");
    app.get("/talks", async (request) => {
      request.log.warn({ authorization: "Bearer s3cret-token", apiKey: "k-123", detail: "kept" }, "first");
      request.log.info("second %s", "formatted");
      request.log.debug("below the level");
      return { level: request.log.level };
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
  });

  it("is made into pino's child only when a line is written, once per request", async () => {
    const child = vi.spyOn(app.log, "child");
    expect((await fetch(`${url}/quiet`, { headers: { authorization: "Bearer s3cret-token" } })).status).toBe(200);
    expect(child).not.toHaveBeenCalled();
    const response = await fetch(`${url}/talks`);
    expect(await response.json()).toEqual({ level: "info" });
    expect(child).toHaveBeenCalledTimes(1);
    child.mockRestore();
  });

  it("writes the request's id on every line, redacts secrets, formats messages and keeps the level", async () => {
    lines.length = 0;
    await fetch(`${url}/talks`);
    await fetch(`${url}/talks`);
    const written = lines.filter((l) => l.msg === "first" || l.msg === "second formatted");
    expect(written).toHaveLength(4);
    expect(written.map((l) => l.msg)).toEqual(["first", "second formatted", "first", "second formatted"]);
    expect(written.every((l) => typeof l.reqId === "string")).toBe(true);
    expect(written[0]!.reqId).toBe(written[1]!.reqId);
    expect(written[2]!.reqId).not.toBe(written[0]!.reqId);
    expect(written[0]).toMatchObject({ level: 40, authorization: "[redacted]", apiKey: "[redacted]", detail: "kept" });
    expect(JSON.stringify(lines)).not.toMatch(/s3cret|k-123|below the level/);
  });
});
