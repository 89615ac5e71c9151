/**
 * /healthz answers while the process runs; /readyz says whether it should get traffic: the
 * database answers, every committed migration is applied, an upstream is configured, and the
 * process is not shutting down. Each check is bounded so a hung database fails the probe instead
 * of hanging it.
 */
import type { PrismaClient } from "../persistence/generated/prisma/client.js";

export type CheckResult = { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly detail: string };

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<"database" | "migrations" | "upstream" | "lifecycle", CheckResult>>;
}

export interface ReadinessDeps {
  readonly prisma: PrismaClient;
  readonly upstream: { readonly mode: "sandbox" | "live"; readonly baseUrl: string };
  readonly shuttingDown: () => boolean;
  readonly timeoutMs?: number;
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });

export function createReadiness(deps: ReadinessDeps, committed: readonly string[]): () => Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? 2_000;
  return async () => {
    let database: CheckResult;
    let migrations: CheckResult;
    try {
      const rows = await withTimeout(
        deps.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        ),
        timeoutMs,
        "the database",
      );
      database = { ok: true, detail: "reachable" };
      const applied = new Set(rows.map((r) => r.migration_name));
      const missing = committed.filter((name) => !applied.has(name));
      migrations = missing.length === 0 ? { ok: true, detail: `${committed.length} applied` } : { ok: false, detail: `not applied: ${missing.join(", ")}` };
    } catch (error) {
      // Only what kind of failure: the driver's message may name hosts or users.
      const timedOut = error instanceof Error && error.message.includes("did not answer");
      database = { ok: false, detail: timedOut ? `no answer within ${timeoutMs} ms` : "unreachable" };
      migrations = { ok: false, detail: "unknown (database unreachable)" };
    }
    const upstream: CheckResult = deps.upstream.mode === "sandbox" ? { ok: true, detail: "built-in sandbox" } : { ok: true, detail: `Connectly at ${new URL(deps.upstream.baseUrl).host}` };
    const lifecycle: CheckResult = deps.shuttingDown() ? { ok: false, detail: "shutting down" } : { ok: true, detail: "serving" };
    const checks = { database, migrations, upstream, lifecycle };
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  };
}
