/**
 * Benchmark: session and template sends sharing Connectly's rate limit.
 *
 * Starts the Connectly sandbox (strict sliding window of 200 requests/s per API key, counting
 * send/messages and send/whatsapp_templated_messages together, 429 beyond) and one gateway as separate
 * processes on a real PostgreSQL, then offers, at the same concurrency:
 *  1. the baseline: 2N session sends (sendSessionMessage, text), today's path;
 *  2. the mix: N session sends and N template sends (sendTemplateMessage) interleaved, at once.
 * Prints, beside each other, the rate the sandbox accepted (combined and per endpoint), its 429s (must be
 * 0), the most requests it answered in any one-second span (must be at most the limit), the mutation
 * latency per endpoint, the client-visible errors, and the gateway's resident memory.
 *
 * Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres, a fresh database is
 * created beside it), BENCH_MESSAGES (sends per endpoint in the mix, 2000; the baseline sends twice as
 * many), BENCH_CONCURRENCY (200), BENCH_TEMPLATE (thanks: the sandbox's thanks/en, no parameters;
 * order_ready: order_ready/en_US with its four parameters), BENCH_SANDBOX_RATE (200).
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  BENCH_AUTH_SECRET,
  benchToken,
  databaseUrlFor,
  dropDatabase,
  fmt,
  graphqlClient,
  percentile,
  startGatewayProcess,
  startSandboxProcess,
  type Proc,
} from "./lib.js";

const baseDb = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const RATE = Number(process.env.BENCH_SANDBOX_RATE ?? 200);
const TEMPLATE = process.env.BENCH_TEMPLATE === "order_ready" ? "order_ready" : "thanks";
const API_KEY = `bench_${randomBytes(8).toString("hex")}`;
const RECIPIENT = "+16044441111";

type Kind = "session" | "template";
const KINDS: readonly Kind[] = ["session", "template"];
interface Job {
  readonly kind: Kind;
  readonly i: number;
}

const RESULT = `__typename ... on Message { id connectlyId status } ... on ErrorResult { code }`;
const SESSION = `mutation Send($input: SendSessionMessageInput!) { sendSessionMessage(input: $input) { ${RESULT} } }`;
const TEMPLATED = `mutation Send($input: SendTemplateMessageInput!) { sendTemplateMessage(input: $input) { ${RESULT} } }`;

// The sandbox's built-in catalog: thanks/en has no parameters; order_ready/en_US takes four.
const TEMPLATE_INPUT =
  TEMPLATE === "thanks"
    ? { name: "thanks", language: "en" }
    : {
        name: "order_ready",
        language: "en_US",
        parameters: [
          { name: "header_image", value: "https://cdn.example.com/p.png" },
          { name: "body_1", value: "Ana" },
          { name: "body_2", value: "A1B2" },
          { name: "button_1_url", value: "A1B2" },
        ],
      };

function body(job: Job, run: string): string {
  const messageId = `${run}-${job.kind[0]}-${job.i}`;
  if (job.kind === "session") {
    const input = { businessId: "bench", recipient: { id: RECIPIENT }, content: { text: `bench ${run} ${job.i}` }, messageId };
    return JSON.stringify({ query: SESSION, variables: { input } });
  }
  return JSON.stringify({ query: TEMPLATED, variables: { input: { businessId: "bench", recipient: { id: RECIPIENT }, template: TEMPLATE_INPUT, messageId } } });
}

/** `session` session sends and `template` template sends, interleaved so both are in flight together. */
function jobs(session: number, template: number): Job[] {
  const out: Job[] = [];
  for (let i = 0; i < Math.max(session, template); i++) {
    if (i < session) out.push({ kind: "session", i });
    if (i < template) out.push({ kind: "template", i });
  }
  return out;
}

interface SandboxStats {
  total: number;
  received: number;
  accepted: number;
  rateLimited: number;
  firstAcceptedAt: number | null;
  lastAcceptedAt: number | null;
  acceptedIds: string[];
  /** [answered at (ms since the epoch), HTTP status] of every request, in order. */
  timeline: [number, number][];
}

/** The sandbox's log from request number `since` on. */
async function stats(sandbox: Proc, since = 0): Promise<SandboxStats> {
  return (await (await fetch(`${sandbox.url}/sandbox/stats?since=${since}`)).json()) as SandboxStats;
}

interface KindResult {
  latencies: number[];
  /** Connectly ids of the messages the gateway answered ACCEPTED. */
  acceptedIds: string[];
}

interface Offered {
  byKind: Record<Kind, KindResult>;
  errors: Map<string, number>;
  seconds: number;
}

type Answer = {
  data?: Record<string, { __typename?: string; connectlyId?: string | null; status?: string; code?: string } | null> | null;
  errors?: { extensions?: { code?: string } }[];
};

