/**
 * The operation log's levels: a successful operation is a debug line and a failed one an info line,
 * so at the default level (info) only failures are written. (That a skipped line is not even built is a
 * cost, measured by bench/graphql-overhead, not a behaviour a test can see.)
 */
import { ApolloServer } from "@apollo/server";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { GraphQLContext } from "../src/graphql/context.js";
import { createMetrics } from "../src/metrics/metrics.js";
import { operationObserver } from "../src/server/operation-log.js";

async function run(level: "info" | "debug") {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs: "type Query { ok: Boolean, broken: Boolean }",
    resolvers: {
      Query: {
        ok: () => true,
        broken: () => {
          throw new GraphQLError("No.", { extensions: { code: "FORBIDDEN" } });
        },
      },
    },
    plugins: [operationObserver(log, createMetrics({ queued: () => 0, subscriptions: () => 0 }))],
  });
  await apollo.start();
  const context = (requestId: string) =>
    ({ principal: { id: "svc-1" }, operation: { type: null, businesses: new Set(["biz-1"]), requestId, resultErrors: [] } }) as unknown as GraphQLContext;
  await apollo.executeOperation({ query: "query Fine { ok }" }, { contextValue: context("req-1") });
  await apollo.executeOperation({ query: "query Refused { broken }" }, { contextValue: context("req-2") });
  await apollo.stop();
  return lines.filter((l) => typeof l.msg === "string" && l.msg.startsWith("graphql operation"));
}

describe("operation log", () => {
  it("at info, writes failed operations only", async () => {
    const lines = await run("info");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "graphql operation failed",
      reqId: "req-2",
      operation: "Refused",
      outcome: "FORBIDDEN",
      principal: "svc-1",
      businessIds: ["biz-1"],
    });
  });

  it("at debug, writes every operation", async () => {
    const lines = await run("debug");
    expect(lines.map((l) => [l.msg, l.reqId, l.outcome])).toEqual([
      ["graphql operation", "req-1", "ok"],
      ["graphql operation failed", "req-2", "FORBIDDEN"],
    ]);
  });
});
