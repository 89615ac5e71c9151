/**
 * `npm run example:web` — bundles app.ts with esbuild and serves the page on http://localhost:5173.
 * Start the gateway with CORS_ORIGINS=http://localhost:5173 (and a token secret to call it with a
 * token), since the page calls it from another origin.
 *
 * In sandbox mode, give this server the sandbox's URL and key that `npm start` prints
 * (SANDBOX_URL, SANDBOX_KEY): the page's "customer taps a button" control posts to this server,
 * which forwards the tap to the sandbox's control, so the key never reaches the browser.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { z } from "zod";

/** Where the sandbox's controls are, and the key they take (sandbox mode only). */
export interface SandboxControls {
  readonly url: string;
  readonly apiKey: string;
}

export interface PageOptions {
  /** Enables POST /sandbox/tap; without it the page's simulate control answers 404. */
  readonly sandbox?: SandboxControls;
}

/** The path the page posts a simulated button tap to. */
export const TAP_PATH = "/sandbox/tap";

/** What the page may ask for: one button tap of one message; nothing else is forwarded with the key. */
const Tap = z.strictObject({
  businessId: z.string().min(1).max(128),
  customerId: z.string().min(1).max(128),
  /** Connectly's id of the reply-button message tapped. */
  replyTo: z.string().min(1).max(256),
  button: z.strictObject({ id: z.string().min(1).max(256), text: z.string().min(1).max(20) }),
});

const MAX_BODY = 16 * 1024;

export async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [new URL("./app.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  return result.outputFiles[0]!.text;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Only the page itself may tap: a JSON body (another site's form or no-cors fetch cannot send one
 * without a preflight this server never answers), from this origin, to a loopback Host (no DNS rebinding).
 */
function crossSiteRefusal(request: IncomingMessage): { status: number; error: string } | null {
  if (!/^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? "")) return { status: 415, error: "The body must be application/json." };
  const host = request.headers.host ?? "";
  if (!/^(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/.test(host)) return { status: 403, error: "The page's server answers taps on its loopback address only." };
  if (request.headers.origin !== `http://${host}`) return { status: 403, error: "A tap must come from the page itself (its Origin)." };
  return null;
}

/** Forwards a tap to the sandbox's "a customer writes or answers" control and answers what the sandbox answered. */
async function forwardTap(sandbox: SandboxControls | undefined, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!sandbox) return json(response, 404, { error: "The page's server was started without the sandbox's URL and key (SANDBOX_URL, SANDBOX_KEY)." });
  const refusal = crossSiteRefusal(request);
  if (refusal) return json(response, refusal.status, { error: refusal.error });
  const text = await readBody(request);
  if (text === undefined) return json(response, 413, { error: "The body is too large." });
  let parsed: ReturnType<typeof Tap.safeParse>;
  try {
    parsed = Tap.safeParse(JSON.parse(text));
  } catch {
    return json(response, 400, { error: "The body is not JSON." });
  }
  if (!parsed.success) return json(response, 400, { error: z.prettifyError(parsed.error) });
  const { businessId, customerId, replyTo, button } = parsed.data;
  const target = `${sandbox.url}/sandbox/businesses/${encodeURIComponent(businessId)}/customers/${encodeURIComponent(customerId)}/inbound`;
  const answer = await fetch(target, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": sandbox.apiKey },
    body: JSON.stringify({ button, replyTo }),
  }).catch((error: unknown) => error as Error);
  if (answer instanceof Error) return json(response, 502, { error: `The sandbox did not answer: ${answer.message}` });
  const body: unknown = await answer.json().catch(() => ({}));
  json(response, answer.status, body);
}

/** Serves the page, its bundle and (in sandbox mode) the tap control; resolves with the address once listening. */
export async function servePage(port: number, host = "127.0.0.1", options: PageOptions = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const js = await bundle();
  const html = await readFile(new URL("./index.html", import.meta.url), "utf8");
  const server = createServer((request, response) => {
    if (request.url === "/app.js") return void response.writeHead(200, { "content-type": "text/javascript" }).end(js);
    if (request.url === TAP_PATH && request.method === "POST") {
      return void forwardTap(options.sandbox, request, response).catch((error: Error) => json(response, 500, { error: error.message }));
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://${host}:${bound}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 5173);
  const { SANDBOX_URL: url, SANDBOX_KEY: apiKey } = process.env;
  await servePage(port, "127.0.0.1", url && apiKey ? { sandbox: { url, apiKey } } : {});
  console.log(`Example page at http://localhost:${port} (start the gateway with CORS_ORIGINS=http://localhost:${port})`);
  console.log(
    url && apiKey
      ? `Simulated button taps go to the sandbox at ${url}.`
      : "No SANDBOX_URL and SANDBOX_KEY: the page's simulated button taps are off (give the ones npm start prints to turn them on).",
  );
}
