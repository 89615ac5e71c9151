/** `npm run docs:errors`: rewrites the error tables in docs/errors.md from the SDL (src/graphql/error-tables.ts renders them). */
import { readFile, writeFile } from "node:fs/promises";
import { errorTables } from "../src/graphql/error-tables.js";

const path = new URL("../docs/errors.md", import.meta.url);
const doc = await readFile(path, "utf8");
const start = doc.indexOf("<!-- error-tables");
const end = doc.indexOf("<!-- /error-tables -->");
if (start < 0 || end < 0) throw new Error("docs/errors.md has no error-tables markers");
const header = doc.slice(start, doc.indexOf("\n", start) + 1);
await writeFile(path, `${doc.slice(0, start)}${header}${errorTables()}${doc.slice(end)}`);
console.log("docs/errors.md: error tables written from schema/errors.graphql.");
