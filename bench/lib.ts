/**
 * Shared pieces of the benchmarks: start the sandbox and gateway processes as they run in
 * production (the build in dist/, `npm run build` then `npm run start:prod`), drive load over HTTP
 * with undici, and summarise latencies. BENCH_RUNTIME=tsx runs the sources through tsx instead
 * (`npm start`): about 90 MB more resident memory per process, and tsx's helpers in the profiles.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { Pool } from "undici";
import { mintToken } from "../src/auth/mint.js";
import { loadAuthConfig } from "../src/config/config.js";

export const ROOT = path.resolve(import.meta.dirname, "..");

const RUNTIME = process.env.BENCH_RUNTIME === "tsx" ? "tsx" : "dist";
let built: Promise<void> | undefined;

/** Builds dist/ once per benchmark run (the build is what production runs). */
function ensureBuilt(): Promise<void> {
  built ??= (async () => {
    process.stderr.write("(building dist/ with tsconfig.build.json; the benchmark runs the production build)\n");
    const tsc = spawn(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
    const [code] = (await once(tsc, "exit")) as [number | null];
    if (code !== 0) throw new Error(`the build failed (tsc exited with ${code})`);
  })();
  return built;
}

/** How a script of package.json runs node: the environment it sets and node's flags before the entry. */
export interface NodeCommand {
  readonly env: Readonly<Record<string, string>>;
  readonly flags: readonly string[];
}

/** Parses `[NAME=value ...] node [flags ...] <entry>`, the form of `npm start` and `npm run start:prod`. */
function scriptCommand(name: string): NodeCommand {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const words = (scripts[name] ?? "").trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; /^[A-Z_][A-Z0-9_]*=/.test(words[i] ?? ""); i++) {
    const [key, ...value] = words[i]!.split("=");
    env[key!] = value.join("=");
  }
  if (words[i] !== "node") throw new Error(`package.json's ${name} script is not of the form [NAME=value ...] node [flags ...] <entry>`);
  return { env, flags: words.slice(i + 1, -1) };
}

let commandOverride: NodeCommand | undefined;

/**
 * The environment and node flags the benches run processes with: those of `npm run start:prod`
 * (or `npm start` with BENCH_RUNTIME=tsx), so a bench measures what production runs.
 */
export function startCommand(): NodeCommand {
  return commandOverride ?? scriptCommand(RUNTIME === "tsx" ? "start" : "start:prod");
}

/** Runs the processes started from now on with `command` instead (bench:footprint's experiments); undefined restores it. */
export function overrideStartCommand(command: NodeCommand | undefined): void {
  commandOverride = command;
}

