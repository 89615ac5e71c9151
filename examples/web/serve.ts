/**
 * `npm run example:web` — bundles app.ts with esbuild and serves the page on http://localhost:5173.
 * Start the gateway with CORS_ORIGINS=http://localhost:5173 (and a token secret to call it with a
 * token), since the page calls it from another origin.
 */
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 5173);
  const js = await bundle();
  const html = await readFile(new URL("./index.html", import.meta.url), "utf8");
  createServer((request, response) => {
    if (request.url === "/app.js") return void response.writeHead(200, { "content-type": "text/javascript" }).end(js);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  }).listen(port, "127.0.0.1", () => console.log(`Example page at http://localhost:${port} (start the gateway with CORS_ORIGINS=http://localhost:${port})`));
}
