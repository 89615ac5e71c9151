/**
 * Crash recovery on a schedule: at start-up and every minute, messages left PENDING by a process
 * that died are resolved (sending/recover.ts has the rule).
 */
import type { Config } from "../config/config.js";
import { recoverInterrupted, type RecoveryReport } from "../sending/recover.js";
import type { SendingDeps } from "../sending/types.js";
import type { CoreLog } from "./log.js";
import type { Shutdown } from "./shutdown.js";

const SWEEP_EVERY_MS = 60_000;

export interface Recovery {
  /** Resolves messages left PENDING since before `staleBefore` (by default: older than any live process could still be sending). */
  readonly recover: (staleBefore?: Date) => Promise<RecoveryReport>;
  /** Runs the start-up pass and starts the sweep; both stop at shutdown. */
  readonly start: () => void;
}

export function createRecovery(config: Config, sending: SendingDeps, options: { embedded: boolean; log: CoreLog; shutdown: Shutdown }): Recovery {
  const { log } = options;
  // A PENDING row is stale once no live process can still be working on it: after the send deadline
  // plus the HTTP timeouts. With the embedded database (one process, by its lock) every row older
  // than this process's start is stale at start-up.
  const startedAt = new Date();
  const staleAfterMs = config.outbound.retry.deadlineMs + config.connectlyHttp.headersTimeoutMs + config.connectlyHttp.bodyTimeoutMs + 10_000;
  const recover = async (staleBefore = new Date(Date.now() - staleAfterMs)) => {
    const report = await recoverInterrupted(sending, staleBefore);
    if (report.recovered > 0) log.warn(report, "resolved messages left PENDING by an interrupted gateway");
    return report;
  };
  const logFailure = (error: unknown) => log.error({ err: error }, "crash recovery failed");
  return {
    recover,
    start: () => {
      const startup = recover(options.embedded ? startedAt : undefined).catch(logFailure);
      const sweep = setInterval(() => void recover().catch(logFailure), SWEEP_EVERY_MS);
      sweep.unref();
      options.shutdown.opened("recovery sweep", async () => {
        clearInterval(sweep);
        await startup;
      });
    },
  };
}
