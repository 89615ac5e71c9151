/** `npm run docs:config`: rewrites the README's configuration table from VARIABLES in src/config/config.ts. */
import { readFile, writeFile } from "node:fs/promises";
import { VARIABLES } from "../src/config/config.js";

const path = new URL("../README.md", import.meta.url);
const readme = await readFile(path, "utf8");
const start = readme.indexOf("<!-- config-table");
const end = readme.indexOf("<!-- /config-table -->");
if (start < 0 || end < 0) throw new Error("README.md has no config-table markers");
const header = readme.slice(start, readme.indexOf("\n", start) + 1);
const table = [
  "| variable | default | meaning |",
  "|---|---|---|",
  ...VARIABLES.map((v) => `| \`${v.name}\` | \`${v.default}\` | ${v.description} |`),
].join("\n");
await writeFile(path, `${readme.slice(0, start)}${header}${table}\n${readme.slice(end)}`);
console.log(`README.md: ${VARIABLES.length} configuration variables.`);
