/** The gateway as `npm start` runs it: a separate process, with only the environment a test gives it. */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export const root = path.resolve(import.meta.dirname, "..", "..");

/** The gateway's own variables a developer's shell may hold, which a process test must not inherit. */
const inherited = (k: string): boolean =>
  !k.startsWith("CONNECTLY_") && !k.startsWith("AUTH_") && !k.startsWith("OTEL_") && !["DATABASE_URL", "PORT", "REDIS_URL", "PUBSUB"].includes(k);

/** Starts `src/main.ts` with the test's environment minus the gateway's own variables, plus `env` (and node's `flags`). */
export function startProcess(env: Record<string, string>, flags: readonly string[] = []): ChildProcessWithoutNullStreams {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => inherited(k))) as Record<string, string>;
  // node with tsx's loader, not the tsx CLI: the CLI is a second process that relays signals and
  // SIGKILLs the gateway (exit 143) when it does not acknowledge one within 30 ms, as a loaded CI
  // machine sometimes does not; signals must reach the gateway's own graceful shutdown.
  return spawn(process.execPath, [...flags, "--import", "tsx", "src/main.ts"], { cwd: root, env: { ...clean, LOG_LEVEL: "info", ...env } });
}

/** Resolves with the GraphQL URL the process logs when it is ready; rejects if it exits first. */
export function ready(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const seen: string[] = [];
    lines.on("line", (line) => {
      seen.push(line);
      const match = /GraphQL ready at (http:\/\/\S+\/graphql)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (code) => reject(new Error(`exited with ${code} before ready:\n${seen.join("\n")}\n${stderr}`)));
  });
}
