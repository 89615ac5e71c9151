/**
 * Shared pieces of the benchmarks: start the sandbox and gateway processes as a user would
 * (`npm run sandbox`, `npm start`), drive load over HTTP with undici, and summarise latencies.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { Pool } from "undici";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface Proc {
  readonly child: ChildProcess;
  readonly url: string;
  stop(): Promise<void>;
  /** Resident memory of the process in MB, from /proc. */
  rssMb(): Promise<number>;
}

/** Starts `src/<entry>` with tsx and waits for the line that `ready` matches (its first group is the URL). */
export async function startProcess(entry: string, env: Record<string, string>, ready: RegExp): Promise<Proc> {
  // node --import tsx (not the tsx CLI, which adds a parent process): signals and memory are the gateway's own.
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", entry], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const lines = createInterface({ input: child.stdout! });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    lines.on("line", (line) => {
      const m = ready.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`${entry} exited with ${code}: ${stderr}`)));
  });
  return {
    child,
    url,
    async stop() {
      if (child.exitCode != null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
    async rssMb() {
      const { readFile } = await import("node:fs/promises");
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
  };
}

export function startSandbox(port: number, ratePerSecond: number, apiKey: string): Promise<Proc> {
  return startProcess(
    "src/sandbox/main.ts",
    { SANDBOX_PORT: String(port), SANDBOX_RATE_LIMIT: String(ratePerSecond), SANDBOX_API_KEY: apiKey },
    /listening at (http:\/\/\S+),/,
  );
}

export function startGatewayProcess(env: Record<string, string>): Promise<Proc> {
  return startProcess("src/main.ts", { LOG_LEVEL: "info", PORT: "0", ...env }, /GraphQL ready at (http:\/\/\S+)\/graphql/);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

export interface GraphQLClient {
  post(body: string): Promise<{ status: number; json: unknown }>;
  close(): Promise<void>;
}

export function graphqlClient(baseUrl: string, connections: number): GraphQLClient {
  const pool = new Pool(baseUrl, { connections, pipelining: 1 });
  return {
    async post(body) {
      const res = await pool.request({ method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body });
      return { status: res.statusCode, json: await res.body.json() };
    },
    close: () => pool.close(),
  };
}
