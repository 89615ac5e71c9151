/**
 * `npm run example:web` — bundles app.ts with esbuild and serves the page on http://localhost:5173.
 * Start the gateway with CORS_ORIGINS=http://localhost:5173 (and a token secret to call it with a
 * token), since the page calls it from another origin.
 */
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";

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

/** Serves the page and its bundle; resolves with the address once listening. */
export async function servePage(port: number, host = "127.0.0.1"): Promise<{ url: string; close: () => Promise<void> }> {
  const js = await bundle();
  const html = await readFile(new URL("./index.html", import.meta.url), "utf8");
  const server = createServer((request, response) => {
    if (request.url === "/app.js") return void response.writeHead(200, { "content-type": "text/javascript" }).end(js);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://${host}:${bound}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 5173);
  await servePage(port);
  console.log(`Example page at http://localhost:${port} (start the gateway with CORS_ORIGINS=http://localhost:${port})`);
}
