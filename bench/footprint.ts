/**
 * Benchmark: the gateway's resident memory after start, and what holds it.
 *
 * Starts the production build idle on a fresh PostgreSQL database and on the embedded default (a
 * fresh EMBEDDED_DATABASE_DIR), and beside them, in the same run, processes that hold one part each:
 * Node alone, the embedded database (PGlite) alone, the Prisma client on PostgreSQL alone, and bare
 * Apollo on Fastify. Each is read from /proc after it is ready and has settled (BENCH_SETTLE_MS, 3000),
 * so the table shows which part of the gateway's footprint is whose.
 *
 * Env: BENCH_DATABASE_URL (as the other benches), BENCH_SETTLE_MS.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { fmt, ROOT, rssMbOf, runBench, startQuietGateway } from "./lib.js";

const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3000);

/** Each part on its own, as an ES module run by node; it prints "ready" once it holds what it measures. */
const PARTS: Record<string, (dbUrl: string) => string> = {
  "Node alone": () => `console.log("ready"); setInterval(() => {}, 1e6);`,
  "PGlite alone (in memory, SELECT 1)": () => `
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create("memory://");
    await db.query("SELECT 1");
    console.log("ready"); setInterval(() => {}, 1e6);`,
  "Prisma client on PostgreSQL alone (SELECT 1)": (dbUrl) => `
    const { PrismaClient } = await import("./dist/persistence/generated/prisma/client.js");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: ${JSON.stringify(dbUrl)} }) });
    await prisma.$queryRawUnsafe("SELECT 1");
    console.log("ready"); setInterval(() => {}, 1e6);`,
  "Apollo on Fastify alone ({ hello } served once)": () => `
    const { ApolloServer } = await import("@apollo/server");
    const { fastifyApolloHandler } = await import("@as-integrations/fastify");
    const Fastify = (await import("fastify")).default;
    const apollo = new ApolloServer({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hi" } } });
    await apollo.start();
    const app = Fastify();
    app.post("/graphql", fastifyApolloHandler(apollo));
    await app.listen({ port: 0, host: "127.0.0.1" });
    await app.inject({ method: "POST", url: "/graphql", payload: { query: "{ hello }" } });
    console.log("ready"); setInterval(() => {}, 1e6);`,
};

async function partRss(code: string): Promise<number> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => line === "ready" && resolve());
    child.once("exit", (code) => reject(new Error(`a part exited with ${code}`)));
  });
  await sleep(SETTLE_MS);
  const rss = await rssMbOf(child.pid!);
  child.kill("SIGTERM");
  await once(child, "exit");
  return rss;
}

async function gatewayRss(env: Record<string, string>): Promise<number> {
  const gateway = await startQuietGateway(env, [], 5);
  try {
    await sleep(SETTLE_MS);
    return await gateway.rssMb();
  } finally {
    await gateway.stop();
  }
}

await runBench("bench_footprint", "footprints measured", async (bench) => {
  const rows: [string, number, string][] = [];
  rows.push(["gateway, production build, PostgreSQL, idle after start", await gatewayRss({ DATABASE_URL: bench.dbUrl }), "≤ 150 MB"]);
  const dir = await mkdtemp(path.join(tmpdir(), "footprint-"));
  bench.onCleanup(() => rm(dir, { recursive: true, force: true }));
  rows.push(["gateway, production build, embedded database, idle after start", await gatewayRss({ DATABASE_URL: "", EMBEDDED_DATABASE_DIR: dir }), "≤ 400 MB"]);
  for (const [name, code] of Object.entries(PARTS)) rows.push([name, await partRss(code(bench.dbUrl)), "baseline"]);

  console.log(`# footprint: resident memory (VmRSS) ${SETTLE_MS} ms after ready; Node ${process.version}\n`);
  console.log("| process | resident MB | target |");
  console.log("|---|---|---|");
  for (const [name, rss, target] of rows) console.log(`| ${name} | ${fmt(rss, 0)} | ${target} |`);
});