/** Node arguments that run `src/<entry>.ts`: its build in dist/, or the source through tsx, with startCommand()'s flags. */
export async function entryArgs(entry: string): Promise<string[]> {
  const { flags } = startCommand();
  if (RUNTIME === "tsx") return [...flags, entry];
  await ensureBuilt();
  return [...flags, entry.replace(/^src\//, "dist/").replace(/\.ts$/, ".js")];
}

export interface Proc {
  readonly child: ChildProcess;
  readonly url: string;
  stop(): Promise<void>;
  /** Resident memory of the process in MB, from /proc. */
  rssMb(): Promise<number>;
}

/** Starts `src/<entry>` (see entryArgs) and waits for the line that `ready` matches (its first group is the URL). */
export async function startProcess(entry: string, env: Record<string, string>, ready: RegExp): Promise<Proc> {
  // node itself (not the tsx CLI, which adds a parent process): signals and memory are the gateway's own.
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []), ...(await entryArgs(entry))], {
    cwd: ROOT,
    env: { ...process.env, ...startCommand().env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
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

export function startSandboxProcess(port: number, ratePerSecond: number, apiKey: string): Promise<Proc> {
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

/** A token secret for benches that run the gateway with an API key (which needs auth configured). */
export const BENCH_AUTH_SECRET = "bench-only-token-secret-of-32-characters";
/** A token for every business, read from the same variable the gateway reads (so its claims match the gateway's). */
export const benchToken = (): Promise<string> =>
  mintToken(
    { ...loadAuthConfig({ AUTH_JWT_SECRET: BENCH_AUTH_SECRET })!, secret: BENCH_AUTH_SECRET },
    { businessIds: ["*"], scopes: ["send", "read"], ttl: "2h", subject: "bench" },
  );

export function graphqlClient(baseUrl: string, connections: number, bearer?: string): GraphQLClient {
  const pool = new Pool(baseUrl, { connections, pipelining: 1 });
  const headers = { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
  return {
    async post(body) {
      const res = await pool.request({ method: "POST", path: "/graphql", headers, body });
      return { status: res.statusCode, json: await res.body.json() };
    },
    close: () => pool.close(),
  };
}

// ---- helpers of bench:ingest and bench:fanout

/** A TCP port free at the time of asking (the gateway's ready line is an info log, absent at LOG_LEVEL=warn). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

export interface GatewayProc extends Proc {
  /** performance.now() of the bench process when the gateway was spawned (to line up a CPU profile). */
  readonly spawnedAt: number;
  /** Lines of the gateway's output seen so far (forwarded to the bench's stderr, the first few only). */
  readonly outputLines: () => number;
}

/**
 * Starts the gateway (see entryArgs) on a free port, as production (NODE_ENV) with any LOG_LEVEL, and waits until GET /healthz answers 200.
 * Node flags: BENCH_NODE_FLAGS (as startProcess), plus `nodeFlags` (e.g. --cpu-prof for the gateway only).
 */
export async function startQuietGateway(env: Record<string, string>, nodeFlags: readonly string[] = [], forwardLines = 40): Promise<GatewayProc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const flags = [...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []), ...nodeFlags];
  const args = await entryArgs("src/main.ts");
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...flags, ...args], {
    cwd: ROOT,
    // As deployed (the Dockerfile and docker-compose.yml set it): graphql-js skips its development checks.
    env: { ...process.env, ...startCommand().env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let lines = 0;
  const forward = (line: string) => {
    lines++;
    if (lines <= forwardLines) process.stderr.write(`[gateway] ${line.slice(0, 600)}\n`);
    else if (lines === forwardLines + 1) process.stderr.write(`[gateway] (further output not shown)\n`);
  };
  createInterface({ input: child.stdout }).on("line", forward);
  createInterface({ input: child.stderr }).on("line", forward);
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the gateway exited with ${exited} before it was ready`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the gateway was not ready within 60 s");
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    spawnedAt,
    outputLines: () => lines,
    async stop() {
      if (child.exitCode != null || child.signalCode != null) return;
      const gone = once(child, "exit");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await gone;
      clearTimeout(timer);
    },
    rssMb: () => rssMbOf(child.pid!),
  };
}

/** VmRSS of a process in MB, from /proc/<pid>/status. */
export async function rssMbOf(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Machine-wide CPU counters (busy and total jiffies), from /proc/stat; the difference of two readings gives the busy share. */
export async function machineCpu(): Promise<{ busy: number; total: number }> {
  const { readFile } = await import("node:fs/promises");
  const line = (await readFile("/proc/stat", "utf8")).split("\n")[0]!;
  const n = line.trim().split(/\s+/).slice(1).map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return { busy: total - idle, total };
}

/** A PostgreSQL URL for database `name` beside `baseUrl` (same server and user). */
export function databaseUrlFor(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database (connections and all) through `baseUrl`'s server. */
export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Runs `fn` on a fresh database `name` beside `baseUrl` (dropped before and after). */
export async function withFreshDatabase<T>(baseUrl: string, name: string, fn: (url: string) => Promise<T>): Promise<T> {
  await dropDatabase(baseUrl, name);
  try {
    return await fn(databaseUrlFor(baseUrl, name));
  } finally {
    await dropDatabase(baseUrl, name);
  }
}

/** A sending gateway's environment: its database, the sandbox as Connectly with `apiKey`, auth on. */
export const sendingGatewayEnv = (dbUrl: string, sandbox: Proc, apiKey: string): Record<string, string> => ({
  DATABASE_URL: dbUrl,
  DATABASE_POOL_SIZE: "20",
  CONNECTLY_API_KEY: apiKey,
  CONNECTLY_BASE_URL: sandbox.url,
  AUTH_JWT_SECRET: BENCH_AUTH_SECRET,
});

export interface SeedMessage {
  readonly id: string;
  readonly businessId: string;
  readonly messageId: string;
  readonly connectlyId: string;
  readonly recipientId: string;
}

/** Inserts ACCEPTED messages with known Connectly ids straight into the Message table (thousands per statement). */
export async function seedAcceptedMessages(dbUrl: string, messages: readonly SeedMessage[]): Promise<void> {
  const { default: pg } = await import("pg");
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    for (let i = 0; i < messages.length; i += 5000) {
      const chunk = messages.slice(i, i + 5000);
      await db.query(
        `INSERT INTO "Message" ("id", "businessId", "messageId", "connectlyId", "status", "recipientId", "contentType", "content", "requestBody", "attempts", "upstreamStatus", "updatedAt")
         SELECT m.id, m.bid, m.mid, m.cid, 'ACCEPTED', m.rid, 'TEXT', jsonb_build_object('text', 'bench ' || m.mid), '{}'::jsonb, 1, 200, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS m(id, bid, mid, cid, rid)`,
        [
          chunk.map((m) => m.id),
          chunk.map((m) => m.businessId),
          chunk.map((m) => m.messageId),
          chunk.map((m) => m.connectlyId),
          chunk.map((m) => m.recipientId),
        ],
      );
    }
    // A live database has statistics; without them PostgreSQL would plan the first minute of the
    // run (until autovacuum analyzes the table) as if the freshly seeded table were tiny.
    await db.query(`ANALYZE "Message"`);
  } finally {
    await db.end();
  }
}

/** A delivery_status event body as Connectly posts it. */
export function statusEventBody(e: {
  connectlyId: string;
  status: "sent" | "delivered" | "read" | "delivery_failed";
  timestamp: number;
  recipientId: string;
  /** statusUpdate.error as posted (Connectly documents message, type, code, userTitle, userMessage, cntTraceId, details). */
  error?: Record<string, unknown> | null;
}): string {
  return JSON.stringify({
    topic: "delivery_status",
    timestamp: String(e.timestamp),
    sender: { id: "+16044441111", channelType: "whatsapp" },
    recipient: { id: e.recipientId, channelType: "whatsapp" },
    statusUpdate: { id: e.connectlyId, status: e.status, error: e.error ?? null },
  });
}

/** A deterministic random generator (mulberry32), for reproducible shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * The top self-time functions of a V8 .cpuprofile (as written by node --cpu-prof), and self time per
 * package (node_modules/<name>, node: internals, the project's own files), skipping the first `skipMs`
 * of samples (start-up: tsx compiling, migrations) and counting at most `windowMs` after that.
 */
export async function summariseCpuProfile(file: string, options: { skipMs?: number; windowMs?: number; top?: number } = {}): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const profile = JSON.parse(await readFile(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const skipUs = (options.skipMs ?? 0) * 1000;
  const endUs = options.windowMs != null ? skipUs + options.windowMs * 1000 : Infinity;
  const self = new Map<number, number>();
  let t = 0;
  let counted = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < skipUs || t > endUs) continue;
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + delta);
    counted += delta;
  }
  const where = (url: string): string => {
    if (url === "") return "(native/vm)";
    if (url.startsWith("node:")) return "node: internals";
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1]!;
    const src = /\/(src\/.*)$/.exec(url);
    return src ? src[1]! : url;
  };
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || "(anonymous)"} ${url ? `${where(url)}${url.startsWith("node:") ? `:${url.slice(5)}` : ""}:${lineNumber + 1}` : ""}`.trim();
    fns.set(name, (fns.get(name) ?? 0) + us);
    const pkg = functionName.startsWith("(") && url === "" ? functionName : where(url);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + us);
  }
  const top = options.top ?? 20;
  const pct = (us: number) => `${((100 * us) / Math.max(1, counted)).toFixed(1).padStart(5)}%`;
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const out = [
    `profile window: ${(counted / 1e6).toFixed(2)} s of samples (after skipping ${((options.skipMs ?? 0) / 1000).toFixed(1)} s of start-up)`,
    "top self time by function:",
  ];
  for (const [name, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`  ${ms(us)} ${pct(us)}  ${name}`);
  out.push("self time by package:");
  for (const [name, us] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 15)) out.push(`  ${ms(us)} ${pct(us)}  ${name}`);
  return out.join("\n");
}

/** Flags that make the gateway write a CPU profile into `dir` when it exits (BENCH_CPU_PROF=<dir>). */
export function cpuProfileFlags(dir: string | undefined): string[] {
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

/** The newest .cpuprofile in `dir` written after `since` (ms since the epoch), if any. */
export async function newestCpuProfile(dir: string, since: number): Promise<string | undefined> {
  const { readdir, stat } = await import("node:fs/promises");
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".cpuprofile"));
  let best: { file: string; mtime: number } | undefined;
  for (const f of files) {
    const file = path.join(dir, f);
    const { mtimeMs } = await stat(file);
    if (mtimeMs >= since && (!best || mtimeMs > best.mtime)) best = { file, mtime: mtimeMs };
  }
  return best?.file;
}

