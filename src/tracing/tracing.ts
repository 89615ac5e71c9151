/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: one trace follows a
 * mutation from the GraphQL request through the rate limiter, the call to Connectly and every
 * database statement. The instruments are wrappers the core applies (src/core); without a
 * provider the API's tracer is a no-op, so they cost next to nothing when tracing is off. The SDK that
 * exports spans is in provider.ts, loaded only when tracing is on.
 */
import { SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import type { ConnectlyClient } from "../connectly/client.js";
import type { RateLimiter } from "../ratelimit/limiter.js";

const tracer = trace.getTracer("connectly-graphql-gateway");

/** Runs `fn` in a new active span; errors mark the span and pass through. */
export async function inSpan<T>(name: string, attributes: Record<string, string | number>, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

export function traceConnectly(client: ConnectlyClient): ConnectlyClient {
  return {
    sendMessage: (businessId, apiKey, request) =>
      inSpan("connectly.send_message", { "connectly.business_id": businessId, "connectly.endpoint": request.endpoint }, async (span) => {
        const result = await client.sendMessage(businessId, apiKey, request);
        span.setAttribute("http.response.status_code", result.ok ? result.status : (result.failure.upstream.status ?? 0));
        if (!result.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: result.failure.code });
        return result;
      }),
    getTemplates: (businessId, apiKey) =>
      inSpan("connectly.get_templates", { "connectly.business_id": businessId }, async (span) => {
        const result = await client.getTemplates(businessId, apiKey);
        if (!result.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: result.failure.code });
        return result;
      }),
    close: () => client.close(),
  };
}

export function traceLimiter(limiter: RateLimiter): RateLimiter {
  return {
    acquire: (key, deadline) => inSpan("ratelimit.acquire", {}, () => limiter.acquire(key, deadline)),
    queued: () => limiter.queued(),
    close: () => limiter.close(),
  };
}

/** Every method of a store becomes a `db.<store>.<method>` span. */
export function traceStore<T extends object>(name: string, store: T): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      return (...args: unknown[]) =>
        inSpan(`db.${name}.${property}`, { "db.system": "postgresql" }, async () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}
