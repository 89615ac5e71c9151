/**
 * Crash recovery. A message left PENDING by a gateway process that died mid-send is found by a
 * later start-up (and by a periodic sweep) and resolved by one rule: it is sent once more with the
 * same message.id (Connectly deduplicates by id, so one that did get through is not sent twice);
 * if that attempt fails, the message is FAILED with INTERRUPTED (written and published once, as
 * its one outcome). A template message is not sent again: its endpoint takes no message id, so a
 * second call could reach the customer twice; it is UNCONFIRMED with INTERRUPTED instead. No message
 * stays PENDING forever.
 */
import type { ErrorCode } from "../domain/errors.js";
import type { MessageRow } from "../persistence/messages.js";
import type { DeliveryFailure } from "../connectly/delivery.js";
import { deliver, requestOf } from "./deliver.js";
import type { SendingDeps } from "./types.js";

const INTERRUPTED: ErrorCode = "INTERRUPTED";

const interrupted = (failure: DeliveryFailure) => ({
  code: INTERRUPTED,
  message: `The gateway stopped while sending this message; sending it again once after restart failed: ${failure.message}`,
});

export interface RecoveryReport {
  readonly recovered: number;
  readonly accepted: number;
  readonly failed: number;
}

/** Resolves PENDING rows not touched since `staleBefore`, a batch at a time. */
export async function recoverInterrupted(deps: SendingDeps, staleBefore: Date, batch = 100): Promise<RecoveryReport> {
  let recovered = 0;
  let accepted = 0;
  let failed = 0;
  for (;;) {
    const candidates = await deps.store.findStalePending(staleBefore, batch);
    if (candidates.length === 0) break;
    const results = await Promise.all(candidates.map((row) => recoverOne(deps, row, staleBefore)));
    for (const r of results) {
      if (r === "skipped") continue;
      recovered++;
      if (r === "accepted") accepted++;
      else failed++;
    }
    if (candidates.length < batch) break;
  }
  return { recovered, accepted, failed };
}

async function recoverOne(deps: SendingDeps, row: MessageRow, staleBefore: Date): Promise<"accepted" | "failed" | "skipped"> {
  // Claiming touches the row, so another process sweeping at the same time skips it.
  if (!(await deps.store.claimStale(row.id, staleBefore))) return "skipped";
  const apiKey = deps.apiKeyFor(row.businessId);
  if (apiKey == null) {
    const failed = await deps.store.markFailed(row, {
      code: INTERRUPTED,
      message: "The gateway stopped while sending this message, and it has no API key for the business any more to send it again.",
      upstreamStatus: null,
      attempts: row.attempts, // the claim counted a call that was not made
      status: "FAILED",
    });
    deps.onOutcome?.(failed);
    return "failed";
  }
  if (requestOf(row).endpoint === "template") {
    const unconfirmed = await deps.store.markFailed(row, {
      code: INTERRUPTED,
      message:
        "The gateway stopped while sending this template message, so it may have been sent. Connectly's template endpoint takes no message id to deduplicate by, so the gateway does not send it again: wait for its delivery status, or send it with a new messageId.",
      upstreamStatus: null,
      attempts: row.attempts, // the claim counted a call that was not made
      status: "UNCONFIRMED",
    });
    deps.onOutcome?.(unconfirmed);
    return "failed";
  }
  // deliver stores (and publishes) the one outcome; a failure reads as INTERRUPTED, not as Connectly's code.
  const outcome = await deliver(deps, { ...row, attempts: row.attempts + 1 }, apiKey, { maxAttempts: 1, describeFailure: interrupted });
  return outcome.ok ? "accepted" : "failed";
}
