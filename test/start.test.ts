/**
 * `npm start` as a user runs it: a separate process on the embedded defaults (or DATABASE_URL), the
 * README's curl body sent over HTTP, the row in the database, a clean stop on SIGTERM. Also the
 * start-up failures a user meets: a bad variable, a second process on the same embedded directory.
 */
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { ready, root, startProcess } from "./support/process.js";

/** The JSON body of the README's curl (the block after the readme-curl marker). */
async function readmeCurlBody(): Promise<unknown> {
  const readme = await readFile(path.join(root, "README.md"), "utf8");
  const block = readme.split("<!-- readme-curl")[1]!.split("```bash")[1]!.split("```")[0]!;
  const data = /-d '([^']+)'/.exec(block)?.[1];
  if (!data) throw new Error("no curl -d body in the README's readme-curl block");
  return JSON.parse(data);
}

describe("npm start", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("start");
  });
  afterAll(() => db.drop());

  const databaseEnv = (): Record<string, string> =>
    db.config.kind === "postgres" ? { DATABASE_URL: db.config.url } : { EMBEDDED_DATABASE_DIR: db.config.dir };

  it("serves the README's curl in sandbox mode, stores the row, and stops on SIGTERM", async () => {
    // HOST asks for every interface, but with no auth configured only this machine may call.
    const child = startProcess({ PORT: "0", HOST: "0.0.0.0", ...databaseEnv() });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    try {
      const url = await ready(child);
      expect(output).toMatch(/SANDBOX MODE/);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      expect(output).toMatch(/AUTH OFF: .*listening on 127\.0\.0\.1 only \(HOST=0\.0\.0\.0 is not honoured without auth\)/);
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(await readmeCurlBody()) });
      const body = (await response.json()) as { data: { sendSessionMessage: { __typename: string; id: string; connectlyId: string; status: string } } };
      const message = body.data.sendSessionMessage;
      expect(message.__typename).toBe("Message");
      expect(message.status).toBe("ACCEPTED");
      expect(message.connectlyId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);

      // The second process on the same embedded directory is refused while this one runs.
      if (db.config.kind === "embedded") {
        const second = startProcess({ PORT: "0", ...databaseEnv() });
        let err = "";
        second.stderr.on("data", (d: Buffer) => (err += d.toString()));
        const [code] = (await once(second, "exit")) as [number];
        expect(code).toBe(1);
        expect(err).toMatch(/in use by process \d+.*DATABASE_URL/);
      }

      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number];
      expect(code).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }

    // The row survives the process: open the same database and find it.
    const { openDatabase } = await import("../src/persistence/database.js");
    const database = await openDatabase(db.config);
    try {
      const rows = await database.prisma.message.findMany({ where: { businessId: "demo-business" } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: "ACCEPTED", recipientId: "+16044441111", callbackData: { order_id: "12345" } });
    } finally {
      await database.close();
    }
  });

  it("with --expose-gc (as the start scripts pass it), collects once quiet and counts it in /metrics", async () => {
    const child = startProcess({ PORT: "0", LOG_LEVEL: "debug", ...databaseEnv() }, ["--expose-gc"]);
    try {
      const url = await ready(child);
      // The first quiet second after start collects (none ran yet); its log line is the event to await.
      for await (const line of createInterface({ input: child.stdout })) if (line.includes("collected while idle")) break;
      const metrics = await fetch(url.replace(/\/graphql$/, "/metrics")).then((r) => r.text());
      expect(Number(/^gateway_idle_collection_seconds_count (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    } finally {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
  });

  it("as deployed without Redis or tracing, through start-up, a readiness probe and shutdown, loads neither them, nor the sandbox, nor (on PostgreSQL) Prisma's query compiler", async () => {
    // A module hook in node's loader thread writes every module URL it loads to a file.
    const scratch = await mkdtemp(path.join(tmpdir(), "gwtest-start-modules-"));
    onTestFinished(() => rm(scratch, { recursive: true, force: true }));
    const record = path.join(scratch, "loaded-modules.txt");
    const hooks = `import{appendFileSync}from"node:fs";export async function load(u,c,n){if(u.startsWith("file:"))appendFileSync(${JSON.stringify(record)},u+"\\n");return n(u,c)}`;
    const register = `import{register}from"node:module";register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)})`;
    const child = startProcess(
      {
        PORT: "0",
        ...databaseEnv(),
        CONNECTLY_API_KEY: "start-test-key",
        CONNECTLY_BASE_URL: "http://127.0.0.1:9",
        AUTH_JWT_SECRET: "start-test-secret-start-test-secret-0123456789",
      },
      ["--import", `data:text/javascript,${encodeURIComponent(register)}`],
    );
    try {
      const url = await ready(child);
      // A readiness probe, as docker-compose.yml's healthcheck sends every few seconds, reads the database too.
      expect((await fetch(url.replace(/\/graphql$/, "/readyz"))).status).toBe(200);
      // The shutdown waits for the start-up pass of crash recovery, so the record holds its reads too.
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number];
      expect(code).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
    const loaded = (await readFile(record, "utf8")).split("\n");
    // What the record must hold: the gateway's own modules and a CommonJS package imported from them.
    expect(loaded.some((url) => url.includes("/src/server/gateway.ts"))).toBe(true);
    expect(loaded.some((url) => /\/node_modules\/pg\//.test(url))).toBe(true);
    const unwanted = [
      /\/node_modules\/ioredis\//,
      /\/node_modules\/@opentelemetry\/(?!api\/)/,
      /\/src\/tracing\/provider\.ts/,
      // The sandbox's template rules are read with the configuration; the rest of it only runs as the built-in sandbox.
      /\/src\/sandbox\/(?!templates\.ts)/,
    ];
    if (db.config.kind === "postgres") unwanted.push(/query_compiler/);
    expect(loaded.filter((url) => unwanted.some((pattern) => pattern.test(url)))).toEqual([]);
  });

  it.each([
    [{ PORT: "abc" }, /^Configuration error: PORT must be a whole number from 0 to 65535, but is "abc"\.\n$/],
    [{ DATABASE_URL: "mysql://x/y" }, /^Configuration error: DATABASE_URL must start with postgresql:\/\/ or postgres:\/\/.*\n$/],
    [{ CONNECTLY_BASE_URL: "https://api.connectly.ai" }, /^Configuration error: CONNECTLY_BASE_URL is set but CONNECTLY_API_KEY is not.*\n$/],
    [{ CONNECTLY_API_KEY: "k", CONNECTLY_BUSINESS_API_KEYS: "nokey" }, /^Configuration error: CONNECTLY_BUSINESS_API_KEYS must be businessId=key pairs.*\n$/],
    [
      { CONNECTLY_API_KEY: "k" },
      /^Configuration error: CONNECTLY_API_KEY is set but neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is: set one, so that only your apps can send messages in your businesses' name\.\n$/,
    ],
  ])("refuses to start with %o, in one sentence naming the variable", async (env, message) => {
    const child = startProcess(env);
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(1);
    expect(err.replace(/^npm warn.*\n/gm, "")).toMatch(message);
  });
});