/**
 * CPU seconds used so far by each PostgreSQL backend connected to database `name` (by pid, from
 * /proc; only when the server runs on this machine). Take two readings around a phase and subtract.
 */
export async function backendCpuSeconds(adminUrl: string, name: string): Promise<Map<number, number>> {
  const { default: pg } = await import("pg");
  const db = new pg.Client({ connectionString: adminUrl });
  await db.connect();
  let pids: number[];
  try {
    pids = (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name])).rows.map((r) => r.pid);
  } finally {
    await db.end();
  }
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    const s = await cpuSecondsOf(pid).catch(() => undefined);
    if (s !== undefined) cpu.set(pid, s);
  }
  return cpu;
}

/** CPU seconds the backends spent between two readings of backendCpuSeconds (new backends count from 0). */
export function backendCpuDelta(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0);
  return total;
}

export interface DatabaseCounters {
  readonly commits: number;
  readonly rollbacks: number;
  readonly deadlocks: number;
  readonly inserted: number;
  readonly updated: number;
  readonly messageUpdates: number;
  readonly messageHotUpdates: number;
}

/**
 * Cumulative statistics of database `name` (pg_stat_database, and pg_stat_user_tables for "Message").
 * Backends publish theirs when they end (or within seconds when idle): read after the gateway stopped.
 */
