/** `npm run docs:config`: rewrites the configuration table in docs/configuration.md from the declarations in src/config/variables.ts. */
import { readFile, writeFile } from "node:fs/promises";
import { configurationTable } from "../src/config/table.js";
import { VARIABLES } from "../src/config/config.js";

const path = new URL("../docs/configuration.md", import.meta.url);
const doc = await readFile(path, "utf8");
const start = doc.indexOf("<!-- config-table");
const end = doc.indexOf("<!-- /config-table -->");
if (start < 0 || end < start) throw new Error("docs/configuration.md has no config-table markers");
const header = doc.slice(start, doc.indexOf("\n", start) + 1);
await writeFile(path, `${doc.slice(0, start)}${header}${configurationTable()}${doc.slice(end)}`);
console.log(`docs/configuration.md: ${VARIABLES.length} configuration variables.`);
