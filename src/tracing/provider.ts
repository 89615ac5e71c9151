/**
 * The OpenTelemetry SDK's side of tracing: the global tracer provider and the OTLP exporter. Loaded
 * only when tracing is on (src/core), so a gateway without it does not hold the SDK.
 */
import { context, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export interface Tracing {
  shutdown(): Promise<void>;
}

/** Batches finished spans to an OTLP/HTTP traces endpoint, e.g. http://collector:4318/v1/traces. */
export const otlpProcessor = (endpoint: string): SpanProcessor => new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }));

/** Registers the global tracer provider, its spans going to `processor`. */
export function startTracing(serviceName: string, processor: SpanProcessor): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}
