/**
 * /readyz says whether the process should get traffic: the database answers, every committed
 * migration is applied, and the process is not shutting down. The database check is bounded so a
 * hung database fails the probe instead of hanging it.
 */
import type { DirectQuery } from "../persistence/database.js";
import { Prisma, type PrismaClient } from "../persistence/generated/prisma/client.js";

export type CheckResult = { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly detail: string };

export interface Readiness {
  readonly ready: boolean;
  // No check of Connectly: it is shared by every replica, so its outage would take them all out of service at once.
  readonly checks: Readonly<Record<"database" | "migrations" | "lifecycle", CheckResult>>;
}

export interface ReadinessDeps {
  readonly prisma: PrismaClient;
  /** On a real PostgreSQL: the check runs on pg, as the reads do, so a probe does not load Prisma's query compiler. */
  readonly direct?: DirectQuery | undefined;
  readonly shuttingDown: () => boolean;
  readonly timeoutMs?: number;
}

/** The check's bound passed before the database answered. */
class CheckTimeout extends Error {
  override readonly name = "CheckTimeout";
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });

const APPLIED_MIGRATIONS = Prisma.sql`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

async function checkDatabase(
  { prisma, direct }: Pick<ReadinessDeps, "prisma" | "direct">,
  committed: readonly string[],
  timeoutMs: number,
): Promise<{ database: CheckResult; migrations: CheckResult }> {
  try {
    const query = direct
      ? (direct("readiness-migrations", APPLIED_MIGRATIONS) as Promise<{ migration_name: string }[]>)
      : prisma.$queryRaw<{ migration_name: string }[]>(APPLIED_MIGRATIONS);
    const rows = await withTimeout(query, timeoutMs);
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = committed.filter((name) => !applied.has(name));
    return {
      database: { ok: true, detail: "reachable" },
      migrations: missing.length === 0 ? { ok: true, detail: `${committed.length} applied` } : { ok: false, detail: `not applied: ${missing.join(", ")}` },
    };
  } catch (error) {
    // Only what kind of failure: the driver's message may name hosts or users.
    const detail = error instanceof CheckTimeout ? `no answer within ${timeoutMs} ms` : "unreachable";
    return { database: { ok: false, detail }, migrations: { ok: false, detail: "unknown (database unreachable)" } };
  }
}

export function createReadiness(deps: ReadinessDeps, committed: readonly string[]): () => Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? 2_000;
  return async () => {
    const { database, migrations } = await checkDatabase(deps, committed, timeoutMs);
    const lifecycle: CheckResult = deps.shuttingDown() ? { ok: false, detail: "shutting down" } : { ok: true, detail: "serving" };
    const checks = { database, migrations, lifecycle };
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  };
}
