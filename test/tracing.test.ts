/**
 * OpenTelemetry: one trace follows a mutation from the GraphQL request through the rate limiter,
 * the call to Connectly and the database writes. Spans are collected in memory (the same provider
 * the OTLP exporter would feed).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { startGateway, type Gateway } from "../src/server/gateway.js";
import { createTestDatabase, type TestDatabase } from "./support/database.js";
import { testConfig } from "./support/gateway.js";
import { sendAccepted } from "./support/send.js";

describe("tracing", () => {
  let db: TestDatabase;
  let gateway: Gateway;
  const exporter = new InMemorySpanExporter();
  beforeAll(async () => {
    db = await createTestDatabase("tracing");
    gateway = await startGateway(testConfig(db.config), { spanProcessor: new SimpleSpanProcessor(exporter) });
  });
  afterAll(async () => {
    await gateway?.close();
    await db?.drop();
  });

  it("follows one mutation from the request through the limiter, Connectly and the database", async () => {
    exporter.reset();
    await sendAccepted(gateway, { businessId: "biz-trace", recipient: { id: "+16044449999" }, content: { text: "Traced" } });

    const spans = exporter.getFinishedSpans();
    const root = spans.find((s) => s.name === "graphql.request" && s.attributes["graphql.operation.name"] === "SendSessionMessage");
    expect(root).toBeDefined();
    expect(root!.attributes["graphql.operation.type"]).toBe("mutation");
    const traceId = root!.spanContext().traceId;
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const names = inTrace.map((s) => s.name);
    for (const name of ["ratelimit.acquire", "connectly.send_message", "db.messages.createPending", "db.messages.markAccepted"]) expect(names).toContain(name);

    // Each span descends from the request's span.
    const byId = new Map(inTrace.map((s) => [s.spanContext().spanId, s]));
    const descends = (span: ReadableSpan): boolean => {
      let parent = span.parentSpanContext?.spanId;
      while (parent) {
        if (parent === root!.spanContext().spanId) return true;
        parent = byId.get(parent)?.parentSpanContext?.spanId;
      }
      return false;
    };
    for (const span of inTrace.filter((s) => s !== root)) expect(descends(span), span.name).toBe(true);
    const upstream = inTrace.find((s) => s.name === "connectly.send_message")!;
    expect(upstream.attributes["http.response.status_code"]).toBe(200);
    // The order of a send: stored PENDING, admitted by the limiter, sent, stored ACCEPTED.
    const start = (name: string) => inTrace.find((s) => s.name === name)!.startTime;
    const ns = ([s, n]: [number, number]) => s * 1e9 + n;
    expect(ns(start("db.messages.createPending"))).toBeLessThanOrEqual(ns(start("ratelimit.acquire")));
    expect(ns(start("ratelimit.acquire"))).toBeLessThanOrEqual(ns(start("connectly.send_message")));
    expect(ns(start("connectly.send_message"))).toBeLessThanOrEqual(ns(start("db.messages.markAccepted")));
  });
});