export async function databaseCounters(adminUrl: string, name: string): Promise<DatabaseCounters> {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const d = (
      await admin.query<{ c: string; r: string; d: string; i: string; u: string }>(
        `SELECT xact_commit AS c, xact_rollback AS r, deadlocks AS d, tup_inserted AS i, tup_updated AS u FROM pg_stat_database WHERE datname = $1`,
        [name],
      )
    ).rows[0];
    let messageUpdates = 0;
    let messageHotUpdates = 0;
    const db = new pg.Client({ connectionString: databaseUrlFor(adminUrl, name) });
    try {
      await db.connect();
      const t = (await db.query<{ u: string; h: string }>(`SELECT n_tup_upd AS u, n_tup_hot_upd AS h FROM pg_stat_user_tables WHERE relname = 'Message'`))
        .rows[0];
      messageUpdates = Number(t?.u ?? 0);
      messageHotUpdates = Number(t?.h ?? 0);
    } catch {
      // the database does not exist yet
    } finally {
      await db.end().catch(() => {});
    }
    return {
      commits: Number(d?.c ?? 0),
      rollbacks: Number(d?.r ?? 0),
      deadlocks: Number(d?.d ?? 0),
      inserted: Number(d?.i ?? 0),
      updated: Number(d?.u ?? 0),
      messageUpdates,
      messageHotUpdates,
    };
  } finally {
    await admin.end();
  }
}

// ---- the run of bench:ingest and bench:fanout: a fresh database, the gateway's CPU, its profile, signed webhooks

/** The PostgreSQL server the benches create their fresh databases on (BENCH_DATABASE_URL). */
export const BENCH_BASE_DB = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchRun {
  /** A random id of this run, for names that must not collide with an earlier run's. */
  readonly run: string;
  readonly dbName: string;
  readonly dbUrl: string;
  /** What went wrong in the measured behaviour (the bench exits 1 when any). */
  readonly problems: string[];
  /** Registers clean-up to do before the database is dropped, whether the bench finished or threw (run last first). */
  onCleanup(fn: () => Promise<void>): void;
}

/**
 * Runs a bench on a fresh database `<prefix>_<run>` beside BENCH_BASE_DB, which the gateway creates
 * and this drops at the end; prints FAILED with the problems or OK with `okLine`, and sets the exit code.
 */
export async function runBench(prefix: string, okLine: string, body: (bench: BenchRun) => Promise<void>): Promise<void> {
  const { randomBytes } = await import("node:crypto");
  const run = randomBytes(4).toString("hex");
  const dbName = `${prefix}_${run}`;
  const cleanups: (() => Promise<void>)[] = [];
  const bench: BenchRun = { run, dbName, dbUrl: databaseUrlFor(BENCH_BASE_DB, dbName), problems: [], onCleanup: (fn) => void cleanups.unshift(fn) };
  let failed = false;
  try {
    await body(bench);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    for (const fn of cleanups) await fn();
    await dropDatabase(BENCH_BASE_DB, dbName).catch((error: unknown) => console.error(`could not drop ${dbName}:`, error));
  }
  if (bench.problems.length > 0) console.log(`\nFAILED: ${bench.problems.join("; ")}`);
  else if (!failed) console.log(`\nOK: ${okLine}`);
  process.exitCode = failed || bench.problems.length > 0 ? 1 : 0;
}