/** Sends the jobs to the gateway at `concurrency`; returns latencies per endpoint, accepted ids and error codes. */
async function offer(gateway: Proc, work: readonly Job[], concurrency: number, run: string, token: string): Promise<Offered> {
  const client = graphqlClient(gateway.url, concurrency, token);
  const byKind: Record<Kind, KindResult> = { session: { latencies: [], acceptedIds: [] }, template: { latencies: [], acceptedIds: [] } };
  const errors = new Map<string, number>();
  const count = (code: string) => errors.set(code, (errors.get(code) ?? 0) + 1);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < work.length; n = next++) {
        const job = work[n]!;
        const t0 = performance.now();
        const { json } = await client.post(body(job, run));
        byKind[job.kind].latencies.push(performance.now() - t0);
        // A failed send is a result with a code; a request that could not run is a GraphQL error.
        const { data, errors: errs } = json as Answer;
        const result = data?.[job.kind === "session" ? "sendSessionMessage" : "sendTemplateMessage"];
        if (errs?.length) count(errs[0]?.extensions?.code ?? "UNKNOWN");
        else if (result?.code != null) count(result.code);
        else if (result?.status === "ACCEPTED" && result.connectlyId) byKind[job.kind].acceptedIds.push(result.connectlyId);
        else count(`${job.kind}:${result?.__typename ?? "null"}:${result?.status ?? "?"}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await client.close();
  for (const kind of KINDS) byKind[kind].latencies.sort((a, b) => a - b);
  return { byKind, errors, seconds };
}

/** The most of `times` (ms, ascending) within any span [t, t + windowMs): what a strict window would count. */
function mostInWindow(times: readonly number[], windowMs = 1000): number {
  let most = 0;
  let last = 0;
  for (let first = 0; first < times.length; first++) {
    while (last < times.length && times[last]! < times[first]! + windowMs) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

/** Sustained rate of a list of answer times: those after the first, over the time from the first to the last. */
const sustained = (times: readonly number[]): number => (times.length < 2 ? NaN : (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000));

interface Figures {
  label: string;
  offered: Record<Kind, number>;
  result: Offered;
  accepted: number;
  rate: number;
  rateByKind: Record<Kind, number>;
  r429: number;
  mostInOneSecond: number;
  /** Messages the gateway answered ACCEPTED that the sandbox never accepted, and sandbox acceptances the gateway did not answer. */
  lost: number;
  unanswered: number;
  rssMb: number;
}

/**
 * Reads the phase's figures from the sandbox's log. The timeline carries no ids, but its 200s are the
 * accepted sends in acceptedIds' order when no catalog read (a 200 without an id) fell in the phase,
 * which the warm-up ensures; the gateway's answers then say which endpoint each one was.
 */
function analyse(label: string, offered: Record<Kind, number>, phase: SandboxStats, result: Offered, rssMb: number): Figures {
  const kindOf = new Map<string, Kind>();
  for (const kind of KINDS) for (const id of result.byKind[kind].acceptedIds) kindOf.set(id, kind);
  const okTimes = phase.timeline.filter(([, status]) => status === 200).map(([at]) => at);
  const aligned = okTimes.length === phase.acceptedIds.length;
  const timesByKind: Record<Kind, number[]> = { session: [], template: [] };
  if (aligned) phase.acceptedIds.forEach((id, n) => timesByKind[kindOf.get(id) ?? "session"].push(okTimes[n]!));
  const upstream = new Set(phase.acceptedIds);
  return {
    label,
    offered,
    result,
    accepted: phase.accepted,
    rate: sustained(okTimes),
    rateByKind: { session: aligned ? sustained(timesByKind.session) : NaN, template: aligned ? sustained(timesByKind.template) : NaN },
    r429: phase.rateLimited,
    mostInOneSecond: mostInWindow(phase.timeline.map(([at]) => at).sort((a, b) => a - b)),
    lost: [...kindOf.keys()].filter((id) => !upstream.has(id)).length,
    unanswered: phase.acceptedIds.filter((id) => !kindOf.has(id)).length,
    rssMb,
  };
}

const rate = (n: number) => (Number.isFinite(n) ? `${fmt(n)}/s` : "—");
const latency = (f: Figures, kind: Kind) => {
  const l = f.result.byKind[kind].latencies;
  return l.length ? `${fmt(percentile(l, 50))} / ${fmt(percentile(l, 99))} ms` : "—";
};

/** Prints both phases side by side as a Markdown table, and returns what broke a target. */
function printTable(base: Figures, mixed: Figures): string[] {
  const rows: [string, (f: Figures) => string][] = [
    ["sends offered (session + template)", (f) => `${f.offered.session} + ${f.offered.template} in ${fmt(f.result.seconds)} s`],
    ["sandbox accepted", (f) => String(f.accepted)],
    [`accepted per second, combined (≥ ${fmt(RATE * 0.99, 0)}/s)`, (f) => rate(f.rate)],
    ["accepted per second, session endpoint", (f) => rate(f.rateByKind.session)],
    ["accepted per second, template endpoint", (f) => rate(f.rateByKind.template)],
    ["429s returned by the sandbox (0)", (f) => String(f.r429)],
    [`most requests in any 1-second span (≤ ${RATE})`, (f) => String(f.mostInOneSecond)],
    ["client-visible errors (0)", (f) => [...f.result.errors].map(([c, n]) => `${c}=${n}`).join(" ") || "0"],
    ["accepted by the gateway, not by the sandbox / the reverse (0 / 0)", (f) => `${f.lost} / ${f.unanswered}`],
    ["session mutation latency p50 / p99", (f) => latency(f, "session")],
    ["template mutation latency p50 / p99", (f) => latency(f, "template")],
    ["gateway resident memory after the phase", (f) => `${fmt(f.rssMb, 0)} MB`],
  ];
  console.log(`\n| measure (target) | ${base.label} | ${mixed.label} |\n|---|---|---|`);
  for (const [name, cell] of rows) console.log(`| ${name} | ${cell(base)} | ${cell(mixed)} |`);
  const problems: string[] = [];
  for (const f of [base, mixed]) {
    if (f.r429 > 0) problems.push(`${f.label}: ${f.r429} 429s`);
    if (f.mostInOneSecond > RATE) problems.push(`${f.label}: ${f.mostInOneSecond} requests in one second`);
    if (f.result.errors.size > 0) problems.push(`${f.label}: client errors`);
    if (f.lost + f.unanswered > 0) problems.push(`${f.label}: the gateway and the sandbox disagree`);
  }
  return problems;
}

/** Runs one measured phase: offers `work` after the window has emptied, then reads the sandbox's log of it. */
async function phase(gateway: Proc, sandbox: Proc, label: string, work: readonly Job[], run: string, token: string): Promise<Figures> {
  await sleep(1100); // let the previous phase's requests leave the window
  const before = (await stats(sandbox)).total;
  const result = await offer(gateway, work, CONCURRENCY, run, token);
  const offered = { session: work.filter((j) => j.kind === "session").length, template: work.filter((j) => j.kind === "template").length };
  return analyse(label, offered, await stats(sandbox, before), result, await gateway.rssMb());
}

async function createDatabase(name: string): Promise<string> {
  await dropDatabase(baseDb, name);
  return databaseUrlFor(baseDb, name);
}

const stamp = Date.now().toString(36);
const dbName = `bench_mixed_${stamp}`;
const dbUrl = await createDatabase(dbName);
const procs: Proc[] = [];
try {
  const sandbox = await startSandboxProcess(0, RATE, API_KEY);
  procs.push(sandbox);
  const gateway = await startGatewayProcess({
    DATABASE_URL: dbUrl,
    DATABASE_POOL_SIZE: "20",
    CONNECTLY_API_KEY: API_KEY,
    CONNECTLY_BASE_URL: sandbox.url,
    AUTH_JWT_SECRET: BENCH_AUTH_SECRET,
  });
  procs.push(gateway);
  const token = await benchToken();
  const template = `${TEMPLATE_INPUT.name}/${TEMPLATE_INPUT.language}`;
  console.log(`# send-mixed: sandbox strict at ${RATE} requests/s per key (both endpoints); template ${template}; concurrency ${CONCURRENCY}; PostgreSQL`);
  // Warm-up: both paths, and the business's catalog read into the database (TTL 300 s outlasts the run).
  const warm = await offer(gateway, jobs(25, 25), 10, `${stamp}-warm`, token);
  if (warm.errors.size > 0) throw new Error(`warm-up failed: ${[...warm.errors].map(([c, n]) => `${c}=${n}`).join(" ")}`);
  const base = await phase(gateway, sandbox, "session only", jobs(2 * MESSAGES, 0), `${stamp}-base`, token);
  const mixed = await phase(gateway, sandbox, "session + template", jobs(MESSAGES, MESSAGES), `${stamp}-mix`, token);
  const problems = printTable(base, mixed);
  if (problems.length > 0) console.log(`\nFAILED: ${problems.join("; ")}`);
  else console.log(`\nOK: no 429s, never more than ${RATE} requests in a second, no errors`);
  process.exitCode = problems.length > 0 ? 1 : 0;
} finally {
  for (const p of procs.reverse()) await p.stop();
  await dropDatabase(baseDb, dbName);
}
