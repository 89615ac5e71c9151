import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (main) and ESM (module) builds. Node, and every package that imports
    // graphql (Apollo, graphql-tools, graphql-ws), load the CommonJS one; Vite would hand the
    // project's own files the ESM one, and graphql refuses a schema "from another module or realm".
    // One graphql in tests, as in production.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Each file gets its own database (see test/support/database.ts), so files run in parallel.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
