/** Probes and metrics: /healthz while the process runs, /readyz while it should get traffic, /metrics for Prometheus. */
import type { FastifyPluginAsync } from "fastify";
import { migrationNames } from "../../persistence/migrate.js";
import type { EdgeOptions } from "../app.js";
import { createReadiness } from "../health.js";
import { metricsAccess } from "../http-auth.js";

export const probesPlugin: FastifyPluginAsync<EdgeOptions> = async (scope, { core, config }) => {
  const readiness = createReadiness(
    { prisma: core.database.prisma, direct: core.database.direct, shuttingDown: () => core.shutdown.closing },
    await migrationNames(),
  );
  scope.get("/healthz", async () => ({ status: "ok" }));
  scope.get("/readyz", async (_request, reply) => {
    const { ready, checks } = await readiness();
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", checks });
  });
  const mayReadMetrics = metricsAccess({ authOn: config.auth !== undefined, metricsToken: config.metricsToken });
  const { registry } = core.metrics;
  scope.get("/metrics", async (request, reply) => {
    const access = mayReadMetrics(request.headers.authorization);
    if (access !== true) throw access;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
