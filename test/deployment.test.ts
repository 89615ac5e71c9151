/**
 * The deployment files: `docker compose config` (or docker-compose's) validates docker-compose.yml,
 * which must bring up two gateway replicas behind the proxy on one port, on Redis and PostgreSQL,
 * with migrations applied once before them, and refuse to start without AUTH_JWT_SECRET. Skipped
 * where neither compose is installed (it is a Docker client plugin, not part of this project).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "./support/process.js";

function compose(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } | null {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AUTH_") && !k.startsWith("CONNECTLY_"))) as Record<
    string,
    string
  >;
  for (const [command, prefix] of [
    ["docker", ["compose"]],
    ["docker-compose", []],
  ] as const) {
    const probe = spawnSync(command, [...prefix, "version"], { encoding: "utf8" });
    if (probe.status !== 0) continue;
    const result = spawnSync(command, [...prefix, ...args], { cwd: root, env: { ...clean, ...env }, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  return null;
}

const available = compose(["version"], {}) !== null;

describe.runIf(available)("docker-compose.yml", () => {
  it("validates, with two replicas on Redis and PostgreSQL behind one port, migrations first", () => {
    const result = compose(["config"], { AUTH_JWT_SECRET: "a-secret-of-at-least-32-characters!!" })!;
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const config = result.stdout;
    for (const service of ["postgres:", "redis:", "migrate:", "gateway-1:", "gateway-2:", "proxy:"]) expect(config).toContain(`  ${service}`);
    expect(config.match(/REDIS_URL: redis:\/\/redis:6379/g)).toHaveLength(2);
    expect(config.match(/condition: service_completed_successfully/g)).toHaveLength(2);
    expect(config).toMatch(/published: "?4000"?|4000:4000/);
  });

  it("refuses to start the gateways without AUTH_JWT_SECRET", () => {
    const result = compose(["config"], {})!;
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/AUTH_JWT_SECRET/);
  });
});
