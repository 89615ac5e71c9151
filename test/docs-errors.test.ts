/** docs/errors.md's tables are generated from the SDL: this fails when they are stale (run `npm run docs:errors`). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorTables, sdlSchema } from "../src/graphql/error-tables.js";

describe("docs/errors.md", () => {
  it("holds exactly the tables the SDL renders (npm run docs:errors)", async () => {
    const doc = await readFile(path.resolve(import.meta.dirname, "../docs/errors.md"), "utf8");
    const between = doc.split("<!-- error-tables -->\n")[1]?.split("<!-- /error-tables -->")[0];
    expect(between, "docs/errors.md has no error-tables markers").toBeDefined();
    expect(between).toBe(errorTables());
  });

  it("lists every value of every error enum", () => {
    const tables = errorTables();
    const schema = sdlSchema();
    for (const name of ["ErrorCode", "RequestErrorCode", "AuthFailureReason", "InputRule"]) {
      const type = schema.getType(name);
      if (type == null || !("getValues" in type)) throw new Error(`no enum ${name}`);
      for (const value of type.getValues()) expect(tables).toContain(`| \`${value.name}\` |`);
    }
  });
});