/** CPU seconds (user + system) spent in a measured phase, and the machine's busy share of it. */
export interface PhaseCpu {
  readonly gateway: number;
  /** The PostgreSQL backends of the bench's database. */
  readonly postgres: number;
  /** This process (the load generator). */
  readonly bench: number;
  /** Busy share of every core of the machine (0..1). */
  readonly machineBusy: number;
}

/** Takes the CPU readings at the start of a phase; call the answer at its end for what the phase used. */
export async function startCpuReading(gatewayPid: number, adminUrl: string, dbName: string): Promise<() => Promise<PhaseCpu>> {
  const gatewayBefore = await cpuSecondsOf(gatewayPid);
  const pgBefore = await backendCpuSeconds(adminUrl, dbName);
  const machineBefore = await machineCpu();
  const benchBefore = process.cpuUsage();
  return async () => {
    const bench = process.cpuUsage(benchBefore);
    const machineAfter = await machineCpu();
    const gateway = (await cpuSecondsOf(gatewayPid)) - gatewayBefore;
    const postgres = backendCpuDelta(pgBefore, await backendCpuSeconds(adminUrl, dbName));
    const machineBusy = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
    return { gateway, postgres, bench: (bench.user + bench.system) / 1e6, machineBusy };
  };
}

/**
 * With BENCH_CPU_PROF=<dir> (`dir`), prints the top self-time functions of the gateway's profile written
 * after `since` (ms since the epoch), over `phase` only (its start is a performance.now() of this process).
 */
export async function printCpuProfile(
  dir: string | undefined,
  since: number,
  gateway: GatewayProc,
  phase: { label: string; start: number; ms: number },
): Promise<void> {
  if (!dir) return;
  const file = await newestCpuProfile(dir, since);
  if (file) {
    console.log(`\n## Gateway CPU profile (${file}), ${phase.label}`);
    console.log(await summariseCpuProfile(file, { skipMs: phase.start - gateway.spawnedAt, windowMs: phase.ms, top: 25 }));
  } else console.log(`\n(no CPU profile found in ${dir})`);
}

/** The gateway's answer to a webhook: its HTTP status and JSON body (`{ ok, duplicate }`, or `{ error }`). */
export interface WebhookAnswer {
  readonly status: number;
  readonly json: { ok?: boolean; duplicate?: boolean; error?: { code?: string; message?: string } };
}

/** POSTs a delivery-status webhook body for `businessId`, signed with `signature`, as Connectly posts it. */
export async function postWebhook(pool: Pool, businessId: string, body: string, signature: string): Promise<WebhookAnswer> {
  const res = await pool.request({
    method: "POST",
    path: `/webhooks/connectly?businessId=${businessId}`,
    headers: { "content-type": "text/plain; charset=utf-8", "x-connectly-hmac-sha256": signature },
    body,
  });
  return { status: res.statusCode, json: (await res.body.json()) as WebhookAnswer["json"] };
}

const SEND_MUTATION = `mutation Send($input: SendSessionMessageInput!) { sendSessionMessage(input: $input) { __typename ... on Message { id connectlyId status } ... on ErrorResult { code } } }`;

/** The `i`th text message of a run, as a GraphQL request body (its messageId is `<run>-<i>`). */
export const sendBody = (i: number, run: string): string =>
  JSON.stringify({
    query: SEND_MUTATION,
    variables: { input: { businessId: "bench", recipient: { id: "+16044441111" }, content: { text: `bench ${run} ${i}` }, messageId: `${run}-${i}` } },
  });

/**
 * Offers `count` sendSessionMessage mutations of a run (sendBody) spread over the gateways at `concurrency`:
 * sorted latencies, the error codes seen with their counts, and the seconds it took.
 */
export async function offerSends(gateways: readonly { readonly url: string }[], count: number, concurrency: number, run: string) {
  const token = await benchToken();
  const clients = gateways.map((g) => graphqlClient(g.url, Math.ceil(concurrency / gateways.length), token));
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const client = clients[worker % clients.length]!;
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        const { json } = await client.post(sendBody(i, run));
        latencies.push(performance.now() - t0);
        // A failed send is a result with a code; a request that could not run is a GraphQL error.
        const { data, errors: errs } = json as { data?: { sendSessionMessage?: { code?: string } } | null; errors?: { extensions?: { code?: string } }[] };
        const code = errs?.length ? (errs[0]?.extensions?.code ?? "UNKNOWN") : data?.sendSessionMessage?.code;
        if (code != null) errors.set(code, (errors.get(code) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  return { latencies: latencies.sort((a, b) => a - b), errors, seconds };
}
